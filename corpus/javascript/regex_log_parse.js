const N = __SIZE__;
const re = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d) (INFO|WARN|ERROR) \[([a-z]+)\] (.*?) took (\d+)ms$/;
const levels = ['INFO', 'WARN', 'ERROR'], mods = ['auth', 'db', 'cache', 'http'];
let s = 3;
const r = (m) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return (s >> 8) % m; };
const lines = [];
for (let i = 0; i < N; i++) {
  lines.push(`2026-11-${String(1 + r(28)).padStart(2, '0')}T${String(r(24)).padStart(2, '0')}:${String(r(60)).padStart(2, '0')}:00 ${levels[r(3)]} [${mods[r(4)]}] request ${i} handled took ${r(900)}ms`);
}
const perModule = {};
let slow = 0;
for (const line of lines) {
  const m = re.exec(line);
  if (!m) continue;
  perModule[m[8]] = (perModule[m[8]] || 0) + 1;
  if (+m[10] > 500 && m[7] !== 'INFO') slow++;
}
console.log('lines', N, 'slow', slow, JSON.stringify(perModule));
