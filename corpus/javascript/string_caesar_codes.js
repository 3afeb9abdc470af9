const N = __SIZE__;
function caesar(str, shift) {
  const out = new Array(str.length);
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 97 && c <= 122) out[i] = String.fromCharCode(((c - 97 + shift) % 26) + 97);
    else out[i] = str[i];
  }
  return out.join('');
}
function frequencies(str) {
  const f = new Array(26).fill(0);
  for (const ch of str) { const c = ch.charCodeAt(0) - 97; if (c >= 0 && c < 26) f[c]++; }
  return f;
}
let s = 5;
let plain = '';
const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'and', 'eats'];
while (plain.length < N) { s = (s * 16807) % 2147483647; plain += words[s % words.length] + ' '; }
const secret = caesar(plain, 7);
const f = frequencies(secret);
const guess = (f.indexOf(Math.max(...f)) - 4 + 26) % 26; // 'e' is most frequent
console.log('len', secret.length, 'guessed shift', guess, 'roundtrip', caesar(secret, 26 - 7) === plain);
