const fs = require('fs');
const data = fs.readFileSync(0, 'latin1');
const words = data.match(/[A-Za-z]+/g) || [];
const capitalised = (data.match(/\b[A-Z][a-z]+\b/g) || []).length;
const doubled = (data.match(/\b(\w+) \1\b/g) || []).length;
const sentences = data.split(/[.!?]\s*/).length;
const squashed = data.replace(/\s+/g, ' ').replace(/(ka|lo)+/g, '#');
console.log('words', words.length, 'caps', capitalised, 'doubled', doubled, 'sentences', sentences, 'len', squashed.length);
