from concurrent.futures import ProcessPoolExecutor

WIDTH = __SIZE__
MAX_ITER = 64


def render_row(y, width=WIDTH, height=None):
    height = height or width * 2 // 3
    ci = -1.2 + 2.4 * y / height
    row = bytearray(width)
    for x in range(width):
        cr = -2.1 + 3.0 * x / width
        zr = zi = 0.0
        n = 0
        while n < MAX_ITER and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
            n += 1
        row[x] = n
    return y, bytes(row)


def main():
    height = WIDTH * 2 // 3
    inside = 0
    hist = [0] * (MAX_ITER + 1)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for y, row in pool.map(render_row, range(height), chunksize=max(1, height // 16)):
            for v in row:
                hist[v] += 1
            inside += row.count(MAX_ITER)
    print("mandelbrot", WIDTH, "x", height, "inside", inside, "escaped fast", sum(hist[:4]))


if __name__ == "__main__":
    main()
