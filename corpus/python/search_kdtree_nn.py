"""2-d tree over random points; nearest-neighbour queries walk it with an explicit stack."""
import math
import random

CONFIG = {"points": __SIZE__, "query_ratio": 0.5, "seed": 2024}


def build(pts, depth=0):
    if not pts:
        return None
    axis = depth & 1
    pts.sort(key=lambda p: p[axis])
    mid = len(pts) // 2
    return (pts[mid], axis, build(pts[:mid], depth + 1), build(pts[mid + 1:], depth + 1))


def nearest(root, q):
    best_d2 = math.inf
    best = None
    visited = 0
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        visited += 1
        p, axis, left, right = node
        dx = p[0] - q[0]
        dy = p[1] - q[1]
        d2 = dx * dx + dy * dy
        if d2 < best_d2:
            best_d2, best = d2, p
        diff = q[axis] - p[axis]
        near, far = (left, right) if diff < 0 else (right, left)
        if diff * diff < best_d2:
            stack.append(far)
        stack.append(near)
    return best, best_d2, visited


def main(cfg):
    rng = random.Random(cfg["seed"])
    n = cfg["points"]
    pts = [(rng.random(), rng.random()) for _ in range(n)]
    root = build(list(pts))
    queries = int(n * cfg["query_ratio"]) + 1
    total = 0.0
    visits = 0
    for _ in range(queries):
        q = (rng.random(), rng.random())
        _, d2, v = nearest(root, q)
        total += math.sqrt(d2)
        visits += v
    print("points", n, "queries", queries, "mean_dist %.6f" % (total / queries), "avg_visits %.1f" % (visits / queries))


main(CONFIG)
