const W = __SIZE__, H = W;
class Image {
  constructor(w, h) { this.w = w; this.h = h; this.px = new Uint8Array(w * h * 3); }
  get(x, y, c) { return this.px[(y * this.w + x) * 3 + c]; }
  set(x, y, c, v) { this.px[(y * this.w + x) * 3 + c] = v; }
}
const src = new Image(W, H);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) { src.set(x, y, 0, x & 255); src.set(x, y, 1, y & 255); src.set(x, y, 2, (x ^ y) & 255); }
const angle = 0.3, cos = Math.cos(angle), sin = Math.sin(angle);
const dst = new Image(W, H);
const cx = W / 2, cy = H / 2;
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
    const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
    if (sx >= 0 && sx < W && sy >= 0 && sy < H) for (let c = 0; c < 3; c++) dst.set(x, y, c, src.get(sx, sy, c));
  }
}
let sum = 0; for (const v of dst.px) sum += v;
console.log('rotated', W, 'x', H, 'checksum', sum % 1000003);
