import math
import random
from array import array

W = __SIZE__
H = W * 3 // 4
rng = random.Random(26)
gray = array("B", (min(255, (x * 255 // W + rng.randrange(32))) for y in range(H) for x in range(W)))
mag = array("H", bytes(2 * W * H))
for y in range(1, H - 1):
    r0, r1, r2 = (y - 1) * W, y * W, (y + 1) * W
    for x in range(1, W - 1):
        gx = (gray[r0 + x + 1] + 2 * gray[r1 + x + 1] + gray[r2 + x + 1]
              - gray[r0 + x - 1] - 2 * gray[r1 + x - 1] - gray[r2 + x - 1])
        gy = (gray[r2 + x - 1] + 2 * gray[r2 + x] + gray[r2 + x + 1]
              - gray[r0 + x - 1] - 2 * gray[r0 + x] - gray[r0 + x + 1])
        mag[r1 + x] = int(math.hypot(gx, gy))
edges = sum(1 for v in mag if v > 24)
print("sobel", W, "x", H, "edges", edges)
