const N = __SIZE__;
class Person {
  constructor(id, last, age, score) {
    this.id = id; this.last = last; this.age = age; this.score = score;
  }
}
const names = ['Ng', 'Silva', 'Okafor', 'Berg', 'Kato', 'Ruiz', 'Haddad', 'Novak'];
let x = 99;
const r = (m) => { x = (x * 48271) % 2147483647; return x % m; };
const people = [];
for (let i = 0; i < N; i++) people.push(new Person(i, names[r(names.length)], 18 + r(60), r(1000) / 10));
people.sort((a, b) => a.last.localeCompare(b.last) || b.age - a.age || a.score - b.score || a.id - b.id);
const firstByName = {};
for (const p of people) if (!(p.last in firstByName)) firstByName[p.last] = p.id;
console.log('people', N, 'first', people[0].last, people[0].age, 'keys', Object.keys(firstByName).length);
