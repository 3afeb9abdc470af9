'use strict';
// Longest common subsequence of two DNA-like strings with the full (n+1)x(m+1) table kept
// in one Uint16Array, so the subsequence itself can be recovered by walking back from the corner.
const LEN = __SIZE__;

function makeStrand(len, seed, mul) {
  const alphabet = 'ACGT';
  let x = seed >>> 0;
  const out = new Array(len);
  for (let i = 0; i < len; i++) {
    x = (Math.imul(x, mul) + 12345) >>> 0;
    out[i] = alphabet[x >>> 30];
  }
  return out.join('');
}

const a = makeStrand(LEN, 17, 1103515245);
const b = makeStrand(LEN + (LEN >> 3), 99, 22695477);
const n = a.length, m = b.length, W = m + 1;
const table = new Uint16Array((n + 1) * W);
const bc = new Uint8Array(m);
for (let j = 0; j < m; j++) bc[j] = b.charCodeAt(j);

for (let i = 1; i <= n; i++) {
  const ca = a.charCodeAt(i - 1);
  const row = i * W, prev = row - W;
  for (let j = 1; j <= m; j++) {
    if (bc[j - 1] === ca) table[row + j] = table[prev + j - 1] + 1;
    else {
      const up = table[prev + j], left = table[row + j - 1];
      table[row + j] = up > left ? up : left;
    }
  }
}

// walk back from (n, m) collecting characters in reverse
const rev = [];
let i = n, j = m;
while (i > 0 && j > 0) {
  if (a[i - 1] === b[j - 1]) { rev.push(a[i - 1]); i--; j--; }
  else if (table[(i - 1) * W + j] >= table[i * W + j - 1]) i--;
  else j--;
}
const lcs = rev.reverse().join('');
let h = 5381;
for (let k = 0; k < lcs.length; k++) h = ((h << 5) + h + lcs.charCodeAt(k)) | 0;
console.log(`lcs |a|=${n} |b|=${m} length=${table[n * W + m]} recovered=${lcs.length} hash=${(h >>> 0).toString(16)}`);
