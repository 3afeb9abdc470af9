'use strict';
// Bilinear image upscaling through a PlanarImage class: three Float32Array colour planes, a
// procedural 160x120 source (rings and stripes), resized to width W (height 3/4 W), then a gamma
// lookup table and encoding into a binary PPM (P6) Buffer whose bytes are summed. Memory grows
// with the output area: float planes plus the encoded Buffer.

class PlanarImage {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.planes = [0, 1, 2].map(() => new Float32Array(width * height));
  }
  static procedural(width, height) {
    const img = new PlanarImage(width, height);
    const [r, g, b] = img.planes;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x, dx = x - width / 2, dy = y - height / 2;
        r[i] = 0.5 + 0.5 * Math.sin(Math.hypot(dx, dy) / 4);
        g[i] = ((x >> 3) + (y >> 3)) & 1 ? 0.8 : 0.2;
        b[i] = x / width;
      }
    }
    return img;
  }
  resize(width, height) {
    const out = new PlanarImage(width, height);
    const sx = (this.width - 1) / Math.max(1, width - 1), sy = (this.height - 1) / Math.max(1, height - 1);
    for (let p = 0; p < 3; p++) {
      const src = this.planes[p], dst = out.planes[p], w = this.width;
      for (let y = 0; y < height; y++) {
        const fy = y * sy, y0 = Math.floor(fy), y1 = Math.min(y0 + 1, this.height - 1), ty = fy - y0;
        for (let x = 0; x < width; x++) {
          const fx = x * sx, x0 = Math.floor(fx), x1 = Math.min(x0 + 1, w - 1), tx = fx - x0;
          const top = src[y0 * w + x0] * (1 - tx) + src[y0 * w + x1] * tx;
          const bot = src[y1 * w + x0] * (1 - tx) + src[y1 * w + x1] * tx;
          dst[y * width + x] = top * (1 - ty) + bot * ty;
        }
      }
    }
    return out;
  }
  toPPM(gamma) {
    const lut = new Uint8Array(1024);
    for (let i = 0; i < 1024; i++) lut[i] = Math.round(255 * Math.pow(i / 1023, 1 / gamma));
    const header = Buffer.from(`P6\n${this.width} ${this.height}\n255\n`, 'ascii');
    const body = Buffer.allocUnsafe(this.width * this.height * 3);
    const [r, g, b] = this.planes;
    for (let i = 0, o = 0; i < r.length; i++) {
      body[o++] = lut[(r[i] * 1023) | 0];
      body[o++] = lut[(g[i] * 1023) | 0];
      body[o++] = lut[(b[i] * 1023) | 0];
    }
    return Buffer.concat([header, body]);
  }
}

const target = { width: __SIZE__ };
const source = PlanarImage.procedural(160, 120);
const big = source.resize(target.width, Math.max(1, Math.round(target.width * 3 / 4)));
const ppm = big.toPPM(2.2);
let sum = 0;
for (let i = 0; i < ppm.length; i++) sum = (sum + ppm[i] * ((i & 15) + 1)) % 4294967291;
console.log(`ppm ${big.width}x${big.height} bytes=${ppm.length} checksum=${sum}`);
