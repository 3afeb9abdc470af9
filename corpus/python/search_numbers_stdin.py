import bisect
import sys

nums = []
for tok in sys.stdin.read().split():
    try:
        nums.append(int(tok))
    except ValueError:
        pass
ordered = sorted(nums)
members = set(nums)
neighbours = 0
nearest_gap = 0
for x in nums:
    if x + 1 in members:
        neighbours += 1
    i = bisect.bisect_right(ordered, x)
    if i < len(ordered):
        nearest_gap += ordered[i] - x
print("numbers", len(nums), "with successor", neighbours, "mean gap", nearest_gap // max(1, len(nums)))
