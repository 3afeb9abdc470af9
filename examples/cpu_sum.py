# CPU-bound: a pure-Python loop (about 1.2 s of one core on the reference machine).
total = 0
for i in range(20_000_000):
    total += i * i
print(total)
