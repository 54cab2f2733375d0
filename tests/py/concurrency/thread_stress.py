# threads: 8 threads hammer shared dicts, lists, sets and refcounts for about 2 s; final counts must be exact and nothing may crash
import gc
import sys
import threading
import time

N_THREADS = 8
shared_list = []
shared_dict = {}
shared_set = set()
counter_lock = threading.Lock()
counter = [0]
rlock = threading.RLock()
guarded = {"n": 0}
shared_obj = object()
start = threading.Barrier(N_THREADS + 1)
stop_at = [0.0]
done_rounds = [0] * N_THREADS


class Node:
    __slots__ = ("value", "next", "__weakref__")

    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt


def worker(k):
    start.wait()
    rounds = 0
    local_refs = []
    while time.monotonic() < stop_at[0] or rounds < 200:
        for i in range(50):
            shared_list.append((k, rounds, i))
            shared_dict[(k, rounds, i)] = i
            shared_set.add((k, rounds * 50 + i))
            local_refs.append(shared_obj)
        # Reference churn on one shared object and cyclic garbage for the collector.
        del local_refs[:]
        a = Node(1)
        b = Node(2, a)
        a.next = b
        with counter_lock:
            counter[0] += 50
        with rlock:
            with rlock:
                guarded["n"] += 1
        for i in range(0, 50, 5):
            shared_dict.pop((k, rounds, i))
        rounds += 1
        if rounds % 64 == 0:
            gc.collect()
    done_rounds[k] = rounds


before = sys.getrefcount(shared_obj)
threads = [threading.Thread(target=worker, args=(k,), name=f"stress-{k}") for k in range(N_THREADS)]
for t in threads:
    t.start()
stop_at[0] = time.monotonic() + 2.0
start.wait()
for t in threads:
    t.join()

total_rounds = sum(done_rounds)
print("threads finished:", all(not t.is_alive() for t in threads), threading.active_count())
print("list exact:", len(shared_list) == total_rounds * 50)
print("dict exact:", len(shared_dict) == total_rounds * 40)
print("set exact:", len(shared_set) == total_rounds * 50)
print("locked counter exact:", counter[0] == total_rounds * 50)
print("rlock counter exact:", guarded["n"] == total_rounds)
print("per-thread order kept:", all(
    [e for e in shared_list if e[0] == k] == sorted(e for e in shared_list if e[0] == k)
    for k in range(N_THREADS)))
print("refcount restored:", sys.getrefcount(shared_obj) == before)
print("every thread ran:", all(r >= 200 for r in done_rounds))
gc.collect()
print("ok")
