'use strict';
// Manacher's algorithm on the '#'-interleaved string (all palindromic substrings, longest one)
// plus the Z-function of pattern + '\u0001' + text for occurrence counting.
function buildText(n) {
  const pieces = [];
  let len = 0, seed = 7;
  const r = (m) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % m; };
  while (len < n) {
    const k = 3 + r(12);
    let w = '';
    for (let i = 0; i < k; i++) w += String.fromCharCode(97 + r(3));
    // every few words, mirror the word to plant palindromes
    const piece = r(4) === 0 ? w + [...w].reverse().join('') : w;
    pieces.push(piece);
    len += piece.length;
  }
  return pieces.join('').slice(0, n);
}

function manacher(s) {
  const t = new Uint16Array(2 * s.length + 1); // 0 stands for '#'
  for (let i = 0; i < s.length; i++) t[2 * i + 1] = s.charCodeAt(i);
  const m = t.length, rad = new Int32Array(m);
  let c = 0, r = 0;
  for (let i = 0; i < m; i++) {
    let k = i < r ? Math.min(rad[2 * c - i], r - i) : 0;
    while (i - k - 1 >= 0 && i + k + 1 < m && t[i - k - 1] === t[i + k + 1]) k++;
    rad[i] = k;
    if (i + k > r) { c = i; r = i + k; }
  }
  let total = 0, best = 0, bestCenter = 0;
  for (let i = 0; i < m; i++) {
    total += (rad[i] + 1) >> 1;
    if (rad[i] > best) { best = rad[i]; bestCenter = i; }
  }
  return { total, best, start: (bestCenter - best) >> 1 };
}

function zFunction(s) {
  const n = s.length, z = new Int32Array(n);
  for (let i = 1, l = 0, r = 0; i < n; i++) {
    if (i < r) z[i] = Math.min(r - i, z[i - l]);
    while (i + z[i] < n && s.charCodeAt(z[i]) === s.charCodeAt(i + z[i])) z[i]++;
    if (i + z[i] > r) { l = i; r = i + z[i]; }
  }
  return z;
}

function main(n) {
  const text = buildText(n);
  const pal = manacher(text);
  const patterns = ['abcba', 'aaa', 'cabbac', 'bcacb'];
  const counts = patterns.map((p) => {
    const z = zFunction(p + '\u0001' + text);
    let c = 0;
    for (let i = p.length + 1; i < z.length; i++) if (z[i] >= p.length) c++;
    return c;
  });
  console.log(`manacher n=${text.length} palindromes=${pal.total} longest=${pal.best}@${pal.start} z-counts=${counts.join('/')}`);
}

main(__SIZE__);
