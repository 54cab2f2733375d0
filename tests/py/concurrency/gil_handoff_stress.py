# GIL hand-off under churn: a tiny switch interval, threads created and finished in waves, lock ping-pong with timeouts, thread-locals and RLock/Condition across forced switches; exact final counts
import sys
import threading
import _thread
import time

sys.setswitchinterval(1e-6)

# Waves of short-lived threads: thread states are created and freed while others run.
total = [0]
total_lock = threading.Lock()
tls = threading.local()


def short(n):
    tls.n = n
    acc = 0
    for i in range(200):
        acc += i
    assert tls.n == n
    with total_lock:
        total[0] += acc


for wave in range(10):
    ts = [threading.Thread(target=short, args=(i,)) for i in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print("waves:", total[0], total[0] == 10 * 8 * sum(range(200)))

# Raw _thread threads that finish while the main thread keeps allocating.
done = _thread.allocate_lock()
left = [16]
count_lock = _thread.allocate_lock()
done.acquire()


def raw(i):
    s = [str(j) for j in range(100)]
    with count_lock:
        left[0] -= 1
        if left[0] == 0:
            done.release()


for i in range(16):
    _thread.start_new_thread(raw, (i,))
junk = [list(range(50)) for _ in range(200)]
print("raw threads done:", done.acquire(timeout=30), left[0])

# Ping-pong between two threads with plain locks (released by the other thread).
ping, pong = threading.Lock(), threading.Lock()
ping.acquire()
pong.acquire()
rounds = 300
hits = []


def player(mine, other, tag):
    for _ in range(rounds):
        while not mine.acquire(timeout=0.05):
            pass
        hits.append(tag)
        other.release()


a = threading.Thread(target=player, args=(ping, pong, "a"))
b = threading.Thread(target=player, args=(pong, ping, "b"))
a.start()
b.start()
ping.release()
a.join()
b.join()
print("ping-pong:", len(hits), hits[:4], all(hits[i] != hits[i + 1] for i in range(len(hits) - 1)))

# Condition with an RLock held recursively across waits.
cv = threading.Condition(threading.RLock())
queue = []
consumed = []


def consumer():
    while True:
        with cv:
            with cv:
                while not queue:
                    cv.wait()
                item = queue.pop(0)
        if item is None:
            return
        consumed.append(item)


cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs:
    c.start()
for i in range(300):
    with cv:
        queue.append(i)
        cv.notify()
with cv:
    queue.extend([None] * 3)
    cv.notify_all()
for c in cs:
    c.join()
print("condition:", len(consumed), sorted(consumed) == list(range(300)))

# Switch interval changed while threads compete.
stop = [False]
flips = [0]


def flipper():
    k = 0
    while not stop[0]:
        sys.setswitchinterval(1e-6 if k % 2 else 2e-4)
        k += 1
    flips[0] = k


f = threading.Thread(target=flipper)
f.start()
acc = 0
t0 = time.monotonic()
while time.monotonic() - t0 < 0.2:
    acc += 1
stop[0] = True
f.join()
print("flipper ran:", flips[0] > 0, acc > 0)
sys.setswitchinterval(0.005)
print("threads left:", threading.active_count())
