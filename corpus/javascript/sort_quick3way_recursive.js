'use strict';
// Three-way (Dutch national flag) quicksort on a plain array with many duplicate keys.
// Recurses on the smaller side and loops on the larger one; insertion sort for short runs.
let size = __SIZE__;

function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function insertionSort(a, lo, hi) {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

function medianOf3(x, y, z) {
  if (x < y) return y < z ? y : (x < z ? z : x);
  return x < z ? x : (y < z ? z : y);
}

let maxDepth = 0;
function quick3(a, lo, hi, depth) {
  if (depth > maxDepth) maxDepth = depth;
  while (hi - lo > 12) {
    const pivot = medianOf3(a[lo], a[(lo + hi) >>> 1], a[hi]);
    let lt = lo, gt = hi, i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) { a[i] = a[lt]; a[lt] = v; lt++; i++; }
      else if (v > pivot) { a[i] = a[gt]; a[gt] = v; gt--; }
      else i++;
    }
    if (lt - lo < hi - gt) { quick3(a, lo, lt - 1, depth + 1); lo = gt + 1; }
    else { quick3(a, gt + 1, hi, depth + 1); hi = lt - 1; }
  }
  insertionSort(a, lo, hi);
}

const rand = mulberry32(20240601);
const keyRange = Math.max(16, size >> 5);
const data = [];
for (let i = 0; i < size; i++) data.push(Math.floor(rand() * keyRange) - (keyRange >> 1));

quick3(data, 0, data.length - 1, 0);

let ok = true, runs = data.length ? 1 : 0, check = 0;
for (let i = 1; i < data.length; i++) {
  if (data[i - 1] > data[i]) { ok = false; break; }
  if (data[i - 1] !== data[i]) runs++;
}
for (let i = 0; i < data.length; i += 7) check = (check * 31 + data[i] + 1000003) % 1000000007;
console.log(`quick3 n=${size} sorted=${ok} distinct=${runs} depth=${maxDepth} check=${check}`);
