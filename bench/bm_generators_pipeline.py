"""Generator pipelines: chained generators, yield from, send(), generator
expressions consumed by builtins, and itertools-style helpers written in
Python.  Prints one checksum line.
Usage: bm_generators_pipeline.py [N]   (default 240000)
"""
import sys


def source(n):
    for i in range(n):
        yield (i * 7919) % 10007


def window(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def pairwise_sum(it):
    for w in it:
        yield w[0] + w[-1]


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 240000
    s = sum(pairwise_sum(window(source(n), 4)))
    t = sum(tree(12))
    avg = averager()
    next(avg)
    a = 0.0
    for v in source(n // 4):
        a = avg.send(v)
    mx = max(v for v in source(n // 2) if v & 1)
    anyv = any(v == 5000 for v in source(n))
    print("generators_pipeline n=%d s=%d t=%d avg=%.6f max=%d any=%s" % (n, s, t, a, mx, anyv))


main()
