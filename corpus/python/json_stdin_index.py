# Loads the whole stdin JSON array, builds an inverted index tag -> [(score, id)], ranks
# every posting list, re-serialises the index with indent/sort_keys and parses it again.
# Everything is kept, so memory is several times the input size.
import json
import sys
from collections import defaultdict

records = json.load(sys.stdin)
index = defaultdict(list)
name_len = 0
for rec in records:
    name_len += len(rec["name"])
    for tag in rec["tags"] or ["untagged"]:
        index[tag].append((rec["score"], rec["id"]))
report = {}
for tag, postings in index.items():
    postings.sort(key=lambda p: (-p[0], p[1]))
    report[tag] = {
        "count": len(postings),
        "top": [pid for _, pid in postings[:5]],
        "mean": round(sum(s for s, _ in postings) / len(postings), 3),
        "ids": [pid for _, pid in postings],
    }
text = json.dumps(report, indent=1, sort_keys=True)
again = json.loads(text)
assert again.keys() == report.keys()
print("records", len(records), "tags", len(report), "names", name_len, "index_chars", len(text),
      "largest", max((v["count"] for v in report.values()), default=0))
