const N = __SIZE__;
const pieces = [];
let total = 0;
for (let i = 0; i < N; i++) {
  const s = `item-${i}:` + 'x'.repeat(i % 50) + ';';
  pieces.push(s);
  total += s.length;
}
const joined = pieces.join('');
const flat = joined.split(';').map((p) => p.length);
console.log('pieces', pieces.length, 'chars', total, 'joined', joined.length, 'parts', flat.length);
