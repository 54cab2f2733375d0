# threading: primitives with deterministic results (joins, barriers, sorted output), excepthook, Timer, local, interruptible lock waits, queue and ThreadPoolExecutor
import os
import queue
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

results = []
res_lock = threading.Lock()


def record(x):
    with res_lock:
        results.append(x)


threads = [threading.Thread(target=record, args=(i * i,), name=f"sq{i}") for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=5)
print("squares:", sorted(results), [t.is_alive() for t in threads])
print("names:", [t.name for t in threads][:2], threads[0].ident is not None, threads[0].native_id is not None)
print("main:", threading.current_thread() is threading.main_thread(), threading.main_thread().name)

# Condition: producer/consumer handshake
cond = threading.Condition()
items = []


def consumer(out):
    with cond:
        while len(items) < 3:
            cond.wait()
        out.extend(items)


out = []
c = threading.Thread(target=consumer, args=(out,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print("condition:", out)
with cond:
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.01))

# Semaphore limits concurrency
sem = threading.BoundedSemaphore(2)
active = [0]
peak = [0]
gate = threading.Lock()


def limited():
    with sem:
        with gate:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with gate:
            active[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak <= 2:", peak[0] <= 2)
try:
    sem.release()
except ValueError as e:
    print("BoundedSemaphore:", e)

# Event and Barrier
ev = threading.Event()
print("event wait timeout:", ev.wait(0.01))
barrier = threading.Barrier(3)
order = []


def at_barrier(i):
    idx = barrier.wait()
    record(("b", i))
    order.append(idx)


bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print("barrier indices:", sorted(order), "broken:", barrier.broken)

# Timer, cancel
fired = []
tm = threading.Timer(0.01, fired.append, args=("fired",))
tm.start()
tm.join()
tc = threading.Timer(10, fired.append, args=("cancelled",))
tc.start()
tc.cancel()
tc.join()
print("timer:", fired)

# thread-local data
loc = threading.local()
loc.value = "main"
seen = []


def use_local(v):
    loc.value = v
    time.sleep(0.01)
    with res_lock:
        seen.append(loc.value)


ls = [threading.Thread(target=use_local, args=(f"t{i}",)) for i in range(3)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("local:", sorted(seen), loc.value)

# exceptions in threads go to threading.excepthook; the program continues
caught = []
old_hook = threading.excepthook
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
bad = threading.Thread(target=lambda: 1 / 0, name="bad")
bad.start()
bad.join()
threading.excepthook = old_hook
print("excepthook:", caught)

# RLock reentrancy and ownership
rl = threading.RLock()
with rl:
    with rl:
        print("rlock nested ok")
try:
    rl.release()
except RuntimeError as e:
    print("rlock:", e)
lk = threading.Lock()
print("lock timeout:", lk.acquire(), lk.acquire(timeout=0.01), lk.locked())
lk.release()

# A blocked lock acquire in the main thread still runs signal handlers (Ctrl-C)
blocker = threading.Lock()
blocker.acquire()
threading.Timer(0.1, os.kill, args=(os.getpid(), signal.SIGINT)).start()
try:
    blocker.acquire()
    print("acquired?!")
except KeyboardInterrupt:
    print("KeyboardInterrupt interrupted the deadlock")


class Alarm(Exception):
    pass


def on_usr1(signum, frame):
    raise Alarm("handler ran")


old = signal.signal(signal.SIGUSR1, on_usr1)
threading.Timer(0.1, os.kill, args=(os.getpid(), signal.SIGUSR1)).start()
try:
    blocker.acquire(timeout=10)
except Alarm as e:
    print("handler exception from acquire:", e)
signal.signal(signal.SIGUSR1, old)

# queue between threads
q = queue.Queue()


def produce():
    for i in range(5):
        q.put(i)
    q.put(None)


consumed = []
p = threading.Thread(target=produce)
p.start()
while (item := q.get(timeout=5)) is not None:
    consumed.append(item)
    q.task_done()
q.task_done()
q.join()
p.join()
print("queue:", consumed)
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("queue.Empty after timeout")

# ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(pow, 2, i) for i in range(8)]
    print("as_completed:", sorted(f.result() for f in as_completed(futs)))
    print("map:", list(ex.map(lambda x: x * 3, range(5))))
    slow = ex.submit(time.sleep, 0.2)
    done, pending = wait([slow, ex.submit(int, "7")], return_when=FIRST_COMPLETED)
    print("wait first:", len(done) >= 1)
    f = ex.submit(lambda: 1 / 0)
    print("exception:", type(f.exception()).__name__)
print("enumerate after joins:", len(threading.enumerate()))
