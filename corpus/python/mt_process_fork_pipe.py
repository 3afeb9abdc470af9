import os

N = __SIZE__
WORKERS = 2


def partial_sum(lo, hi):
    s = 0
    for k in range(lo, hi):
        s += (k * k) % 7919
    return s


pipes = []
pids = []
step = N // WORKERS + 1
for w in range(WORKERS):
    r, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(wfd, str(partial_sum(w * step, min(N, (w + 1) * step))).encode())
        os._exit(0)
    os.close(wfd)
    pipes.append(r)
    pids.append(pid)
total = 0
for r in pipes:
    total += int(os.read(r, 64).decode())
    os.close(r)
for pid in pids:
    os.waitpid(pid, 0)
print("sum", total)
