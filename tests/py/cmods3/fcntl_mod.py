# fcntl: constants, fcntl/ioctl/flock/lockf on pipes and temp files, argument errors
import array
import fcntl
import os
import tempfile


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", r)


print(sorted(n for n in dir(fcntl) if not n.startswith("_") and not n.isupper()))
for name in sorted(n for n in dir(fcntl) if n.isupper()):
    print(name, getattr(fcntl, name))
for f in ("fcntl", "ioctl", "flock", "lockf"):
    print(f, getattr(fcntl, f).__text_signature__)

FIONREAD = 0x541B  # Linux value, so this test does not depend on termios
r, w = os.pipe()
try:
    flags = fcntl.fcntl(r, fcntl.F_GETFL)
    print(flags & os.O_NONBLOCK == 0)
    print(fcntl.fcntl(r, fcntl.F_SETFL, flags | os.O_NONBLOCK))
    print(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK)
    fcntl.fcntl(r, fcntl.F_SETFL, flags)
    fd_flags = fcntl.fcntl(w, fcntl.F_GETFD)
    fcntl.fcntl(w, fcntl.F_SETFD, fd_flags | fcntl.FD_CLOEXEC)
    print(fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
    print(fcntl.fcntl(r, fcntl.F_GETFL, b"abcd"), fcntl.fcntl(r, fcntl.F_GETFL, "wxyz"))
    print(fcntl.fcntl(r, fcntl.F_GETFL, 2**40) == flags, fcntl.fcntl(r, fcntl.F_GETFL, -1) == flags)
    dup = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100)
    print(dup >= 100, os.get_inheritable(dup))
    os.close(dup)

    class HasFileno:
        def fileno(self):
            return r

    print(fcntl.fcntl(HasFileno(), fcntl.F_GETFL) == flags)

    os.write(w, b"hello")
    print(fcntl.ioctl(r, FIONREAD, b"\0\0\0\0"), fcntl.ioctl(r, FIONREAD, "    "))
    b = bytearray(4)
    print(fcntl.ioctl(r, FIONREAD, b), b)
    b = bytearray(4)
    print(fcntl.ioctl(r, FIONREAD, b, False), b)
    a = array.array("i", [0])
    print(fcntl.ioctl(r, FIONREAD, a, True), a)
    b = bytearray(2000)
    print(fcntl.ioctl(r, FIONREAD, b), b[:4])
    m = memoryview(bytearray(4))
    print(fcntl.ioctl(r, FIONREAD, m), m.tobytes())
    print(fcntl.ioctl(r, FIONREAD, memoryview(b"abcd")))
    print(fcntl.ioctl(r, FIONREAD, b"ab", "x"))

    print("fcntl errors")
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, 1.5)
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, None)
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, b"x" * 1025)
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, bytearray(4))
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, memoryview(b"ab"))
    attempt(fcntl.fcntl, -1, fcntl.F_GETFL)
    attempt(fcntl.fcntl, "x", 1)
    attempt(fcntl.fcntl, 2**40, 1)
    attempt(fcntl.fcntl, r, 2**40)
    attempt(fcntl.fcntl, r, 99999)
    attempt(fcntl.fcntl, r)
    attempt(fcntl.fcntl, r, 1, 2, 3)
    attempt(fcntl.fcntl, r, fcntl.F_GETFL, arg=0)
    print("ioctl errors")
    attempt(fcntl.ioctl, r, FIONREAD, b"x" * 1025)
    attempt(fcntl.ioctl, r, FIONREAD, bytearray(1025), False)
    attempt(fcntl.ioctl, r, 0x5413, b"\0" * 8)  # TIOCGWINSZ on a pipe
    attempt(fcntl.ioctl, r, 2**40)
    attempt(fcntl.ioctl, r, -1)
    attempt(fcntl.ioctl, r, FIONREAD, 1.5)
    attempt(fcntl.ioctl, r, FIONREAD, None)
    attempt(fcntl.ioctl, r, FIONREAD, 2**40)
    attempt(fcntl.ioctl, r, FIONREAD, -2**40)
    attempt(fcntl.ioctl, r, 1.5)
    attempt(fcntl.ioctl, r)
    attempt(fcntl.ioctl, r, 1, 2, 3, 4)
finally:
    os.close(r)
    os.close(w)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "lockfile")
    with open(path, "w+") as f:
        f.write("x" * 100)
        f.flush()
        print("flock")
        attempt(fcntl.flock, f, fcntl.LOCK_EX)
        attempt(fcntl.flock, f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        attempt(fcntl.flock, f, fcntl.LOCK_UN)
        attempt(fcntl.flock, f, 1.5)
        attempt(fcntl.flock, f)
        attempt(fcntl.flock, f, 2**40)
        print("lockf")
        attempt(fcntl.lockf, f, fcntl.LOCK_EX)
        attempt(fcntl.lockf, f, fcntl.LOCK_UN)
        attempt(fcntl.lockf, f, fcntl.LOCK_SH | fcntl.LOCK_NB, 10, 5, 0)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, os.SEEK_END)
        attempt(fcntl.lockf, f, fcntl.LOCK_UN, 0, 0, 0)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX | fcntl.LOCK_SH)
        attempt(fcntl.lockf, f, fcntl.LOCK_UN)
        attempt(fcntl.lockf, f, 0)
        attempt(fcntl.lockf, f, fcntl.LOCK_NB)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX, "a")
        attempt(fcntl.lockf, f, fcntl.LOCK_EX, 1.5)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX, 2**70)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX, 0, 0, 9)
        attempt(fcntl.lockf, f, fcntl.LOCK_EX, 0, 0, 2**40)
        attempt(fcntl.lockf, f, fcntl.LOCK_UN, -1, -1)
        attempt(fcntl.lockf, f, fcntl.LOCK_UN, 0, 0, "x")
        attempt(fcntl.lockf, f)
        attempt(fcntl.lockf, f, 1, 2, 3, 4, 5)
    bad = os.open(path, os.O_RDONLY)
    os.close(bad)
    attempt(fcntl.flock, bad, fcntl.LOCK_EX)
    attempt(fcntl.lockf, bad, fcntl.LOCK_EX)
    attempt(fcntl.fcntl, bad, fcntl.F_GETFL)
    attempt(fcntl.ioctl, bad, FIONREAD)
