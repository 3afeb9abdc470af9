'use strict';
// Held-Karp travelling-salesman DP over subsets: dp[mask * n + last] in one Float64Array of
// 2^n * n entries (exponential memory in the number of cities), parent choices in a Uint8Array,
// then the optimal tour is walked back. Cities are points on a seeded integer grid.

const CITIES = __SIZE__;

function* points(count, seed) {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 69069 + 1) >>> 0; const x = s % 1000;
    s = (s * 69069 + 1) >>> 0; const y = s % 1000;
    yield [x, y];
  }
}

const pts = [...points(CITIES, 2024)];
const n = pts.length;
const d = new Float64Array(n * n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) d[i * n + j] = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
}
const full = 1 << n;
const dp = new Float64Array(full * n).fill(Infinity);
const parent = new Uint8Array(full * n);
dp[1 * n + 0] = 0;
for (let mask = 1; mask < full; mask += 2) {          // every subset contains city 0
  for (let last = 0; last < n; last++) {
    const cur = dp[mask * n + last];
    if (cur === Infinity) continue;
    for (let nxt = 1; nxt < n; nxt++) {
      if (mask & (1 << nxt)) continue;
      const m2 = mask | (1 << nxt);
      const cand = cur + d[last * n + nxt];
      if (cand < dp[m2 * n + nxt]) { dp[m2 * n + nxt] = cand; parent[m2 * n + nxt] = last; }
    }
  }
}
let best = Infinity, end = 0;
for (let last = 1; last < n; last++) {
  const c = dp[(full - 1) * n + last] + d[last * n];
  if (c < best) { best = c; end = last; }
}
const tour = [];
for (let mask = full - 1, cur = end; cur !== 0 || mask !== 1;) {
  tour.push(cur);
  const p = parent[mask * n + cur];
  mask ^= 1 << cur; cur = p;
  if (mask === 1 && cur === 0) break;
}
console.log(`held-karp cities=${n} tour=${best.toFixed(3)} visited=${tour.length + 1} states=${full * n}`);
