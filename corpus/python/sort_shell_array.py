from array import array
import random

SIZE = __SIZE__

def ciura_gaps(n):
    gaps = [1, 4, 10, 23, 57, 132, 301, 701, 1750]
    while gaps[-1] < n:
        gaps.append(int(gaps[-1] * 2.25))
    return [g for g in reversed(gaps) if g < n] or [1]

def shell_sort(a):
    n = len(a)
    for gap in ciura_gaps(n):
        for i in range(gap, n):
            tmp = a[i]
            j = i
            while j >= gap and a[j - gap] > tmp:
                a[j] = a[j - gap]
                j -= gap
            a[j] = tmp

rng = random.Random(77)
data = array("i", (rng.randint(-2**30, 2**30) for _ in range(SIZE)))
ref = sorted(data)
shell_sort(data)
ok = all(x == y for x, y in zip(data, ref))
print("shell sorted", SIZE, "ok" if ok else "BAD", "min", data[0], "max", data[-1], "bytes", data.itemsize * len(data))
