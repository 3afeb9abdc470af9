const zlib = require('zlib');
const gzip = zlib.createGzip({ level: 6 });
let rawBytes = 0, packedBytes = 0;
process.stdin.on('data', (c) => { rawBytes += c.length; });
gzip.on('data', (c) => { packedBytes += c.length; });
gzip.on('end', () => console.log('gzip', rawBytes, '->', packedBytes, 'bytes'));
process.stdin.pipe(gzip);
