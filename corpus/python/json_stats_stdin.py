import json
import sys
from collections import Counter

doc = json.load(sys.stdin)
tags = Counter()
total = 0.0
longest = ""
for obj in doc:
    total += obj.get("score", 0.0)
    tags.update(obj.get("tags", []))
    if len(obj.get("name", "")) > len(longest):
        longest = obj["name"]
summary = {"objects": len(doc), "mean": round(total / max(1, len(doc)), 4), "top_tags": tags.most_common(3)}
print(json.dumps(summary))
