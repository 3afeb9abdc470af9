'use strict';
// Hand-written block compressor in the bzip2 spirit: each 8 KiB block of generated text goes
// through a Burrows-Wheeler transform (rotation indices sorted with a comparator over a doubled
// Uint8Array), move-to-front coding, and zero-run-length coding; then the block is inverted
// (LF mapping) and compared. Blocks are processed and dropped one at a time: memory is constant
// in the total size, which is given in bytes.

const TOTAL_BYTES = __SIZE__;
const BLOCK = 8192;
const WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'and', 'runs',
  'away', 'from', 'home', 'to', 'see', 'a', 'big', 'red', 'barn', 'in', 'field'];

function makeTextSource(seed) {
  let s = seed, pending = '';
  return function fill(out) {
    let n = 0;
    while (n < out.length) {
      if (pending.length === 0) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        pending = WORDS[s % WORDS.length] + ((s >>> 20) % 9 === 0 ? '.\n' : ' ');
      }
      const k = Math.min(pending.length, out.length - n);
      for (let i = 0; i < k; i++) out[n + i] = pending.charCodeAt(i);
      pending = pending.slice(k); n += k;
    }
  };
}

function bwt(block) {
  const n = block.length;
  const dbl = new Uint8Array(2 * n);
  dbl.set(block); dbl.set(block, n);
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    for (let k = 0; k < n; k++) {
      const d = dbl[a + k] - dbl[b + k];
      if (d !== 0) return d;
    }
    return 0;
  });
  const last = new Uint8Array(n);
  let primary = 0;
  for (let i = 0; i < n; i++) {
    const j = idx[i];
    if (j === 0) primary = i;
    last[i] = dbl[j + n - 1];
  }
  return { last, primary };
}

function mtfRle(last) {
  const order = Array.from({ length: 256 }, (_, i) => i);
  const out = [];
  let zeros = 0;
  for (const c of last) {
    const r = order.indexOf(c);
    if (r > 0) { order.splice(r, 1); order.unshift(c); }
    if (r === 0) { zeros++; continue; }
    if (zeros) { out.push(0, zeros); zeros = 0; }
    out.push(r);
  }
  if (zeros) out.push(0, zeros);
  return out;
}

function inverseBwt(last, primary) {
  const n = last.length;
  const count = new Int32Array(257);
  for (const c of last) count[c + 1]++;
  for (let i = 0; i < 256; i++) count[i + 1] += count[i];
  const lf = new Int32Array(n);
  for (let i = 0; i < n; i++) lf[i] = count[last[i]]++;
  const out = new Uint8Array(n);
  let p = primary;
  for (let i = n - 1; i >= 0; i--) { out[i] = last[p]; p = lf[p]; }
  return out;
}

const fill = makeTextSource(31337);
let done = 0, symbols = 0, blocks = 0, mismatches = 0;
while (done < TOTAL_BYTES) {
  const block = new Uint8Array(Math.min(BLOCK, TOTAL_BYTES - done));
  fill(block);
  const { last, primary } = bwt(block);
  symbols += mtfRle(last).length;
  const back = inverseBwt(last, primary);
  for (let i = 0; i < block.length; i++) if (back[i] !== block[i]) { mismatches++; break; }
  done += block.length; blocks++;
}
console.log(`bwt-mtf bytes=${done} blocks=${blocks} symbols=${symbols} ratio=${(done / symbols).toFixed(3)} mismatches=${mismatches}`);
