const N = __SIZE__;
function prefixTable(p) {
  const t = new Int32Array(p.length);
  for (let i = 1, k = 0; i < p.length; i++) {
    while (k > 0 && p[i] !== p[k]) k = t[k - 1];
    if (p[i] === p[k]) k++;
    t[i] = k;
  }
  return t;
}
function kmpCount(text, pat) {
  const t = prefixTable(pat);
  let count = 0;
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pat[k]) k = t[k - 1];
    if (text[i] === pat[k]) k++;
    if (k === pat.length) { count++; k = t[k - 1]; }
  }
  return count;
}
let s = 10;
const parts = [];
for (let i = 0; i < N; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; parts.push('ab'[(s >> 16) & 1]); }
const text = parts.join('');
const pats = ['abab', 'aabba', 'bbbbbb', 'abaabaab'];
console.log('text', N, 'matches', pats.map((p) => kmpCount(text, p)).join(','));
