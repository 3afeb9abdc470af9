'use strict';
// Ordered set as a probabilistic skip list: one small SkipNode object per key with a `next`
// array of 1..20 forward links, level chosen by a seeded LCG coin. Inserts n keys, then runs
// n membership probes and a few range counts. Memory: O(n) small objects kept until the end.

class SkipNode {
  constructor(key, level) {
    this.key = key;
    this.next = new Array(level).fill(null);
  }
}

class SkipList {
  constructor(maxLevel, seed) {
    this.maxLevel = maxLevel;
    this.head = new SkipNode(-Infinity, maxLevel);
    this.level = 1;
    this.size = 0;
    this.seed = seed >>> 0;
    this.update = new Array(maxLevel);
  }
  coin() {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed >>> 31;
  }
  randomLevel() {
    let lv = 1;
    while (lv < this.maxLevel && this.coin()) lv++;
    return lv;
  }
  insert(key) {
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.next[i] !== null && x.next[i].key < key) x = x.next[i];
      this.update[i] = x;
    }
    const nxt = x.next[0];
    if (nxt !== null && nxt.key === key) return false;
    const lv = this.randomLevel();
    if (lv > this.level) {
      for (let i = this.level; i < lv; i++) this.update[i] = this.head;
      this.level = lv;
    }
    const node = new SkipNode(key, lv);
    for (let i = 0; i < lv; i++) {
      node.next[i] = this.update[i].next[i];
      this.update[i].next[i] = node;
    }
    this.size++;
    return true;
  }
  lowerBound(key) {
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.next[i] !== null && x.next[i].key < key) x = x.next[i];
    }
    return x.next[0];
  }
  has(key) {
    const node = this.lowerBound(key);
    return node !== null && node.key === key;
  }
  countRange(lo, hi) {
    let c = 0;
    for (let x = this.lowerBound(lo); x !== null && x.key < hi; x = x.next[0]) c++;
    return c;
  }
}

const settings = { keys: __SIZE__, maxLevel: 20 };
const list = new SkipList(settings.maxLevel, 12345);
let r = 777;
const rnd = () => { // mulberry32
  r = (r + 0x6d2b79f5) | 0;
  let t = Math.imul(r ^ (r >>> 15), 1 | r);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
};
const span = settings.keys * 4;
for (let i = 0; i < settings.keys; i++) list.insert(rnd() % span);
let hits = 0;
for (let i = 0; i < settings.keys; i++) if (list.has(rnd() % span)) hits++;
let ranged = 0;
for (let q = 0; q < 50; q++) { const lo = rnd() % span; ranged += list.countRange(lo, lo + (span >> 8)); }
console.log(`skiplist size=${list.size} levels=${list.level} hits=${hits} ranged=${ranged}`);
