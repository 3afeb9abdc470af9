import fs from 'fs';
const axios = require('axios');

function branches(a, b) {
  if (a && b) {
    return 1;
  } else if (a || b) {
    return 2;
  } else {
    return a ? 3 : 4;
  }
}

const arrow = (n) => {
  let s = 0;
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < n; j++) {
      s += i * j;
    }
  }
  return s;
};

function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
}

function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }

class K {
  method(x) {
    switch (x) {
      case 1: return 'one';
      case 2: return 'two';
      default: return 'many';
    }
  }
}

async function io(urls) {
  const out = [];
  for (const u of urls) {
    out.push(await fetch(u));
  }
  try {
    fs.readFileSync('x');
  } catch (e) {
    setTimeout(() => {}, 10);
  }
  return new Array(100);
}
