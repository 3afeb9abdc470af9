import heapq
import os
import random
import tempfile

TOTAL = __SIZE__
RUNS = 8


def write_runs(workdir, rng):
    paths = []
    per_run = TOTAL // RUNS + 1
    remaining = TOTAL
    for r in range(RUNS):
        k = min(per_run, remaining)
        remaining -= k
        chunk = sorted(rng.randrange(10**12) for _ in range(k))
        path = os.path.join(workdir, f"run{r:02d}.txt")
        with open(path, "w") as f:
            f.writelines(f"{v:012d}\n" for v in chunk)
        paths.append(path)
    return paths


def merge_runs(paths, dest):
    files = [open(p) for p in paths]
    try:
        with open(dest, "w") as out:
            out.writelines(heapq.merge(*files))
    finally:
        for f in files:
            f.close()


with tempfile.TemporaryDirectory(prefix="extsort-") as workdir:
    runs = write_runs(workdir, random.Random(4096))
    merged = os.path.join(workdir, "merged.txt")
    merge_runs(runs, merged)
    size = os.path.getsize(merged)
    count = 0
    prev = ""
    ordered = True
    with open(merged) as f:
        for line in f:
            if line < prev:
                ordered = False
            prev = line
            count += 1
    for p in runs:
        os.remove(p)
print("records", count, "bytes", size, "sorted", ordered, "last", prev.strip())
