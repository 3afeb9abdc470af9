const N = __SIZE__;
let s = 8;
const items = Array.from({ length: N }, () => { s = (s * 16807) % 2147483647; return 1 + (s % 1000); });
const target = Math.floor(items.reduce((a, b) => a + b, 0) / 3);
let solutions = 0, calls = 0;
function search(i, remaining) {
  calls++;
  if (remaining === 0) { solutions++; return; }
  if (i === items.length || remaining < 0) return;
  search(i + 1, remaining - items[i]);
  search(i + 1, remaining);
}
search(0, target);
console.log('items', N, 'target', target, 'solutions', solutions, 'calls', calls);
