'use strict';
// LRU cache: a Map from key to list node plus a hand-linked doubly-linked recency list.
// Every miss allocates a fresh record object with a payload array and a string; evicted
// records and nodes become garbage, so the heap churns at a steady O(capacity) live size.
const OPS = __SIZE__;

class Node {
  constructor(key, value) { this.key = key; this.value = value; this.prev = null; this.next = null; }
}

class LRUCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
    this.head = new Node(-1, null); // sentinel: head.next is the most recent
    this.tail = new Node(-1, null); // tail.prev is the eldest
    this.head.next = this.tail; this.tail.prev = this.head;
    this.evictions = 0;
  }
  unlink(node) { node.prev.next = node.next; node.next.prev = node.prev; }
  pushFront(node) {
    node.next = this.head.next; node.prev = this.head;
    this.head.next.prev = node; this.head.next = node;
  }
  get(key) {
    const node = this.map.get(key);
    if (node === undefined) return undefined;
    this.unlink(node); this.pushFront(node);
    return node.value;
  }
  put(key, value) {
    const old = this.map.get(key);
    if (old) { old.value = value; this.unlink(old); this.pushFront(old); return; }
    if (this.map.size >= this.capacity) {
      const eldest = this.tail.prev;
      this.unlink(eldest);
      this.map.delete(eldest.key);
      this.evictions++;
    }
    const node = new Node(key, value);
    this.map.set(key, node);
    this.pushFront(node);
  }
}

let seed = 0x9e3779b9;
function next() {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
// skewed key distribution: small keys are hot
const keyFor = () => Math.floor(Math.pow(next(), 3) * OPS);

function load(key) {
  const payload = new Array(24);
  for (let i = 0; i < payload.length; i++) payload[i] = (key * 31 + i) % 1009;
  return { key, label: `record-${key.toString(16)}`, payload, hits: 0 };
}

const cache = new LRUCache(Math.max(16, OPS >> 3));
let hits = 0, misses = 0, acc = 0;
for (let op = 0; op < OPS; op++) {
  const key = keyFor();
  let rec = cache.get(key);
  if (rec) hits++;
  else { misses++; rec = load(key); cache.put(key, rec); }
  rec.hits++;
  acc = (acc + rec.payload[op % 24] + rec.label.length) % 1000000007;
}
console.log(`lru ops=${OPS} capacity=${cache.capacity} hits=${hits} misses=${misses} evictions=${cache.evictions} acc=${acc}`);
