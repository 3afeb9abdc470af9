const N = __SIZE__;
const MOD = 1000000007n;
const blocked = (r, c) => ((r * 31 + c * 17) % 23 === 0) && r + c > 0;
const memo = new Map();
function paths(r, c) {
  if (r < 0 || c < 0 || blocked(r, c)) return 0n;
  if (r === 0 && c === 0) return 1n;
  const key = r * 100000 + c;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const val = (paths(r - 1, c) + paths(r, c - 1)) % MOD;
  memo.set(key, val);
  return val;
}
// fill diagonally so recursion depth stays small
for (let d = 0; d <= 2 * (N - 1); d++) for (let r = Math.max(0, d - N + 1); r <= Math.min(d, N - 1); r++) paths(r, d - r);
console.log('grid', N, 'paths mod p', paths(N - 1, N - 1).toString(), 'memo', memo.size);
