'use strict';
// zlib streaming round trip: an async generator of CSV-like records feeds
// stream.pipeline(Readable.from(gen) -> createDeflate(level 6) -> tap -> createInflate() -> sink)
// where the tap counts compressed bytes and the sink checks crc32-ish sums of what comes back.
// Nothing is buffered beyond the streams' high-water marks: memory is flat in the record count.
const zlib = require('zlib');
const { Readable, Writable, Transform, pipeline } = require('stream');

const job = { records: __SIZE__, level: 6 };

async function* records(count) {
  let s = 12345;
  const batch = [];
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    batch.push(`${i},sensor-${s % 97},${(s >>> 8) % 10000 / 100},${s & 1 ? 'ok' : 'warn'}\n`);
    if (batch.length === 256) { yield Buffer.from(batch.join('')); batch.length = 0; }
  }
  if (batch.length) yield Buffer.from(batch.join(''));
}

let rawBytes = 0, compressedBytes = 0, restoredBytes = 0, sumIn = 0, sumOut = 0, lines = 0;
const source = Readable.from((async function* () {
  for await (const buf of records(job.records)) {
    rawBytes += buf.length;
    for (let i = 0; i < buf.length; i++) sumIn = (sumIn * 31 + buf[i]) >>> 0;
    yield buf;
  }
})());
const tap = new Transform({
  transform(chunk, _enc, cb) { compressedBytes += chunk.length; cb(null, chunk); },
});
const sink = new Writable({
  write(chunk, _enc, cb) {
    restoredBytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) { sumOut = (sumOut * 31 + chunk[i]) >>> 0; if (chunk[i] === 10) lines++; }
    cb();
  },
});
pipeline(source, zlib.createDeflate({ level: job.level }), tap, zlib.createInflate(), sink, (err) => {
  if (err) { console.error(err); process.exit(1); }
  const ok = rawBytes === restoredBytes && sumIn === sumOut;
  console.log(`deflate-stream records=${lines} raw=${rawBytes} compressed=${compressedBytes} ratio=${(rawBytes / compressedBytes).toFixed(3)} roundtrip=${ok}`);
  if (!ok) process.exit(1);
});
