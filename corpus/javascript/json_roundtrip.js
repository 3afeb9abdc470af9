const N = __SIZE__;
let s = 23;
const r = (m) => { s = (s * 16807) % 2147483647; return s % m; };
const docs = [];
for (let i = 0; i < N; i++) {
  docs.push({ id: i, user: { name: `user${i}`, roles: ['admin', 'dev', 'ops'].slice(0, 1 + r(3)) }, metrics: Array.from({ length: 6 }, () => r(1000) / 10), active: r(2) === 1 });
}
const text = JSON.stringify(docs);
const parsed = JSON.parse(text);
const pretty = JSON.stringify(parsed.slice(0, Math.max(1, N >> 4)), null, 2);
const avg = parsed.reduce((a, d) => a + d.metrics.reduce((x, y) => x + y, 0), 0) / parsed.length;
console.log('bytes', text.length, 'pretty', pretty.length, 'avg', avg.toFixed(3));
