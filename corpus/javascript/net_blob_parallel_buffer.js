const net = require('net');
const PER_CONN = __SIZE__;
const CONNECTIONS = 2;
const download = () => new Promise((resolve, reject) => {
  const parts = [];
  const s = net.connect(+process.env.PRESIZE_BLOB_PORT, process.env.PRESIZE_HOST_ADDR);
  s.on('data', (d) => parts.push(d));
  s.on('end', () => resolve(Buffer.concat(parts)));
  s.on('error', reject);
});
Promise.all(Array.from({ length: CONNECTIONS }, download)).then((bufs) => {
  const total = bufs.reduce((a, b) => a + b.length, 0);
  const xs = bufs.reduce((a, b) => a + (b.length ? b.lastIndexOf(120) + 1 : 0), 0);
  console.log('bytes', total, 'expected', PER_CONN * CONNECTIONS, 'x', xs);
});
