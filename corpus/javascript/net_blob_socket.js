const net = require('net');
const EXPECTED = __SIZE__;
let got = 0, sum = 0;
const sock = net.connect({ host: process.env.PRESIZE_HOST_ADDR, port: +process.env.PRESIZE_BLOB_PORT });
sock.on('data', (d) => { got += d.length; for (let i = 0; i < d.length; i += 512) sum = (sum + d[i]) % 65521; });
sock.on('end', () => console.log('received', got, 'expected', EXPECTED, 'sum', sum));
sock.on('error', (e) => { console.error(e.message); process.exit(1); });
