const W = __SIZE__;
const grid = new Uint8Array(W * W);
let s = 4;
for (let i = 0; i < grid.length; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; grid[i] = (s >> 16) % 100 < 35 ? 1 : 0; }
const label = new Int32Array(W * W);
function fill(x, y, id, depth) {
  if (x < 0 || y < 0 || x >= W || y >= W) return 0;
  const k = y * W + x;
  if (grid[k] || label[k]) return 0;
  label[k] = id;
  if (depth > 4000) return 1; // cap the recursion; the outer loop picks up the rest
  return 1 + fill(x + 1, y, id, depth + 1) + fill(x - 1, y, id, depth + 1) + fill(x, y + 1, id, depth + 1) + fill(x, y - 1, id, depth + 1);
}
let regions = 0, biggest = 0;
for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
  if (!grid[y * W + x] && !label[y * W + x]) { regions++; const n = fill(x, y, regions, 0); if (n > biggest) biggest = n; }
}
console.log('grid', W, 'regions', regions, 'biggest', biggest);
