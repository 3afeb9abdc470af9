'use strict';
// Recursive generator (function* with yield*) enumerating every 4-element combination of N
// weighted items; counts the combinations whose weight sum is divisible by 7 and the best one.
const N = __SIZE__;
const K = 4;

const weights = [];
for (let i = 0, s = 12345; i < N; i++) {
  s = (s * 75 + 74) % 65537;
  weights.push(1 + (s % 997));
}

function* choose(start, k, prefix) {
  if (k === 0) { yield prefix; return; }
  for (let i = start; i <= N - k; i++) {
    prefix.push(i);
    yield* choose(i + 1, k - 1, prefix);
    prefix.pop();
  }
}

let total = 0, divisible = 0, best = -1, bestSet = '';
for (const combo of choose(0, K, [])) {
  total++;
  let sum = 0;
  for (const idx of combo) sum += weights[idx];
  if (sum % 7 === 0) {
    divisible++;
    if (sum > best) { best = sum; bestSet = combo.join('-'); }
  }
}
console.log(`combinations C(${N},${K})=${total} sum%7==0: ${divisible} best=${best} [${bestSet}]`);
