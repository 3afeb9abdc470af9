import sys

values = []
for line in sys.stdin:
    line = line.strip()
    if line.lstrip("-").isdigit():
        values.append(int(line))
values.sort()
n = len(values)
median = values[n // 2] if n else 0
uniq = sorted(set(values), reverse=True)
print("count", n, "median", median, "unique", len(uniq), "top", uniq[:3])
