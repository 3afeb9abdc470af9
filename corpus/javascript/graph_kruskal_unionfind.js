const V = __SIZE__;
const parent = new Int32Array(V).map((_, i) => i);
const rank = new Uint8Array(V);
function find(x) {
  while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
  return x;
}
function union(a, b) {
  a = find(a); b = find(b);
  if (a === b) return false;
  if (rank[a] < rank[b]) [a, b] = [b, a];
  parent[b] = a;
  if (rank[a] === rank[b]) rank[a]++;
  return true;
}
let s = 2024;
const rnd = (m) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return s % m; };
const E = V * 4;
const edges = [];
for (let i = 0; i < E; i++) edges.push({ u: rnd(V), v: rnd(V), w: rnd(100000) });
for (let u = 1; u < V; u++) edges.push({ u, v: u - 1, w: 100000 + rnd(1000) });
edges.sort((a, b) => a.w - b.w);
let total = 0, used = 0;
for (const e of edges) if (union(e.u, e.v)) { total += e.w; used++; }
console.log('mst edges', used, 'weight', total);
