"""Attribute reads/writes and method calls on small classes: instance dicts,
__slots__, class attributes, properties, bound methods, super() and
subclass dispatch.  Prints one checksum line.
Usage: bm_attr_methods.py [N]   (default 240000)
"""
import sys


class Point:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    @property
    def scaled(self):
        return self.x * self.scale


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return super().norm1() + abs(self.z)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


class Counter:
    def __init__(self):
        self.count = 0
        self.hist = {}

    def bump(self, key):
        self.count += 1
        self.hist[key] = self.hist.get(key, 0) + 1


def run(n):
    pts = [Point(i % 17, -(i % 5)) if i % 3 else Point3(i % 7, i % 11, -(i % 13)) for i in range(64)]
    slots = [Slotted(i, i * 2) for i in range(32)]
    c = Counter()
    acc = 0
    for i in range(n):
        p = pts[i & 63]
        acc += p.norm1() + p.scaled
        q = p.moved(1, -1)
        acc += q.x - q.y
        s = slots[i & 31]
        s.a = s.b - i % 7
        acc += s.total()
        c.bump(i % 10)
        if i % 1000 == 0:
            acc %= 1000003
    return acc % 1000003, c.count, sorted(c.hist.items())[:3]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 240000
    acc, count, hist = run(n)
    print("attr_methods n=%d acc=%d count=%d hist=%s" % (n, acc, count, hist))


main()
