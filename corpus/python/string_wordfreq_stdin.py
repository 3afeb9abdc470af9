import sys
from collections import Counter

text = sys.stdin.read()
words = [w.lower().strip(".,;:!?") for w in text.split()]
counts = Counter(w for w in words if w)
lines = text.count("\n")
longest = max(counts, key=len) if counts else ""
top = counts.most_common(5)
print("lines", lines, "words", len(words), "distinct", len(counts), "longest", len(longest), "top", top[:2])
