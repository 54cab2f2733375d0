# faulthandler: enable/disable state, dump_traceback formats, fatal-signal reports and dump_traceback_later in child processes
import faulthandler
import os
import re
import subprocess
import sys
import tempfile


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", repr(r))


def norm(text):
    return re.sub(r"0x[0-9a-f]{16}", "0xTID", text)


print(sorted(n for n in dir(faulthandler) if not n.startswith("_")))
for n in ("enable", "disable", "is_enabled", "dump_traceback", "dump_traceback_later",
          "cancel_dump_traceback_later"):
    print(n, getattr(faulthandler, n).__text_signature__)

print(faulthandler.is_enabled(), faulthandler.disable())
print(faulthandler.enable(), faulthandler.is_enabled())
print(faulthandler.enable(all_threads=False), faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

print("errors")
attempt(faulthandler.enable, file=-1)
attempt(faulthandler.enable, file=object())
attempt(faulthandler.dump_traceback, 1.5)
attempt(faulthandler.dump_traceback_later, 0)
attempt(faulthandler.dump_traceback_later, -1)
attempt(faulthandler.dump_traceback_later, "x")
attempt(faulthandler.dump_traceback_later, 1e300)
attempt(faulthandler.cancel_dump_traceback_later)
attempt(faulthandler.enable, file=2**40)
print(faulthandler.is_enabled())


def level2(path, all_threads):
    with open(path, "w") as f:
        faulthandler.dump_traceback(f, all_threads=all_threads)
        faulthandler.dump_traceback(f.fileno(), all_threads)


def level1(path, all_threads):
    level2(path, all_threads)


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "tb.txt")
    for all_threads in (False, True):
        level1(path, all_threads)
        with open(path) as f:
            print(norm(f.read()).replace(__file__, "THIS"), end="")

# Sanitizer builds install their own fatal-signal handlers; let the default ones
# stand behind ours so the exit status is the signal's (no effect on other builds).
env = dict(os.environ)
env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                               "handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0"]))

CHILD = """
import faulthandler, os, signal, sys
def crash():
    os.kill(os.getpid(), signal.{sig})
def outer():
    crash()
faulthandler.enable({args})
outer()
"""

for sig, args in (("SIGSEGV", ""), ("SIGABRT", ""), ("SIGFPE", "all_threads=False"),
                  ("SIGBUS", ""), ("SIGILL", "")):
    proc = subprocess.run([sys.executable, "-c", CHILD.format(sig=sig, args=args)],
                          capture_output=True, text=True, env=env)
    print(sig, proc.returncode, repr(proc.stdout))
    print(norm(proc.stderr), end="")

proc = subprocess.run([sys.executable, "-c", """
import faulthandler, os, signal
faulthandler.enable()
faulthandler.disable()
os.kill(os.getpid(), signal.SIGSEGV)
"""], capture_output=True, text=True, env=env)
print("disabled", proc.returncode, repr(proc.stderr))

proc = subprocess.run([sys.executable, "-c", """
import faulthandler, time, sys
def waiting():
    time.sleep(0.6)
faulthandler.dump_traceback_later(0.25, file=sys.stdout)
waiting()
print("cancel", faulthandler.cancel_dump_traceback_later())
faulthandler.dump_traceback_later(0.05)
faulthandler.cancel_dump_traceback_later()
time.sleep(0.2)
print("still alive", flush=True)
faulthandler.dump_traceback_later(0.1, exit=True)
time.sleep(3)
print("not reached")
"""], capture_output=True, text=True, env=env)
print("later", proc.returncode)
print(norm(proc.stdout), end="")
print(norm(proc.stderr), end="")

print("register")
import signal
print(faulthandler.register(signal.SIGUSR1, file=sys.stdout), faulthandler.unregister(signal.SIGUSR1))
print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR2))
attempt(faulthandler.register, 0)
attempt(faulthandler.register, -1)
attempt(faulthandler.register, signal.NSIG)
attempt(faulthandler.register, signal.SIGSEGV)
attempt(faulthandler.unregister, signal.SIGABRT)
attempt(faulthandler.unregister, 0)
attempt(faulthandler.register, signal.SIGSTOP)
attempt(faulthandler.register)
attempt(faulthandler.unregister)
attempt(faulthandler.register, "x")


def python_handler(signum, frame):
    print("python handler", signum == signal.SIGUSR2)


def send():
    os.kill(os.getpid(), signal.SIGUSR2)


old = signal.signal(signal.SIGUSR2, python_handler)
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "user.txt"), "w+") as out:
        faulthandler.register(signal.SIGUSR2, file=out, all_threads=False, chain=True)
        send()
        print("chained")
        faulthandler.register(signal.SIGUSR2, file=out.fileno(), chain=False)
        send()
        print("not chained")
        print(faulthandler.unregister(signal.SIGUSR2))
        send()
        out.seek(0)
        print(norm(out.read()).replace(__file__, "THIS"), end="")
signal.signal(signal.SIGUSR2, old)
