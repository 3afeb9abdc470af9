const N = __SIZE__;
function murmur3(bytes, seed) {
  let h = seed >>> 0;
  const n = bytes.length & ~3;
  for (let i = 0; i < n; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51); k = (k << 15) | (k >>> 17); k = Math.imul(k, 0x1b873593);
    h ^= k; h = (h << 13) | (h >>> 19); h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= bytes.length;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}
const data = new Uint8Array(N);
let s = 99;
for (let i = 0; i < N; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; data[i] = s >> 16; }
const buckets = new Uint32Array(1024);
for (let off = 0; off + 32 <= N; off += 32) buckets[murmur3(data.subarray(off, off + 32), 1) & 1023]++;
let maxB = 0; for (const b of buckets) if (b > maxB) maxB = b;
console.log('bytes', N, 'whole', murmur3(data, 0).toString(16), 'max bucket', maxB);
