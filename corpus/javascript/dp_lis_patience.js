const N = __SIZE__;
let s = 31;
const seq = [];
for (let i = 0; i < N; i++) { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; seq.push(s % (N * 2)); }
// O(n log n) patience sorting plus an O(n^2) check on a prefix
const tails = [];
for (const x of seq) {
  let lo = 0, hi = tails.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (tails[m] < x) lo = m + 1; else hi = m; }
  tails[lo] = x;
}
const P = Math.min(N, 3000);
const best = new Array(P).fill(1);
for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) if (seq[j] < seq[i] && best[j] + 1 > best[i]) best[i] = best[j] + 1;
console.log('lis', tails.length, 'prefix lis', Math.max(...best));
