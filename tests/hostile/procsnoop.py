# Look for the host through /proc and /sys; print what is visible.
import os, errno
pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
print("pids", len(pids), max(pids) < 100)
def read(p):
    try:
        with open(p, "rb") as f:
            f.read(64)
        return "readable"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))
print("init_environ", read("/proc/1/environ"))
print("kcore", read("/proc/kcore"))
print("sys", os.path.exists("/sys/fs/cgroup"))
print("host_root", os.path.exists("/root"), os.path.exists("/work"))
try:
    open("/proc/sys/kernel/hostname", "w").write("pwned")
    print("sysctl written")
except OSError as e:
    print("sysctl", errno.errorcode.get(e.errno))
