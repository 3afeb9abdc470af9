import multiprocessing

N = __SIZE__


def collatz_max(bounds):
    lo, hi = bounds
    best = (0, 0)
    for n in range(lo, hi):
        steps = 0
        x = n
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        if steps > best[0]:
            best = (steps, n)
    return best


if __name__ == "__main__":
    chunks = [(max(1, i), min(N, i + N // 8 + 1)) for i in range(0, N, N // 8 + 1)]
    with multiprocessing.Pool(2) as pool:
        parts = pool.map(collatz_max, chunks)
    print("collatz up to", N, "best", max(parts))
