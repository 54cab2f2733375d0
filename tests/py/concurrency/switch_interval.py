# the GIL switch interval: sys.setswitchinterval is honoured by the lock hand-off (a waiter gets the GIL from a spinning thread only after the interval), CPU-bound threads all make progress, argument errors
import sys
import threading
import time

print("default:", sys.getswitchinterval())
sys.setswitchinterval(0.0123456789)
print("rounded:", sys.getswitchinterval())
for bad in (0, -1.0, float("-inf")):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
print("unchanged:", sys.getswitchinterval())


def spin_until(flag):
    while not flag[0]:
        pass


# With a long interval, a thread coming back from sleep() must wait for it: the spinner
# only lets go when asked, and it is asked only after the interval. (A wait can be short
# when the spinner had not been scheduled yet, on a loaded machine several times in a
# row, so one long wait out of up to twenty is the proof.)
sys.setswitchinterval(0.1)
stop = [False]
spinner = threading.Thread(target=spin_until, args=(stop,))
spinner.start()
time.sleep(0.01)
waits = []
for _ in range(20):
    t0 = time.perf_counter()
    time.sleep(0.001)
    waits.append(time.perf_counter() - t0)
    if waits[-1] >= 0.08:
        break
stop[0] = True
spinner.join()
print("long interval honoured:", max(waits) >= 0.08)

# Short interval: four CPU-bound threads take turns; each only finishes once all the others
# have started counting, which needs the lock to move between them.
sys.setswitchinterval(0.001)
counts = [0] * 4
go = [False]


def counter(i):
    while not all(counts):
        counts[i] += 1
    while not go[0]:
        counts[i] += 1


ts = [threading.Thread(target=counter, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
spin_until([True])
while not all(counts):
    time.sleep(0.001)
go[0] = True
for t in ts:
    t.join()
print("all progressed:", all(c > 0 for c in counts))
sys.setswitchinterval(0.005)
print("restored:", sys.getswitchinterval())
