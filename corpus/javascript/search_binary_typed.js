const N = __SIZE__;
const table = new Int32Array(N);
let v = 0, s = 1;
for (let i = 0; i < N; i++) { s = (s * 1664525 + 1013904223) >>> 0; v += 1 + (s % 7); table[i] = v; }
function lowerBound(a, key) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}
let hits = 0, acc = 0;
for (let q = 0; q < 4 * N; q++) {
  s = (s * 1664525 + 1013904223) >>> 0;
  const key = s % (v + 1);
  const i = lowerBound(table, key);
  if (i < N && table[i] === key) hits++;
  acc = (acc + i) % 1000003;
}
console.log('queries', 4 * N, 'hits', hits, 'acc', acc);
