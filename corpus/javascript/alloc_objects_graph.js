const N = __SIZE__;
class Node {
  constructor(id) { this.id = id; this.children = []; this.tags = { even: id % 2 === 0, name: 'node-' + id }; }
}
const nodes = [];
for (let i = 0; i < N; i++) {
  const n = new Node(i);
  if (i > 0) nodes[(i * 7) % i].children.push(n);
  nodes.push(n);
}
let edges = 0, evens = 0;
for (const n of nodes) { edges += n.children.length; if (n.tags.even) evens++; }
console.log('nodes', nodes.length, 'edges', edges, 'evens', evens);
