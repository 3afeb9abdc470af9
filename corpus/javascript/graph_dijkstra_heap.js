const V = __SIZE__;
class MinHeap {
  constructor() { this.keys = []; this.vals = []; }
  get size() { return this.keys.length; }
  push(k, v) {
    const ks = this.keys, vs = this.vals;
    let i = ks.length; ks.push(k); vs.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ks[p] <= k) break;
      ks[i] = ks[p]; vs[i] = vs[p]; i = p;
    }
    ks[i] = k; vs[i] = v;
  }
  pop() {
    const ks = this.keys, vs = this.vals;
    const topK = ks[0], topV = vs[0];
    const k = ks.pop(), v = vs.pop();
    if (ks.length) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= ks.length) break;
        if (c + 1 < ks.length && ks[c + 1] < ks[c]) c++;
        if (ks[c] >= k) break;
        ks[i] = ks[c]; vs[i] = vs[c]; i = c;
      }
      ks[i] = k; vs[i] = v;
    }
    return [topK, topV];
  }
}
let s = 77;
const rnd = (m) => { s = (s * 48271) % 2147483647; return s % m; };
const adj = Array.from({ length: V }, () => []);
for (let u = 1; u < V; u++) adj[rnd(u)].push([u, 1 + rnd(50)]);
for (let e = 0; e < V * 5; e++) adj[rnd(V)].push([rnd(V), 1 + rnd(100)]);
const dist = new Float64Array(V).fill(Infinity);
dist[0] = 0;
const h = new MinHeap();
h.push(0, 0);
while (h.size) {
  const [d, u] = h.pop();
  if (d > dist[u]) continue;
  for (const [w, c] of adj[u]) if (d + c < dist[w]) { dist[w] = d + c; h.push(d + c, w); }
}
let far = 0, sum = 0;
for (const d of dist) if (Number.isFinite(d)) { if (d > far) far = d; sum += d; }
console.log('dijkstra', V, 'far', far, 'sum', sum % 1000003);
