# Sort every stdin text line by (word count, case-folded text, raw text), then drop
# duplicates with itertools.groupby. The whole input is held in memory as a list of str.
import itertools
import sys


def line_key(line):
    return (line.count(" ") + 1 if line else 0, line.casefold(), line)


text = sys.stdin.buffer.read().decode("ascii", "replace")
lines = text.split("\n")
del text
if lines and lines[-1] == "":
    lines.pop()
lines.sort(key=line_key)
unique = [k for k, _ in itertools.groupby(lines)]
by_words = {}
for ln in unique:
    w = ln.count(" ") + 1 if ln else 0
    by_words[w] = by_words.get(w, 0) + 1
digest = 0
for ln in unique[:: max(1, len(unique) // 200)]:
    digest = (digest * 131 + sum(ln.encode())) % 2147483647
print("lines", len(lines), "unique", len(unique), "groups", len(by_words), "first", repr(unique[0][:16]) if unique else "-", "digest", digest)
