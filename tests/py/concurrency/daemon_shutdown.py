# interpreter exit with daemon threads still running Python, sleeping, waiting on locks and allocating: finalizers run on the main thread only, no crash or hang at shut-down
import os
import sys
import threading
import time

sys.setswitchinterval(0.0005)
stop_never = threading.Event()
started = threading.Barrier(6)
shared = []


box = [0]


def spinner(box=box, shared=shared):
    started.wait()
    n = 0
    while True:
        n += 1
        box[0] = n
        shared.append(n)
        if len(shared) > 1000:
            del shared[:500]


def sleeper():
    started.wait()
    while True:
        time.sleep(0.0002)


def waiter():
    started.wait()
    stop_never.wait()


def allocator():
    started.wait()
    while True:
        d = {i: [i] * 3 for i in range(50)}
        s = str(d)
        del d, s


class Finalizer:
    # Runs while modules are torn down (if at all): it releases the GIL, and no daemon
    # thread may run Python from then on, so the spinners' counter must not move.
    def __del__(self, box=box, sleep=time.sleep, exit=os._exit, write=sys.stderr.write):
        before = box[0]
        sleep(0.02)
        if box[0] != before:
            write("a daemon thread ran during finalization\n")
            exit(3)


for f in (spinner, spinner, sleeper, waiter, allocator):
    threading.Thread(target=f, daemon=True).start()
started.wait()
time.sleep(0.05)
print("daemons alive:", sum(t.daemon and t.is_alive() for t in threading.enumerate()))
keep = Finalizer()
print("exiting")
