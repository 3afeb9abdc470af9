'use strict';
// Parallel sort: the main thread fills a Float64Array, hands four slices to workers created
// from an inline source string (eval: true) by transferring their ArrayBuffers, each worker
// sorts its slice and transfers it back, and the main thread k-way merges with a tiny heap.
const { Worker } = require('worker_threads');

const TOTAL = __SIZE__;
const WORKERS = 4;

const workerSource = `
const { parentPort } = require('worker_threads');
parentPort.on('message', ({ buffer, id }) => {
  const arr = new Float64Array(buffer);
  arr.sort();
  let inversions = 0;
  for (let i = 1; i < arr.length; i++) if (arr[i - 1] > arr[i]) inversions++;
  parentPort.postMessage({ buffer, id, inversions }, [buffer]);
  parentPort.close();
});
`;

function fill(n) {
  const data = new Float64Array(n);
  let s = 0x1234abcd;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1597334677) + 0x9e3779b9) | 0;
    data[i] = ((s >>> 0) % 10000000) / 1000 - 5000;
  }
  return data;
}

function sortInWorker(slice, id) {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerSource, { eval: true });
    w.once('message', (msg) => resolve({ arr: new Float64Array(msg.buffer), id: msg.id, bad: msg.inversions }));
    w.once('error', reject);
    w.postMessage({ buffer: slice.buffer, id }, [slice.buffer]);
  });
}

function kWayMerge(parts, n) {
  const out = new Float64Array(n);
  const pos = parts.map(() => 0);
  const heap = []; // part indices ordered by current head value
  const head = (p) => parts[p][pos[p]];
  const siftDown = (i) => {
    for (;;) {
      let m = i; const l = 2 * i + 1, r = l + 1;
      if (l < heap.length && head(heap[l]) < head(heap[m])) m = l;
      if (r < heap.length && head(heap[r]) < head(heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]]; i = m;
    }
  };
  parts.forEach((p, i) => { if (p.length) heap.push(i); });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let k = 0; k < n; k++) {
    const p = heap[0];
    out[k] = head(p);
    if (++pos[p] === parts[p].length) { heap[0] = heap[heap.length - 1]; heap.pop(); }
    siftDown(0);
  }
  return out;
}

async function main() {
  const data = fill(TOTAL);
  const step = Math.ceil(TOTAL / WORKERS);
  const jobs = [];
  for (let w = 0; w < WORKERS; w++) {
    const slice = data.slice(w * step, Math.min(TOTAL, (w + 1) * step)); // a copy with its own buffer
    jobs.push(sortInWorker(slice, w));
  }
  const results = (await Promise.all(jobs)).sort((a, b) => a.id - b.id);
  const merged = kWayMerge(results.map((r) => r.arr), TOTAL);
  let ordered = true, check = 0;
  for (let i = 1; i < merged.length; i++) if (merged[i - 1] > merged[i]) { ordered = false; break; }
  for (let i = 0; i < merged.length; i += 101) check = (check + Math.round(merged[i] * 1000) * ((i % 97) + 1)) % 1000000007;
  console.log(`parallel-sort n=${TOTAL} workers=${WORKERS} ordered=${ordered} workerInversions=${results.reduce((s, r) => s + r.bad, 0)} median=${merged[TOTAL >> 1].toFixed(3)} check=${check}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
