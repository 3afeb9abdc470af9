const zlib = require('zlib');
const N = __SIZE__;
const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];
let s = 1;
const parts = [];
for (let i = 0; i < N; i++) { s = (s * 16807) % 2147483647; parts.push(words[s % 8]); if (s % 11 === 0) parts.push('\n'); }
const input = Buffer.from(parts.join(' '));
const gz = zlib.gzipSync(input, { level: 9 });
const df = zlib.deflateRawSync(input, { level: 1 });
const back = zlib.gunzipSync(gz);
console.log('raw', input.length, 'gzip9', gz.length, 'raw1', df.length, 'ok', back.equals(input));
