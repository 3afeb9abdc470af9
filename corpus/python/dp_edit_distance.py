import random

N = __SIZE__


def edit_distance(s, t):
    prev = list(range(len(t) + 1))
    for i, cs in enumerate(s, 1):
        cur = [i]
        for j, ct in enumerate(t, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cs != ct)))
        prev = cur
    return prev[-1]


rng = random.Random(77)
alphabet = "abcdefghij"
s = "".join(rng.choice(alphabet) for _ in range(N))
t = list(s)
for _ in range(N // 5):
    t[rng.randrange(N)] = rng.choice(alphabet)
print("edit distance", edit_distance(s, "".join(t)), "n", N)
