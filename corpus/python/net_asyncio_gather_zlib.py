import asyncio
import os
import zlib

EXPECTED = __SIZE__
PARALLEL = 2
CHUNK = 1 << 17


async def download(host, port):
    """Collect the whole payload as a list of chunks, then join it into one bytes object."""
    reader, writer = await asyncio.open_connection(host, port)
    parts = []
    while True:
        chunk = await reader.read(CHUNK)
        if not chunk:
            break
        parts.append(chunk)
    writer.close()
    await writer.wait_closed()
    return b"".join(parts)


async def main():
    host, port = os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"])
    payloads = await asyncio.gather(*(download(host, port) for _ in range(PARALLEL)))
    sizes = [len(p) for p in payloads]
    # the payloads stay in memory until both are compressed
    packed = [zlib.compress(p, 1) for p in payloads]
    ratio = sum(sizes) / max(1, sum(len(c) for c in packed))
    print("downloads", PARALLEL, "bytes", sum(sizes), "expected", EXPECTED * PARALLEL,
          "ok", sizes == [EXPECTED] * PARALLEL, "deflated", [len(c) for c in packed], "ratio %.1f" % ratio)


asyncio.run(main())
