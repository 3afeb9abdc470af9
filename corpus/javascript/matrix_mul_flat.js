const N = __SIZE__;
const A = new Float64Array(N * N), B = new Float64Array(N * N), C = new Float64Array(N * N);
let s = 1;
const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
for (let i = 0; i < N * N; i++) { A[i] = rnd(); B[i] = rnd(); }
for (let i = 0; i < N; i++) {
  for (let k = 0; k < N; k++) {
    const a = A[i * N + k];
    const bo = k * N, co = i * N;
    for (let j = 0; j < N; j++) C[co + j] += a * B[bo + j];
  }
}
let tr = 0;
for (let i = 0; i < N; i++) tr += C[i * N + i];
console.log('matmul', N, 'trace', tr.toFixed(4));
