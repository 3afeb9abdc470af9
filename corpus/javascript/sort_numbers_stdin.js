const fs = require('fs');
const text = fs.readFileSync(0, 'utf8');
const nums = text.split('\n').filter((l) => /^-?\d+$/.test(l)).map(Number);
nums.sort((a, b) => a - b);
const n = nums.length;
const median = n ? nums[n >> 1] : 0;
const distinct = new Set(nums).size;
console.log(JSON.stringify({ count: n, median, distinct, min: nums[0], max: nums[n - 1] }));
