const { Worker, isMainThread, workerData } = require('worker_threads');
const N = __SIZE__;
const WORKERS = 4;
if (isMainThread) {
  const shared = new SharedArrayBuffer(4 * 256);
  const hist = new Int32Array(shared);
  let done = 0;
  for (let w = 0; w < WORKERS; w++) {
    const wk = new Worker(__filename, { workerData: { shared, w } });
    wk.on('exit', () => {
      if (++done === WORKERS) {
        let total = 0, peak = 0;
        for (const v of hist) { total += v; if (v > peak) peak = v; }
        console.log('samples', total, 'peak bucket', peak);
      }
    });
  }
} else {
  const hist = new Int32Array(workerData.shared);
  let s = 1 + workerData.w;
  for (let i = 0; i < N; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const x = (s >>> 8) & 0xffff;
    Atomics.add(hist, (x * x) >>> 24, 1);
  }
}
