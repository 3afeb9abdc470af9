const W = __SIZE__, H = W;
const img = new Uint8ClampedArray(W * H * 4);
let s = 5;
for (let i = 0; i < img.length; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; img[i] = (i & 3) === 3 ? 255 : s >> 23; }
function boxBlurH(src, dst, r) {
  for (let y = 0; y < H; y++) for (let c = 0; c < 3; c++) {
    let acc = 0;
    for (let x = -r; x <= r; x++) acc += src[(y * W + Math.min(W - 1, Math.max(0, x))) * 4 + c];
    for (let x = 0; x < W; x++) {
      dst[(y * W + x) * 4 + c] = acc / (2 * r + 1);
      acc += src[(y * W + Math.min(W - 1, x + r + 1)) * 4 + c] - src[(y * W + Math.max(0, x - r)) * 4 + c];
    }
  }
}
const tmp = new Uint8ClampedArray(img.length);
for (let pass = 0; pass < 3; pass++) { boxBlurH(img, tmp, 2); img.set(tmp); }
let sum = 0; for (let i = 0; i < img.length; i += 4) sum += img[i];
console.log('blur', W, 'x', H, 'mean red', (sum / (W * H)).toFixed(3));
