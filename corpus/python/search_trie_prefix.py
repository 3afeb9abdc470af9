import random

WORDS = __SIZE__
ALPHABET = "etaoinsr"
END = "$"
COUNT = "#"

rng = random.Random(311)


def rand_word():
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(3, 12)))


root = {COUNT: 0}
vocab = [rand_word() for _ in range(WORDS)]
for w in vocab:
    node = root
    node[COUNT] += 1
    for ch in w:
        node = node.setdefault(ch, {COUNT: 0})
        node[COUNT] += 1
    node[END] = node.get(END, 0) + 1


def walk(prefix):
    node = root
    for ch in prefix:
        node = node.get(ch)
        if node is None:
            return None
    return node


def longest_common_prefix(word):
    node, depth = root, 0
    for ch in word:
        if ch not in node or node[ch][COUNT] < 2:
            break
        node = node[ch]
        depth += 1
    return depth


hits = exact = lcp_total = 0
for _ in range(WORDS):
    q = rand_word()
    node = walk(q[: rng.randint(1, 5)])
    if node is not None:
        hits += node[COUNT]
    full = walk(q)
    if full is not None and END in full:
        exact += 1
    lcp_total += longest_common_prefix(rng.choice(vocab))

nodes = 0
stack = [root]
while stack:
    n = stack.pop()
    nodes += 1
    stack.extend(v for k, v in n.items() if k not in (END, COUNT))
print("words", WORDS, "nodes", nodes, "prefix hits", hits, "exact", exact, "lcp", lcp_total)
