const MB = __SIZE__;
const bufs = [];
let sum = 0;
for (let i = 0; i < MB * 4; i++) {
  const b = Buffer.alloc(256 * 1024, i & 0xff);
  sum += b[i % b.length];
  bufs.push(b);
}
const merged = Buffer.concat(bufs);
console.log('MiB', merged.length >> 20, 'sum', sum, 'tail', merged[merged.length - 1]);
