W = __SIZE__
H = W


def make_image(w, h):
    return [[((x * 7 + y * 13) % 256, (x * y) % 256, (x ^ y) % 256) for x in range(w)] for y in range(h)]


def resize(img, nw, nh):
    h, w = len(img), len(img[0])
    out = []
    for j in range(nh):
        fy = j * (h - 1) / max(1, nh - 1)
        y0 = int(fy)
        y1 = min(y0 + 1, h - 1)
        dy = fy - y0
        row = []
        for i in range(nw):
            fx = i * (w - 1) / max(1, nw - 1)
            x0 = int(fx)
            x1 = min(x0 + 1, w - 1)
            dx = fx - x0
            px = tuple(
                int(img[y0][x0][c] * (1 - dx) * (1 - dy) + img[y0][x1][c] * dx * (1 - dy)
                    + img[y1][x0][c] * (1 - dx) * dy + img[y1][x1][c] * dx * dy)
                for c in range(3))
            row.append(px)
        out.append(row)
    return out


small = resize(make_image(W, H), W * 3 // 2, H * 3 // 2)
print("resized", len(small[0]), "x", len(small), "corner", small[-1][-1], "sum", sum(p[0] for r in small for p in r) % 65521)
