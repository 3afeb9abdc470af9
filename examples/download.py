# Network I/O: download everything the host's server at PRESIZE_HOST_ADDR:PORT sends.
import os, socket, sys, time
port = int(sys.argv[1]) if len(sys.argv) > 1 else 47310
s = socket.create_connection((os.environ["PRESIZE_HOST_ADDR"], port))
t, n = time.monotonic(), 0
while chunk := s.recv(1 << 16):
    n += len(chunk)
print(f"{n} bytes in {time.monotonic() - t:.2f} s")
