import random

N = __SIZE__
rng = random.Random(10)
syll = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"]
words = ["".join(rng.choice(syll) for _ in range(rng.randint(1, 4))) for _ in range(N)]
text = " ".join(words)
caps = text.title()
swapped = caps.swapcase().replace("KA", "ca")
rev_words = " ".join(w[::-1] for w in swapped.split())
vowels = sum(rev_words.count(v) for v in "aeiouAEIOU")
parts = rev_words.split("a")
print("chars", len(rev_words), "vowels", vowels, "parts", len(parts), "hash", sum(map(ord, rev_words[::97])) % 65521)
