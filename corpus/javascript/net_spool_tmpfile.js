'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { once } = require('events');

const PER_CONN = __SIZE__;
const ROUNDS = 2; // sequential downloads, appended to one spool file

async function spool(file, flags) {
  const out = fs.createWriteStream(file, { flags });
  const sock = net.connect(Number(process.env.PRESIZE_BLOB_PORT), process.env.PRESIZE_HOST_ADDR);
  let n = 0;
  for await (const chunk of sock) {
    n += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

function scan(file) {
  // Read the spooled file back through one 256 KiB buffer: byte histogram and a Fletcher sum.
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 18);
  const hist = new Uint32Array(256);
  let a = 1, b = 0, total = 0, k;
  while ((k = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    for (let i = 0; i < k; i += 8) {
      const v = buf[i];
      hist[v]++;
      a = (a + v) % 65521;
      b = (b + a) % 65521;
    }
    total += k;
  }
  fs.closeSync(fd);
  let distinct = 0;
  for (const c of hist) if (c) distinct++;
  return { total, fletcher: ((b << 16) | a) >>> 0, distinct };
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
  const file = path.join(dir, 'blob.bin');
  try {
    const got = [];
    for (let r = 0; r < ROUNDS; r++) got.push(await spool(file, r === 0 ? 'w' : 'a'));
    const size = fs.statSync(file).size;
    const s = scan(file);
    console.log('downloads', ROUNDS, 'bytes', got.reduce((x, y) => x + y, 0), 'expected', PER_CONN * ROUNDS,
      'file', size, 'scanned', s.total, 'ok', got.every((g) => g === PER_CONN) && s.total === size,
      'fletcher', s.fletcher.toString(16), 'distinct', s.distinct);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
