"""Sieve of Eratosthenes on a multiprocessing.RawArray shared by two worker processes.

The parent sieves the base primes up to sqrt(limit); each multiprocessing.Process strikes
composites in its half of the shared byte array with strided memoryview slice assignment and
sends its prime count back over a Pipe. The shared block is one byte per number."""
import math
import multiprocessing as mp

LIMIT = __SIZE__
WORKERS = 2


def base_primes(n):
    flags = bytearray([1]) * (n + 1)
    flags[0:2] = b"\x00\x00"
    for p in range(2, math.isqrt(n) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, n + 1, p)))
    return [i for i in range(n + 1) if flags[i]]


def strike(shared, lo, hi, primes, conn):
    view = memoryview(shared).cast("B")
    view[lo:hi] = b"\x01" * (hi - lo)
    for p in primes:
        start = max(p * p, (lo + p - 1) // p * p)
        if start >= hi:
            continue
        count = len(range(start, hi, p))
        view[start:hi:p] = bytes(count)
    if lo < 2:
        view[lo:2] = bytes(2 - lo)
    conn.send(bytes(view[lo:hi]).count(1))
    conn.close()


def main():
    shared = mp.RawArray("B", LIMIT)
    primes = base_primes(math.isqrt(LIMIT))
    bounds = [LIMIT * w // WORKERS for w in range(WORKERS + 1)]
    procs, pipes = [], []
    for w in range(WORKERS):
        recv, send = mp.Pipe(duplex=False)
        p = mp.Process(target=strike, args=(shared, bounds[w], bounds[w + 1], primes, send))
        p.start()
        send.close()
        procs.append(p)
        pipes.append(recv)
    counts = [r.recv() for r in pipes]
    for p in procs:
        p.join()
    view = memoryview(shared).cast("B")
    last = max(i for i in range(LIMIT - 1, max(0, LIMIT - 2000), -1) if view[i]) if LIMIT > 2 else 0
    print("limit", LIMIT, "primes_below", sum(counts), "per_worker", counts, "largest", last)


if __name__ == "__main__":
    main()
