# Try to signal outside: our init, everyone we can (-1), and a host PID given as argv[1].
import errno, os, sys
def k(pid, sig=9):
    try:
        os.kill(pid, sig); return "sent"
    except OSError as e:
        return errno.errorcode[e.errno]
print("init", k(1))
print("host_pid", k(int(sys.argv[1])))
print("all", k(-1, 0))
