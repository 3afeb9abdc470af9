import random

N = __SIZE__
random.seed(7)
a = [random.random() for _ in range(N)]

stack = [(0, len(a) - 1)]
while stack:
    lo, hi = stack.pop()
    if lo >= hi:
        continue
    pivot = a[(lo + hi) // 2]
    i, j = lo, hi
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    stack.append((lo, j))
    stack.append((i, hi))

ok = all(a[k] <= a[k + 1] for k in range(N - 1))
print("quicksort", N, "ok" if ok else "BAD", round(sum(a[:10]), 6))
