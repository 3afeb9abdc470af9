'use strict';
// Floyd-Steinberg error diffusion of a synthetic greyscale image (Float32Array) down to 1 bit
// per pixel, packed MSB-first into a PBM (P4) Buffer with its text header.
const SIDE = __SIZE__;

function render(w, h) {
  const img = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = x / w, v = y / h;
      const ring = Math.sin(40 * Math.hypot(u - 0.5, v - 0.5));
      img[y * w + x] = 255 * (0.5 * u + 0.25 * (1 + ring) * v + 0.1 * Math.cos(9 * u * v));
    }
  }
  return img;
}

function dither(img, w, h) {
  const rowBytes = (w + 7) >> 3;
  const header = Buffer.from(`P4\n${w} ${h}\n`, 'ascii');
  const pbm = Buffer.alloc(header.length + rowBytes * h);
  header.copy(pbm, 0);
  let black = 0;
  for (let y = 0; y < h; y++) {
    const rowOff = header.length + y * rowBytes;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const old = img[i];
      const val = old < 128 ? 0 : 255;
      const err = old - val;
      if (val === 0) { pbm[rowOff + (x >> 3)] |= 0x80 >> (x & 7); black++; }
      if (x + 1 < w) img[i + 1] += (err * 7) / 16;
      if (y + 1 < h) {
        if (x > 0) img[i + w - 1] += (err * 3) / 16;
        img[i + w] += (err * 5) / 16;
        if (x + 1 < w) img[i + w + 1] += err / 16;
      }
    }
  }
  return { pbm, black };
}

const { pbm, black } = dither(render(SIDE, SIDE), SIDE, SIDE);
let h = 0x811c9dc5;
for (const byte of pbm) h = Math.imul(h ^ byte, 0x01000193);
console.log(`dither ${SIDE}x${SIDE} pbmBytes=${pbm.length} black=${black} (${((100 * black) / (SIDE * SIDE)).toFixed(2)}%) fnv=${(h >>> 0).toString(16)}`);
