# Pure-Python LZ77 with 3-byte hash chains (deque of recent positions, 32 KiB window),
# tokens packed with struct into a bytearray, then decoded and compared. Memory grows with
# the source length (source bytes, token stream, decoded copy, the hash-chain dict).
import struct
from collections import deque

SOURCE_BYTES = __SIZE__
WINDOW = 32768
MIN_MATCH, MAX_MATCH = 4, 255
CHAIN = 8
MATCH = struct.Struct("<BHB")


def make_source(n):
    words = [b"alpha", b"beta", b"gamma", b"delta", b"sensor", b"reading", b"value", b"=", b";", b"\n",
             b"temperature", b"pressure", b"ok", b"warn", b"0", b"1", b"2", b"3", b"42", b"17"]
    out = bytearray()
    state = 12345
    while len(out) < n:
        state = (state * 214013 + 2531011) & 0xFFFFFFFF
        out += words[(state >> 16) % len(words)]
        if (state >> 8) & 3 == 0:
            out += b" "
    return bytes(out[:n])


def compress(src):
    out = bytearray()
    chains = {}
    n = len(src)
    i = 0
    lit_start = 0

    def flush_literals(end):
        start = lit_start
        while start < end:
            take = min(255, end - start)
            out.append(0)
            out.append(take)
            out.extend(src[start:start + take])
            start += take

    while i < n:
        best_len = best_off = 0
        if i + MIN_MATCH <= n:
            key = src[i:i + 3]
            chain = chains.get(key)
            if chain is not None:
                limit = min(MAX_MATCH, n - i)
                for cand in reversed(chain):
                    off = i - cand
                    if off > WINDOW:
                        break
                    length = 3
                    while length < limit and src[cand + length] == src[i + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, off
                        if length == limit:
                            break
            else:
                chain = chains[key] = deque(maxlen=CHAIN)
            chain.append(i)
        if best_len >= MIN_MATCH:
            flush_literals(i)
            out += MATCH.pack(1, best_off, best_len)
            i += best_len
            lit_start = i
        else:
            i += 1
    flush_literals(n)
    return out, len(chains)


def decompress(buf):
    out = bytearray()
    p = 0
    while p < len(buf):
        if buf[p] == 0:
            take = buf[p + 1]
            out += buf[p + 2:p + 2 + take]
            p += 2 + take
        else:
            _, off, length = MATCH.unpack_from(buf, p)
            start = len(out) - off
            for k in range(length):
                out.append(out[start + k])
            p += MATCH.size
    return bytes(out)


source = make_source(SOURCE_BYTES)
packed, keys = compress(source)
restored = decompress(packed)
print("source", len(source), "packed", len(packed), "ratio %.3f" % (len(packed) / max(1, len(source))), "keys", keys, "roundtrip", restored == source)
