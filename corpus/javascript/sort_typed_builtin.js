const N = __SIZE__;
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(42);
const typed = new Float64Array(N);
for (let i = 0; i < N; i++) typed[i] = rand() * 1e6;
const plain = Array.from(typed);
typed.sort();
plain.sort((x, y) => y - x);
let same = true;
for (let i = 0; i < N; i++) if (typed[i] !== plain[N - 1 - i]) { same = false; break; }
console.log('sorted', N, 'agree', same, 'min', typed[0].toFixed(3), 'max', typed[N - 1].toFixed(3));
