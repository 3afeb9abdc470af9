'use strict';
// Tarjan's strongly connected components without recursion: CSR adjacency in Int32Arrays
// and an explicit DFS frame stack (node, next-edge cursor), then the condensation's edge count.
const graph = { nodes: __SIZE__, avgOutDegree: 2 };

function lcg(seed) {
  let s = seed >>> 0;
  return (bound) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return Math.floor((s / 4294967296) * bound); };
}

function buildCsr(n, m, rnd) {
  const src = new Int32Array(m), dst = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const u = rnd(n);
    // mostly local edges plus some long jumps, which gives many mid-sized components
    const v = rnd(16) !== 0 ? (u + n - 3 + rnd(8)) % n : rnd(n);
    src[e] = u; dst[e] = v;
  }
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[src[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const adj = new Int32Array(m);
  for (let e = 0; e < m; e++) adj[fill[src[e]]++] = dst[e];
  return { start, adj };
}

function tarjan(n, start, adj) {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const frameNode = new Int32Array(n), frameEdge = new Int32Array(n);
  let sp = 0, counter = 0, comps = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let fp = 0;
    frameNode[0] = root; frameEdge[0] = start[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root; onStack[root] = 1;
    while (fp >= 0) {
      const v = frameNode[fp];
      const e = frameEdge[fp];
      if (e < start[v + 1]) {
        frameEdge[fp] = e + 1;
        const w = adj[e];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w; onStack[w] = 1;
          fp++; frameNode[fp] = w; frameEdge[fp] = start[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
      } else {
        if (low[v] === index[v]) {
          let w;
          do { w = stack[--sp]; onStack[w] = 0; comp[w] = comps; } while (w !== v);
          comps++;
        }
        fp--;
        if (fp >= 0) { const p = frameNode[fp]; if (low[v] < low[p]) low[p] = low[v]; }
      }
    }
  }
  return { comp, comps };
}

const n = graph.nodes;
const { start, adj } = buildCsr(n, n * graph.avgOutDegree, lcg(4242));
const { comp, comps } = tarjan(n, start, adj);
const sizes = new Int32Array(comps);
for (let v = 0; v < n; v++) sizes[comp[v]]++;
let largest = 0, singletons = 0;
for (const s of sizes) { if (s > largest) largest = s; if (s === 1) singletons++; }
// condensation edges: group nodes by component (counting sort), dedupe targets with a stamp array
const first = new Int32Array(comps + 1);
for (let c = 0; c < comps; c++) first[c + 1] = first[c] + sizes[c];
const pos = first.slice(0, comps), members = new Int32Array(n);
for (let v = 0; v < n; v++) members[pos[comp[v]]++] = v;
const stamp = new Int32Array(comps).fill(-1);
let dagEdges = 0;
for (let c = 0; c < comps; c++) {
  stamp[c] = c;
  for (let k = first[c]; k < first[c + 1]; k++) {
    const u = members[k];
    for (let e = start[u]; e < start[u + 1]; e++) {
      const d = comp[adj[e]];
      if (stamp[d] !== c) { stamp[d] = c; dagEdges++; }
    }
  }
}
console.log(`scc nodes=${n} components=${comps} largest=${largest} singletons=${singletons} dagEdges=${dagEdges}`);
