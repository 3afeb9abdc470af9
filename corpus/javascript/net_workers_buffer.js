'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const PER_CONN = __SIZE__;
const WORKERS = 3;

if (isMainThread) {
  let finished = 0;
  const results = new Array(WORKERS);
  for (let w = 0; w < WORKERS; w++) {
    const worker = new Worker(__filename, { workerData: { id: w } });
    worker.on('message', (msg) => {
      results[msg.id] = msg;
      if (++finished === WORKERS) {
        const total = results.reduce((a, r) => a + r.bytes, 0);
        console.log('workers', WORKERS, 'bytes', total, 'expected', PER_CONN * WORKERS,
          'ok', results.every((r) => r.bytes === PER_CONN), 'md5', results.map((r) => r.md5.slice(0, 8)).join(','));
      }
    });
    worker.on('error', (e) => { console.error(e); process.exit(1); });
  }
} else {
  // Each worker owns one connection and one buffer sized for the whole payload up front.
  const net = require('net');
  const crypto = require('crypto');
  const whole = Buffer.alloc(PER_CONN);
  let filled = 0;
  let overflow = 0;
  const sock = net.connect(Number(process.env.PRESIZE_BLOB_PORT), process.env.PRESIZE_HOST_ADDR);
  sock.on('data', (chunk) => {
    const room = whole.length - filled;
    const n = Math.min(room, chunk.length);
    chunk.copy(whole, filled, 0, n);
    filled += n;
    overflow += chunk.length - n;
  });
  sock.on('end', () => {
    const md5 = crypto.createHash('md5').update(whole.subarray(0, filled)).digest('hex');
    parentPort.postMessage({ id: workerData.id, bytes: filled + overflow, md5 });
  });
  sock.on('error', (e) => { throw e; });
}
