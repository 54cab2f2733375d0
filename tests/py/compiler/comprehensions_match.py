# Checks PEP 709 inlined comprehensions (isolation, walrus, nesting, class scope), generator expressions, and match statements.
i = "outer"
print([i for i in range(3)], i)
print({k: v for k, v in zip("ab", range(2))}, {c for c in "aab"})
print([(a, b) for a in range(3) for b in range(a) if (a + b) % 2])
print([[j for j in range(i)] for i in range(3)])
def f():
    x = [y for y in range(3)]
    try:
        return y
    except NameError as e:
        return str(e)
print(f())
def g():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total
print(g())
def h():
    fs = [lambda: j for j in range(3)]
    return [q() for q in fs]
print(h())
class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(K.doubled)
def exc_in_comp():
    x = "keep"
    try:
        [1 / x for x in (1, 0)]
    except ZeroDivisionError:
        return x
print(exc_in_comp())
def describe(obj):
    match obj:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "hello":
            return "greeting"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest] if rest:
            return f"seq {x} {rest}"
        case {"name": str(name), **others}:
            return f"named {name} {others}"
        case {"k": _}:
            return "has k"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y):
            return f"point {x} {y}"
        case None:
            return "none"
        case True:
            return "true"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for o in [0, 1, -5, 7, 2.5, "hello", (1, 2), [1, 2, 3], [1], {"name": "n", "a": 1}, {"k": 2},
          Point(0, 0), Point(1, 2), None, True, "x", -1.5, 1+2j]:
    print(repr(o) if not isinstance(o, Point) else "Point", "->", describe(o))
def bind(v):
    match v:
        case (a, b) | [b, a, _]:
            return a, b
    return None
print(bind((1, 2)), bind([1, 2, 3]), bind(5))
def star(v):
    match v:
        case [first, *_, last]:
            return first, last
        case {**rest}:
            return rest
print(star([1, 2, 3, 4]), star({"a": 1}))
class Color:
    RED = 1
    GREEN = 2
def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
print(color(Color.GREEN))
match 42:
    case x:
        print("captured", x)
