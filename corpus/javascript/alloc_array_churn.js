const N = __SIZE__;
let live = [];
let checksum = 0;
for (let i = 0; i < N; i++) {
  const arr = new Array(64);
  for (let j = 0; j < 64; j++) arr[j] = i + j;
  checksum += arr[i % 64];
  live.push(arr);
  if (live.length > N / 3) live = live.filter((_, k) => k % 2 === 0);
}
console.log('live', live.length, 'checksum', checksum);
