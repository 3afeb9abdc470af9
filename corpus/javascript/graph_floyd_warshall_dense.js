'use strict';
// All-pairs shortest paths with Floyd-Warshall on a dense n*n Float64Array distance matrix
// (Infinity for missing edges) plus an Int32Array next-hop matrix used to rebuild a few paths.
// Random sparse-ish digraph, ~6 out-edges per vertex. Memory: two n^2 tables (quadratic).

function floydWarshall(opts) {
  const n = opts.vertices;
  const dist = new Float64Array(n * n).fill(Infinity);
  const via = new Int32Array(n * n).fill(-1);
  let seed = opts.seed;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let u = 0; u < n; u++) {
    dist[u * n + u] = 0; via[u * n + u] = u;
    for (let e = 0; e < opts.degree; e++) {
      const v = Math.floor(rand() * n);
      const w = 1 + Math.floor(rand() * 100);
      if (w < dist[u * n + v]) { dist[u * n + v] = w; via[u * n + v] = v; }
    }
  }
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const rowI = i * n;
      const dik = dist[rowI + k];
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const cand = dik + dist[rowK + j];
        if (cand < dist[rowI + j]) { dist[rowI + j] = cand; via[rowI + j] = via[rowI + k]; }
      }
    }
  }
  return { n, dist, via };
}

function pathLength({ n, via }, s, t) {
  if (via[s * n + t] < 0) return -1;
  let hops = 0;
  for (let u = s; u !== t; u = via[u * n + t]) hops++;
  return hops;
}

const g = floydWarshall({ vertices: __SIZE__, degree: 6, seed: 42 });
let reachable = 0, total = 0, longest = 0;
for (let i = 0; i < g.dist.length; i++) {
  const d = g.dist[i];
  if (d !== Infinity) { reachable++; total += d; if (d > longest) longest = d; }
}
let hops = 0;
for (let s = 0; s < g.n; s += Math.max(1, g.n >> 4)) hops += Math.max(0, pathLength(g, s, g.n - 1 - s));
console.log(`floyd n=${g.n} reachable=${reachable} sum=${total} diameter=${longest} hops=${hops}`);
