# Blocking reads and writes on pipes release the GIL: other threads keep running meanwhile.
import faulthandler
import io
import os
import threading
import signal
import time

# If a blocked read kept the GIL nothing in Python could run again: faulthandler's
# watchdog thread needs no GIL and ends the process instead of letting the test hang.
faulthandler.dump_traceback_later(60, exit=True)

def run_reader(make_file, label, nbytes, payload):
    r, w = os.pipe()
    f = make_file(r)
    started = threading.Event()
    result = {}

    def reader():
        started.set()
        result["data"] = f.read(nbytes)

    t = threading.Thread(target=reader)
    t.start()
    started.wait(10)
    # The reader is (or is about to be) blocked in read(2); we must still be able to run.
    work = 0
    for i in range(20000):
        work += i % 7
    time.sleep(0.05)
    alive_while_blocked = t.is_alive()
    os.write(w, payload)
    t.join(10)
    print(label, "main ran:", work, "reader was blocked:", alive_while_blocked,
          "got:", result.get("data"), "joined:", not t.is_alive())
    f.close()
    os.close(w)

run_reader(lambda fd: io.FileIO(fd, "rb"), "FileIO", 1, b"x")
run_reader(lambda fd: open(fd, "rb", buffering=0), "raw open", 3, b"abc")
run_reader(lambda fd: open(fd, "rb"), "buffered", 2, b"hi")
keep = []
run_reader(lambda fd: keep.append(open(fd, "rb")) or keep[-1].raw, "raw of buffered", 1, b"z")

# readinto with a bytearray and a memoryview owned by the blocked thread
r, w = os.pipe()
f = io.FileIO(r, "rb")
buf = bytearray(4)
out = {}
t = threading.Thread(target=lambda: out.setdefault("n", f.readinto(memoryview(buf)[1:3])))
t.start()
time.sleep(0.05)
print("readinto blocked:", t.is_alive())
os.write(w, b"QR")
t.join(10)
print("readinto:", out["n"], bytes(buf))
f.close()
os.close(w)

# Text layer over a buffered reader: readline blocks until a full line arrives.
r, w = os.pipe()
tf = open(r, "r", encoding="utf-8")
lines = []
t = threading.Thread(target=lambda: lines.append(tf.readline()))
t.start()
time.sleep(0.05)
os.write(w, "héllo\n".encode())
t.join(10)
print("text readline:", lines)
tf.close()
os.close(w)

# A writer blocked on a full pipe does not stop the thread that drains it.
r, w = os.pipe()
wf = open(w, "wb", buffering=0)
big = b"k" * (1 << 20)
done = {}
t = threading.Thread(target=lambda: done.setdefault("n", wf.write(big)))
t.start()
got = 0
while got < len(big):
    chunk = os.read(r, 65536)
    if not chunk:
        break
    got += len(chunk)
t.join(10)
print("big write:", done.get("n"), "drained:", got)
wf.close()
os.close(r)

# Two threads sharing one buffered writer: every record arrives whole.
r, w = os.pipe()
bw = open(w, "wb")
def writer(tag):
    for i in range(200):
        bw.write(tag * 50 + b"\n")
ths = [threading.Thread(target=writer, args=(c,)) for c in (b"a", b"b")]
collected = []
def drain():
    while True:
        c = os.read(r, 4096)
        if not c:
            break
        collected.append(c)
d = threading.Thread(target=drain)
d.start()
for x in ths:
    x.start()
for x in ths:
    x.join()
bw.close()
d.join(10)
os.close(r)
recs = b"".join(collected).split(b"\n")[:-1]
print("records:", len(recs), all(x in (b"a" * 50, b"b" * 50) for x in recs))

# A signal interrupting a blocked read in the main thread runs its handler, then the
# read resumes (PEP 475) and returns the data written afterwards.
for label, mk in (("FileIO", lambda fd: io.FileIO(fd, "rb")), ("buffered", lambda fd: open(fd, "rb"))):
    r, w = os.pipe()
    f = mk(r)
    seen = []
    old_handler = signal.signal(signal.SIGUSR1, lambda s, fr: seen.append(s))
    def poke():
        time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.05)
        os.write(w, b"ok")
    t = threading.Thread(target=poke)
    t.start()
    data = f.read(2)
    t.join(10)
    signal.signal(signal.SIGUSR1, old_handler)
    print("EINTR", label, data, seen == [signal.SIGUSR1])
    f.close()
    os.close(w)

# A handler that raises interrupts the blocking call itself (not only after it returns).
class Interrupt(Exception):
    pass

def raiser(s, fr):
    raise Interrupt

old_handler = signal.signal(signal.SIGALRM, raiser)
r, w = os.pipe()
calls = [("time.sleep", lambda: time.sleep(30)),
         ("os.read", lambda: os.read(r, 1)),
         ("FileIO.read", lambda: io.FileIO(r, "rb", closefd=False).read(1)),
         ("buffered read", lambda: open(r, "rb", closefd=False).read(1)),
         ("text readline", lambda: open(r, "r", closefd=False).readline())]
for label, call in calls:
    t0 = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        call()
        print(label, "returned")
    except Interrupt:
        print(label, "interrupted promptly:", time.monotonic() - t0 < 10)
signal.signal(signal.SIGALRM, old_handler)
os.close(r)
os.close(w)

# A handler that writes to the buffered writer whose write it interrupted gets
# RuntimeError instead of corrupting the buffer or deadlocking.
r, w = os.pipe()
bw = open(w, "wb", buffering=100)
errs = []
def reenter(s, fr):
    try:
        bw.write(b"y" * 10)
    except RuntimeError as e:
        errs.append(str(e).replace("name=%d" % w, "name=W"))
old_handler = signal.signal(signal.SIGUSR1, reenter)
def poke_then_drain():
    time.sleep(0.2)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.2)
    got = 0
    while got < (1 << 20):
        got += len(os.read(r, 1 << 16))
t = threading.Thread(target=poke_then_drain)
t.start()
print("big buffered write:", bw.write(b"x" * (1 << 20)))
t.join(10)
print("reentrant:", errs)
signal.signal(signal.SIGUSR1, old_handler)
bw.close()
os.close(r)

# The switch interval takes effect and round-trips.
import sys
old = sys.getswitchinterval()
sys.setswitchinterval(0.001)
print("interval:", sys.getswitchinterval())
sys.setswitchinterval(old)
print("restored:", sys.getswitchinterval() == old)
faulthandler.cancel_dump_traceback_later()
