"""Closures, nested functions, list/dict/set comprehensions and generator
expressions.  Prints one checksum line.
Usage: bm_closures_comprehensions.py [ROUNDS]   (default 480)
"""
import sys


def make_adders(n):
    return [lambda v, k=k: v + k for k in range(n)]


def make_accumulator():
    total = 0

    def add(v):
        nonlocal total
        total += v
        return total
    return add


def pipeline(data, fns):
    out = data
    for f in fns:
        out = [f(v) for v in out]
    return out


def one_round(r):
    data = [(i * 37 + r) % 1009 for i in range(400)]
    adders = make_adders(8)
    out = pipeline(data, adders)
    squares = {v: v * v for v in out if v % 3}
    evens = {v for v in out if not v & 1}
    acc = make_accumulator()
    for v in out[:200]:
        acc(v)
    pairs = [(a, b) for a in range(20) for b in range(a, 20) if (a + b) % 5 == 0]
    total = sum(x * 2 for x in out if x > 500)
    nested = [[j * i for j in range(10)] for i in range(30)]
    flat = sum(sum(row) for row in nested)
    return (len(squares) + len(evens) + acc(0) + len(pairs) + total + flat) % 1000003


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 480
    h = 0
    for r in range(rounds):
        h = (h * 31 + one_round(r)) % (1 << 61)
    print("closures_comprehensions rounds=%d hash=%d" % (rounds, h))


main()
