'use strict';
// Hand-rolled slab allocator: one big ArrayBuffer carved into 64-byte slots, a free list threaded
// through the slots themselves (Int32Array view), records written and read through a DataView.
// A churn loop allocates, fills, validates and frees slots at random while keeping about half the
// slab live. Memory: one contiguous block proportional to the slot count, no per-object garbage.

const SLOTS = __SIZE__;
const SLOT_BYTES = 64;

function createSlab(slots) {
  const buffer = new ArrayBuffer(slots * SLOT_BYTES);
  const words = new Int32Array(buffer);
  const view = new DataView(buffer);
  let freeHead = 0, used = 0;
  for (let i = 0; i < slots; i++) words[i * (SLOT_BYTES >> 2)] = i + 1 < slots ? i + 1 : -1;
  return {
    alloc() {
      if (freeHead < 0) return -1;
      const slot = freeHead;
      freeHead = words[slot * (SLOT_BYTES >> 2)];
      used++;
      return slot;
    },
    free(slot) {
      words[slot * (SLOT_BYTES >> 2)] = freeHead;
      freeHead = slot;
      used--;
    },
    write(slot, id, value) {
      const base = slot * SLOT_BYTES;
      view.setUint32(base + 4, id, true);
      view.setFloat64(base + 8, value, true);
      for (let k = 16; k < SLOT_BYTES; k += 4) view.setUint32(base + k, (id * k) >>> 0, true);
    },
    read(slot) {
      const base = slot * SLOT_BYTES;
      let check = 0;
      for (let k = 16; k < SLOT_BYTES; k += 4) check ^= view.getUint32(base + k, true);
      return { id: view.getUint32(base + 4, true), value: view.getFloat64(base + 8, true), check };
    },
    get used() { return used; },
  };
}

const slab = createSlab(SLOTS);
const live = new Int32Array(SLOTS);
let liveCount = 0, seed = 2463534242, nextId = 1, failures = 0, acc = 0, peak = 0;
const rand = () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return seed >>> 0; };
for (let step = 0; step < SLOTS * 6; step++) {
  const wantAlloc = liveCount < SLOTS / 2 ? (rand() & 3) !== 0 : (rand() & 3) === 0;
  if (wantAlloc || liveCount === 0) {
    const slot = slab.alloc();
    if (slot < 0) { failures++; continue; }
    const id = nextId++;
    slab.write(slot, id, id * 0.25);
    live[liveCount++] = slot;
  } else {
    const k = rand() % liveCount;
    const slot = live[k];
    const rec = slab.read(slot);
    acc = (acc + rec.id + rec.check) % 1000000007;
    slab.free(slot);
    live[k] = live[--liveCount];
  }
  if (slab.used > peak) peak = slab.used;
}
console.log(`slab slots=${SLOTS} allocated=${nextId - 1} live=${slab.used} peak=${peak} failures=${failures} acc=${acc}`);
