import hashlib
import os
import socket

PER_CONN = __SIZE__
CONNECTIONS = 4


def fetch(addr):
    h = hashlib.sha1()
    n = 0
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect(addr)
        buf = bytearray(1 << 16)
        view = memoryview(buf)
        while True:
            k = s.recv_into(buf)
            if k == 0:
                break
            h.update(view[:k])
            n += k
    return n, h.hexdigest()


addr = (os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"]))
results = [fetch(addr) for _ in range(CONNECTIONS)]
total = sum(n for n, _ in results)
print("connections", CONNECTIONS, "bytes", total, "ok", total == PER_CONN * CONNECTIONS, results[0][1][:10])
