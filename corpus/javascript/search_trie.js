const N = __SIZE__;
class TrieNode {
  constructor() { this.kids = {}; this.count = 0; this.end = false; }
}
class Trie {
  constructor() { this.root = new TrieNode(); }
  insert(word) {
    let node = this.root;
    for (const ch of word) {
      node = node.kids[ch] || (node.kids[ch] = new TrieNode());
      node.count++;
    }
    node.end = true;
  }
  prefixCount(p) {
    let node = this.root;
    for (const ch of p) { node = node.kids[ch]; if (!node) return 0; }
    return node.count;
  }
}
let s = 17;
const rnd = (m) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return s % m; };
const alpha = 'abcdefgh';
const word = (len) => { let w = ''; for (let i = 0; i < len; i++) w += alpha[rnd(8)]; return w; };
const t = new Trie();
for (let i = 0; i < N; i++) t.insert(word(4 + rnd(8)));
let total = 0;
for (let i = 0; i < N; i++) total += t.prefixCount(word(3));
console.log('words', N, 'prefix matches', total);
