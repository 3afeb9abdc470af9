import random
import sys

N = __SIZE__


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        cur = self.root
        while True:
            if key < cur.key:
                if cur.left is None:
                    cur.left = Node(key)
                    break
                cur = cur.left
            elif key > cur.key:
                if cur.right is None:
                    cur.right = Node(key)
                    break
                cur = cur.right
            else:
                return
        self.size += 1

    def contains(self, key):
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False


rng = random.Random(11)
tree = BST()
for _ in range(N):
    tree.insert(rng.randrange(N * 4))
found = sum(1 for _ in range(N) if tree.contains(rng.randrange(N * 4)))
print("bst size", tree.size, "found", found)
