'use strict';
const N = __SIZE__;
let seed = 12345;
function rnd() {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed;
}
let a = Array.from({ length: N }, () => rnd());
let buf = new Array(N);
for (let width = 1; width < N; width *= 2) {
  for (let lo = 0; lo < N; lo += 2 * width) {
    const mid = Math.min(lo + width, N), hi = Math.min(lo + 2 * width, N);
    let i = lo, j = mid, k = lo;
    while (i < mid && j < hi) buf[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) buf[k++] = a[i++];
    while (j < hi) buf[k++] = a[j++];
  }
  [a, buf] = [buf, a];
}
let ok = true;
for (let i = 1; i < N; i++) if (a[i - 1] > a[i]) { ok = false; break; }
console.log('mergesort', N, ok, a[N >> 1]);
