"""Bloom filter with a fixed 1 MiB bit array (8,388,608 bits) and 7 probes per key from
blake2b double hashing. The table never grows: more keys only raise the false-positive rate."""
import hashlib
import struct

KEYS = __SIZE__
_unpack = struct.Struct("<QQ").unpack


class BloomFilter:
    __slots__ = ("bits", "nbits", "hashes")

    def __init__(self, bits, hashes):
        self.bits = bytearray(bits // 8)
        self.nbits = bits
        self.hashes = hashes

    def _probes(self, key):
        h1, h2 = _unpack(hashlib.blake2b(key, digest_size=16).digest())
        h2 |= 1
        m = self.nbits
        for i in range(self.hashes):
            yield (h1 + i * h2) % m

    def add(self, key):
        bits = self.bits
        for b in self._probes(key):
            bits[b >> 3] |= 1 << (b & 7)

    def __contains__(self, key):
        bits = self.bits
        return all(bits[b >> 3] >> (b & 7) & 1 for b in self._probes(key))


bf = BloomFilter(bits=1 << 23, hashes=7)
for i in range(KEYS):
    bf.add(b"user:%d:session" % (i * 2654435761 % 4294967291))
present = sum(1 for i in range(0, KEYS, 3) if b"user:%d:session" % (i * 2654435761 % 4294967291) in bf)
false_pos = sum(1 for i in range(KEYS) if b"absent:%d" % i in bf)
ones = int.from_bytes(bf.bits, "little").bit_count()
print("keys", KEYS, "present", present, "false_positives", false_pos, "bits_set", ones)
