# Line-by-line regex scan of stdin text: for line in sys.stdin with precompiled patterns.
# Only counters are kept, so memory does not grow with the input.
import re
import sys

DOUBLED = re.compile(r"\b(\w+) \1\b")
CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")
ENDING = re.compile(r"([.,!?])$")
STUTTER = re.compile(r"\b\w*?(\w{2,3})\1\w*\b")
LONG_WORD = re.compile(r"\b\w{10,}\b")

lines = doubled = capitals = stutters = long_words = 0
endings = {".": 0, ",": 0, "!": 0, "?": 0}
longest_line = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    lines += 1
    if len(line) > longest_line:
        longest_line = len(line)
    if DOUBLED.search(line):
        doubled += 1
    capitals += len(CAPITAL.findall(line))
    stutters += sum(1 for _ in STUTTER.finditer(line))
    long_words += len(LONG_WORD.findall(line))
    m = ENDING.search(line)
    if m:
        endings[m.group(1)] += 1

print("lines", lines, "doubled", doubled, "capitalised", capitals, "stutter_words", stutters,
      "long_words", long_words, "endings", "".join("%s%d" % kv for kv in endings.items()), "longest", longest_line)
