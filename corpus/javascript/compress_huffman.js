const N = __SIZE__;
function buildCodes(freq) {
  let nodes = [];
  freq.forEach((f, sym) => { if (f) nodes.push({ f, sym }); });
  while (nodes.length > 1) {
    nodes.sort((a, b) => a.f - b.f);
    const [a, b] = nodes.splice(0, 2);
    nodes.push({ f: a.f + b.f, left: a, right: b });
  }
  const codes = {};
  (function walk(n, code) {
    if (n.sym !== undefined) { codes[n.sym] = code || '0'; return; }
    walk(n.left, code + '0'); walk(n.right, code + '1');
  })(nodes[0], '');
  return { codes, root: nodes[0] };
}
const data = new Uint8Array(N);
let s = 21;
for (let i = 0; i < N; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; const r = s % 100; data[i] = r < 50 ? 101 : r < 75 ? 116 : r < 90 ? 97 + (r % 5) : 32 + (r % 60); }
const freq = new Array(256).fill(0);
for (const b of data) freq[b]++;
const { codes, root } = buildCodes(freq);
const bits = [];
for (const b of data) bits.push(codes[b]);
const stream = bits.join('');
let node = root, decoded = 0, ok = true;
for (let i = 0; i < stream.length; i++) {
  node = stream[i] === '0' ? node.left : node.right;
  if (node.sym !== undefined) { if (node.sym !== data[decoded++]) ok = false; node = root; }
}
console.log('in', N, 'bits', stream.length, 'ratio', (N * 8 / stream.length).toFixed(3), 'ok', ok && decoded === N);
