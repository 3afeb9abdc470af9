const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const text = Buffer.concat(chunks).toString('latin1');
  const counts = new Map();
  let words = 0;
  for (const raw of text.split(/\s+/)) {
    const w = raw.toLowerCase().replace(/[.,!?]/g, '');
    if (!w) continue;
    words++;
    counts.set(w, (counts.get(w) || 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  console.log('words', words, 'distinct', counts.size, 'top', JSON.stringify(top));
});
