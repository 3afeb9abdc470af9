# 1-D heat diffusion on two array('d') buffers split among four threading.Thread workers
# that meet at a threading.Barrier after every time step (GIL-bound pure Python). Memory:
# two arrays of CELLS doubles, allocated once.
import threading
from array import array

CELLS: int = __SIZE__
STEPS = 40
WORKERS = 4

grid = [array("d", bytes(8 * CELLS)), array("d", bytes(8 * CELLS))]
for i in range(CELLS // 3, CELLS // 3 + max(1, CELLS // 20)):
    grid[0][i] = 100.0
grid[0][-1] = 50.0
grid[1][-1] = 50.0
barrier = threading.Barrier(WORKERS)
partials = [0.0] * WORKERS


def worker(w):
    lo = max(1, w * CELLS // WORKERS)
    hi = min(CELLS - 1, (w + 1) * CELLS // WORKERS)
    for step in range(STEPS):
        src = grid[step & 1]
        dst = grid[(step + 1) & 1]
        for i in range(lo, hi):
            dst[i] = src[i] + 0.25 * (src[i - 1] - 2.0 * src[i] + src[i + 1])
        barrier.wait()
    final = grid[STEPS & 1]
    partials[w] = sum(final[lo:hi])


threads = [threading.Thread(target=worker, args=(w,), name="stencil-%d" % w) for w in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
final = grid[STEPS & 1]
print("cells", CELLS, "steps", STEPS, "heat %.6f" % sum(partials), "peak %.6f" % max(final))
