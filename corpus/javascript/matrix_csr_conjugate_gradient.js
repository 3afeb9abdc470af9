'use strict';
// Conjugate gradient solve of the 2-D Poisson equation on a g x g grid: the 5-point Laplacian is
// assembled into CSR form (rowPtr/colIdx Int32Arrays, values Float64Array) and the solver works
// through small closures (spmv, dot, axpy). Fixed 60 iterations; memory O(g^2) in flat arrays.

class PoissonProblem {
  constructor(side) {
    this.side = side;
    const n = side * side;
    this.n = n;
    this.rowPtr = new Int32Array(n + 1);
    this.colIdx = new Int32Array(5 * n);
    this.values = new Float64Array(5 * n);
    let nnz = 0;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const r = y * side + x;
        const put = (c, v) => { this.colIdx[nnz] = c; this.values[nnz] = v; nnz++; };
        if (y > 0) put(r - side, -1);
        if (x > 0) put(r - 1, -1);
        put(r, 4);
        if (x < side - 1) put(r + 1, -1);
        if (y < side - 1) put(r + side, -1);
        this.rowPtr[r + 1] = nnz;
      }
    }
    this.nnz = nnz;
  }
}

function solve(problem, iterations) {
  const { n, rowPtr, colIdx, values } = problem;
  const spmv = (x, out) => {
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let k = rowPtr[r]; k < rowPtr[r + 1]; k++) s += values[k] * x[colIdx[k]];
      out[r] = s;
    }
  };
  const dot = (a, b) => { let s = 0; for (let i = 0; i < n; i++) s += a[i] * b[i]; return s; };
  const axpy = (alpha, x, y) => { for (let i = 0; i < n; i++) y[i] += alpha * x[i]; };
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.sin(i * 0.001) + 1;
  const x = new Float64Array(n), r = Float64Array.from(b), p = Float64Array.from(b), ap = new Float64Array(n);
  let rr = dot(r, r);
  const r0 = Math.sqrt(rr);
  for (let it = 0; it < iterations; it++) {
    spmv(p, ap);
    const alpha = rr / dot(p, ap);
    axpy(alpha, p, x);
    axpy(-alpha, ap, r);
    const rrNew = dot(r, r);
    const beta = rrNew / rr;
    for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    rr = rrNew;
  }
  return { x, reduction: Math.sqrt(rr) / r0 };
}

const problem = new PoissonProblem(__SIZE__);
const { x, reduction } = solve(problem, 60);
let norm = 0;
for (const v of x) norm += v * v;
console.log(`cg side=${problem.side} nnz=${problem.nnz} residual=${reduction.toExponential(4)} xnorm=${Math.sqrt(norm).toFixed(6)}`);
