# Try to trace: ourselves, our parent (the sandbox's init), a sibling.
import ctypes, errno, os, time
libc = ctypes.CDLL(None, use_errno=True)
PTRACE_TRACEME, PTRACE_ATTACH = 0, 16
def pt(req, pid):
    r = libc.ptrace(req, pid, None, None)
    return "ok" if r == 0 else errno.errorcode[ctypes.get_errno()]
print("attach_init", pt(PTRACE_ATTACH, 1))
child = os.fork()
if child == 0:
    time.sleep(5)
    os._exit(0)
print("attach_child", pt(PTRACE_ATTACH, child))
print("traceme", pt(PTRACE_TRACEME, 0))
os.kill(child, 9)
