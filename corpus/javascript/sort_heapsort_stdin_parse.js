'use strict';
// Reads all of stdin (process.stdin 'data' chunks kept in an array, then Buffer.concat), parses
// signed decimal integers byte by byte into a Float64Array that doubles when full, then sorts it
// in place with a hand-written sift-down heapsort. Memory grows with the input: the raw bytes
// plus 8 bytes per number.

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const data = Buffer.concat(chunks);
  chunks.length = 0;
  let vals = new Float64Array(1024);
  let n = 0, cur = 0, neg = false, inNum = false;
  const push = (v) => {
    if (n === vals.length) { const bigger = new Float64Array(vals.length * 2); bigger.set(vals); vals = bigger; }
    vals[n++] = v;
  };
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b >= 48 && b <= 57) { cur = cur * 10 + (b - 48); inNum = true; }
    else if (b === 45) { neg = true; }
    else { if (inNum) push(neg ? -cur : cur); cur = 0; neg = false; inNum = false; }
  }
  if (inNum) push(neg ? -cur : cur);
  heapsort(vals, n);
  let ok = true;
  for (let i = 1; i < n; i++) if (vals[i - 1] > vals[i]) { ok = false; break; }
  const median = n ? vals[n >> 1] : 0;
  let check = 0;
  for (let i = 0; i < n; i += 13) check = (check + vals[i] * (i % 7 + 1)) % 1000000007;
  console.log(`heapsort count=${n} sorted=${ok} min=${n ? vals[0] : 0} median=${median} max=${n ? vals[n - 1] : 0} check=${check}`);
});

function siftDown(a, start, end) {
  let root = start;
  const v = a[root];
  for (;;) {
    let child = 2 * root + 1;
    if (child >= end) break;
    if (child + 1 < end && a[child + 1] > a[child]) child++;
    if (a[child] <= v) break;
    a[root] = a[child];
    root = child;
  }
  a[root] = v;
}

function heapsort(a, n) {
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(a, i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = a[0]; a[0] = a[end]; a[end] = t;
    siftDown(a, 0, end);
  }
}
