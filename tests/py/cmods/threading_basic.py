# threading/_thread/queue: threads run and join, locks, RLock, Condition, Semaphore, Event, Barrier, Timer, local, queues, error messages
import threading, _thread, queue, time

results = []
lock = threading.Lock()
def work(n, out):
    for i in range(n):
        with lock:
            out.append(i)
ts = [threading.Thread(target=work, args=(100, results)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(results), sum(results), [t.is_alive() for t in ts])

def f(): pass
t = threading.Thread(target=f, name="worker")
print(t.name, t.daemon, t.ident is None, t.is_alive())
t.start(); t.join(); print(t.is_alive(), isinstance(t.ident, int), isinstance(t.native_id, int))
print(repr(threading.Thread(name="x", daemon=True)))
for bad in (lambda: t.start(), lambda: threading.Thread().join(), lambda: threading.current_thread().join(),
            lambda: threading.Semaphore(-1), lambda: threading.BoundedSemaphore(1).release(),
            lambda: threading.Condition().wait(), lambda: threading.Condition().notify(),
            lambda: threading.Lock().release(), lambda: threading.RLock().release(),
            lambda: threading.Lock().acquire(False, 1), lambda: threading.Lock().acquire(True, -5),
            lambda: _thread.start_new_thread(1, ()), lambda: _thread.start_new_thread(print, []),
            lambda: _thread.start_new_thread(print, (), []), lambda: _thread.stack_size(4)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), len(threading.enumerate()), threading.get_ident() == _thread.get_ident())
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, threading.ThreadError is RuntimeError)

l = threading.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01), l.locked()); l.release(); print(l.locked())
r = threading.RLock()
with r:
    with r:
        print(r._is_owned(), r._recursion_count())
print(r._is_owned())

cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        items.append("done")
c = threading.Thread(target=consumer); c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join(); print(items)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
def setter(): time.sleep(0.01); ev.set()
threading.Thread(target=setter).start()
print(ev.wait(5), ev.is_set()); ev.clear(); print(ev.is_set())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01)); sem.release(2)
bs = threading.BoundedSemaphore(2); bs.acquire(); bs.release()

order = []
bar = threading.Barrier(3, action=lambda: order.append("action"))
def party(i):
    bar.wait()
    with lock:
        order.append("p")
ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for p in ps: p.start()
for p in ps: p.join()
print(order, bar.parties, bar.n_waiting, bar.broken)

fired = []
tm = threading.Timer(0.01, fired.append, args=[1]); tm.start(); tm.join(); print(fired)
tm2 = threading.Timer(10, fired.append, args=[2]); tm2.start(); tm2.cancel(); tm2.join(); print(fired)

loc = threading.local()
loc.v = "main"
seen = []
def tl():
    seen.append(getattr(loc, "v", None)); loc.v = "thread"; seen.append(loc.v)
th = threading.Thread(target=tl); th.start(); th.join(); print(seen, loc.v)
class MyLocal(threading.local):
    def __init__(self, x):
        self.x = x
ml = MyLocal(5); ml.x = 6
got = []
th = threading.Thread(target=lambda: got.append(ml.x)); th.start(); th.join(); print(got, ml.x)

q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
out = []
def cons():
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            break
        out.append(item)
a = threading.Thread(target=producer); b = threading.Thread(target=cons)
a.start(); b.start(); a.join(); b.join(); q.join(); print(out, q.empty(), q.qsize())
pq = queue.PriorityQueue(); [pq.put(x) for x in (5, 1, 3)]; print([pq.get() for _ in range(3)])
lq = queue.LifoQueue(); [lq.put(x) for x in (5, 1, 3)]; print([lq.get() for _ in range(3)])
sq = queue.SimpleQueue(); sq.put(1); sq.put(2); print(sq.get(), sq.get_nowait(), sq.empty())
bq = queue.Queue(1); bq.put(1); print(bq.full())
for bad in (lambda: bq.put(2, timeout=-1), lambda: bq.put_nowait(3), lambda: bq.put(3, timeout=0.01),
            lambda: queue.Queue().get_nowait(), lambda: queue.Queue().get(timeout=0.01),
            lambda: queue.Queue().task_done(), lambda: queue.SimpleQueue().get(timeout=-1),
            lambda: queue.SimpleQueue().get(False)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, repr(e))
bq.shutdown()
try: bq.put(1)
except queue.ShutDown as e: print("ShutDown", repr(e))
print(bq.get())

def boom():
    raise ValueError("oops")
import sys, io
saved = sys.stderr; sys.stderr = io.StringIO()
th = threading.Thread(target=boom, name="B"); th.start(); th.join()
text = sys.stderr.getvalue(); sys.stderr = saved
print(text.splitlines()[0], text.splitlines()[-1])
hooked = []
threading.excepthook = lambda args: hooked.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
th = threading.Thread(target=boom, name="C"); th.start(); th.join(); print(hooked)

done = []
def slow():
    time.sleep(0.05); done.append("finished")
    print("non-daemon thread ran to completion")
threading.Thread(target=slow).start()
print("main exits")
