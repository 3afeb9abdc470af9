const N = __SIZE__;
const TOKEN = /\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||[-+*\/%=<>(){};,]))/y;
let s = 12;
const r = (m) => { s = (s * 16807) % 2147483647; return s % m; };
const idents = ['x', 'y', 'total', 'count', 'i', 'value_2'];
const ops = ['+', '-', '*', '/', '==', '<=', '&&', '%'];
let src = '';
for (let i = 0; i < N; i++) {
  src += `${idents[r(6)]} = ${idents[r(6)]} ${ops[r(8)]} ${r(1000)}.${r(10)} ${ops[r(8)]} (${idents[r(6)]} ${ops[r(8)]} ${r(50)});\n`;
}
const counts = { num: 0, ident: 0, op: 0 };
TOKEN.lastIndex = 0;
let m;
while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) {
  if (m[1]) counts.num++; else if (m[2]) counts.ident++; else if (m[3]) counts.op++; else break;
}
console.log('statements', N, JSON.stringify(counts));
