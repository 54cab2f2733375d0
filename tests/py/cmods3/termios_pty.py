# termios, tty and pty on a real pseudo-terminal: attributes, raw/cbreak modes, window size, pty.fork/spawn
import os
import sys
import termios
import tty
import pty


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except termios.error as e:
        print("  termios.error", e.args)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", r)


print(tty.__all__, pty.__all__)
print(tty.IFLAG, tty.OFLAG, tty.CFLAG, tty.LFLAG, tty.ISPEED, tty.OSPEED, tty.CC)
print(pty.STDIN_FILENO, pty.STDOUT_FILENO, pty.STDERR_FILENO, pty.CHILD)
print(tty.error is termios.error, tty.TCSAFLUSH == termios.TCSAFLUSH)

mode = [2**32 - 1] * 6 + [[b"x"] * 32]
tty.cfmakeraw(mode)
print(mode[:6], mode[6][:8])
mode = [2**32 - 1] * 6 + [[b"x"] * 32]
tty.cfmakecbreak(mode)
print(mode[:6], mode[6][:8])
mode = [0] * 6 + [(b"y",) * 32]
tty.cfmakeraw(mode)
print(mode[:6], type(mode[6]).__name__, mode[6][:8])

master, slave = pty.openpty()
print(os.isatty(master), os.isatty(slave))
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(a).__name__ for a in attrs], len(attrs[6]) == termios.NCCS)
print(all(type(c) is bytes and len(c) == 1 for c in attrs[6]))
print(bool(attrs[3] & termios.ICANON), bool(attrs[3] & termios.ECHO))

old = tty.setraw(slave)
print(old == attrs)
raw = termios.tcgetattr(slave)
print(bool(raw[3] & termios.ICANON), bool(raw[3] & termios.ECHO), bool(raw[1] & termios.OPOST))
print(raw[6][termios.VMIN], raw[6][termios.VTIME], raw[2] & termios.CSIZE == termios.CS8)
termios.tcsetattr(slave, termios.TCSANOW, old)
print(termios.tcgetattr(slave) == attrs)
old = tty.setcbreak(slave, termios.TCSANOW)
cb = termios.tcgetattr(slave)
print(old == attrs, bool(cb[3] & termios.ICANON), bool(cb[3] & termios.ECHO), bool(cb[3] & termios.ISIG))
print(cb[6][termios.VMIN], cb[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSADRAIN, attrs)

termios.tcsetwinsize(slave, (30, 100))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [0, 65535])
print(termios.tcgetwinsize(slave))

print("tty errors")
attempt(termios.tcsetwinsize, slave, (70000, 1))
attempt(termios.tcsetwinsize, slave, (-1, 1))
attempt(termios.tcsetwinsize, slave, (1, 2**40))
attempt(termios.tcsetwinsize, slave, "ab")
attempt(termios.tcsetwinsize, slave, (1.5, 2))
attempt(termios.tcsetattr, slave, 0, [0] * 7)
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[0] * 5])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [tuple(attrs[6])])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[1.5] * 32])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[b"ab"] * 32])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[b""] * 32])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [["a"] * 32])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[bytearray(b"a")] * 32])
attempt(termios.tcsetattr, slave, 99, attrs)
attempt(termios.tcsetattr, slave, 0, ["x"] + attrs[1:])
attempt(termios.tcsetattr, slave, 0, [2**70] + attrs[1:])
attempt(termios.tcsetattr, slave, 0, [1.5] + attrs[1:])
attempt(termios.tcsetattr, slave, 0, attrs[:4] + [999999, 5, attrs[6]])
attempt(termios.tcflush, slave, 99)
attempt(termios.tcflow, slave, 99)
print("tty ok")
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[b"\x09"] * 32])
print(termios.tcgetattr(slave)[6][:4])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[300] * 32])
print(termios.tcgetattr(slave)[6][:4])
attempt(termios.tcsetattr, slave, termios.TCSANOW, attrs)
attempt(termios.tcflush, slave, termios.TCIOFLUSH)
attempt(termios.tcflow, slave, termios.TCOON)
attempt(termios.tcdrain, slave)
print(termios.tcgetattr(slave) == attrs)

os.write(master, b"hello\n")
print(os.read(slave, 100))
os.write(slave, b"back\n")
echoed = b""
while not echoed.endswith(b"back\r\n"):
    echoed += os.read(master, 100)
print(echoed)
os.close(master)
os.close(slave)

sys.stdout.flush()
pid, fd = pty.fork()
if pid == pty.CHILD:
    print("child:", os.isatty(0), os.isatty(1), os.isatty(2))
    sys.stdout.flush()
    os._exit(7)
data = b""
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.close(fd)
print(data, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

sys.stdout.flush()
status = pty.spawn([sys.executable, "-c", "print('spawned', 6 * 7)"])
print()
print("spawn status", os.waitstatus_to_exitcode(status))
