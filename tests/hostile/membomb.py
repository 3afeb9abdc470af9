# Allocate and touch memory until something stops us.
chunks = []
while True:
    chunks.append(b"x" * (8 << 20))
