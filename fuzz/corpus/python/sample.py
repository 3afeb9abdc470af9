import os
import numpy as np
from subprocess import run


def branches(x, y, *, z=None):
    """Docstring: not code."""
    if x > 0 and y > 0:
        return 1
    elif x < 0 or y < 0:
        return 2
    else:
        return 3


def loops(n, items):
    total = 0
    for i in range(10):
        for j in range(n):
            total += i * j
    while items:
        items.pop()
    data = []
    for k in items:
        data.append(k)
    return [v for v in range(100) if v % 2]


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def ping(n):
    return pong(n - 1) if n else 0


def pong(n):
    return ping(n - 1) if n else 0


def outer():
    def inner(a):
        try:
            return a
        except ValueError:
            return None
        finally:
            pass
    f = lambda q: q if q else 0
    return inner(f(1))


class C:
    def method(self, v):
        match v:
            case 1:
                return "one"
            case _:
                return "other"

    def gen(self):
        yield from (x for x in range(3))


def io():
    with open("f") as fh:
        fh.read()
    import time
    for _ in range(3):
        time.sleep(1)
    run(["ls"])
    os.system("true")
    np.dot([1, 2], [3, 4])
    buf = bytearray(4096)
    return sorted(buf)
