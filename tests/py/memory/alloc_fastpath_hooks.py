# allocation fast paths still honour tracemalloc tracing, gc thresholds, gc.disable and automatic collection
import gc
import tracemalloc

def gen(n):
    for i in range(n):
        yield i

class Node:
    def __init__(self):
        self.me = self

# tracemalloc sees objects made on the fast paths (generators, tuples, ints, lists)
tracemalloc.start()
cur0, _ = tracemalloc.get_traced_memory()
keep = [gen(3) for _ in range(200)] + [(i, -i) for i in range(200)] + [[i] * 3 for i in range(200)]
big = [10 ** 6 + i for i in range(500)]
cur, peak = tracemalloc.get_traced_memory()
print('traced growth', cur - cur0 > 200 * 100, peak >= cur)
del keep, big
cur2, _ = tracemalloc.get_traced_memory()
print('freed', cur - cur2 > 200 * 100)
snap0 = tracemalloc.take_snapshot()
keep = [gen(3) for _ in range(300)]
snap1 = tracemalloc.take_snapshot()
stats = snap1.compare_to(snap0, 'lineno')
grew = sum(s.size_diff for s in stats if s.traceback[0].filename == __file__)
print('snapshot sees generators', grew > 300 * 100)
del keep, snap0, snap1, stats
tracemalloc.stop()
print('stopped', tracemalloc.get_traced_memory())

# automatic collection kicks in at the gen-0 threshold and not while disabled
gc.collect()
old = gc.get_threshold()
gc.set_threshold(100, 10, 10)
seen = []
def cb(phase, info):
    if phase == 'start':
        seen.append(info['generation'])
gc.callbacks.append(cb)
gc.disable()
junk = [Node() for _ in range(500)]
del junk
print('disabled collections', len(seen))
gc.enable()
junk = [Node() for _ in range(500)]
del junk
print('enabled collections', len(seen) > 0, all(g in (0, 1, 2) for g in seen))
gc.callbacks.remove(cb)
gc.set_threshold(*old)
print(gc.get_threshold(), gc.collect() >= 0)

# threshold 0 disables automatic collection too
gc.set_threshold(0)
n = len(gc.garbage)
junk = [Node() for _ in range(300)]
del junk
print('collected later', gc.collect() >= 300)
gc.set_threshold(*old)
print(gc.isenabled(), gc.get_threshold())
