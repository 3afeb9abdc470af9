import heapq
import itertools
import random
from collections import Counter

LENGTH = __SIZE__


def build_tree(freq):
    tick = itertools.count()
    heap = [(f, next(tick), sym) for sym, f in freq.items()]
    heapq.heapify(heap)
    while len(heap) > 1:
        f1, _, a = heapq.heappop(heap)
        f2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (f1 + f2, next(tick), (a, b)))
    return heap[0][2]


def code_table(tree):
    table = {}
    stack = [(tree, "")]
    while stack:
        node, prefix = stack.pop()
        if isinstance(node, tuple):
            stack.append((node[0], prefix + "0"))
            stack.append((node[1], prefix + "1"))
        else:
            table[node] = prefix or "0"
    return table


def encode(text, table):
    bits = "".join(map(table.__getitem__, text))
    pad = -len(bits) % 8
    packed = int(bits + "0" * pad, 2).to_bytes((len(bits) + pad) // 8, "big") if bits else b""
    return packed, len(bits)


def decode(packed, nbits, tree):
    bits = bin(int.from_bytes(packed, "big"))[2:].zfill(len(packed) * 8)[:nbits]
    out = []
    node = tree
    for b in bits:
        node = node[1] if b == "1" else node[0]
        if not isinstance(node, tuple):
            out.append(node)
            node = tree
    return "".join(out)


rng = random.Random(1952)
alphabet = "etaoin shrdlucmfwypvbgkjqxz.,\n"
weights = [1.0 / (i + 1) for i in range(len(alphabet))]
text = "".join(rng.choices(alphabet, weights, k=LENGTH))
tree = build_tree(Counter(text))
table = code_table(tree)
packed, nbits = encode(text, table)
ok = decode(packed, nbits, tree) == text
print("chars", LENGTH, "bytes out", len(packed), "ratio %.3f" % (len(packed) / LENGTH), "roundtrip", ok)
