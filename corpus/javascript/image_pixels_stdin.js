const fs = require('fs');
const raw = fs.readFileSync(0);
const n = Math.floor(raw.length / 3);
const gray = new Uint8Array(n);
const hist = new Uint32Array(256);
for (let i = 0; i < n; i++) {
  const v = (raw[3 * i] * 77 + raw[3 * i + 1] * 150 + raw[3 * i + 2] * 29) >> 8;
  gray[i] = v; hist[v]++;
}
// histogram equalisation
const cdf = new Uint32Array(256);
let run = 0;
for (let v = 0; v < 256; v++) { run += hist[v]; cdf[v] = run; }
const cmin = cdf.find((c) => c > 0) || 0;
const lut = cdf.map((c) => (n > cmin ? Math.round(((c - cmin) / (n - cmin)) * 255) : 0));
let mean = 0;
for (let i = 0; i < n; i++) { gray[i] = lut[gray[i]]; mean += gray[i]; }
console.log('pixels', n, 'mean after equalise', n ? (mean / n).toFixed(2) : 0);
