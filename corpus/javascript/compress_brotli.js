const zlib = require('zlib');
const N = __SIZE__;
const rows = [];
let s = 4;
for (let i = 0; i < N; i++) { s = (s * 48271) % 2147483647; rows.push(`{"row":${i},"k":"${['a', 'b', 'c'][s % 3]}","v":${s % 1000}}`); }
const input = Buffer.from(rows.join('\n'));
const br = zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
const out = zlib.brotliDecompressSync(br);
console.log('raw', input.length, 'brotli', br.length, 'ok', out.equals(input));
