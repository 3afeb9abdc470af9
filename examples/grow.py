# Memory that grows: 12 chunks of 10 MiB, a little at a time (needs about 130 MiB).
import time
chunks = []
for i in range(12):
    chunks.append(bytearray(b"x" * (10 << 20)))
    time.sleep(0.05)
print(sum(len(c) for c in chunks) >> 20, "MiB")
