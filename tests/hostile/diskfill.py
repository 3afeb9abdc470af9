# Fill the writable places until the kernel refuses; report how it refused.
import errno, os
for d in ("/tmp", "/box"):
    total, why = 0, "none"
    try:
        for i in range(100000):
            with open(f"{d}/fill{i}", "wb") as f:
                for _ in range(64):
                    f.write(b"\0" * (1 << 20))
                    total += 1 << 20
    except OSError as e:
        why = errno.errorcode.get(e.errno, str(e.errno))
    print(d, why, total >> 20, flush=True)
    for name in os.listdir(d):
        os.unlink(os.path.join(d, name))
