import os
import random
import struct

N = __SIZE__
REC = struct.Struct("<iqd16s")
path = "/tmp/presize_records.bin"
rng = random.Random(29)
with open(path, "wb") as f:
    for i in range(N):
        f.write(REC.pack(i, rng.getrandbits(62), rng.random(), b"name%012d" % i))
acc = 0.0
with open(path, "rb") as f:
    for _ in range(N // 2):
        k = rng.randrange(N)
        f.seek(k * REC.size)
        i, big, val, name = REC.unpack(f.read(REC.size))
        assert i == k
        acc += val
os.remove(path)
print("records", N, "random reads", N // 2, "acc", round(acc, 4))
