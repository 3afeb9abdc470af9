import gc
import random
import weakref

NODES = __SIZE__


class Node:
    def __init__(self, ident, payload):
        self.ident = ident
        self.payload = payload
        self.edges = []
        self.meta = {"ident": ident, "visits": 0}


def build(n, rng):
    nodes = [Node(i, bytearray(rng.randint(256, 8192))) for i in range(n)]
    for node in nodes:
        for _ in range(3):
            node.edges.append(nodes[rng.randrange(n)])
    nodes[-1].edges.append(nodes[0])  # close a cycle back to the head
    return nodes


rng = random.Random(17)
collected = 0
alive_after = 0
payload_total = 0
for round_no, scale in enumerate((1.0, 0.5, 1.0, 0.25)):
    nodes = build(max(2, int(NODES * scale)), rng)
    payload_total += sum(len(nd.payload) for nd in nodes)
    probe = weakref.ref(nodes[len(nodes) // 2])
    del nodes  # only cycles keep the graph alive now
    collected += gc.collect()
    alive_after += probe() is not None
print("nodes", NODES, "rounds", 4, "payload", payload_total, "collected", collected, "leaked", alive_after)
