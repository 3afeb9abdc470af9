'use strict';
// Streams stdin line by line with readline (for await over rl) and applies a fixed rule set of
// regular expressions per line: doubled words via a backreference, capitalised words, question
// and exclamation endings, syllable patterns with alternation, and a replace() that collapses
// doubles. Only counters and a fixed-size tally object live across lines: memory is flat in the
// input size.
const readline = require('readline');

const rules = {
  doubled: /\b(\w+) \1\b/,
  capital: /\b[A-Z][a-z]+\b/g,
  question: /\?\s*$/,
  shout: /!$/,
  ingWord: /\b\w+ing\b/g,
  triple: /\b(?:ka|lo|mi)(?:ne|ru|sa)(?:to|vi)\w*/g,
  longWord: /\b\w{12,}\b/,
};

async function main() {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const tally = Object.fromEntries(Object.keys(rules).map((k) => [k, 0]));
  let lines = 0, collapsedChars = 0;
  for await (const line of rl) {
    lines++;
    if (rules.doubled.test(line)) {
      tally.doubled++;
      collapsedChars += line.length - line.replace(/\b(\w+) \1\b/g, '$1').length;
    }
    tally.capital += (line.match(rules.capital) || []).length;
    if (rules.question.test(line)) tally.question++;
    if (rules.shout.test(line)) tally.shout++;
    for (const _m of line.matchAll(rules.ingWord)) tally.ingWord++;
    tally.triple += (line.match(rules.triple) || []).length;
    if (rules.longWord.test(line)) tally.longWord++;
  }
  const parts = Object.entries(tally).map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`regex-lines lines=${lines} ${parts} collapsed=${collapsedChars}`);
}

main();
