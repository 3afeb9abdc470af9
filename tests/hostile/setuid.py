# Try to become root: setuid, setgid, a set-uid binary, file capabilities.
import errno, os, subprocess
def t(f):
    try:
        f(); return "ok"
    except OSError as e:
        return errno.errorcode[e.errno]
print("setuid", t(lambda: os.setuid(0)))
print("setgid", t(lambda: os.setgid(0)))
print("seteuid", t(lambda: os.seteuid(0)))
for binary in ("/usr/bin/su", "/usr/bin/passwd", "/usr/bin/newgrp", "/usr/bin/mount"):
    if os.path.exists(binary):
        r = subprocess.run([binary, "--help"], capture_output=True)
        break
print("uid_after", os.getuid(), os.geteuid())
st = os.stat("/usr/bin/su") if os.path.exists("/usr/bin/su") else None
# A set-uid program would run as root; under nosuid and no_new_privs it runs as us.
out = subprocess.run(["/usr/bin/id", "-u"], capture_output=True, text=True).stdout.strip()
print("id", out)
