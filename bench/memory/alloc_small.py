# Allocates and drops 10 million small objects: ints in lists, tuples and class
# instances, in batches so that the allocator's free paths run as much as its
# allocation paths. Prints the CPU seconds used (the runner compares interpreters).
import time


class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Plain:
    def __init__(self, v):
        self.v = v


def ints_in_lists(n):
    for _ in range(n // 1000):
        batch = [i * 1000003 for i in range(1000)]  # ints beyond the small-int cache
        del batch


def tuples(n):
    for _ in range(n // 1000):
        batch = [(i, i) for i in range(1000)]
        del batch


def instances(n):
    for _ in range(n // 2000):
        batch = [Point(i, i) for i in range(1000)]
        other = [Plain(i) for i in range(1000)]
        del batch, other


def main():
    start = time.process_time()
    ints_in_lists(4_000_000)
    tuples(3_000_000)
    instances(3_000_000)
    print(f"{time.process_time() - start:.3f}")


main()
