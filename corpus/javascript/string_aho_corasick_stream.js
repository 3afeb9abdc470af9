'use strict';
// Aho-Corasick multi-pattern matching: 400 fixed patterns compiled into a dense goto table
// (Int32Array, 26 columns per state) with failure links folded in by a BFS, output counts in
// an Int32Array. The text is never stored: a generator yields 4 KiB chunks of pseudo-random
// lowercase text, so memory stays constant however long the text is.

const TEXT_LENGTH = __SIZE__;
const A = 26;

function buildAutomaton(patterns) {
  const maxStates = patterns.reduce((s, p) => s + p.length, 1);
  const go = new Int32Array(maxStates * A).fill(-1);
  const fail = new Int32Array(maxStates);
  const out = new Int32Array(maxStates);
  let states = 1;
  for (const p of patterns) {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i) - 97;
      if (go[s * A + c] < 0) go[s * A + c] = states++;
      s = go[s * A + c];
    }
    out[s]++;
  }
  const queue = new Int32Array(states);
  let head = 0, tail = 0;
  for (let c = 0; c < A; c++) {
    const t = go[c];
    if (t < 0) go[c] = 0; else { fail[t] = 0; queue[tail++] = t; }
  }
  while (head < tail) {
    const s = queue[head++];
    out[s] += out[fail[s]];
    for (let c = 0; c < A; c++) {
      const t = go[s * A + c];
      if (t < 0) go[s * A + c] = go[fail[s] * A + c];
      else { fail[t] = go[fail[s] * A + c]; queue[tail++] = t; }
    }
  }
  return { go, out, states };
}

function* textChunks(total, seed) {
  const chunk = new Uint8Array(4096);
  let s = seed, left = total;
  while (left > 0) {
    const k = Math.min(left, chunk.length);
    for (let i = 0; i < k; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      // skewed letters so that short patterns actually occur
      const r = (s >>> 16) & 1023;
      chunk[i] = r < 600 ? (r % 6) : (r % 26);
    }
    left -= k;
    yield chunk.subarray(0, k);
  }
}

const patterns = [];
let ps = 99;
for (let i = 0; i < 400; i++) {
  let p = '';
  ps = (Math.imul(ps, 22695477) + 1) >>> 0;
  const len = 3 + (ps >>> 28) % 6;
  for (let j = 0; j < len; j++) { ps = (Math.imul(ps, 22695477) + 1) >>> 0; p += String.fromCharCode(97 + ((ps >>> 24) % 8)); }
  patterns.push(p);
}
const { go, out, states } = buildAutomaton(patterns);
let state = 0, matches = 0, scanned = 0;
for (const chunk of textChunks(TEXT_LENGTH, 7)) {
  for (let i = 0; i < chunk.length; i++) {
    state = go[state * A + chunk[i]];
    matches += out[state];
  }
  scanned += chunk.length;
}
console.log(`aho-corasick patterns=${patterns.length} states=${states} scanned=${scanned} matches=${matches}`);
