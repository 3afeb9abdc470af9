import random

N = __SIZE__


def merge(left, right):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))


random.seed(42)
data = [random.randint(0, 1 << 30) for _ in range(N)]
result = merge_sort(data)
assert all(result[k] <= result[k + 1] for k in range(len(result) - 1))
print("sorted", len(result), "checksum", sum(result[::max(1, N // 100)]) % 1000003)
