import hashlib
import sys
import zlib

data = sys.stdin.buffer.read()
sha = hashlib.sha1()
md5 = hashlib.md5()
crc = 0
for off in range(0, len(data), 4096):
    block = data[off:off + 4096]
    sha.update(block)
    md5.update(block)
    crc = zlib.crc32(block, crc)
blake = hashlib.blake2b(data, digest_size=16).hexdigest()
print("bytes", len(data), "sha1", sha.hexdigest()[:12], "md5", md5.hexdigest()[:12], "crc", crc, "blake", blake[:12])
