import json
import random
import sqlite3

ROWS = __SIZE__
REGIONS = ["north", "south", "east", "west", "central"]


def documents(n, seed=61):
    rng = random.Random(seed)
    for i in range(n):
        doc = {
            "order": i,
            "region": rng.choice(REGIONS),
            "customer": {"id": rng.randrange(n // 4 + 1), "vip": rng.random() < 0.1},
            "lines": [{"sku": "SKU%04d" % rng.randrange(500), "qty": rng.randint(1, 5),
                       "price": round(rng.uniform(1, 250), 2)} for _ in range(rng.randint(1, 4))],
        }
        yield i, json.dumps(doc, separators=(",", ":"))


con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
with con:
    con.executemany("INSERT INTO orders VALUES (?, ?)", documents(ROWS))

per_region = con.execute(
    "SELECT json_extract(body, '$.region') AS r, COUNT(*), SUM(json_array_length(body, '$.lines')) "
    "FROM orders GROUP BY r ORDER BY r").fetchall()
vip = con.execute("SELECT COUNT(*) FROM orders WHERE json_extract(body, '$.customer.vip')").fetchone()[0]

# cross-check revenue in Python by decoding every document again
revenue = 0.0
for (body,) in con.execute("SELECT body FROM orders"):
    d = json.loads(body)
    revenue += sum(l["qty"] * l["price"] for l in d["lines"])
report = {"rows": ROWS, "vip": vip, "regions": {r: [c, n] for r, c, n in per_region}, "revenue": round(revenue, 2)}
con.close()
print(json.dumps(report, sort_keys=True))
