"""A short tour of the Python that Krait runs: run it with `build/krait examples/tour.py`."""
import sys
from dataclasses import dataclass


def banner(title):
    print(f"\n== {title} " + "=" * (50 - len(title)))


banner("numbers")
print(2 ** 100, 7 // 2, -7 % 3, 0.1 + 0.2, round(2.675, 2), 10 / 4)
print(f"{1234567.891:,.2f}  {255:#x}  {0.25:.1%}  {3+4j!r}  {abs(3+4j)}")

banner("strings")
word = "Krait 🐍"
print(word.upper(), len(word), word[::-1], word.encode("utf-8"))
print(" | ".join(f"{w:>6}" for w in "a tour of python".split()))

banner("containers")
squares = {n: n * n for n in range(6)}
evens = [n for n in squares if n % 2 == 0]
print(squares, evens, sorted({3, 1, 2}), (1, "two", 3.0))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(list(zip(*matrix)))

banner("functions and closures")
def counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

tick = counter(10)
print(tick(), tick(), tick(by=5), list(map(lambda x: x * 2, range(4))))

banner("generators")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

gen = fib()
print([next(gen) for _ in range(12)], sum(x for x in range(101)))

banner("classes")
class Shape:
    def area(self):
        raise NotImplementedError

@dataclass
class Rect(Shape):
    w: float
    h: float
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

shapes = [Rect(2, 3), Square(4)]
print(shapes, [s.area() for s in shapes], Square.__mro__[1].__name__)

banner("exceptions")
class TourError(Exception):
    pass

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise TourError("lookup failed") from e
except TourError as e:
    print(type(e).__name__, e, "caused by", repr(e.__cause__))

try:
    raise ExceptionGroup("several", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("handled", eg.exceptions)
except* TypeError as eg:
    print("handled", eg.exceptions)

banner("pattern matching")
def describe(obj):
    match obj:
        case {"kind": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case [first, *rest]:
            return f"list starting with {first!r} (+{len(rest)})"
        case str() as s if s:
            return f"text {s!r}"
        case _:
            return "something else"

for thing in ({"kind": "point", "x": 1, "y": 2}, [9, 8, 7], "hi", None):
    print(describe(thing))

banner("context managers")
class Timer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True

with Timer():
    raise RuntimeError("suppressed")

banner("the interpreter")
print(sys.version_info[:3], sys.implementation.name, sys.getrecursionlimit())
