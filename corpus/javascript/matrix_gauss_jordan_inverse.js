'use strict';
// Matrix inverse by Gauss-Jordan elimination with partial pivoting on an augmented [A | I]
// stored as an array of plain JS number arrays; checks A * inv(A) against the identity.
const dim = __SIZE__;

let state = 0x2545f491;
function rnd() {
  state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
  return ((state >>> 0) / 4294967296) * 2 - 1;
}

const A = [];
for (let i = 0; i < dim; i++) {
  const row = [];
  for (let j = 0; j < dim; j++) row.push(rnd());
  row[i] += dim * 0.5; // keep it comfortably non-singular
  A.push(row);
}

function invert(M) {
  const n = M.length;
  const aug = M.map((row, i) => {
    const r = row.slice();
    for (let j = 0; j < n; j++) r.push(i === j ? 1 : 0);
    return r;
  });
  let logDet = 0, sign = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(aug[r][col]) > Math.abs(aug[piv][col])) piv = r;
    if (piv !== col) { [aug[piv], aug[col]] = [aug[col], aug[piv]]; sign = -sign; }
    const pr = aug[col];
    const p = pr[col];
    logDet += Math.log(Math.abs(p));
    if (p < 0) sign = -sign;
    for (let j = 0; j < 2 * n; j++) pr[j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = aug[r];
      const f = row[col];
      if (f === 0) continue;
      for (let j = col; j < 2 * n; j++) row[j] -= f * pr[j];
    }
  }
  return { inv: aug.map((r) => r.slice(n)), logDet, sign };
}

const { inv, logDet, sign } = invert(A);
let maxErr = 0;
for (let i = 0; i < dim; i += Math.max(1, dim >> 6)) {
  for (let j = 0; j < dim; j++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += A[i][k] * inv[k][j];
    maxErr = Math.max(maxErr, Math.abs(s - (i === j ? 1 : 0)));
  }
}
const trace = inv.reduce((s, row, i) => s + row[i], 0);
console.log(`gauss-jordan n=${dim} logdet=${logDet.toFixed(6)} sign=${sign} trace(inv)=${trace.toExponential(6)} maxErr<1e-9=${maxErr < 1e-9}`);
