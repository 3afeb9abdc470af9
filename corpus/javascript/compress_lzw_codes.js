'use strict';
// LZW with a Map<string, code> dictionary, variable-width codes (9..12 bits) written by a small
// bit-writer into a Uint8Array, dictionary reset when full; then decodes and verifies.
const INPUT_BYTES = __SIZE__;
const MAX_BITS = 12, CLEAR = 256, FIRST = 257;

function sampleText(n) {
  const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'data', 'byte', 'stream', 'code', 'table', 'reset', 'width'];
  let x = 99991;
  const out = [];
  let len = 0;
  while (len < n) {
    x = (x * 214013 + 2531011) & 0x7fffffff;
    const w = words[(x >> 16) % words.length] + ((x & 7) === 0 ? '.\n' : ' ');
    out.push(w);
    len += w.length;
  }
  return out.join('').slice(0, n);
}

class BitWriter {
  constructor(cap) { this.buf = new Uint8Array(cap); this.pos = 0; this.acc = 0; this.nbits = 0; }
  write(code, width) {
    this.acc |= code << this.nbits;
    this.nbits += width;
    while (this.nbits >= 8) { this.buf[this.pos++] = this.acc & 0xff; this.acc >>>= 8; this.nbits -= 8; }
  }
  finish() { if (this.nbits > 0) this.buf[this.pos++] = this.acc & 0xff; return this.buf.subarray(0, this.pos); }
}

function compress(text) {
  const w = new BitWriter(Math.ceil(text.length * 1.6) + 16);
  let dict = new Map(), next = FIRST, width = 9, cur = '';
  for (const ch of text) {
    const cand = cur + ch;
    if (cand.length === 1 || dict.has(cand)) { cur = cand; continue; }
    w.write(cur.length === 1 ? cur.charCodeAt(0) : dict.get(cur), width);
    if (next < 1 << MAX_BITS) {
      dict.set(cand, next++);
      if (next > 1 << width && width < MAX_BITS) width++;
    } else {
      w.write(CLEAR, width);
      dict = new Map(); next = FIRST; width = 9;
    }
    cur = ch;
  }
  if (cur) w.write(cur.length === 1 ? cur.charCodeAt(0) : dict.get(cur), width);
  return w.finish();
}

function decompress(bytes) {
  let pos = 0, acc = 0, nbits = 0;
  const read = (width) => {
    while (nbits < width) { if (pos >= bytes.length) return -1; acc |= bytes[pos++] << nbits; nbits += 8; }
    const v = acc & ((1 << width) - 1);
    acc >>>= width; nbits -= width;
    return v;
  };
  const out = [];
  let table = [], width = 9, prev = null;
  const entry = (c) => (c < 256 ? String.fromCharCode(c) : table[c - FIRST]);
  for (;;) {
    const code = read(width);
    if (code < 0) break;
    if (code === CLEAR) { table = []; width = 9; prev = null; continue; }
    let s;
    if (code < 256 || code - FIRST < table.length) s = entry(code);
    else s = prev + prev[0]; // the KwKwK case
    if (prev !== null) {
      table.push(prev + s[0]);
      if (table.length + FIRST + 1 > 1 << width && width < MAX_BITS) width++;
    }
    out.push(s);
    prev = s;
  }
  return out.join('');
}

const text = sampleText(INPUT_BYTES);
const packed = compress(text);
const back = decompress(packed);
console.log(`lzw in=${text.length} out=${packed.length} ratio=${(packed.length / text.length).toFixed(4)} roundtrip=${back === text}`);
