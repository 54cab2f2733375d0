# termios: constants, termios.error and argument errors using non-tty fds (pipes, files)
import os
import termios
import tempfile


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except termios.error as e:
        print("  termios.error", e.args, type(e.args[0]).__name__)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", r)


print(sorted(n for n in dir(termios) if not n.isupper() and not n.startswith("__")))
print(" ".join(f"{n}={getattr(termios, n)}" for n in dir(termios)
               if n.isupper() or n == "_POSIX_VDISABLE"))
print(termios.error.__mro__, termios.error.__module__, termios.error.__name__)
print(issubclass(termios.error, OSError))
for f in ("tcgetattr", "tcsetattr", "tcsendbreak", "tcdrain", "tcflush", "tcflow",
          "tcgetwinsize", "tcsetwinsize"):
    print(f, getattr(termios, f).__text_signature__)

attrs = [0, 0, 0, 0, termios.B9600, termios.B9600, [b"\0"] * termios.NCCS]
r, w = os.pipe()
try:
    attempt(termios.tcgetattr, r)
    attempt(termios.tcsetattr, r, termios.TCSANOW, attrs)
    attempt(termios.tcsetattr, r, termios.TCSANOW, ["x"] * 7)
    attempt(termios.tcsetattr, r, termios.TCSANOW, [0] * 6)
    attempt(termios.tcsetattr, r, termios.TCSANOW, tuple(attrs))
    attempt(termios.tcsetattr, r, termios.TCSANOW, None)
    attempt(termios.tcsetattr, r, 2**40, attrs)
    attempt(termios.tcsetattr, r, 0)
    attempt(termios.tcsendbreak, r, 0)
    attempt(termios.tcsendbreak, r, 1.5)
    attempt(termios.tcsendbreak, r, 2**40)
    attempt(termios.tcdrain, r)
    attempt(termios.tcdrain, w)
    attempt(termios.tcflush, r, termios.TCIFLUSH)
    attempt(termios.tcflow, w, termios.TCOOFF)
    attempt(termios.tcflow, w)
    attempt(termios.tcgetwinsize, r)
    attempt(termios.tcsetwinsize, r, (24, 80))
    attempt(termios.tcsetwinsize, r, (1,))
    attempt(termios.tcsetwinsize, r, 5)
    attempt(termios.tcsetwinsize, r, ("a", 1))
    attempt(termios.tcsetwinsize, r, (2**70, 1))
    attempt(termios.tcsetwinsize, r, {1: 2, 0: 3})
    attempt(termios.tcgetattr, -1)
    attempt(termios.tcgetattr, "x")
    attempt(termios.tcgetattr)
    attempt(termios.tcgetattr, r, w)

    class HasFileno:
        def fileno(self):
            return r

    attempt(termios.tcgetattr, HasFileno())
finally:
    os.close(r)
    os.close(w)
attempt(termios.tcgetattr, r)
attempt(termios.tcdrain, r)

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "plain"), "w") as f:
        attempt(termios.tcgetattr, f)
        attempt(termios.tcgetwinsize, f)
        attempt(termios.tcflush, f, termios.TCIOFLUSH)

try:
    termios.tcgetattr(-5)
except ValueError as e:
    print("ValueError", e)
e = termios.error(25, "x")
print(e.args, str(e), repr(e))
