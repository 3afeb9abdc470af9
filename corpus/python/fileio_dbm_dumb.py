"""Key-value file store with dbm.dumb in the working directory: bulk insert, close (writes
the .dir index), reopen, random reads, in-place updates, a full key scan, then remove files.
The store's index dict lives in memory, so memory grows with the record count."""
import dbm.dumb
import os
import random

RECORDS = __SIZE__
BASE = "presize_kv_store"


def value_for(i, version):
    return (b"v%d|" % version) + (b"%08x" % (i * 2654435761 & 0xFFFFFFFF)) * (1 + i % 6)


def main(n):
    db = dbm.dumb.open(BASE, "n")
    for i in range(n):
        db[b"key:%07d" % i] = value_for(i, 1)
    db.close()

    rng = random.Random(5)
    db = dbm.dumb.open(BASE, "w")
    mismatches = 0
    for _ in range(n):
        i = rng.randrange(n)
        if db[b"key:%07d" % i] != value_for(i, 1):
            mismatches += 1
    for i in range(0, n, 4):
        db[b"key:%07d" % i] = value_for(i, 2)
    db.close()

    db = dbm.dumb.open(BASE, "r")
    keys = 0
    payload = 0
    updated = 0
    for k in db.keys():
        v = db[k]
        keys += 1
        payload += len(v)
        updated += v.startswith(b"v2|")
    db.close()
    sizes = sum(os.path.getsize(BASE + ext) for ext in (".dat", ".dir") if os.path.exists(BASE + ext))
    for ext in (".dat", ".dir", ".bak"):
        if os.path.exists(BASE + ext):
            os.remove(BASE + ext)
    print("records", n, "keys", keys, "updated", updated, "payload", payload, "file_bytes", sizes, "mismatches", mismatches)


main(RECORDS)
