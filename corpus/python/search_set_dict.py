import random

N = __SIZE__
random.seed(3)
words = ["w%06d" % random.randrange(N * 3) for _ in range(N)]
index = {w: i for i, w in enumerate(words)}
vocab = set(words)
queries = ["w%06d" % random.randrange(N * 3) for _ in range(N)]
in_set = sum(q in vocab for q in queries)
positions = [index[q] for q in queries if q in index]
print("vocab", len(vocab), "hits", in_set, "possum", sum(positions) % 1000003)
