# subprocess: Popen pipes/poll/wait(timeout)/signals, exec errors, pass_fds, preexec_fn, start_new_session, reprs and messages
import os
import signal
import subprocess
import sys
import tempfile

PY = sys.executable


def clean(s):
    return str(s).replace(repr(PY), "'PY'")


e = subprocess.CalledProcessError(2, ["a", "b"], "out", "err")
print(repr(e), "|", e, "|", e.stdout, e.output, e.stderr)
print(subprocess.CalledProcessError(-9, "cmd"))
print(subprocess.CalledProcessError(-999, "cmd"))
t = subprocess.TimeoutExpired(["x"], 1.5, b"o")
print(repr(t), "|", t, "|", t.stdout, t.output, t.stderr)
print(repr(subprocess.CompletedProcess(["a"], 0, "x", None)), repr(subprocess.CompletedProcess("a", 1)))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL, subprocess.SubprocessError.__mro__[1].__name__)
print(sorted(subprocess.__all__))

for args, kw in [(["nonexistent_cmd_xyz"], {"env": {"PATH": "/nonexistent_dir:/usr/bin:/bin"}}), (["/etc/passwd"], {}), ([PY, "-c", "pass"], {"cwd": "/nonexistent_dir"}),
                 ([PY, "-c", "pass"], {"preexec_fn": lambda: 1 / 0})]:
    try:
        subprocess.run(args, **kw)
    except (OSError, subprocess.SubprocessError) as err:
        print(type(err).__name__, getattr(err, "errno", None), clean(getattr(err, "filename", None)), clean(err))
for kw in ({"stdin": subprocess.PIPE, "input": "x"}, {"stdout": 1, "capture_output": True}):
    try:
        subprocess.run([PY, "-c", "pass"], **kw)
    except ValueError as err:
        print("ValueError", err)
try:
    subprocess.check_output([PY, "-c", "pass"], stdout=subprocess.PIPE)
except ValueError as err:
    print("ValueError", err)

p = subprocess.Popen([PY, "-c", "import sys, time; time.sleep(0.2); sys.exit(5)"])
print("poll while running:", p.poll(), "returncode:", p.returncode)
try:
    p.wait(timeout=0.01)
except subprocess.TimeoutExpired as err:
    print("wait timeout:", clean(err))
print("wait:", p.wait(), p.poll(), p.returncode)
p = subprocess.Popen(["true"])
print("repr:", repr(p), p.wait(), repr(p))
p = subprocess.Popen(["true", "a" * 80])
p.wait()
print("long repr:", repr(p))

p = subprocess.Popen([PY, "-c", "import time; time.sleep(10)"])
p.terminate()
print("terminated:", p.wait(), -signal.SIGTERM)
p = subprocess.Popen([PY, "-c", "import time; time.sleep(10)"])
p.kill()
print("killed:", p.wait())
p.kill()  # no error once reaped
p = subprocess.Popen([PY, "-c", "import time; time.sleep(10)"])
p.send_signal(signal.SIGINT)
print("SIGINT:", p.wait())

with subprocess.Popen([PY, "-c", "import sys; print(sys.stdin.readline().strip().upper()); print('e', file=sys.stderr)"],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
    out, err = p.communicate(b"hello\n", timeout=10)
print("communicate bytes:", out, err, p.returncode)

p = subprocess.Popen([PY, "-c", "import sys, time; print('partial', flush=True); time.sleep(5)"],
                     stdout=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.5)
except subprocess.TimeoutExpired as err:
    print("communicate timeout output:", err.output)
p.kill()
out, _ = p.communicate()
print("after kill:", repr(out), p.returncode)

r = subprocess.run([PY, "-c", "import sys; sys.stdout.write('a\\r\\nb\\rc\\n')"], capture_output=True, text=True)
print("universal newlines:", repr(r.stdout))
r = subprocess.run([PY, "-c", "import sys; sys.stdout.buffer.write('é'.encode('latin-1'))"], capture_output=True,
                   encoding="latin-1")
print("encoding:", repr(r.stdout))
r = subprocess.run([PY, "-c", "import sys; sys.stdout.buffer.write(b'\\xff')"], capture_output=True,
                   encoding="utf-8", errors="replace")
print("errors=replace:", repr(r.stdout))
r = subprocess.run([PY, "-c", "import sys; print(repr(sys.stdin.read()))"], stdin=subprocess.DEVNULL,
                   capture_output=True, text=True)
print("stdin DEVNULL:", r.stdout.strip())

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "out.txt")
    with open(path, "w") as f:
        subprocess.run([PY, "-c", "print('to file', flush=True); import sys; print('err too', file=sys.stderr)"],
                       stdout=f, stderr=subprocess.STDOUT)
    with open(path) as f:
        print("stdout to file:", f.read().splitlines())
    with open(path, "rb") as f:
        r = subprocess.run([PY, "-c", "import sys; print(sys.stdin.read().split())"], stdin=f.fileno(),
                           capture_output=True, text=True)
    print("stdin from fd:", r.stdout.strip())

rfd, wfd = os.pipe()
r = subprocess.run([PY, "-c", f"import os; os.write({wfd}, b'via pass_fds')"], pass_fds=[wfd])
os.close(wfd)
print("pass_fds:", os.read(rfd, 100), r.returncode)
os.close(rfd)
rfd, wfd = os.pipe()
r = subprocess.run([PY, "-c", f"import os\ntry:\n    os.write({wfd}, b'x')\nexcept OSError as e:\n    print('closed in child', e.errno)"],
                   capture_output=True, text=True)
os.close(wfd)
os.close(rfd)
print("close_fds:", r.stdout.strip())
r = subprocess.run([PY, "-c", "import os; print(os.getsid(0) == os.getpid())"], start_new_session=True,
                   capture_output=True, text=True)
print("start_new_session:", r.stdout.strip())
r = subprocess.run([PY, "-c", "import os; print(os.environ.get('FROM_PREEXEC'))"],
                   preexec_fn=lambda: os.environ.__setitem__("FROM_PREEXEC", "yes"), capture_output=True, text=True)
print("preexec_fn:", r.stdout.strip())
r = subprocess.run(["echo", "$HOME"], capture_output=True, text=True)
print("no shell expansion:", r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo $0 $1", "zero", "one"], capture_output=True, text=True)
print("PATH lookup:", r.stdout.strip())
r = subprocess.run("echo $KRAIT_X", shell=True, env={"KRAIT_X": "env only", "PATH": os.environ.get("PATH", "")},
                   capture_output=True, text=True)
print("shell env:", r.stdout.strip())
print("call:", subprocess.call([PY, "-c", "raise SystemExit(3)"]))
try:
    subprocess.check_call([PY, "-c", "raise SystemExit(4)"])
except subprocess.CalledProcessError as err:
    print("check_call:", clean(err))
print("getoutput:", repr(subprocess.getoutput("echo out; echo err >&2")))
print("getstatusoutput:", subprocess.getstatusoutput("echo x; exit 3"))
try:
    subprocess.run([PY, "-c", "import time; time.sleep(5)"], timeout=0.2, capture_output=True)
except subprocess.TimeoutExpired as err:
    print("run timeout:", err.timeout, err.stdout, err.stderr)
print("list2cmdline:", subprocess.list2cmdline(["a b", 'c"d', "e\\"]))
