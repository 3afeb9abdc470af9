const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const LIMIT = __SIZE__;
const WORKERS = 2;
function countPrimes(lo, hi) {
  let c = 0;
  for (let n = Math.max(2, lo); n < hi; n++) {
    let p = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
    if (p) c++;
  }
  return c;
}
if (isMainThread) {
  const step = Math.ceil(LIMIT / WORKERS);
  const jobs = [];
  for (let w = 0; w < WORKERS; w++) {
    jobs.push(new Promise((resolve, reject) => {
      const wk = new Worker(__filename, { workerData: { lo: w * step, hi: Math.min(LIMIT, (w + 1) * step) } });
      wk.on('message', resolve); wk.on('error', reject);
    }));
  }
  Promise.all(jobs).then((counts) => console.log('primes below', LIMIT, counts.reduce((a, b) => a + b, 0)));
} else {
  parentPort.postMessage(countPrimes(workerData.lo, workerData.hi));
}
