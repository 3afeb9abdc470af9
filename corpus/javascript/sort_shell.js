const N = __SIZE__;
let s = 7;
const next = () => (s = (s * 16807) % 2147483647);
const arr = new Int32Array(N).map(() => next());
function shellSort(a) {
  const gaps = [];
  for (let g = 1; g < a.length; g = 3 * g + 1) gaps.unshift(g);
  for (const gap of gaps) {
    for (let i = gap; i < a.length; i++) {
      const tmp = a[i];
      let j = i;
      while (j >= gap && a[j - gap] > tmp) { a[j] = a[j - gap]; j -= gap; }
      a[j] = tmp;
    }
  }
  return a;
}
shellSort(arr);
let inversions = 0;
for (let i = 1; i < N; i++) if (arr[i - 1] > arr[i]) inversions++;
console.log('shellsort', N, 'inversions', inversions, 'median', arr[N >> 1]);
