'use strict';
const net = require('net');
const zlib = require('zlib');
const { pipeline, Writable, Transform } = require('stream');

const EXPECTED = __SIZE__;

// Counts raw bytes as they pass, without keeping them.
class Meter extends Transform {
  constructor() { super(); this.bytes = 0; this.chunks = 0; }
  _transform(chunk, _enc, cb) { this.bytes += chunk.length; this.chunks++; cb(null, chunk); }
}

// Sink that remembers only the size and a rolling checksum of the compressed stream.
class Tally extends Writable {
  constructor() { super(); this.bytes = 0; this.sum = 0; }
  _write(chunk, _enc, cb) {
    this.bytes += chunk.length;
    for (let i = 0; i < chunk.length; i += 61) this.sum = (this.sum * 31 + chunk[i]) >>> 0;
    cb();
  }
}

const socket = net.connect({ host: process.env.PRESIZE_HOST_ADDR, port: Number(process.env.PRESIZE_BLOB_PORT) });
const meter = new Meter();
const tally = new Tally();
pipeline(socket, meter, zlib.createGzip({ level: 6 }), tally, (err) => {
  if (err) { console.error('pipeline failed:', err.message); process.exit(1); }
  console.log(`received ${meter.bytes} expected ${EXPECTED} ok ${meter.bytes === EXPECTED} ` +
    `gzip ${tally.bytes} sum ${tally.sum.toString(16)}`);
});
