const ITEMS = __SIZE__;
const CAP = ITEMS * 20;
let s = 4;
const rnd = (m) => { s = (s * 48271) % 2147483647; return 1 + (s % m); };
const w = Array.from({ length: ITEMS }, () => rnd(60));
const v = Array.from({ length: ITEMS }, () => rnd(100));
const best = new Int32Array(CAP + 1);
for (let i = 0; i < ITEMS; i++) {
  const wi = w[i], vi = v[i];
  for (let c = CAP; c >= wi; c--) {
    const cand = best[c - wi] + vi;
    if (cand > best[c]) best[c] = cand;
  }
}
console.log('knapsack items', ITEMS, 'cap', CAP, 'best', best[CAP]);
