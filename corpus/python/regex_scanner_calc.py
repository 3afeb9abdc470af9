import random
import re
from fractions import Fraction

EXPRESSIONS = __SIZE__

TOKEN = re.compile(r"""
    (?P<NUM>\d+(?:\.\d+)?)
  | (?P<NAME>[a-z_][a-z0-9_]*)
  | (?P<OP>\*\*|[-+*/])
  | (?P<LPAR>\()
  | (?P<RPAR>\))
  | (?P<SKIP>[ \t]+)
  | (?P<BAD>.)
""", re.VERBOSE)
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "**": 3}
RIGHT = {"**"}


def tokens(src):
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "BAD":
            raise SyntaxError(m.group())
        yield kind, m.group()


def to_rpn(src):
    out, ops = [], []
    for kind, val in tokens(src):
        if kind in ("NUM", "NAME"):
            out.append((kind, val))
        elif kind == "OP":
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[val] or (PREC[ops[-1]] == PREC[val] and val not in RIGHT)):
                out.append(("OP", ops.pop()))
            ops.append(val)
        elif kind == "LPAR":
            ops.append("(")
        else:
            while ops[-1] != "(":
                out.append(("OP", ops.pop()))
            ops.pop()
    while ops:
        out.append(("OP", ops.pop()))
    return out


def evaluate(rpn, env):
    st = []
    for kind, val in rpn:
        if kind == "NUM":
            st.append(Fraction(val))
        elif kind == "NAME":
            st.append(env[val])
        else:
            b, a = st.pop(), st.pop()
            if val == "+":
                st.append(a + b)
            elif val == "-":
                st.append(a - b)
            elif val == "*":
                st.append(a * b)
            elif val == "/":
                st.append(a / b)
            else:
                st.append(a ** int(b))
    return st[0]


def gen_expr(rng, depth):
    if depth == 0 or rng.random() < 0.25:
        return rng.choice(["x", "y", "rate_2", str(rng.randint(1, 99)), "%d.%d" % (rng.randint(0, 9), rng.randint(1, 9))])
    op = rng.choice(["+", "-", "*", "/", "**"])
    left = gen_expr(rng, depth - 1)
    if op == "/":
        right = str(rng.randint(1, 9))
    elif op == "**":
        right = str(rng.randint(0, 2))
    else:
        right = gen_expr(rng, depth - 1)
    s = f"{left} {op} {right}" if rng.random() < 0.5 else f"{left}{op}{right}"
    return f"({s})" if rng.random() < 0.6 else s


rng = random.Random(99)
env = {"x": Fraction(3, 2), "y": Fraction(-7, 3), "rate_2": Fraction(1, 8)}
total = Fraction(0)
ntok = 0
for _ in range(EXPRESSIONS):
    src = gen_expr(rng, 4)
    rpn = to_rpn(src)
    ntok += len(rpn)
    total += evaluate(rpn, env)
print("expressions", EXPRESSIONS, "rpn tokens", ntok, "sum mod 1e9+7", total.numerator * pow(total.denominator, -1, 10**9 + 7) % (10**9 + 7))
