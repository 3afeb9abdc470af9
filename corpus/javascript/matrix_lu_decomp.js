const N = __SIZE__;
function luDecompose(a, n) {
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let p = k, max = Math.abs(a[k][k]);
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > max) { max = Math.abs(a[i][k]); p = i; }
    [a[k], a[p]] = [a[p], a[k]]; [perm[k], perm[p]] = [perm[p], perm[k]];
    for (let i = k + 1; i < n; i++) {
      const f = (a[i][k] /= a[k][k]);
      const ri = a[i], rk = a[k];
      for (let j = k + 1; j < n; j++) ri[j] -= f * rk[j];
    }
  }
  return perm;
}
let s = 6;
const r = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
const M = Array.from({ length: N }, (_, i) => Float64Array.from({ length: N }, (_, j) => r() + (i === j ? 2 : 0)));
luDecompose(M, N);
let logdet = 0;
for (let i = 0; i < N; i++) logdet += Math.log(Math.abs(M[i][i]));
console.log('lu', N, 'log|det|', logdet.toFixed(6));
