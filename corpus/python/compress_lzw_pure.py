import random

N = __SIZE__


def lzw_compress(data):
    dictionary = {bytes([i]): i for i in range(256)}
    w = b""
    out = []
    for byte in data:
        wc = w + bytes([byte])
        if wc in dictionary:
            w = wc
        else:
            out.append(dictionary[w])
            dictionary[wc] = len(dictionary)
            w = bytes([byte])
    if w:
        out.append(dictionary[w])
    return out


def lzw_decompress(codes):
    dictionary = {i: bytes([i]) for i in range(256)}
    w = dictionary[codes[0]]
    out = [w]
    for k in codes[1:]:
        entry = dictionary[k] if k in dictionary else w + w[:1]
        out.append(entry)
        dictionary[len(dictionary)] = w + entry[:1]
        w = entry
    return b"".join(out)


rng = random.Random(20)
words = [b"the ", b"quick ", b"brown ", b"fox ", b"jumps ", b"over ", b"lazy ", b"dog "]
data = b"".join(rng.choice(words) for _ in range(N // 5))[:N]
codes = lzw_compress(data)
assert lzw_decompress(codes) == data
print("lzw in", len(data), "codes", len(codes))
