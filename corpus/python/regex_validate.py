import random
import re

N = __SIZE__
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
DATE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
rng = random.Random(15)
chars = "abcxyz019._@-"


def candidate():
    if rng.random() < 0.5:
        return "".join(rng.choice(chars) for _ in range(rng.randint(5, 20))) + rng.choice([".com", ".io", ".x", ""])
    return "%04d-%02d-%02d" % (rng.randint(1890, 2100), rng.randint(0, 13), rng.randint(0, 33))


cands = [candidate() for _ in range(N)]
emails = sum(1 for c in cands if EMAIL.match(c))
dates = sum(1 for c in cands if DATE.match(c))
print("candidates", N, "emails", emails, "dates", dates)
