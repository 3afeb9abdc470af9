'use strict';
// Suffix array by prefix doubling (rank pairs compared in Array.prototype.sort), Kasai's LCP,
// then the longest repeated substring and the number of distinct substrings.
const TEXT_LEN = __SIZE__;

function generateText(len) {
  // a small Markov chain over syllables gives plenty of repeats
  const syl = ['ka', 'ri', 'mo', 'te', 'su', 'na', 'lo', 'pe', 'x', 'qua'];
  let s = 31337;
  const next = () => (s = (s * 69069 + 1) >>> 0) >>> 24;
  let out = '', prev = 0;
  while (out.length < len) {
    const k = (prev + (next() % 4)) % syl.length;
    out += syl[k];
    if ((next() & 15) === 0) out += ' ';
    prev = k;
  }
  return out.slice(0, len);
}

function suffixArray(s) {
  const n = s.length;
  const sa = Array.from({ length: n }, (_, i) => i);
  let rank = new Int32Array(n), tmp = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = s.charCodeAt(i);
  for (let k = 1; ; k <<= 1) {
    const key2 = (i) => (i + k < n ? rank[i + k] : -1);
    sa.sort((a, b) => rank[a] - rank[b] || key2(a) - key2(b));
    tmp[sa[0]] = 0;
    for (let i = 1; i < n; i++) {
      const a = sa[i - 1], b = sa[i];
      tmp[b] = tmp[a] + (rank[a] !== rank[b] || key2(a) !== key2(b) ? 1 : 0);
    }
    [rank, tmp] = [tmp, rank];
    if (rank[sa[n - 1]] === n - 1) break;
  }
  return sa;
}

function kasai(s, sa) {
  const n = s.length, rank = new Int32Array(n), lcp = new Int32Array(n);
  sa.forEach((p, i) => { rank[p] = i; });
  let h = 0;
  for (let i = 0; i < n; i++) {
    if (rank[i] > 0) {
      const j = sa[rank[i] - 1];
      while (i + h < n && j + h < n && s[i + h] === s[j + h]) h++;
      lcp[rank[i]] = h;
      if (h > 0) h--;
    } else h = 0;
  }
  return lcp;
}

const text = generateText(TEXT_LEN);
const sa = suffixArray(text);
const lcp = kasai(text, sa);
let best = 0, at = 0, lcpSum = 0;
for (let i = 1; i < lcp.length; i++) { lcpSum += lcp[i]; if (lcp[i] > best) { best = lcp[i]; at = sa[i]; } }
const n = text.length;
const distinct = (n * (n + 1)) / 2 - lcpSum;
console.log(`suffix-array n=${n} distinctSubstrings=${distinct} longestRepeat=${best} "${text.substr(at, Math.min(best, 16))}"`);
