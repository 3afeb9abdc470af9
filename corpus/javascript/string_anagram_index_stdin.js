'use strict';
// Loads all of stdin at once (fs.readFileSync(0)), lowercases and splits it into words, and keeps
// every occurrence: an array of all words plus a Map from each word's sorted-letter signature to
// the array of positions where a word with that signature occurs. Reports the largest anagram
// class, distinct signatures and a positional checksum. Memory grows with the input: the text,
// the word array and the position lists.
const fs = require('fs');

const text = fs.readFileSync(0, 'latin1').toLowerCase();
const words = text.split(/[^a-z]+/).filter(Boolean);
const signatureCache = new Map();
const signature = (w) => {
  let sig = signatureCache.get(w);
  if (sig === undefined) { sig = [...w].sort().join(''); signatureCache.set(w, sig); }
  return sig;
};
const classes = new Map();
words.forEach((w, pos) => {
  const sig = signature(w);
  const list = classes.get(sig);
  if (list) list.push(pos); else classes.set(sig, [pos]);
});
let biggest = null, multiForm = 0, check = 0;
for (const [sig, positions] of classes) {
  const forms = new Set(positions.map((p) => words[p]));
  if (forms.size > 1) multiForm++;
  if (!biggest || positions.length > biggest.positions.length) biggest = { sig, positions };
  for (let i = 0; i < positions.length; i += 16) check = (check + positions[i] * sig.length) % 1000000007;
}
console.log(`anagrams words=${words.length} distinct=${signatureCache.size} signatures=${classes.size} multiForm=${multiForm} biggest=${biggest ? biggest.sig : '-'}x${biggest ? biggest.positions.length : 0} check=${check}`);
