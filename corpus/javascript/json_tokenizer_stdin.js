'use strict';
// Hand-written byte-level JSON scanner over the raw stdin Buffer: no JSON.parse for the main pass.
// Tracks nesting with an explicit stack, counts tokens, sums numbers following a "score" key and
// tallies tag strings; then cross-checks the score sum with JSON.parse.
const fs = require('fs');

const src = fs.readFileSync(0);
const n = src.length;
const Q = 0x22, BS = 0x5c;
const stack = [];
let i = 0, maxDepth = 0, strings = 0, numbers = 0, literals = 0, objects = 0, arrays = 0;
let lastKey = null, expectKey = false, scoreSum = 0, inTags = false;
const tagCounts = new Map();

function readString() {
  const start = ++i;
  let escaped = false;
  while (i < n && src[i] !== Q) { if (src[i] === BS) { escaped = true; i++; } i++; }
  const raw = src.toString('latin1', start, i);
  i++;
  return escaped ? JSON.parse(`"${raw}"`) : raw;
}

while (i < n) {
  const c = src[i];
  switch (c) {
    case 0x7b: // {
      objects++; stack.push('{'); expectKey = true; i++; break;
    case 0x5b: // [
      arrays++; stack.push('['); inTags = lastKey === 'tags'; i++; break;
    case 0x7d: case 0x5d: // } ]
      stack.pop(); inTags = false; expectKey = false; i++; break;
    case 0x2c: // ,
      expectKey = stack[stack.length - 1] === '{'; i++; break;
    case 0x3a: // :
      expectKey = false; i++; break;
    case Q: {
      const s = readString();
      strings++;
      if (expectKey) lastKey = s;
      else if (inTags) tagCounts.set(s, (tagCounts.get(s) || 0) + 1);
      break;
    }
    case 0x20: case 0x0a: case 0x0d: case 0x09:
      i++; break;
    default:
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        const start = i;
        while (i < n && ((src[i] >= 0x30 && src[i] <= 0x39) || src[i] === 0x2e || src[i] === 0x2d || src[i] === 0x2b || src[i] === 0x65 || src[i] === 0x45)) i++;
        numbers++;
        if (lastKey === 'score') scoreSum += Number(src.toString('latin1', start, i));
      } else { // true / false / null
        literals++;
        while (i < n && src[i] >= 0x61 && src[i] <= 0x7a) i++;
      }
  }
  if (stack.length > maxDepth) maxDepth = stack.length;
}

const parsed = JSON.parse(src.toString('utf8') || '[]');
const check = parsed.reduce((s, o) => s + o.score, 0);
const topTag = [...tagCounts].sort((x, y) => y[1] - x[1])[0] || ['-', 0];
console.log(`json-scan bytes=${n} objects=${objects} arrays=${arrays} strings=${strings} numbers=${numbers} depth=${maxDepth} top=${topTag[0]}:${topTag[1]} scoreOk=${Math.abs(check - scoreSum) < 1e-6 * Math.max(1, Math.abs(check))}`);
