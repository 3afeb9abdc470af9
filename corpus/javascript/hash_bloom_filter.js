'use strict';
// Bloom filter class over a Uint32Array bit set. k probe positions come from double hashing
// with two string hashes (FNV-1a and a djb2/xor variant); measures the false-positive rate.
const config = { keys: __SIZE__, bitsPerKey: 10, probes: 7 };

class BloomFilter {
  constructor(expected, bitsPerKey, k) {
    this.m = Math.max(64, expected * bitsPerKey) >>> 0;
    this.k = k;
    this.bits = new Uint32Array(Math.ceil(this.m / 32));
  }
  static fnv1a(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  static djbx(s) {
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 33) ^ s.charCodeAt(i)) | 0;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13;
    return (h >>> 0) | 1;
  }
  *positions(key) {
    const h1 = BloomFilter.fnv1a(key), h2 = BloomFilter.djbx(key);
    for (let i = 0; i < this.k; i++) yield (h1 + Math.imul(i, h2) >>> 0) % this.m;
  }
  add(key) {
    for (const p of this.positions(key)) this.bits[p >>> 5] |= 1 << (p & 31);
  }
  has(key) {
    for (const p of this.positions(key)) if ((this.bits[p >>> 5] & (1 << (p & 31))) === 0) return false;
    return true;
  }
  fillRatio() {
    let set = 0;
    for (let w of this.bits) { while (w) { w &= w - 1; set++; } }
    return set / this.m;
  }
}

const filter = new BloomFilter(config.keys, config.bitsPerKey, config.probes);
for (let i = 0; i < config.keys; i++) filter.add(`user:${(i * 2654435761) >>> 0}`);
let missing = 0;
for (let i = 0; i < config.keys; i++) if (!filter.has(`user:${(i * 2654435761) >>> 0}`)) missing++;
let falsePos = 0;
for (let i = 0; i < config.keys; i++) if (filter.has(`guest:${i}`)) falsePos++;
console.log(`bloom keys=${config.keys} bits=${filter.m} fill=${filter.fillRatio().toFixed(4)} missing=${missing} fpRate=${(falsePos / config.keys).toFixed(5)}`);
