import re
import sys

data = sys.stdin.read()
words = re.findall(r"[A-Za-z]+", data)
caps = re.findall(r"\b[A-Z][a-z]+\b", data)
doubled = re.findall(r"\b(\w+)\s+\1\b", data)
cleaned = re.sub(r"\s+", " ", data)
vowel_runs = len(re.findall(r"[aeiou]{2,}", cleaned))
print("words", len(words), "caps", len(caps), "doubled", len(doubled), "vowel_runs", vowel_runs, "len", len(cleaned))
