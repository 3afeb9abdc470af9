'use strict';
// Dinic's maximum flow on a layered random network. Adjacency lists hold edge objects
// {to, cap, rev}; BFS builds levels, a recursive DFS with per-node cursors pushes blocking flow.
function main(nodeCount) {
  let seed = 1234567;
  const rand = (k) => { seed = (seed * 16807) % 2147483647; return seed % k; };

  const adj = Array.from({ length: nodeCount }, () => []);
  const addEdge = (u, v, c) => {
    const a = { to: v, cap: c, rev: null }, b = { to: u, cap: 0, rev: a };
    a.rev = b;
    adj[u].push(a); adj[v].push(b);
  };

  const source = 0, sink = nodeCount - 1;
  const layers = Math.max(3, Math.min(24, Math.round(Math.sqrt(nodeCount) / 2)));
  const inner = nodeCount - 2;
  const layerOf = (i) => Math.floor((i * layers) / inner);
  const perLayer = Math.ceil(inner / layers);
  for (let i = 0; i < inner; i++) {
    const v = i + 1, L = layerOf(i);
    if (L === 0) addEdge(source, v, 20 + rand(80));
    if (L === layers - 1) addEdge(v, sink, 20 + rand(80));
    for (let k = 0; k < 4; k++) {
      const j = i + perLayer - 10 + rand(20); // into the next layer (roughly)
      if (j > i && j < inner) addEdge(v, j + 1, 1 + rand(40));
    }
  }

  const level = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  function bfs() {
    level.fill(-1);
    level[source] = 0;
    let head = 0, tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const u = queue[head++];
      for (const e of adj[u]) if (e.cap > 0 && level[e.to] < 0) { level[e.to] = level[u] + 1; queue[tail++] = e.to; }
    }
    return level[sink] >= 0;
  }
  function dfs(u, pushed) {
    if (u === sink) return pushed;
    const edges = adj[u];
    for (; cursor[u] < edges.length; cursor[u]++) {
      const e = edges[cursor[u]];
      if (e.cap > 0 && level[e.to] === level[u] + 1) {
        const got = dfs(e.to, Math.min(pushed, e.cap));
        if (got > 0) { e.cap -= got; e.rev.cap += got; return got; }
      }
    }
    return 0;
  }

  let flow = 0, phases = 0, paths = 0;
  while (bfs()) {
    phases++;
    cursor.fill(0);
    for (let f; (f = dfs(source, Infinity)) > 0;) { flow += f; paths++; }
  }
  const edgeCount = adj.reduce((s, l) => s + l.length, 0) / 2;
  console.log(`dinic nodes=${nodeCount} edges=${edgeCount} layers=${layers} maxflow=${flow} phases=${phases} paths=${paths}`);
}

main(__SIZE__);
