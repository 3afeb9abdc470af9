const N = __SIZE__;
const WINDOW = 4096, MINLEN = 3, MAXLEN = 18;
function compress(src) {
  const out = [];
  const head = new Map();
  let i = 0;
  while (i < src.length) {
    let bestLen = 0, bestOff = 0;
    if (i + MINLEN <= src.length) {
      const key = src[i] | (src[i + 1] << 8) | (src[i + 2] << 16);
      const cands = head.get(key);
      if (cands) {
        for (let c = cands.length - 1; c >= 0 && c >= cands.length - 8; c--) {
          const j = cands[c];
          if (i - j > WINDOW) break;
          let l = 0;
          while (l < MAXLEN && i + l < src.length && src[j + l] === src[i + l]) l++;
          if (l > bestLen) { bestLen = l; bestOff = i - j; }
        }
        cands.push(i);
      } else head.set(key, [i]);
    }
    if (bestLen >= MINLEN) { out.push([bestOff, bestLen]); i += bestLen; } else { out.push(src[i]); i++; }
  }
  return out;
}
function decompress(tokens) {
  const out = [];
  for (const t of tokens) {
    if (typeof t === 'number') out.push(t);
    else { const start = out.length - t[0]; for (let k = 0; k < t[1]; k++) out.push(out[start + k]); }
  }
  return Uint8Array.from(out);
}
const src = new Uint8Array(N);
let s = 3;
const phrases = ['hello world ', 'compression ', 'presize ', 'sliding window '].map((p) => [...p].map((c) => c.charCodeAt(0)));
for (let i = 0; i < N;) { s = (s * 16807) % 2147483647; for (const b of phrases[s % 4]) if (i < N) src[i++] = b; }
const tokens = compress(src);
const back = decompress(tokens);
console.log('in', N, 'tokens', tokens.length, 'ok', back.length === N && back.every((b, i) => b === src[i]));
