import random
from collections import deque

W = __SIZE__
random.seed(8)
grid = [[1 if random.random() < 0.28 else 0 for _ in range(W)] for _ in range(W)]
grid[0][0] = 0
grid[W - 1][W - 1] = 0
dist = [[-1] * W for _ in range(W)]
dist[0][0] = 0
q = deque([(0, 0)])
while q:
    r, c = q.popleft()
    d = dist[r][c] + 1
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < W and 0 <= nc < W and not grid[nr][nc] and dist[nr][nc] < 0:
            dist[nr][nc] = d
            q.append((nr, nc))
reached = sum(1 for row in dist for v in row if v >= 0)
print("grid", W, "reached", reached, "dist_to_corner", dist[W - 1][W - 1])
