const DEPTH = __SIZE__;
function build(d) {
  if (d === 0) return { leaf: true, v: d };
  return { level: d, items: [build(d - 1), { v: d * 2 }], name: 'n' + d };
}
function sumValues(node) {
  if (Array.isArray(node)) return node.reduce((a, x) => a + sumValues(x), 0);
  if (node && typeof node === 'object') return Object.values(node).reduce((a, x) => a + sumValues(x), 0);
  return typeof node === 'number' ? node : 0;
}
let total = 0, bytes = 0;
for (let rep = 0; rep < 1000; rep++) {
  const text = JSON.stringify(build(DEPTH));
  bytes += text.length;
  total += sumValues(JSON.parse(text));
}
console.log('depth', DEPTH, 'bytes', bytes, 'sum', total);
