import os
import socket
import threading

PER_CONN = __SIZE__
CONNECTIONS = 2
counts = [0] * CONNECTIONS
ones = [0] * CONNECTIONS


def worker(i):
    s = socket.create_connection((os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"])))
    chunks = []
    while True:
        c = s.recv(1 << 18)
        if not c:
            break
        chunks.append(c)
    s.close()
    data = b"".join(chunks)  # keep the whole payload in memory
    counts[i] = len(data)
    ones[i] = data.count(b"x")


ts = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("bytes", sum(counts), "x", sum(ones), "expected", PER_CONN * CONNECTIONS)
