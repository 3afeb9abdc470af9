import random

W = __SIZE__
H = W
rng = random.Random(25)
img = bytearray(rng.getrandbits(8) for _ in range(W * H * 3))


def blur(src, w, h):
    dst = bytearray(len(src))
    for y in range(h):
        y0, y1 = max(0, y - 1), min(h - 1, y + 1)
        for x in range(w):
            x0, x1 = max(0, x - 1), min(w - 1, x + 1)
            for ch in range(3):
                s = 0
                n = 0
                for yy in range(y0, y1 + 1):
                    base = yy * w
                    for xx in range(x0, x1 + 1):
                        s += src[(base + xx) * 3 + ch]
                        n += 1
                dst[(y * w + x) * 3 + ch] = s // n
    return dst


out = blur(img, W, H)
print("blur", W, "x", H, "mean", sum(out) // len(out))
