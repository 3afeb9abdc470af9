"""Two-pass connected-component labelling (4-connectivity) of a thresholded value-noise
image. The image is a bytearray of side*side pixels, labels an array('i') of the same
length, and the union-find parents a growing list: memory is O(side^2)."""
from array import array


class Canvas:
    def __init__(self, side, seed=4242):
        self.side = side
        cells = side // 8 + 2
        state = seed
        lattice = []
        for _ in range(cells * cells):
            state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            lattice.append((state >> 33) & 255)
        px = bytearray(side * side)
        for y in range(side):
            gy, fy = divmod(y, 8)
            row0 = gy * cells
            row1 = row0 + cells
            for x in range(side):
                gx, fx = divmod(x, 8)
                top = lattice[row0 + gx] * (8 - fx) + lattice[row0 + gx + 1] * fx
                bot = lattice[row1 + gx] * (8 - fx) + lattice[row1 + gx + 1] * fx
                v = (top * (8 - fy) + bot * fy) >> 6
                px[y * side + x] = 1 if v > 140 else 0
        self.pixels = px

    def label(self):
        side, px = self.side, self.pixels
        labels = array("i", bytes(4 * side * side))
        parent = [0]

        def find(a):
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        for y in range(side):
            base = y * side
            for x in range(side):
                i = base + x
                if not px[i]:
                    continue
                up = labels[i - side] if y else 0
                left = labels[i - 1] if x else 0
                if up and left:
                    ru, rl = find(up), find(left)
                    if ru != rl:
                        parent[max(ru, rl)] = min(ru, rl)
                    labels[i] = min(ru, rl)
                elif up or left:
                    labels[i] = up or left
                else:
                    parent.append(len(parent))
                    labels[i] = len(parent) - 1
        areas = {}
        for i in range(side * side):
            lab = labels[i]
            if lab:
                root = find(lab)
                areas[root] = areas.get(root, 0) + 1
        return areas, len(parent) - 1


canvas = Canvas(__SIZE__)
areas, provisional = canvas.label()
print("side", canvas.side, "foreground", sum(canvas.pixels), "components", len(areas), "provisional", provisional,
      "largest", max(areas.values(), default=0))
