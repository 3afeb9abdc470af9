import hashlib
import os

MB = __SIZE__
src, dst = "blob.bin", "/tmp/blob_copy.bin"
block = bytes(range(256)) * 4096  # 1 MiB
with open(src, "wb") as f:
    for i in range(MB):
        f.write(block)
h = hashlib.md5()
with open(src, "rb") as fi, open(dst, "wb") as fo:
    while True:
        chunk = fi.read(1 << 16)
        if not chunk:
            break
        h.update(chunk)
        fo.write(chunk)
ok = os.path.getsize(dst) == MB << 20
os.remove(src)
os.remove(dst)
print("copied MiB", MB, ok, h.hexdigest()[:12])
