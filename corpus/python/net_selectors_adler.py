import os
import selectors
import socket
import zlib

PER_CONN = __SIZE__
STREAMS = 3


class Stream:
    """One non-blocking download: a running adler32 and a byte count, nothing kept."""

    def __init__(self, index):
        self.index = index
        self.count = 0
        self.adler = 1
        self.reads = 0


def main():
    addr = (os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"]))
    sel = selectors.DefaultSelector()
    for i in range(STREAMS):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(addr)
        sel.register(s, selectors.EVENT_READ, Stream(i))
    scratch = bytearray(32768)  # one small buffer shared by every stream
    view = memoryview(scratch)
    done = []
    while len(done) < STREAMS:
        for key, _ in sel.select(timeout=10):
            sock, st = key.fileobj, key.data
            try:
                k = sock.recv_into(scratch)
            except BlockingIOError:
                continue
            if k == 0:
                sel.unregister(sock)
                sock.close()
                done.append(st)
                continue
            st.adler = zlib.adler32(view[:k], st.adler)
            st.count += k
            st.reads += 1
    sel.close()
    done.sort(key=lambda st: st.index)
    total = sum(st.count for st in done)
    sums = "/".join("%08x" % st.adler for st in done)
    print("streams", STREAMS, "bytes", total, "expected", PER_CONN * STREAMS,
          "ok", all(st.count == PER_CONN for st in done), "adler", sums)


main()
