import sys

WIDTH = 512

raw = sys.stdin.buffer.read()
height = len(raw) // (3 * WIDTH)
# luminance scaled by 16 so that error diffusion stays in integers
lum = [(77 * raw[i] + 150 * raw[i + 1] + 29 * raw[i + 2]) >> 4 for i in range(0, height * WIDTH * 3, 3)]
del raw
packed = bytearray((WIDTH // 8) * height)
ones = 0
for y in range(height):
    base = y * WIDTH
    below = base + WIDTH
    last_row = y == height - 1
    for x in range(WIDTH):
        i = base + x
        old = lum[i]
        new = 4080 if old >= 2040 else 0
        err = old - new
        if new:
            ones += 1
            packed[i >> 3] |= 0x80 >> (i & 7)
        if x + 1 < WIDTH:
            lum[i + 1] += err * 7 // 16
        if not last_row:
            if x:
                lum[below + x - 1] += err * 3 // 16
            lum[below + x] += err * 5 // 16
            if x + 1 < WIDTH:
                lum[below + x + 1] += err // 16
checksum = 0
for b in packed:
    checksum = (checksum * 31 + b) & 0xFFFFFFFF
print("dithered", WIDTH, "x", height, "white", ones, "checksum", checksum)
