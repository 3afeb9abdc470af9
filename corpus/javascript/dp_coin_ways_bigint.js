'use strict';
// Integer partitions via the unbounded coin-change DP where every part 1..N is a coin.
// Counts explode past 2^53 quickly, so the table is an array of BigInt.
const TARGET = __SIZE__;

function partitionCounts(n, maxPart) {
  const ways = new Array(n + 1).fill(0n);
  ways[0] = 1n;
  for (let part = 1; part <= maxPart; part++) {
    for (let total = part; total <= n; total++) {
      ways[total] += ways[total - part];
    }
  }
  return ways;
}

const all = partitionCounts(TARGET, TARGET);
const oddOnly = (() => {
  // partitions into odd parts (equinumerous with partitions into distinct parts)
  const w = new Array(TARGET + 1).fill(0n);
  w[0] = 1n;
  for (let part = 1; part <= TARGET; part += 2)
    for (let t = part; t <= TARGET; t++) w[t] += w[t - part];
  return w;
})();

const p = all[TARGET].toString();
const q = oddOnly[TARGET].toString();
const mod = all.reduce((acc, v) => (acc * 31n + v) % 1000000007n, 0n);
console.log(`partitions n=${TARGET} p(n) digits=${p.length} tail=${p.slice(-10)} odd-part digits=${q.length} tail=${q.slice(-6)} fold=${mod}`);
