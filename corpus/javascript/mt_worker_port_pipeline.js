'use strict';
// Three-stage worker_threads pipeline wired with MessageChannel ports: a producer worker
// generates batches of Float64 samples and transfers their ArrayBuffers, a filter worker applies
// a moving-average + threshold stage, and a reducer worker accumulates statistics and reports to
// the main thread. Batches are transferred (not copied) and released after use, with a credit
// window of 4 batches so memory stays flat in the sample count.
const { Worker, MessageChannel, isMainThread, parentPort, workerData } = require('worker_threads');

const SAMPLES = __SIZE__;
const BATCH = 8192;
const WINDOW = 4;

if (isMainThread) {
  const aToB = new MessageChannel();
  const bToC = new MessageChannel();
  const credit = new MessageChannel();
  const producer = new Worker(__filename, { workerData: { role: 'produce', total: SAMPLES }, transferList: [] });
  const filter = new Worker(__filename, { workerData: { role: 'filter' } });
  const reducer = new Worker(__filename, { workerData: { role: 'reduce' } });
  producer.postMessage({ out: aToB.port1, credit: credit.port1 }, [aToB.port1, credit.port1]);
  filter.postMessage({ in: aToB.port2, out: bToC.port1 }, [aToB.port2, bToC.port1]);
  reducer.postMessage({ in: bToC.port2, credit: credit.port2 }, [bToC.port2, credit.port2]);
  reducer.on('message', (r) => {
    console.log(`pipeline samples=${r.count} batches=${r.batches} above=${r.above} mean=${r.mean.toFixed(6)} max=${r.max.toFixed(6)}`);
  });
  for (const w of [producer, filter, reducer]) w.on('error', (e) => { console.error(e); process.exitCode = 1; });
} else if (workerData.role === 'produce') {
  parentPort.once('message', ({ out, credit }) => {
    let sent = 0, inFlight = 0, seed = 20240601;
    const pump = () => {
      while (inFlight < WINDOW && sent < workerData.total) {
        const n = Math.min(BATCH, workerData.total - sent);
        const arr = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          arr[i] = Math.sin((sent + i) * 0.01) + (seed / 4294967296 - 0.5);
        }
        out.postMessage({ samples: arr }, [arr.buffer]);
        sent += n; inFlight++;
      }
      if (sent >= workerData.total && inFlight === 0) { out.postMessage({ done: true }); out.close(); credit.close(); }
    };
    credit.on('message', () => { inFlight--; pump(); });
    pump();
  });
} else if (workerData.role === 'filter') {
  parentPort.once('message', ({ in: input, out }) => {
    const ring = new Float64Array(16);
    let pos = 0, sum = 0;
    input.on('message', (msg) => {
      if (msg.done) { out.postMessage(msg); input.close(); out.close(); return; }
      const s = msg.samples;
      const res = new Float64Array(s.length);
      for (let i = 0; i < s.length; i++) {
        sum += s[i] - ring[pos]; ring[pos] = s[i]; pos = (pos + 1) & 15;
        let v = sum / 16;
        for (let k = 0; k < 8; k++) v = v * 0.999 + Math.tanh(v) * 0.001;
        res[i] = v;
      }
      out.postMessage({ samples: res }, [res.buffer]);
    });
  });
} else {
  parentPort.once('message', ({ in: input, credit }) => {
    let count = 0, batches = 0, above = 0, total = 0, max = -Infinity;
    input.on('message', (msg) => {
      if (msg.done) {
        parentPort.postMessage({ count, batches, above, mean: count ? total / count : 0, max });
        input.close(); credit.close();
        return;
      }
      for (const v of msg.samples) { count++; total += v; if (v > 0.5) above++; if (v > max) max = v; }
      batches++;
      credit.postMessage(1);
    });
  });
}
