const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const N = __SIZE__;
function fill(n, seed) { const m = new Float64Array(n * n); let s = seed; for (let i = 0; i < m.length; i++) { s = (s * 16807) % 2147483647; m[i] = s / 2147483647; } return m; }
if (isMainThread) {
  const A = fill(N, 1), B = fill(N, 2);
  const out = new Float64Array(new SharedArrayBuffer(8 * N * N));
  const half = N >> 1;
  const parts = [[0, half], [half, N]].map(([r0, r1]) => new Promise((res) => {
    const w = new Worker(__filename, { workerData: { A, B, out: out.buffer, r0, r1 } });
    w.on('exit', res);
  }));
  Promise.all(parts).then(() => { let tr = 0; for (let i = 0; i < N; i++) tr += out[i * N + i]; console.log('parallel matmul', N, 'trace', tr.toFixed(4)); });
} else {
  const { A, B, r0, r1 } = workerData;
  const C = new Float64Array(workerData.out);
  for (let i = r0; i < r1; i++) for (let k = 0; k < N; k++) { const a = A[i * N + k]; for (let j = 0; j < N; j++) C[i * N + j] += a * B[k * N + j]; }
}
