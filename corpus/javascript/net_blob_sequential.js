const net = require('net');
const crypto = require('crypto');
const PER_CONN = __SIZE__;
const CONNECTIONS = 3;
function fetch() {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    let n = 0;
    const s = net.createConnection(+process.env.PRESIZE_BLOB_PORT, process.env.PRESIZE_HOST_ADDR);
    s.on('data', (d) => { h.update(d); n += d.length; });
    s.on('end', () => resolve({ n, digest: h.digest('hex') }));
    s.on('error', reject);
  });
}
(async () => {
  const results = [];
  for (let i = 0; i < CONNECTIONS; i++) results.push(await fetch());
  const total = results.reduce((a, r) => a + r.n, 0);
  console.log('connections', CONNECTIONS, 'bytes', total, 'ok', total === PER_CONN * CONNECTIONS, results[0].digest.slice(0, 10));
})().catch((e) => { console.error(e); process.exit(1); });
