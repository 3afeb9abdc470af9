import threading

LIMIT = __SIZE__
THREADS = 4
results = [0] * THREADS


def count_primes(idx, lo, hi):
    c = 0
    for n in range(max(lo, 2), hi):
        if n % 2 == 0 and n != 2:
            continue
        d = 3
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 2
        if prime:
            c += 1
    results[idx] = c


step = LIMIT // THREADS + 1
workers = [threading.Thread(target=count_primes, args=(i, i * step, min(LIMIT, (i + 1) * step))) for i in range(THREADS)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("primes below", LIMIT, sum(results))
