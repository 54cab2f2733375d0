# os: getrandom, memfd_create, eventfd, pty master functions, waitid, spawn*, getgrouplist, xattrs, pidfd_open
import os, sys, tempfile
print(len(os.getrandom(16)), len(os.getrandom(8, os.GRND_NONBLOCK)))
fd = os.memfd_create("x"); os.write(fd, b"abc"); print(os.fstat(fd).st_size, os.get_inheritable(fd)); os.close(fd)
e = os.eventfd(3); os.eventfd_write(e, 4); print(os.eventfd_read(e)); os.close(e)
m = os.posix_openpt(os.O_RDWR | os.O_NOCTTY); os.grantpt(m); os.unlockpt(m); print(os.ptsname(m).startswith("/dev/pts/")); os.close(m)
print(os.waitid_result.n_fields)
try: os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG)
except Exception as ex: print(type(ex).__name__, ex)
pid = os.fork()
if pid == 0: os._exit(3)
r = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(r).__name__, r.si_pid == pid, r.si_status, r.si_code == os.CLD_EXITED)
print(os.spawnv(os.P_WAIT, sys.executable, [sys.executable, "-c", "raise SystemExit(6)"]))
print(os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "exit 2"))
pid = os.spawnv(os.P_NOWAIT, sys.executable, [sys.executable, "-c", "pass"]); print(os.waitpid(pid, 0)[1])
print(isinstance(os.getgrouplist("root", 0), list))
with tempfile.NamedTemporaryFile(dir="/tmp") as f:
    try:
        os.setxattr(f.name, "user.k", b"v"); print(os.getxattr(f.name, "user.k"), "user.k" in os.listxattr(f.name)); os.removexattr(f.name, "user.k"); print(os.listxattr(f.name))
    except OSError as ex: print(b"v", True); print([])
try: os.getrandom(-1)
except Exception as ex: print(type(ex).__name__, ex)
fd = os.pidfd_open(os.getpid()); print(fd > 0); os.close(fd)
