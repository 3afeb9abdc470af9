const N = __SIZE__;
let seed = 3;
const rand = (m) => { seed = (seed * 214013 + 2531011) % 4294967296; return Math.floor(seed / 65536) % m; };
const keys = Array.from({ length: N }, () => 'k' + rand(N * 4));
const index = new Map(keys.map((k, i) => [k, i]));
const seen = new Set(keys);
let found = 0, posSum = 0;
for (let i = 0; i < N; i++) {
  const q = 'k' + rand(N * 4);
  if (seen.has(q)) { found++; posSum += index.get(q); }
}
console.log('distinct', seen.size, 'found', found, 'pos', posSum % 1000003);
