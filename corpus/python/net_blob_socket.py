import os
import socket
import zlib

EXPECTED = __SIZE__
host = os.environ["PRESIZE_HOST_ADDR"]
port = int(os.environ["PRESIZE_BLOB_PORT"])
s = socket.create_connection((host, port), timeout=30)
got = 0
crc = 0
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    got += len(chunk)
    crc = zlib.crc32(chunk, crc)
s.close()
print("received", got, "expected", EXPECTED, "crc", crc)
