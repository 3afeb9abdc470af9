'use strict';
// Line-oriented file store: appends n variable-length text lines to a file in /tmp through a
// 64 KiB staging Buffer flushed with fs.writeSync, rescans the file with fixed-size fs.readSync
// chunks to build a Float64Array of line start offsets, then fetches random lines by offset with
// positioned reads and parses them. Memory: the offset index, 8 bytes per line (O(n)).
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeLines(file, count) {
  const fd = fs.openSync(file, 'w');
  const stage = Buffer.allocUnsafe(1 << 16);
  let used = 0, bytes = 0;
  for (let i = 0; i < count; i++) {
    const line = `${i}\t${'x'.repeat(i % 37)}\t${(i * 7919) % 100003}\n`;
    if (used + line.length > stage.length) { fs.writeSync(fd, stage, 0, used); bytes += used; used = 0; }
    used += stage.write(line, used, 'ascii');
  }
  fs.writeSync(fd, stage, 0, used); bytes += used;
  fs.closeSync(fd);
  return bytes;
}

function indexLines(file) {
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 16);
  let offsets = new Float64Array(1 << 12), lines = 0, pos = 0, got;
  offsets[lines++] = 0;
  while ((got = fs.readSync(fd, chunk, 0, chunk.length, pos)) > 0) {
    for (let i = chunk.indexOf(10, 0); i >= 0 && i < got; i = chunk.indexOf(10, i + 1)) {
      if (lines === offsets.length) { const o = new Float64Array(offsets.length * 2); o.set(offsets); offsets = o; }
      offsets[lines++] = pos + i + 1;
    }
    pos += got;
  }
  fs.closeSync(fd);
  return { offsets, lines: lines - 1, size: pos };
}

const LINES = __SIZE__;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presize-lines-'));
const file = path.join(dir, 'lines.tsv');
try {
  const written = writeLines(file, LINES);
  const { offsets, lines, size } = indexLines(file);
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(256);
  let s = 1, sum = 0, bad = 0;
  for (let q = 0; q < LINES; q++) {
    s = (s * 48271) % 2147483647;
    const k = s % lines;
    const len = offsets[k + 1] - offsets[k];
    fs.readSync(fd, buf, 0, len, offsets[k]);
    const [id, pad, val] = buf.toString('ascii', 0, len - 1).split('\t');
    if (Number(id) !== k || pad.length !== k % 37) bad++;
    sum = (sum + Number(val)) % 1000000007;
  }
  fs.closeSync(fd);
  console.log(`line-index lines=${lines} bytes=${size} written=${written} lookups=${LINES} bad=${bad} sum=${sum}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
