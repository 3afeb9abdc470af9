'use strict';
// LSD radix sort of 32-bit keys: four 8-bit passes that ping-pong between two Uint32Arrays,
// with a per-pass Uint32Array histogram turned into prefix offsets. Keys from an xorshift32
// closure. Memory: two key arrays of n words (O(n), one contiguous block each).

function makeXorshift(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

function radixSort(keys) {
  let src = keys;
  let dst = new Uint32Array(keys.length);
  const count = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < src.length; i++) count[(src[i] >>> shift) & 255]++;
    let sum = 0;
    for (let b = 0; b < 256; b++) { const c = count[b]; count[b] = sum; sum += c; }
    for (let i = 0; i < src.length; i++) {
      const v = src[i];
      dst[count[(v >>> shift) & 255]++] = v;
    }
    const t = src; src = dst; dst = t;
  }
  return src;
}

function run(n) {
  const next = makeXorshift(0x9e3779b9);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = next();
  const sorted = radixSort(keys);
  let ok = true, check = 0;
  for (let i = 1; i < n; i++) {
    if (sorted[i - 1] > sorted[i]) { ok = false; break; }
  }
  for (let i = 0; i < n; i += 97) check = (check * 31 + sorted[i]) >>> 0;
  console.log(`radix n=${n} sorted=${ok} min=${sorted[0]} max=${sorted[n - 1]} check=${check}`);
}

run(__SIZE__);
