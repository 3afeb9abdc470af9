import sys
import threading

DEPTH = __SIZE__


class Tree:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def build(d):
    if d == 0:
        return Tree()
    return Tree(build(d - 1), build(d - 1))


def count(t):
    return 1 if t.left is None else 1 + count(t.left) + count(t.right)


def chain(n):
    # deep, narrow recursion: a list built by recursion, summed by recursion
    return 0 if n == 0 else n + chain(n - 1)


def main():
    t = build(DEPTH)
    print("nodes", count(t), "chain", chain(DEPTH * 400))


sys.setrecursionlimit(100000)
threading.stack_size(256 * 1024 * 1024)
th = threading.Thread(target=main)
th.start()
th.join()
