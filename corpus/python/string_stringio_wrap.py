import io
import random
import textwrap

PARAGRAPHS = __SIZE__
WIDTH = 64
SYL = ["qua", "ri", "ton", "el", "ma", "vik", "sor", "en", "lu", "dra", "pe", "o"]


def words(rng, k):
    for _ in range(k):
        w = "".join(rng.choice(SYL) for _ in range(rng.randint(1, 4)))
        yield w.capitalize() if rng.random() < 0.08 else w


def justify(line, width):
    parts = line.split()
    if len(parts) == 1:
        return line.ljust(width)
    gaps = len(parts) - 1
    spaces = width - sum(map(len, parts))
    q, r = divmod(spaces, gaps)
    out = []
    for i, p in enumerate(parts[:-1]):
        out.append(p)
        out.append(" " * (q + (1 if i < r else 0)))
    out.append(parts[-1])
    return "".join(out)


rng = random.Random(2718)
buf = io.StringIO()
for p in range(PARAGRAPHS):
    para = " ".join(words(rng, rng.randint(20, 120)))
    lines = textwrap.wrap(para, WIDTH)
    for ln in lines[:-1]:
        buf.write(justify(ln, WIDTH))
        buf.write("\n")
    buf.write(lines[-1] + "\n\n")
doc = buf.getvalue()
rows = doc.splitlines()
full = sum(1 for r in rows if len(r) == WIDTH)
upper = doc.upper()
print("paragraphs", PARAGRAPHS, "chars", len(doc), "lines", len(rows), "full width", full,
      "QUA", upper.count("QUA"), "double spaces", doc.count("  "))
