const N = __SIZE__;
const dims = [];
let s = 8;
for (let i = 0; i <= N; i++) { s = (s * 16807) % 2147483647; dims.push(5 + (s % 95)); }
const cost = Array.from({ length: N }, () => new Float64Array(N));
for (let len = 2; len <= N; len++) {
  for (let i = 0; i + len - 1 < N; i++) {
    const j = i + len - 1;
    let best = Infinity;
    for (let k = i; k < j; k++) {
      const c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1];
      if (c < best) best = c;
    }
    cost[i][j] = best;
  }
}
console.log('matrix chain', N, 'min multiplications', cost[0][N - 1]);
