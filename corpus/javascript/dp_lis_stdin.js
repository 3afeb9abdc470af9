const fs = require('fs');
const nums = fs.readFileSync(0, 'latin1').split('\n').filter((l) => l.length && !Number.isNaN(+l)).map(Number);
// longest increasing and longest decreasing subsequence, patience sorting with binary search
function lis(arr, less) {
  const tails = [];
  for (const x of arr) {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (less(tails[m], x)) lo = m + 1; else hi = m; }
    tails[lo] = x;
  }
  return tails.length;
}
console.log('numbers', nums.length, 'lis', lis(nums, (a, b) => a < b), 'lds', lis(nums, (a, b) => a > b));
