const V = __SIZE__;
let s = 9;
const rnd = (m) => { s = (s * 69069 + 1) >>> 0; return s % m; };
const out = Array.from({ length: V }, () => []);
const indeg = new Uint32Array(V);
for (let v = 1; v < V; v++) {
  const k = 1 + rnd(4);
  for (let j = 0; j < k; j++) { const u = rnd(v); out[u].push(v); indeg[v]++; }
}
// Kahn's algorithm with a plain array as queue, computing longest path as it goes
const longest = new Uint32Array(V);
const q = [];
for (let v = 0; v < V; v++) if (indeg[v] === 0) q.push(v);
let processed = 0;
for (let i = 0; i < q.length; i++) {
  const u = q[i]; processed++;
  for (const w of out[u]) {
    if (longest[u] + 1 > longest[w]) longest[w] = longest[u] + 1;
    if (--indeg[w] === 0) q.push(w);
  }
}
console.log('topo', processed, 'of', V, 'critical path', longest.reduce((a, b) => (b > a ? b : a), 0));
