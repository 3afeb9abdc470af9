'use strict';
// async/await over fs/promises: a private directory from mkdtemp, many small shard files
// written in batches with Promise.all, then readdir + stat + readFile, renames, appendFile,
// and finally rm -r of the whole directory.
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');

const SHARDS = __SIZE__;
const BATCH = 32;

function shardBody(i) {
  const rows = [];
  let v = (i * 2654435761) >>> 0;
  const count = 20 + (i % 40);
  for (let r = 0; r < count; r++) {
    v = (Math.imul(v, 1103515245) + 12345) >>> 0;
    rows.push(`${i},${r},${v % 100000},${(v >>> 8).toString(36)}`);
  }
  return rows.join('\n') + '\n';
}

async function inBatches(items, fn) {
  const out = [];
  for (let k = 0; k < items.length; k += BATCH) out.push(...(await Promise.all(items.slice(k, k + BATCH).map(fn))));
  return out;
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'shards-'));
  try {
    const ids = Array.from({ length: SHARDS }, (_, i) => i);
    await inBatches(ids, (i) => fsp.writeFile(path.join(dir, `shard-${String(i).padStart(6, '0')}.csv`), shardBody(i)));

    const names = (await fsp.readdir(dir)).sort();
    const stats = await inBatches(names, (n) => fsp.stat(path.join(dir, n)));
    const bytes = stats.reduce((s, st) => s + st.size, 0);

    let rows = 0, valueSum = 0;
    await inBatches(names, async (n) => {
      const text = await fsp.readFile(path.join(dir, n), 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        rows++;
        valueSum += Number(line.split(',')[2]);
      }
    });

    // rename every other shard and append a trailer to it
    const odd = names.filter((_, k) => k % 2 === 1);
    await inBatches(odd, async (n) => {
      const to = path.join(dir, n.replace('.csv', '.done'));
      await fsp.rename(path.join(dir, n), to);
      await fsp.appendFile(to, '#eof\n');
    });
    const done = (await fsp.readdir(dir)).filter((n) => n.endsWith('.done')).length;
    console.log(`shards=${names.length} bytes=${bytes} rows=${rows} valueSum=${valueSum} renamed=${done}`);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

main();
