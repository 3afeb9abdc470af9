import sys
from functools import lru_cache

TARGET = __SIZE__
COINS = (1, 2, 5, 10, 20, 50, 100, 200)
sys.setrecursionlimit(10000)


def ways_bottom_up(target):
    ways = [1] + [0] * target
    for coin in COINS:
        for amount in range(coin, target + 1):
            ways[amount] = (ways[amount] + ways[amount - coin]) % 1_000_000_007
    return ways[target]


@lru_cache(maxsize=None)
def min_coins(amount):
    if amount == 0:
        return 0
    return 1 + min(min_coins(amount - c) for c in COINS if c <= amount)


step = 500
for a in range(0, TARGET + 1, step):  # warm the cache upward, keeping recursion shallow
    min_coins(a)
print("ways", ways_bottom_up(TARGET), "min", min_coins(TARGET))
