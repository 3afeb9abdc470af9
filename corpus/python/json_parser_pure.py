import random

N = __SIZE__


class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t\r":
            self.i += 1

    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if self.s.startswith("true", self.i):
            self.i += 4
            return True
        if self.s.startswith("false", self.i):
            self.i += 5
            return False
        if self.s.startswith("null", self.i):
            self.i += 4
            return None
        return self.number()

    def obj(self):
        self.i += 1
        out = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return out
        while True:
            self.ws()
            k = self.string()
            self.ws()
            self.i += 1  # colon
            out[k] = self.value()
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "}":
                return out

    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "]":
                return out

    def string(self):
        j = self.s.index('"', self.i + 1)
        v = self.s[self.i + 1:j]
        self.i = j + 1
        return v

    def number(self):
        j = self.i
        while j < len(self.s) and self.s[j] in "-+.eE0123456789":
            j += 1
        t = self.s[self.i:j]
        self.i = j
        return float(t) if any(ch in t for ch in ".eE") else int(t)


rng = random.Random(24)
items = []
for i in range(N):
    items.append('{"id": %d, "ok": %s, "v": [%s], "tag": "t%d", "x": null}' % (
        i, rng.choice(["true", "false"]), ", ".join(str(rng.randint(-99, 99)) for _ in range(4)), i % 7))
text = "[" + ",\n".join(items) + "]"
doc = Parser(text).value()
print("parsed", len(doc), "sum", sum(sum(o["v"]) for o in doc), "ok", sum(o["ok"] for o in doc))
