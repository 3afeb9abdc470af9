'use strict';
// JSON diff and patch: builds a document of n user records (nested objects and arrays), makes a
// mutated deep copy via JSON.parse(JSON.stringify()), computes an RFC 6902-style list of
// add/remove/replace operations with a recursive structural diff (JSON Pointer paths), serialises
// the patch, applies the parsed patch to the original and checks it now stringifies identically.
// Memory: O(n) — two documents of many small objects plus the patch are alive together.

const settings = { records: __SIZE__, seed: 5 };

function rng(seed) {
  let s = seed;
  return () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
}

function buildDoc(n, rand) {
  const users = {};
  for (let i = 0; i < n; i++) {
    users[`u${i}`] = {
      name: `user ${i}`,
      age: 18 + Math.floor(rand() * 60),
      roles: ['reader', ...(rand() < 0.3 ? ['writer'] : []), ...(rand() < 0.05 ? ['admin'] : [])],
      address: { city: `city${Math.floor(rand() * 50)}`, zip: String(10000 + Math.floor(rand() * 89999)) },
      active: rand() < 0.8,
    };
  }
  return { version: 1, users };
}

function mutate(doc, rand) {
  doc.version = 2;
  for (const [key, u] of Object.entries(doc.users)) {
    const r = rand();
    if (r < 0.05) delete doc.users[key];
    else if (r < 0.15) u.age += 1;
    else if (r < 0.2) u.roles.push('reviewer');
    else if (r < 0.25) u.address = { city: u.address.city, zip: u.address.zip, street: 'Main St' };
    else if (r < 0.27) u.roles.shift();
  }
  for (let i = 0; i < 20; i++) doc.users[`new${i}`] = { name: `newcomer ${i}`, age: 30, roles: [], active: true };
}

const esc = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = (v) => v !== null && typeof v === 'object';

function diff(a, b, path, ops) {
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) diff(a[i], b[i], `${path}/${i}`, ops);
    for (let i = a.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    for (let i = common; i < b.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: b[i] });
  } else if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of Object.keys(a)) {
      if (!(k in b)) ops.push({ op: 'remove', path: `${path}/${esc(k)}` });
      else diff(a[k], b[k], `${path}/${esc(k)}`, ops);
    }
    for (const k of Object.keys(b)) if (!(k in a)) ops.push({ op: 'add', path: `${path}/${esc(k)}`, value: b[k] });
  } else if (a !== b) {
    ops.push({ op: 'replace', path, value: b });
  }
  return ops;
}

function applyPatch(doc, ops) {
  for (const { op, path, value } of ops) {
    const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = parts.pop();
    let target = doc;
    for (const p of parts) target = target[p];
    if (op === 'remove') { if (Array.isArray(target)) target.splice(Number(key), 1); else delete target[key]; }
    else if (op === 'add' && Array.isArray(target)) target.splice(Number(key), 0, value);
    else target[key] = value;
  }
  return doc;
}

const rand = rng(settings.seed);
const original = buildDoc(settings.records, rand);
const changed = JSON.parse(JSON.stringify(original));
mutate(changed, rand);
const patchText = JSON.stringify(diff(original, changed, '', []));
const patch = JSON.parse(patchText);
const counts = patch.reduce((m, o) => ({ ...m, [o.op]: (m[o.op] || 0) + 1 }), {});
applyPatch(original, patch);
const same = JSON.stringify(original) === JSON.stringify(changed);
console.log(`json-patch records=${settings.records} ops=${patch.length} add=${counts.add || 0} remove=${counts.remove || 0} replace=${counts.replace || 0} bytes=${patchText.length} equal=${same}`);
