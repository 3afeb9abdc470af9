#!/usr/bin/env python3
"""Reference implementation of the corpus input generators (see corpus/README.md).

    geninput.py GENERATOR SIZE [SEED] > input

text, numbers, binary: exactly SIZE bytes (the last line may be cut short).
pixels: SIZE rounded down to a multiple of 3 (raw RGB, rows of 512 pixels).
json: a valid JSON array of objects of at most SIZE bytes (at least "[]").
Deterministic: the same GENERATOR, SIZE and SEED (default 1) always give the same bytes.
"""
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us", "the", "and", "ing"]
TAGS = ["red", "green", "blue", "fast", "slow", "new", "old", "hot", "cold", "beta"]
CHUNK = 1 << 20


def vocabulary(rng, n=6000):
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(n)]
    return words + [w.capitalize() for w in words[: n // 10]]


def gen_text(n, rng, out):
    """Lines of 3-14 words drawn from a seeded vocabulary (10% capitalised), some punctuation,
    occasional doubled words."""
    vocab = vocabulary(rng)
    written = 0
    while written < n:
        lines = []
        size = 0
        while size < CHUNK and written + size < n:
            ws = rng.choices(vocab, k=rng.randint(3, 14))
            if rng.random() < 0.2:
                ws.insert(1, ws[0])
            line = " ".join(ws) + rng.choice(("", "", "", ".", ",", "!", "?")) + "\n"
            lines.append(line)
            size += len(line)
        data = "".join(lines).encode()[: n - written]
        out.write(data)
        written += len(data)


def gen_numbers(n, rng, out):
    """Decimal integers, one per line: mostly in [-1e6, 1e9], 10% small (0..999)."""
    written = 0
    while written < n:
        vals = [rng.randint(-1000000, 1000000000) if rng.random() < 0.9 else rng.randint(0, 999) for _ in range(60000)]
        data = ("\n".join(map(str, vals)) + "\n").encode()[: n - written]
        out.write(data)
        written += len(data)


def gen_json(n, rng, out):
    """A JSON array of {"id": int, "name": str, "tags": [str], "score": float} objects."""
    vocab = vocabulary(rng, 2000)
    out.write(b"[")
    written = 2
    i = 0
    parts = []
    while True:
        tags = rng.sample(TAGS, rng.randint(0, 4))
        s = '%s{"id":%d,"name":"item-%d-%s","tags":[%s],"score":%.3f}' % (
            "," if i else "", i, i, rng.choice(vocab), ",".join('"%s"' % t for t in tags), rng.uniform(0, 100))
        if written + len(s) > n:
            break
        parts.append(s)
        written += len(s)
        i += 1
        if len(parts) >= 20000:
            out.write("".join(parts).encode())
            parts = []
    out.write("".join(parts).encode() + b"]")


def gen_binary(n, rng, out):
    """Seeded pseudo-random bytes."""
    while n > 0:
        k = min(n, CHUNK)
        out.write(rng.randbytes(k))
        n -= k


def gen_pixels(n, rng, out):
    """Raw RGB, 3 bytes per pixel, rows of 512 pixels: a noisy colour gradient tile of 512x64
    pixels, each repetition shifted in brightness so no two neighbouring tiles are equal."""
    width, rows = 512, 64
    tile = bytearray()
    noise = rng.randbytes(width * rows)
    for y in range(rows):
        for x in range(width):
            k = noise[y * width + x]
            tile += bytes(((x // 2 + (k & 31)) & 255, (y * 4 + (k >> 5) * 8) & 255, ((x ^ y) + (k & 7)) & 255))
    tile = bytes(tile)
    tables = [bytes(((v + 13 * t) & 255) for v in range(256)) for t in range(32)]
    n -= n % 3
    t = 0
    while n > 0:
        data = tile.translate(tables[t % 32])[:n]
        out.write(data)
        n -= len(data)
        t += 1


GENERATORS = {"text": gen_text, "numbers": gen_numbers, "json": gen_json, "binary": gen_binary, "pixels": gen_pixels}

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in GENERATORS:
        sys.exit("usage: geninput.py text|numbers|json|binary|pixels SIZE [SEED]")
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    GENERATORS[sys.argv[1]](int(sys.argv[2]), random.Random(seed), sys.stdout.buffer)
