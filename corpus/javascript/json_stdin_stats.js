const fs = require('fs');
const doc = JSON.parse(fs.readFileSync(0, 'utf8'));
const byTag = {};
let total = 0;
for (const item of doc) {
  total += item.score || 0;
  for (const t of item.tags || []) byTag[t] = (byTag[t] || 0) + 1;
}
const best = doc.reduce((b, x) => (!b || x.score > b.score ? x : b), null);
console.log(JSON.stringify({ n: doc.length, mean: doc.length ? +(total / doc.length).toFixed(4) : 0, tags: Object.keys(byTag).length, best: best && best.id }));
