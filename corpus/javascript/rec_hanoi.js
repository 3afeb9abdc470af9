const DISCS = __SIZE__;
const pegs = [[], [], []];
for (let d = DISCS; d >= 1; d--) pegs[0].push(d);
let moves = 0;
function hanoi(n, from, to, via) {
  if (n === 0) return;
  hanoi(n - 1, from, via, to);
  const disc = pegs[from].pop();
  if (pegs[to].length && pegs[to][pegs[to].length - 1] < disc) throw new Error('illegal');
  pegs[to].push(disc);
  moves++;
  hanoi(n - 1, via, to, from);
}
hanoi(DISCS, 0, 2, 1);
console.log('discs', DISCS, 'moves', moves, 'done', pegs[2].length === DISCS);
