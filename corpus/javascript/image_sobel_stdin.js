'use strict';
// Sobel edge detection on the raw RGB stream from stdin (512-pixel rows): luma into a
// Float32Array, gradient magnitude into a Uint8Array, edge count and per-band mean gradient.
const fs = require('fs');

const WIDTH = 512;
const raw = fs.readFileSync(0);
const height = Math.floor(raw.length / (3 * WIDTH));
const luma = new Float32Array(WIDTH * height);
for (let p = 0, o = 0; p < luma.length; p++, o += 3) luma[p] = 0.299 * raw[o] + 0.587 * raw[o + 1] + 0.114 * raw[o + 2];

const mag = new Uint8Array(WIDTH * height);
const bandSums = new Float64Array(Math.ceil(height / 64) || 1);
let edges = 0, maxMag = 0;
for (let y = 1; y < height - 1; y++) {
  const up = (y - 1) * WIDTH, mid = y * WIDTH, dn = (y + 1) * WIDTH;
  for (let x = 1; x < WIDTH - 1; x++) {
    const gx = luma[up + x + 1] + 2 * luma[mid + x + 1] + luma[dn + x + 1] - luma[up + x - 1] - 2 * luma[mid + x - 1] - luma[dn + x - 1];
    const gy = luma[dn + x - 1] + 2 * luma[dn + x] + luma[dn + x + 1] - luma[up + x - 1] - 2 * luma[up + x] - luma[up + x + 1];
    const g = Math.min(255, Math.hypot(gx, gy) / 4);
    mag[mid + x] = g;
    bandSums[y >> 6] += g;
    if (g > 40) edges++;
    if (g > maxMag) maxMag = g;
  }
}
const bands = Array.from(bandSums, (s, b) => s / (WIDTH * Math.min(64, height - b * 64) || 1));
const strongest = bands.reduce((best, v, b) => (v > bands[best] ? b : best), 0);
let check = 0;
for (let k = 0; k < mag.length; k += 13) check = (check + mag[k] * (k % 251)) % 1000003;
console.log(`sobel ${WIDTH}x${height} edges=${edges} max=${maxMag.toFixed(1)} strongestBand=${strongest} check=${check}`);
