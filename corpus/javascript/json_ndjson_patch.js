'use strict';
// NDJSON pipeline: class instances with toJSON() serialised one per line, the text split back
// into lines, each JSON.parse'd, patched (counters, nested arrays, deleted keys), sometimes
// structuredClone'd, and re-serialised with a key whitelist replacer.
const LINES = __SIZE__;

class Order {
  constructor(id, rnd) {
    this.id = id;
    this.customer = { name: `cust-${rnd(5000)}`, tier: ['bronze', 'silver', 'gold'][rnd(3)] };
    this.items = Array.from({ length: 1 + rnd(5) }, (_, k) => ({ sku: `S${rnd(900) + 100}-${k}`, qty: 1 + rnd(4), price: rnd(10000) / 100 }));
    this.createdAt = new Date(Date.UTC(2024, rnd(12), 1 + rnd(28), rnd(24)));
    this.internal = { cacheKey: id.toString(36) };
  }
  toJSON() {
    return { id: this.id, customer: this.customer, items: this.items, created: this.createdAt.toISOString(), internal: this.internal };
  }
}

function* ndjson(count) {
  let s = 42;
  const rnd = (m) => { s = (s * 1664525 + 1013904223) % 4294967296; return Math.floor((s / 4294967296) * m); };
  for (let i = 0; i < count; i++) yield JSON.stringify(new Order(i, rnd));
}

const text = [...ndjson(LINES)].join('\n');
const keep = ['id', 'customer', 'tier', 'items', 'sku', 'qty', 'price', 'total', 'month', 'flags'];
let out = '', clones = 0, gold = 0, revenue = 0;
for (const line of text.split('\n')) {
  let doc = JSON.parse(line);
  if (doc.id % 10 === 0) { doc = structuredClone(doc); clones++; }
  doc.total = Math.round(doc.items.reduce((s, it) => s + it.qty * it.price, 0) * 100) / 100;
  doc.month = Number(doc.created.slice(5, 7));
  doc.flags = doc.total > 150 ? ['big'] : [];
  if (doc.customer.tier === 'gold') { doc.flags.push('vip'); gold++; }
  delete doc.internal;
  revenue += doc.total;
  out += JSON.stringify(doc, keep) + '\n';
}
let check = 0;
for (let i = 0; i < out.length; i += 97) check = (check * 33 + out.charCodeAt(i)) % 65521;
console.log(`ndjson lines=${LINES} inBytes=${text.length} outBytes=${out.length} clones=${clones} gold=${gold} revenue=${revenue.toFixed(2)} check=${check}`);
