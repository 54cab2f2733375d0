# tracemalloc: start/stop/limits, traced memory, peaks, object tracebacks and exact sizes
import os
import tracemalloc
import gc

gc.disable()  # a collection in the middle would add traces of its own

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return str(text).replace(HERE, '')


for bad in (0, -1, 65536, 1.5, "x", None):
    try:
        tracemalloc.start(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    tracemalloc.start(1, 2)
except TypeError as e:
    print("TypeError", e)

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(),
      tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback(object()))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError", e)

tracemalloc.start(4)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(10)  # already tracing: the limit is kept
print(tracemalloc.get_traceback_limit())


class Slotted:
    __slots__ = ('a', 'b')


def inner():
    return Slotted()


def outer():
    return inner()


obj = outer()
tb = tracemalloc.get_object_traceback(obj)
print(clean(repr(tb)))
print(clean(tb), len(tb), tb.total_nframe)
print([f.lineno for f in tb], [os.path.basename(f.filename) for f in tb])
print(clean(tb[0]), clean(tb[-1]), clean(tb[:1]))
print(tb[0] in tb, tb == tracemalloc.get_object_traceback(obj))
for line in tb.format():
    print(clean(line))
for line in tb.format(limit=1):
    print(clean(line))
for line in tb.format(limit=-1, most_recent_first=True):
    print(clean(line))
for line in tb.format(most_recent_first=True):
    print(clean(line))
print(tracemalloc.get_object_traceback(12345))  # small int: allocated before tracing
raw = tracemalloc._get_object_traceback(obj)
print(type(raw).__name__, [(os.path.basename(f), n) for f, n in raw])

# Traced memory goes up by what was requested and down when it is freed.
cur0, peak0 = tracemalloc.get_traced_memory()
big = bytes(1_000_000)
cur1, peak1 = tracemalloc.get_traced_memory()
print(cur1 - cur0 >= 1_000_000, peak1 >= cur1)
del big
cur2, peak2 = tracemalloc.get_traced_memory()
print(cur1 - cur2 > 990_000, peak2 >= peak1)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print(peak3 < peak2, peak3 >= cur3)
print(tracemalloc.get_tracemalloc_memory() > 0)

# Exact requested sizes where our object layouts equal CPython's.
def sizes_of(make):
    make()  # first call: lets the interpreter set up whatever it caches per function
    tracemalloc.clear_traces()
    keep = make()
    snap = tracemalloc.take_snapshot()
    snap = snap.filter_traces([tracemalloc.Filter(True, __file__)])
    return sorted(t.size for t in snap.traces)

print("bytes", sizes_of(lambda: bytes(100000)))
print("str", sizes_of(lambda: 'a' * 100000))
print("slots", sizes_of(lambda: Slotted()))
print("tuple", sizes_of(lambda: (None,) * 1000))
print("int", sizes_of(lambda: 10 ** 1000))
print("set", sizes_of(lambda: set(range(100))))

tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory()[0] < 100000)
print(tracemalloc.get_object_traceback(obj))  # its trace was cleared

tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(),
      tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback(obj))
tracemalloc.stop()  # stopping twice is fine
tracemalloc.start()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
