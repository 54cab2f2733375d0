# concurrent.futures: ThreadPoolExecutor submit/map/shutdown, Future states and callbacks, wait() and as_completed()
import threading, time
from concurrent.futures import (ThreadPoolExecutor, Future, wait, as_completed, FIRST_COMPLETED,
                                ALL_COMPLETED, FIRST_EXCEPTION, CancelledError, InvalidStateError)

def sq(n):
    time.sleep(0.001 * (n % 3))
    return n * n

with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(sq, range(8))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    fs = [ex.submit(sq, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    bad = ex.submit(int, "zz")
    try:
        bad.result()
    except ValueError as e:
        print("raised", e)
    print(bad.done(), bad.cancelled(), type(bad.exception()).__name__)
    d, nd = wait([bad, ex.submit(sq, 2)], return_when=FIRST_EXCEPTION)
    print(bad in d)
    d, nd = wait([ex.submit(sq, 1)], return_when=FIRST_COMPLETED)
    print(len(d))
    got = []
    f = ex.submit(sum, [1, 2, 3]); f.add_done_callback(lambda fut: got.append(fut.result())); f.result()
    print(got)
try:
    ex.submit(sq, 1)
except RuntimeError as e:
    print("RuntimeError", e)

f = Future()
print(f.done(), f.running(), f.cancel(), f.cancelled())
try:
    f.result()
except CancelledError:
    print("cancelled")
f2 = Future(); f2.set_result(5); print(f2.result(), f2.done(), f2.cancel())
try:
    f2.set_result(6)
except InvalidStateError:
    print("InvalidStateError")
f3 = Future(); f3.set_exception(KeyError("k")); print(repr(f3.exception()))
late = []
f3.add_done_callback(lambda fut: late.append("called at once"))
print(late)
f4 = Future()
try:
    f4.result(timeout=0.01)
except TimeoutError:
    print("timeout")
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
print(threading.active_count())
