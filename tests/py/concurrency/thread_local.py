# threading.local / _thread._local: per-thread attributes, subclass __init__ per thread, __dict__, thread switches inside attribute access, deleting a local while threads hold values
import sys
import threading
import _thread

sys.setswitchinterval(1e-6)

loc = threading.local()
loc.x = "main"
seen = {}
barrier = threading.Barrier(4)


def worker(i):
    print_missing = not hasattr(loc, "x")
    loc.x = i
    barrier.wait()
    # every thread has set its value; each must still see its own
    for _ in range(200):
        if loc.x != i:
            seen[i] = "clobbered"
            return
    seen[i] = (print_missing, loc.x, sorted(loc.__dict__))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
barrier.wait()
for t in ts:
    t.join()
print("per-thread:", sorted(seen.items()), loc.x)


class Counter(threading.local):
    inits = []

    def __init__(self, start, *, step=1):
        Counter.inits.append(threading.current_thread().name)
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
print("main counter:", c.bump(), c.bump())
out = []


def use_counter():
    out.append((c.value, c.bump()))


t = threading.Thread(target=use_counter, name="T-counter")
t.start()
t.join()
print("thread counter:", out, c.value, Counter.inits)


# A data descriptor that lets other threads run in the middle of the access: the value read
# afterwards must still be this thread's.
class Slow:
    def __get__(self, obj, tp=None):
        if obj is None:
            return self
        lk = threading.Lock()
        lk.acquire()
        lk.acquire(timeout=0.002)  # releases the GIL
        return obj.__dict__.get("v")

    def __set__(self, obj, value):
        obj.__dict__["v"] = value


class WithSlow(threading.local):
    slow = Slow()


ws = WithSlow()
mismatch = []


def slow_user(i):
    ws.slow = i
    for _ in range(5):
        got = ws.slow
        if got != i:
            mismatch.append((i, got))
        ws.plain = i
        if ws.plain != i:
            mismatch.append(("plain", i))


ts = [threading.Thread(target=slow_user, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("descriptor switches:", mismatch)

# __dict__ is read-only, unknown attributes raise, delete works per thread
try:
    loc.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    loc.nope
except AttributeError as e:
    print("AttributeError:", e)
del loc.x
print("deleted:", hasattr(loc, "x"))
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

# A local dropped while other threads still hold values in it (their destructors run on
# the dropping thread, and may switch threads)
class Noisy:
    freed = []

    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        lk = threading.Lock()
        lk.acquire()
        lk.acquire(timeout=0.001)
        Noisy.freed.append(self.tag)


tmp = threading.local()
ready = threading.Barrier(4)
done = threading.Event()


def holder(i):
    tmp.obj = Noisy(i)
    ready.wait()
    done.wait()


ts = [threading.Thread(target=holder, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
ready.wait()
del tmp
print("freed on drop:", sorted(Noisy.freed))
done.set()
for t in ts:
    t.join()
print("local type:", type(threading.local()).__name__, threading.local is _thread._local)
