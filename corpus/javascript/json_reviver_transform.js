const N = __SIZE__;
const events = [];
for (let i = 0; i < N; i++) {
  events.push({ at: new Date(Date.UTC(2026, i % 12, 1 + (i % 28), i % 24)).toISOString(), kind: ['click', 'view', 'buy'][i % 3], amount: (i * 37) % 1000, meta: { big: String(BigInt(i) * 1000000007n) } });
}
const text = JSON.stringify(events, (k, v) => (k === 'amount' ? v / 100 : v));
const back = JSON.parse(text, (k, v) => (k === 'at' ? new Date(v) : k === 'big' ? BigInt(v) : v));
let spent = 0, big = 0n;
const months = new Set();
for (const e of back) { if (e.kind === 'buy') spent += e.amount; big += e.meta.big; months.add(e.at.getUTCMonth()); }
console.log('events', back.length, 'spent', spent.toFixed(2), 'months', months.size, 'big', (big % 1000003n).toString());
