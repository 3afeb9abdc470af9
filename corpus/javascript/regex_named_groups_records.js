'use strict';
// Builds one multi-line report of semi-structured records, then mines it with matchAll and
// named groups, a lookbehind for currency amounts, a Unicode-property regex, and replace()
// callbacks that mask e-mail addresses.
const RECORDS = __SIZE__;

const first = ['ana', 'Bjorn', 'chloe', 'Dmitri', 'eve', 'Farah', 'goran', 'Hana', 'Ines', 'jun'];
const hosts = ['mail.test', 'corp.example', 'uni.edu.test', 'x.io'];
const verbs = ['PAID', 'REFUND', 'HOLD', 'paid', 'VOID'];
let seed = 2718281;
const pick = (arr) => { seed = (seed * 48271) % 2147483647; return arr[seed % arr.length]; };
const num = (m) => { seed = (seed * 48271) % 2147483647; return seed % m; };

const lines = [];
for (let i = 0; i < RECORDS; i++) {
  const month = 1 + num(13); // 13 is deliberately invalid
  const day = 1 + num(31);
  const who = pick(first);
  const cents = num(500000);
  const amount = `${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
  const mail = num(7) === 0 ? `${who}@@broken` : `${who.toLowerCase()}.${num(100)}@${pick(hosts)}`;
  lines.push(`#${i} 2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${pick(verbs)} ${who} <${mail}> $${amount} ref:${num(1 << 20).toString(36)}`);
}
const report = lines.join('\n');

const recordRe = /^#(?<id>\d+) (?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>\d{2}) (?<verb>[A-Z]+) (?<who>\S+) <(?<mail>[^>]*)>/gm;
let valid = 0, upperVerbs = 0;
const byVerb = new Map();
for (const m of report.matchAll(recordRe)) {
  const { verb, mail } = m.groups;
  valid++;
  upperVerbs += verb === 'PAID' ? 1 : 0;
  if (/^[\w.]+@(?:[a-z]+\.)+[a-z]{2,}$/.test(mail)) byVerb.set(verb, (byVerb.get(verb) || 0) + 1);
}

let totalCents = 0;
for (const [amt] of report.matchAll(/(?<=\$)\d{1,3}(?:,\d{3})*\.\d{2}/g)) totalCents += Math.round(Number(amt.replace(/,/g, '')) * 100);

const capitalised = (report.match(/(?<= )\p{Lu}\p{Ll}+(?= <)/gu) || []).length;
let masked = 0;
const redacted = report.replace(/(?<user>[\w.]+)@(?<host>[\w.]+)/g, (_all, user, host) => {
  masked++;
  return `${user[0]}***@${host.replace(/[^.]/g, '*')}`;
});
const refs = redacted.split(/\s+ref:/).length - 1;
console.log(`regex records=${RECORDS} validDates=${valid} PAID=${upperVerbs} goodMail=${[...byVerb.values()].reduce((a, b) => a + b, 0)} total=$${(totalCents / 100).toFixed(2)} caps=${capitalised} masked=${masked} refs=${refs} len=${redacted.length}`);
