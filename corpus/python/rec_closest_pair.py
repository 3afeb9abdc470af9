"""Closest pair of points by recursive divide and conquer.

Each level splits the x-sorted list with slices and merges the y-sorted halves, so the
recursion allocates O(n log n) short-lived lists in total (O(n) live at a time)."""
import math
import random


def brute(pts):
    best = math.inf
    for i in range(len(pts)):
        x1, y1 = pts[i]
        for j in range(i + 1, len(pts)):
            x2, y2 = pts[j]
            d = math.hypot(x1 - x2, y1 - y2)
            if d < best:
                best = d
    return best, sorted(pts, key=lambda p: p[1])


def closest(px):
    """px sorted by x; returns (distance, same points sorted by y)."""
    if len(px) <= 3:
        return brute(px)
    mid = len(px) // 2
    mid_x = px[mid][0]
    dl, left_y = closest(px[:mid])
    dr, right_y = closest(px[mid:])
    d = min(dl, dr)
    # merge the y-sorted halves
    merged = []
    i = j = 0
    while i < len(left_y) and j < len(right_y):
        if left_y[i][1] <= right_y[j][1]:
            merged.append(left_y[i]); i += 1
        else:
            merged.append(right_y[j]); j += 1
    merged.extend(left_y[i:])
    merged.extend(right_y[j:])
    strip = [p for p in merged if abs(p[0] - mid_x) < d]
    for a in range(len(strip)):
        xa, ya = strip[a]
        for b in range(a + 1, min(a + 8, len(strip))):
            xb, yb = strip[b]
            if yb - ya >= d:
                break
            dd = math.hypot(xa - xb, ya - yb)
            if dd < d:
                d = dd
    return d, merged


def run(n):
    rng = random.Random(31337)
    pts = [(rng.uniform(0, 1e6), rng.uniform(0, 1e6)) for _ in range(n)]
    pts.sort()
    d, by_y = closest(pts)
    print("points", n, "closest %.6f" % d, "ymin %.3f" % by_y[0][1], "ymax %.3f" % by_y[-1][1])


run(__SIZE__)
