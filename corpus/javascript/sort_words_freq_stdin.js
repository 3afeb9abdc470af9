'use strict';
// Reads text from stdin with for-await, counts words, then sorts the (word, count) entries
// by count descending / word ascending and also sorts all distinct lines by length then text.
async function main() {
  const parts = [];
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) parts.push(chunk);
  const text = parts.join('');
  const lines = text.split('\n');

  const freq = new Map();
  for (const line of lines) {
    for (const raw of line.split(' ')) {
      const w = raw.replace(/[.,!?]+$/, '').toLowerCase();
      if (w) freq.set(w, (freq.get(w) || 0) + 1);
    }
  }
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const uniqueLines = [...new Set(lines.filter((l) => l.length > 0))];
  uniqueLines.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));

  let h = 0;
  for (let i = 0; i < ranked.length; i += 3) h = (h * 131 + ranked[i][1] + ranked[i][0].length) >>> 0;
  const top = ranked.slice(0, 3).map(([w, c]) => `${w}:${c}`).join(',');
  const longest = uniqueLines.length ? uniqueLines[uniqueLines.length - 1].length : 0;
  console.log(`words=${freq.size} lines=${uniqueLines.length} top=${top} longest=${longest} h=${h}`);
}
main();
