'use strict';
// Content-defined chunking of stdin, FastCDC style: a 256-entry Uint32Array gear table drives a
// rolling hash over process.stdin 'data' events; a chunk boundary is cut where the hash matches a
// mask (min 2 KiB, max 64 KiB). Each chunk gets a hand-written 64-bit FNV-1a (two 32-bit halves
// via Math.imul), and a Set of chunk fingerprints counts duplicates. State carried between events
// is a few numbers, so memory is flat apart from the small fingerprint Set.

const GEAR = new Uint32Array(256);
{
  let s = 0x12345678;
  for (let i = 0; i < 256; i++) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; GEAR[i] = s >>> 0; }
}
const MIN = 2048, MAX = 65536, MASK = (1 << 13) - 1;
const FNV_PRIME_LO = 0x1b3, FNV_PRIME_HI = 0x100;

let roll = 0, chunkLen = 0, chunks = 0, total = 0, minSeen = Infinity, maxSeen = 0;
let hLo = 0x84222325, hHi = 0xcbf29ce4;
const seen = new Set();
let dupes = 0;

function cut() {
  const key = `${(hHi >>> 0).toString(16)}:${(hLo >>> 0).toString(16)}`;
  if (seen.has(key)) dupes++; else seen.add(key);
  chunks++;
  if (chunkLen < minSeen) minSeen = chunkLen;
  if (chunkLen > maxSeen) maxSeen = chunkLen;
  roll = 0; chunkLen = 0; hLo = 0x84222325; hHi = 0xcbf29ce4;
}

process.stdin.on('data', (buf) => {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    // 64-bit FNV-1a: h ^= b; h *= 0x100000001b3 (split into 32-bit halves)
    hLo ^= b;
    const lo = hLo >>> 0;
    const loMul = lo * FNV_PRIME_LO;
    const newLo = loMul >>> 0;
    const carry = Math.floor(loMul / 4294967296);
    hHi = (Math.imul(hHi, FNV_PRIME_LO) + Math.imul(lo, FNV_PRIME_HI) + carry) >>> 0;
    hLo = newLo;
    roll = ((roll << 1) + GEAR[b]) >>> 0;
    chunkLen++;
    if ((chunkLen >= MIN && (roll & MASK) === 0) || chunkLen >= MAX) cut();
  }
  total += buf.length;
});
process.stdin.on('end', () => {
  if (chunkLen > 0) cut();
  console.log(`cdc bytes=${total} chunks=${chunks} unique=${seen.size} dupes=${dupes} min=${chunks ? minSeen : 0} max=${maxSeen} avg=${chunks ? (total / chunks).toFixed(1) : 0}`);
});
