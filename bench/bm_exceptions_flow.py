"""Exceptions as control flow: raise/except in loops, try/finally, with
statements, StopIteration from next(), KeyError/IndexError lookups and
exception chaining.  Prints one checksum line.
Usage: bm_exceptions_flow.py [N]   (default 160000)
"""
import sys


class Budget(Exception):
    pass


class Guard:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, et, ev, tb):
        self.log[1] += 1
        return et is Budget


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def check(i):
    if i % 5 == 0:
        raise Budget(i)
    return i


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 160000
    d = {i: i * i for i in range(0, 100, 2)}
    log = [0, 0]
    acc = 0
    for i in range(n):
        acc += lookup(d, i % 100)
        with Guard(log):
            acc += check(i)
        try:
            try:
                [1, 2, 3][i % 5]
            finally:
                acc += 1
        except IndexError as e:
            acc += len(e.args)
        it = iter((1, 2))
        next(it)
        next(it)
        acc += next(it, 7)
        if i % 997 == 0:
            try:
                try:
                    raise ValueError(i)
                except ValueError as e:
                    raise KeyError(i) from e
            except KeyError as e:
                acc += e.__cause__.args[0] % 3
    print("exceptions_flow n=%d acc=%d enter=%d exit=%d" % (n, acc % 1000003, log[0], log[1]))


main()
