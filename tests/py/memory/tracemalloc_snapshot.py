# tracemalloc snapshots: statistics by lineno/filename/traceback, cumulative, compare_to, filters, dump/load, reprs
import os
import tempfile
import tracemalloc
import gc

gc.disable()  # a collection in the middle would add traces of its own

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
ME = os.path.abspath(__file__)


def clean(text):
    return str(text).replace(HERE, '')


class Slotted:
    __slots__ = ('a',)


def make_bytes(n):
    out = [None] * n
    for i in range(n):
        out[i] = bytes(1000 + i)  # the only allocation on this line
    return out


def make_slotted(n):
    out = [None] * n
    for i in range(n):
        out[i] = Slotted()  # marker: slotted
    return out


def mine(snapshot):
    return snapshot.filter_traces([tracemalloc.Filter(True, ME)])


with open(ME) as src:
    LINES = [n for n, text in enumerate(src, 1)
             if text.rstrip().endswith(('# the only allocation on this line',
                                        '# marker: slotted'))]


def ours(snapshot):
    # Traces whose most recent frame is one of the two marked allocation lines: other
    # lines also allocate containers that come from free lists in one implementation only.
    return snapshot.filter_traces([tracemalloc.Filter(True, ME, lineno=n) for n in LINES])


tracemalloc.start(5)
snap0 = mine(tracemalloc.take_snapshot())
a = make_bytes(3)
b = make_slotted(4)
snap1 = mine(tracemalloc.take_snapshot())
print(snap1.traceback_limit, type(snap1.traces).__name__, len(snap1.traces) > 0)
print(repr(snap1.traces).startswith('<Traces len='))


print(LINES)
for key in ('lineno', 'filename', 'traceback'):
    for s in ours(snap1).statistics(key):
        if s.size >= 3000:
            print(key, clean(s))
            print(key, clean(repr(s)))

for s in ours(snap1).statistics('lineno', cumulative=True):
    if s.size >= 3003:
        print('cumulative', clean(s))
for s in ours(snap1).statistics('filename', cumulative=True):
    if s.size >= 3003:
        print('cumulative-file', clean(s.traceback), s.count >= 7)

for bad in (('lino', False), ('traceback', True)):
    try:
        snap1.statistics(*bad)
    except ValueError as e:
        print('ValueError', e)

# compare_to
del a
c = make_bytes(2)
snap2 = mine(tracemalloc.take_snapshot())


def big(snapshot):
    kept = [t for t in ours(snapshot).traces._traces if t[1] >= 1000]
    return tracemalloc.Snapshot(kept, snapshot.traceback_limit)


for d in big(snap2).compare_to(big(snap1), 'lineno'):
    if abs(d.size_diff) >= 1000:
        print(clean(d))
        print(clean(repr(d)))
for d in big(snap2).compare_to(big(snap1), 'traceback'):
    if abs(d.size_diff) >= 1000:
        print('tb', len(d.traceback), d.size_diff, d.count_diff)

# Statistic / StatisticDiff / Frame / Traceback objects made by hand
fr = tracemalloc.Frame(('x.py', 3))
tb = tracemalloc.Traceback((('x.py', 3), ('y.py', 7)))
tb2 = tracemalloc.Traceback((('x.py', 3),), 9)
print(repr(fr), str(fr), fr.filename, fr.lineno)
print(repr(tb), str(tb), len(tb), tb.total_nframe)
print(repr(tb2), tb2.total_nframe)
print(fr == tracemalloc.Frame(('x.py', 3)), fr < tracemalloc.Frame(('x.py', 4)),
      fr >= tracemalloc.Frame(('a.py', 9)), hash(fr) == hash(('x.py', 3)))
print(tb < tb2, tb == tb2, sorted([tb, tb2]) == [tb, tb2], fr in tb)
for size in (0, 5, 1023, 10239, 10240, 100 * 1024, 5 * 1024 ** 2, 7 * 1024 ** 4,
             50 * 1024 ** 5):
    st = tracemalloc.Statistic(tb, size, 3)
    print(st, '|', repr(st))
print(tracemalloc.Statistic(tb, 0, 0))
sd = tracemalloc.StatisticDiff(tb, 20000, -3000, 4, -1)
print(sd, '|', repr(sd))
print(tracemalloc.StatisticDiff(tb, 0, -512, 0, -2))
print(tracemalloc.StatisticDiff(tb, 99, 99, 0, 0))
print(tracemalloc.Statistic(tb, 1, 2) == tracemalloc.Statistic(tb, 1, 2),
      tracemalloc.Statistic(tb, 1, 2) == sd, sd == tracemalloc.StatisticDiff(tb, 20000, -3000, 4, -1),
      hash(sd) == hash(tracemalloc.StatisticDiff(tb, 20000, -3000, 4, -1)))
tr = tracemalloc.Trace((0, 2048, (('x.py', 3), ('y.py', 1)), 2))
print(repr(tr), '|', str(tr), tr.domain, tr.size, len(tr.traceback))
print(tr == tracemalloc.Trace((0, 2048, (('x.py', 3), ('y.py', 1)), 2)))

# filters on a hand-made snapshot
traces = [
    (0, 10, (('a.py', 1), ('b.py', 2)), 2),
    (0, 20, (('b.py', 5), ('a.py', 1)), 2),
    (1, 40, (('a.py', 7),), 1),
    (2, 80, (('c.pyc', 3),), 1),
]
snap = tracemalloc.Snapshot(traces, 2)


def sizes(filters):
    return [t.size for t in snap.filter_traces(filters).traces]


print(sizes([]), sizes([tracemalloc.Filter(True, 'a.py')]))
print(sizes([tracemalloc.Filter(False, 'a.py')]))
print(sizes([tracemalloc.Filter(True, 'a.py', all_frames=True)]))
print(sizes([tracemalloc.Filter(False, 'a.py', all_frames=True)]))
print(sizes([tracemalloc.Filter(True, 'a.py', lineno=7)]))
print(sizes([tracemalloc.Filter(True, '*.py', domain=0)]))
print(sizes([tracemalloc.Filter(False, 'b.py', domain=0)]))
print(sizes([tracemalloc.Filter(True, 'c.py')]))
print(sizes([tracemalloc.DomainFilter(True, 1)]), sizes([tracemalloc.DomainFilter(False, 1)]))
print(sizes([tracemalloc.Filter(True, 'a.py'), tracemalloc.Filter(True, 'b.py'),
             tracemalloc.DomainFilter(False, 1)]))
f = tracemalloc.Filter(True, 'x.pyc', 3)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
print(tracemalloc.DomainFilter(False, 4).domain)
try:
    snap.filter_traces(3)
except TypeError as e:
    print('TypeError', e)
for key in ('lineno', 'filename', 'traceback'):
    print(key, [repr(s) for s in snap.statistics(key)])
print([str(s) for s in snap.statistics('filename', cumulative=True)])
print([str(s) for s in snap.statistics('lineno', cumulative=True)])
other = tracemalloc.Snapshot(traces[1:] + [(0, 5, (('d.py', 9),), 1)], 2)
print([repr(d) for d in other.compare_to(snap, 'filename')])

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'snap.pickle')
    snap.dump(path)
    back = tracemalloc.Snapshot.load(path)
    print(back.traceback_limit, back.traces == snap.traces, len(back.traces))
    snap1.dump(path)
    back1 = tracemalloc.Snapshot.load(path)
    print(back1.traces == snap1.traces)

tracemalloc.stop()
