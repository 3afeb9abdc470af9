const W = __SIZE__, H = Math.floor(W * 3 / 4), MAXIT = 200;
const pixels = new Uint8Array(W * H * 3);
for (let py = 0; py < H; py++) {
  const ci = (py / H) * 2.4 - 1.2;
  for (let px = 0; px < W; px++) {
    const cr = (px / W) * 3.2 - 2.2;
    let zr = 0, zi = 0, it = 0;
    while (it < MAXIT && zr * zr + zi * zi < 4) { const t = zr * zr - zi * zi + cr; zi = 2 * zr * zi + ci; zr = t; it++; }
    const o = (py * W + px) * 3;
    pixels[o] = (it * 9) & 255; pixels[o + 1] = (it * 5) & 255; pixels[o + 2] = it === MAXIT ? 0 : 255;
  }
}
let inside = 0; for (let i = 2; i < pixels.length; i += 3) if (pixels[i] === 0) inside++;
console.log('mandelbrot', W, 'x', H, 'inside', inside);
