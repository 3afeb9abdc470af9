N = __SIZE__


def permute(items, prefix, out):
    if not items:
        out[0] += 1
        out[1] = (out[1] * 31 + prefix[0] * 7 + prefix[-1]) % 1000003
        return
    for i in range(len(items)):
        permute(items[:i] + items[i + 1:], prefix + [items[i]], out)


acc = [0, 0]
permute(list(range(N)), [], acc)
print("permutations", acc[0], "hash", acc[1])
