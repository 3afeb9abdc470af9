import sys
import zlib

comp = zlib.compressobj(level=6)
raw = 0
packed = 0
while True:
    block = sys.stdin.buffer.read(1 << 16)
    if not block:
        break
    raw += len(block)
    packed += len(comp.compress(block))
packed += len(comp.flush())
print("streamed", raw, "bytes ->", packed, "ratio", round(raw / packed, 3) if packed else 0)
