import sys

raw = sys.stdin.buffer.read()
n = len(raw) // 3
hist = [0] * 256
gray = bytearray(n)
for i in range(n):
    r, g, b = raw[3 * i], raw[3 * i + 1], raw[3 * i + 2]
    v = (299 * r + 587 * g + 114 * b) // 1000
    gray[i] = v
    hist[v] += 1
# Otsu threshold
total = n
sum_all = sum(i * h for i, h in enumerate(hist))
wb = sb = 0
best, thr = -1.0, 0
for t in range(256):
    wb += hist[t]
    if wb == 0 or wb == total:
        continue
    sb += t * hist[t]
    mb = sb / wb
    mf = (sum_all - sb) / (total - wb)
    between = wb * (total - wb) * (mb - mf) ** 2
    if between > best:
        best, thr = between, t
above = sum(1 for v in gray if v > thr)
print("pixels", n, "otsu", thr, "above", above)
