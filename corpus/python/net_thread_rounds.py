import hashlib
import os
import socket
import threading

ROUNDS = __SIZE__          # sha256 passes over every received block
BLOB_BYTES = 3000000       # what the server sends each connection (fixed)
WORKERS = 4
BLOCK = 1 << 16


def worker(index, addr, out):
    """Receive one fixed-size blob block by block; hash each block ROUNDS times, chained."""
    sock = socket.create_connection(addr)
    reader = sock.makefile("rb", buffering=BLOCK)
    state = hashlib.sha256(b"worker-%d" % index).digest()
    received = 0
    blocks = 0
    while True:
        block = reader.read(BLOCK)
        if not block:
            break
        received += len(block)
        blocks += 1
        for r in range(ROUNDS):
            state = hashlib.sha256(state + block).digest()
    reader.close()
    sock.close()
    out[index] = (received, blocks, state.hex()[:12])


addr = (os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"]))
results = [None] * WORKERS
threads = [threading.Thread(target=worker, args=(i, addr, results)) for i in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(r[0] for r in results)
print("workers", WORKERS, "rounds", ROUNDS, "bytes", total, "expected", BLOB_BYTES * WORKERS,
      "ok", all(r[0] == BLOB_BYTES for r in results), "blocks", sum(r[1] for r in results), "digests", ",".join(r[2] for r in results))
