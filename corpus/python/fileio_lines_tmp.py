import os

N = __SIZE__
path = "/tmp/presize_lines.txt"
with open(path, "w") as f:
    for i in range(N):
        f.write("line %d value %d\n" % (i, (i * 7919) % 10007))
total = 0
count = 0
with open(path) as f:
    for line in f:
        total += int(line.rsplit(" ", 1)[1])
        count += 1
size = os.path.getsize(path)
os.remove(path)
print("lines", count, "bytes", size, "total", total)
