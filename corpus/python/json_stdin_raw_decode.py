import io
import itertools
import json
import sys
from collections import Counter

WS = " \t\r\n,"


def iter_array(text, decoder=json.JSONDecoder()):
    """Yield the elements of a top-level JSON array one at a time."""
    i = text.index("[") + 1 if "[" in text else len(text)
    n = len(text)
    while i < n:
        while i < n and text[i] in WS:
            i += 1
        if i >= n or text[i] == "]":
            return
        obj, i = decoder.raw_decode(text, i)
        yield obj


raw = sys.stdin.read()
out = io.StringIO()
pairs = Counter()
count = 0
best = None
for rec in iter_array(raw):
    count += 1
    tags = sorted(rec.get("tags", []))
    pairs.update(itertools.combinations(tags, 2))
    flat = {"id": rec["id"], "name": rec["name"].upper(), "ntags": len(tags), "score": round(rec["score"])}
    out.write(json.dumps(flat, sort_keys=True))
    out.write("\n")
    if best is None or rec["score"] > best[0]:
        best = (rec["score"], rec["id"])
top = pairs.most_common(1)
print("records", count, "jsonl bytes", len(out.getvalue()), "top pair", top[0] if top else None, "best", best)
