import random
import re

N = __SIZE__
LINE = re.compile(r'^(\d+\.\d+\.\d+\.\d+) - - \[(\d{2})/(\w{3})/(\d{4})\] "(GET|POST|PUT) (/[\w/]*) HTTP/1\.1" (\d{3}) (\d+)$')
rng = random.Random(14)
methods = ["GET", "POST", "PUT"]
paths = ["/", "/index", "/api/v1/items", "/login", "/static/app"]
lines = []
for i in range(N):
    ip = ".".join(str(rng.randrange(256)) for _ in range(4))
    lines.append('%s - - [%02d/Nov/2026] "%s %s HTTP/1.1" %d %d' % (
        ip, rng.randint(1, 28), rng.choice(methods), rng.choice(paths), rng.choice([200, 404, 500]), rng.randrange(10000)))
status = {}
total = 0
for ln in lines:
    m = LINE.match(ln)
    if m:
        status[m.group(7)] = status.get(m.group(7), 0) + 1
        total += int(m.group(8))
print("parsed", sum(status.values()), "bytes", total, sorted(status.items()))
