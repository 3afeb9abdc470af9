'use strict';
// Implicit 2-d tree: points permuted in place so the median of every sub-range is its root
// (quickselect on an index array), then nearest-neighbour queries with recursive pruning.
class Bench {
  static POINTS = __SIZE__;
  static QUERIES = Math.max(64, Bench.POINTS);
}

class XorShift {
  constructor(seed) { this.s = seed >>> 0 || 1; }
  next() {
    let x = this.s;
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    this.s = x;
    return x / 4294967296;
  }
}

class KdTree {
  constructor(xs, ys) {
    this.xs = xs; this.ys = ys;
    this.idx = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) this.idx[i] = i;
    this.build(0, xs.length, 0);
  }
  coord(i, axis) { return axis === 0 ? this.xs[i] : this.ys[i]; }
  build(lo, hi, axis) {
    if (hi - lo <= 1) return;
    const mid = (lo + hi) >> 1;
    this.select(lo, hi - 1, mid, axis);
    this.build(lo, mid, axis ^ 1);
    this.build(mid + 1, hi, axis ^ 1);
  }
  select(lo, hi, k, axis) {
    const idx = this.idx;
    while (hi > lo) {
      const pv = this.coord(idx[(lo + hi) >> 1], axis);
      let i = lo, j = hi;
      while (i <= j) {
        while (this.coord(idx[i], axis) < pv) i++;
        while (this.coord(idx[j], axis) > pv) j--;
        if (i <= j) { const t = idx[i]; idx[i] = idx[j]; idx[j] = t; i++; j--; }
      }
      if (k <= j) hi = j; else if (k >= i) lo = i; else return;
    }
  }
  nearest(qx, qy) {
    this.best = Infinity; this.bestIdx = -1; this.visited = 0;
    this.search(0, this.idx.length, 0, qx, qy);
    return this.bestIdx;
  }
  search(lo, hi, axis, qx, qy) {
    if (lo >= hi) return;
    const mid = (lo + hi) >> 1;
    const p = this.idx[mid];
    this.visited++;
    const dx = this.xs[p] - qx, dy = this.ys[p] - qy;
    const d = dx * dx + dy * dy;
    if (d < this.best) { this.best = d; this.bestIdx = p; }
    const diff = axis === 0 ? qx - this.xs[p] : qy - this.ys[p];
    if (diff < 0) {
      this.search(lo, mid, axis ^ 1, qx, qy);
      if (diff * diff < this.best) this.search(mid + 1, hi, axis ^ 1, qx, qy);
    } else {
      this.search(mid + 1, hi, axis ^ 1, qx, qy);
      if (diff * diff < this.best) this.search(lo, mid, axis ^ 1, qx, qy);
    }
  }
}

const rng = new XorShift(987654321);
const n = Bench.POINTS;
const xs = new Float64Array(n), ys = new Float64Array(n);
for (let i = 0; i < n; i++) { xs[i] = rng.next() * 1000; ys[i] = rng.next() * 1000; }
const tree = new KdTree(xs, ys);

let sumDist = 0, visits = 0, mismatches = 0;
for (let q = 0; q < Bench.QUERIES; q++) {
  const qx = rng.next() * 1000, qy = rng.next() * 1000;
  const b = tree.nearest(qx, qy);
  visits += tree.visited;
  sumDist += Math.sqrt(tree.best);
  if (q < 20) { // brute-force cross-check on a few queries
    let bd = Infinity;
    for (let i = 0; i < n; i++) { const dx = xs[i] - qx, dy = ys[i] - qy; bd = Math.min(bd, dx * dx + dy * dy); }
    if (bd !== tree.best || b < 0) mismatches++;
  }
}
console.log(`kdtree n=${n} queries=${Bench.QUERIES} meanDist=${(sumDist / Bench.QUERIES).toFixed(4)} avgVisited=${(visits / Bench.QUERIES).toFixed(1)} mismatches=${mismatches}`);
