# Memory that ramps up: 5 MiB every 100 ms to 150 MiB, touching every page.
import time

chunks = []
for i in range(30):
    chunks.append(b"\x01" * (5 << 20))
    time.sleep(0.1)
print(len(chunks) * 5, "MiB")
