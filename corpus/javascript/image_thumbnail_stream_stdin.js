'use strict';
// Streaming thumbnail of raw RGB stdin (rows of 512 pixels): 'data' events are consumed byte by
// byte with a carry for pixels split across chunks; every 8x8 block is averaged into one
// accumulator row (64 blocks x 3 channels, Uint32Array) that is flushed into a thumbnail row
// every 8 image rows, hashed and discarded. Also tracks per-channel min/max and a 16-bin
// luminance histogram. Memory: fixed accumulators, flat in the input size.

const WIDTH = 512, BLOCK = 8, BLOCKS = WIDTH / BLOCK;
const acc = new Uint32Array(BLOCKS * 3);
const lumaHist = new Uint32Array(16);
const lo = [255, 255, 255], hi = [0, 0, 0];
const thumbRow = new Uint8Array(BLOCKS * 3);
let channel = 0, x = 0, y = 0, r = 0, g = 0, thumbRows = 0, digest = 2166136261, pixels = 0;

function flushRow() {
  for (let i = 0; i < acc.length; i++) {
    thumbRow[i] = Math.round(acc[i] / (BLOCK * BLOCK));
    digest = Math.imul(digest ^ thumbRow[i], 16777619) >>> 0;
  }
  acc.fill(0);
  thumbRows++;
}

function pixel(rv, gv, bv) {
  const base = ((x / BLOCK) | 0) * 3;
  acc[base] += rv; acc[base + 1] += gv; acc[base + 2] += bv;
  const v = [rv, gv, bv];
  for (let c = 0; c < 3; c++) { if (v[c] < lo[c]) lo[c] = v[c]; if (v[c] > hi[c]) hi[c] = v[c]; }
  lumaHist[(0.299 * rv + 0.587 * gv + 0.114 * bv) >> 4]++;
  pixels++;
  if (++x === WIDTH) {
    x = 0;
    if (++y % BLOCK === 0) flushRow();
  }
}

process.stdin.on('data', (chunk) => {
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (channel === 0) { r = b; channel = 1; }
    else if (channel === 1) { g = b; channel = 2; }
    else { pixel(r, g, b); channel = 0; }
  }
});
process.stdin.on('end', () => {
  let modal = 0;
  for (let i = 1; i < 16; i++) if (lumaHist[i] > lumaHist[modal]) modal = i;
  console.log(`thumbnail pixels=${pixels} rows=${y} thumbRows=${thumbRows} digest=${digest.toString(16)} min=${lo.join('/')} max=${hi.join('/')} modalLuma=${modal}`);
});
