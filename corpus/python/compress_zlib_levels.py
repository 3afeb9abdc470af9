import random
import zlib

N = __SIZE__
rng = random.Random(19)
vocab = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "\n"]
text = " ".join(rng.choice(vocab) for _ in range(N)).encode()
results = []
for level in (1, 6, 9):
    comp = zlib.compress(text, level)
    assert zlib.decompress(comp) == text
    results.append(len(comp))
print("raw", len(text), "compressed", results, "ratio", round(len(text) / results[-1], 2))
