const fs = require('fs');
const N = __SIZE__;
const REC = 32;
const path = '/tmp/presize-records.bin';
const fd = fs.openSync(path, 'w+');
const rec = Buffer.alloc(REC);
for (let i = 0; i < N; i++) {
  rec.writeUInt32LE(i, 0); rec.writeDoubleLE(i * 0.5, 8); rec.write(`r${i}`.padEnd(16, '_'), 16, 'latin1');
  fs.writeSync(fd, rec, 0, REC, i * REC);
}
let s = 7, acc = 0;
for (let q = 0; q < N; q++) {
  s = (s * 16807) % 2147483647;
  const k = s % N;
  fs.readSync(fd, rec, 0, REC, k * REC);
  if (rec.readUInt32LE(0) !== k) throw new Error('bad record');
  acc += rec.readDoubleLE(8);
}
fs.closeSync(fd);
fs.unlinkSync(path);
console.log('records', N, 'acc', acc);
