#!/usr/bin/env python3
"""Reference implementation of the corpus input generators (see corpus/README.md).

    geninput.py GENERATOR SIZE [SEED] > input

Writes exactly SIZE bytes for text, numbers, binary and pixels (pixels: SIZE rounded down to a
multiple of 3), and a valid JSON document of about SIZE bytes (never less than "[]") for json.
Deterministic: the same GENERATOR, SIZE and SEED (default 1) always give the same bytes.
"""
import json
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us", "the", "and", "ing"]


def gen_text(n, rng, out):
    buf = []
    size = 0
    while size < n:
        words = []
        for _ in range(rng.randint(3, 14)):
            w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.1:
                w = w.capitalize()
            if rng.random() < 0.03 and words:
                w = words[-1]  # a doubled word now and then
            words.append(w)
        line = " ".join(words) + (rng.choice([".", ",", "!", "?"]) if rng.random() < 0.3 else "") + "\n"
        buf.append(line)
        size += len(line)
    out.write("".join(buf).encode()[:n])


def gen_numbers(n, rng, out):
    buf = []
    size = 0
    while size < n:
        v = rng.randint(-1000000, 1000000000) if rng.random() < 0.9 else rng.randint(0, 999)
        line = "%d\n" % v
        buf.append(line)
        size += len(line)
    out.write("".join(buf).encode()[:n])


TAGS = ["red", "green", "blue", "fast", "slow", "new", "old", "hot", "cold", "beta"]


def gen_json(n, rng, out):
    parts = []
    size = 2
    i = 0
    while True:
        obj = {"id": i, "name": "item-%d-%s" % (i, "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 5)))),
               "tags": rng.sample(TAGS, rng.randint(0, 4)), "score": round(rng.uniform(0, 100), 3)}
        s = json.dumps(obj, separators=(",", ":"))
        if size + len(s) + 1 > n and parts:
            break
        if size + len(s) + 1 > n:
            break
        parts.append(s)
        size += len(s) + 1
        i += 1
    out.write(("[" + ",".join(parts) + "]").encode())


def gen_binary(n, rng, out):
    out.write(rng.randbytes(n))


def gen_pixels(n, rng, out):
    # A smooth gradient image with noise, 3 bytes (R, G, B) per pixel, row width 512.
    npix = n // 3
    width = 512
    noise = rng.randbytes(npix)
    row = bytearray()
    for x in range(width):
        row += bytes(((x * 255 // width) & 0xFF, (x * 3) & 0xFF, 128))
    data = bytearray()
    y = 0
    while len(data) < npix * 3:
        r = bytearray(row)
        for k in range(2, len(r), 3):
            r[k] = (y * 255 // 512) & 0xFF
        data += r
        y += 1
    del data[npix * 3:]
    for i in range(npix):
        data[3 * i] = (data[3 * i] + (noise[i] & 0x1F)) & 0xFF
    out.write(bytes(data))


GENERATORS = {"text": gen_text, "numbers": gen_numbers, "json": gen_json, "binary": gen_binary, "pixels": gen_pixels}

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in GENERATORS:
        sys.exit("usage: geninput.py text|numbers|json|binary|pixels SIZE [SEED]")
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    GENERATORS[sys.argv[1]](int(sys.argv[2]), random.Random(seed), sys.stdout.buffer)
