const N = __SIZE__;
class ChainedTable {
  constructor(capacity) { this.buckets = new Array(capacity).fill(null); this.size = 0; }
  hash(key) { let h = 2166136261; for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619); return (h >>> 0) % this.buckets.length; }
  set(key, value) {
    const b = this.hash(key);
    for (let node = this.buckets[b]; node; node = node.next) if (node.key === key) { node.value = value; return; }
    this.buckets[b] = { key, value, next: this.buckets[b] };
    this.size++;
  }
  get(key) {
    for (let node = this.buckets[this.hash(key)]; node; node = node.next) if (node.key === key) return node.value;
    return undefined;
  }
}
const t = new ChainedTable(Math.max(16, N >> 1));
for (let i = 0; i < N; i++) t.set('key:' + ((i * 7919) % (N * 2)), i);
let hits = 0;
for (let i = 0; i < N; i++) if (t.get('key:' + i) !== undefined) hits++;
console.log('size', t.size, 'hits', hits);
