"""Conjugate gradient on the 2-D Poisson matrix stored in CSR form (array module).

The grid side is the size; the system has side*side unknowns and about five non-zeros per
row, so every array grows linearly with the number of unknowns.
"""
from array import array
import math


def poisson_csr(side):
    indptr = array("i", [0])
    indices = array("i")
    data = array("d")
    for r in range(side):
        for c in range(side):
            row = r * side + c
            if r > 0:
                indices.append(row - side); data.append(-1.0)
            if c > 0:
                indices.append(row - 1); data.append(-1.0)
            indices.append(row); data.append(4.0)
            if c < side - 1:
                indices.append(row + 1); data.append(-1.0)
            if r < side - 1:
                indices.append(row + side); data.append(-1.0)
            indptr.append(len(indices))
    return indptr, indices, data


def spmv(indptr, indices, data, x, out):
    start = 0
    for row in range(len(out)):
        end = indptr[row + 1]
        acc = 0.0
        for k in range(start, end):
            acc += data[k] * x[indices[k]]
        out[row] = acc
        start = end


def dot(a, b):
    return math.fsum(p * q for p, q in zip(a, b))


def solve(side, iterations=25):
    indptr, indices, data = poisson_csr(side)
    n = side * side
    b = array("d", (1.0 + ((i * 37) % 11) / 10.0 for i in range(n)))
    x = array("d", bytes(8 * n))
    r = array("d", b)
    p = array("d", b)
    ap = array("d", bytes(8 * n))
    rr = dot(r, r)
    for _ in range(iterations):
        spmv(indptr, indices, data, p, ap)
        alpha = rr / dot(p, ap)
        for i in range(n):
            x[i] += alpha * p[i]
            r[i] -= alpha * ap[i]
        rr_new = dot(r, r)
        beta = rr_new / rr
        rr = rr_new
        for i in range(n):
            p[i] = r[i] + beta * p[i]
    print("unknowns", n, "nnz", len(data), "residual %.6e" % math.sqrt(rr), "xsum %.6f" % math.fsum(x))


solve(side=__SIZE__)
