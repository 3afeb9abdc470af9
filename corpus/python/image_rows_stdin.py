# Streams raw RGB rows (512 pixels) from stdin into one reused bytearray with readinto,
# computing per-row luminance, a vertical gradient against the previous row and a 64-bin
# histogram of row brightness. Two row buffers only: memory is flat in the input size.
import sys

WIDTH = 512
ROW = WIDTH * 3
stream = sys.stdin.buffer
cur = bytearray(ROW)
prev = bytearray(ROW)
view = memoryview(cur)
hist = [0] * 64
rows = 0
grad_total = 0
lum_total = 0
brightest = (-1, -1)
have_prev = False

while True:
    got = 0
    while got < ROW:
        k = stream.readinto(view[got:])
        if not k:
            break
        got += k
    if got < ROW:
        break
    r = sum(cur[0::3])
    g = sum(cur[1::3])
    b = sum(cur[2::3])
    lum = (77 * r + 150 * g + 29 * b) >> 8
    lum_total += lum
    mean = lum // WIDTH
    hist[mean >> 2] += 1
    if lum > brightest[0]:
        brightest = (lum, rows)
    if have_prev:
        grad_total += sum(abs(a - c) for a, c in zip(cur[1::3], prev[1::3]))
    prev[:] = cur
    have_prev = True
    rows += 1

peak = max(range(64), key=hist.__getitem__)
print("rows", rows, "mean_lum", lum_total // max(1, rows * WIDTH), "vertical_gradient", grad_total,
      "brightest_row", brightest[1], "hist_peak_bin", peak)
