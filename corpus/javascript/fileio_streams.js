const fs = require('fs');
const crypto = require('crypto');
const MB = __SIZE__;
const path = 'stream.bin';
const chunk = Buffer.alloc(1 << 20);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 0xff;
const ws = fs.createWriteStream(path);
let written = 0;
function writeMore() {
  while (written < MB) {
    written++;
    if (!ws.write(chunk)) { ws.once('drain', writeMore); return; }
  }
  ws.end();
}
ws.on('finish', () => {
  const h = crypto.createHash('sha1');
  let n = 0;
  fs.createReadStream(path, { highWaterMark: 1 << 16 })
    .on('data', (d) => { h.update(d); n += d.length; })
    .on('end', () => { fs.unlinkSync(path); console.log('streamed MiB', n >> 20, h.digest('hex').slice(0, 12)); });
});
writeMore();
