import sys


def z_array(s):
    n = len(s)
    z = [0] * n
    if n:
        z[0] = n
    l = r = 0
    for i in range(1, n):
        if i < r:
            z[i] = min(r - i, z[i - l])
        while i + z[i] < n and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > r:
            l, r = i, i + z[i]
    return z


def smallest_period(line):
    z = z_array(line)
    n = len(line)
    for p in range(1, n):
        if n % p == 0 and z[p] == n - p:
            return p
    return n


text = sys.stdin.read()
lines = text.splitlines()
periodic = 0
longest_border = 0
for ln in lines:
    if smallest_period(ln) < len(ln):
        periodic += 1
    z = z_array(ln)
    border = max((z[i] for i in range(1, len(ln)) if i + z[i] == len(ln)), default=0)
    longest_border = max(longest_border, border)

# occurrences of the first word of the text, via Z on pattern + sentinel + text
pattern = text.split(" ", 1)[0] if text else ""
hits = 0
if pattern:
    z = z_array(pattern + "\x00" + text)
    k = len(pattern)
    hits = sum(1 for v in z[k + 1:] if v >= k)
print("lines", len(lines), "periodic", periodic, "longest border", longest_border, "pattern", repr(pattern), "hits", hits)
