const V = __SIZE__;
let s = 5;
const rnd = (m) => { s = (s * 16807) % 2147483647; return s % m; };
const adj = Array.from({ length: V }, () => []);
for (let u = 1; u < V; u++) { const p = rnd(u); adj[u].push(p); adj[p].push(u); }
for (let e = 0; e < V * 2; e++) { const a = rnd(V), b = rnd(V); adj[a].push(b); adj[b].push(a); }
const dist = new Int32Array(V).fill(-1);
const queue = new Int32Array(V);
let head = 0, tail = 0;
dist[0] = 0; queue[tail++] = 0;
while (head < tail) {
  const u = queue[head++];
  for (const w of adj[u]) if (dist[w] < 0) { dist[w] = dist[u] + 1; queue[tail++] = w; }
}
let ecc = 0, sum = 0;
for (const d of dist) { if (d > ecc) ecc = d; sum += d; }
console.log('bfs', V, 'eccentricity', ecc, 'sum', sum);
