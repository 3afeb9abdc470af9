'use strict';
// N-Queens: counts all solutions with a recursive backtracking function over three bitmasks
// (columns and both diagonals), lowest free bit picked with x & -x, and tallies which column the
// first-row queen sits in. Memory: only the O(n) recursion depth and a small Int32Array.

function countQueens(n) {
  const full = (1 << n) - 1;
  const firstCol = new Int32Array(n);
  let nodes = 0;
  const place = (row, cols, d1, d2) => {
    nodes++;
    if (cols === full) return 1;
    let free = full & ~(cols | d1 | d2);
    let found = 0;
    while (free) {
      const bit = free & -free;
      free ^= bit;
      found += place(row + 1, cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1);
    }
    return found;
  };
  let total = 0;
  for (let c = 0; c < n; c++) {
    const bit = 1 << c;
    const k = place(1, bit, (bit << 1) & full, bit >> 1);
    firstCol[c] = k;
    total += k;
  }
  return { total, nodes, firstCol };
}

const { total, nodes, firstCol } = countQueens(__SIZE__);
console.log(`queens solutions=${total} nodes=${nodes} edgeColumn=${firstCol[0]}`);
