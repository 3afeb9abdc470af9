# Flood: UDP to the allowed port as fast as possible for 2 s, then try other destinations.
import errno, os, socket, sys, time
host, port = os.environ["PRESIZE_HOST_ADDR"], int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
payload = b"x" * 1400
sent, end = 0, time.monotonic() + 2
while time.monotonic() < end:
    try:
        s.sendto(payload, (host, port)); sent += len(payload)
    except OSError:
        pass
print("sent", sent)
def conn(addr, p):
    c = socket.socket(); c.settimeout(1)
    try:
        c.connect((addr, p)); return "connected"
    except socket.timeout:
        return "timeout"
    except OSError as e:
        return errno.errorcode[e.errno]
print("other_port", conn(host, port + 1))
print("other_host", conn("192.0.2.1", 80))
