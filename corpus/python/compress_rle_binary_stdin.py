import sys


def rle(data):
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        j = i
        while j < n and j - i < 255 and data[j] == data[i]:
            j += 1
        out.append(j - i)
        out.append(data[i])
        i = j
    return bytes(out)


def unrle(data):
    out = bytearray()
    for k in range(0, len(data), 2):
        out += bytes([data[k + 1]]) * data[k]
    return bytes(out)


raw = sys.stdin.buffer.read()
quantised = bytes(b & 0xE0 for b in raw)
enc = rle(quantised)
assert unrle(enc) == quantised
print("in", len(raw), "rle", len(enc))
