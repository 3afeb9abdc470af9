import queue
import random
import threading
import zlib

BLOCKS = __SIZE__
BLOCK_SIZE = 64 * 1024
STOP = object()


def producer(out_q, n):
    rng = random.Random(123)
    line = b"timestamp=0000000000 level=INFO msg=request served path=/api/v1/items\n"
    base = (line * (BLOCK_SIZE // len(line) + 1))[:BLOCK_SIZE]
    for i in range(n):
        blk = bytearray(base)
        for _ in range(64):
            p = rng.randrange(BLOCK_SIZE - 8)
            blk[p:p + 8] = rng.randbytes(8)
        out_q.put((i, bytes(blk)))
    out_q.put(STOP)


def compressor(in_q, out_q):
    comp_level = 6
    while True:
        item = in_q.get()
        if item is STOP:
            out_q.put(STOP)
            return
        i, blk = item
        out_q.put((i, len(blk), zlib.compress(blk, comp_level)))


def collector(in_q, result):
    raw = packed = 0
    crc = 0
    while True:
        item = in_q.get()
        if item is STOP:
            break
        i, n, data = item
        raw += n
        packed += len(data)
        crc = zlib.crc32(data, crc)
        assert len(zlib.decompress(data)) == n
    result.update(raw=raw, packed=packed, crc=crc)


q1, q2 = queue.Queue(maxsize=4), queue.Queue(maxsize=4)
result = {}
threads = [
    threading.Thread(target=producer, args=(q1, BLOCKS), name="produce"),
    threading.Thread(target=compressor, args=(q1, q2), name="compress"),
    threading.Thread(target=collector, args=(q2, result), name="collect"),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("blocks", BLOCKS, "raw", result["raw"], "packed", result["packed"], "crc %08x" % result["crc"])
