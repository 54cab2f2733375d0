# list.sort/sorted on the specialised comparisons: ints (small, word-sized, big), floats with NaN, latin-1 and wider strs, tuples, same-type objects, subclasses, mixed types, errors, mutation and stability.
import random

rng = random.Random(2024)

def check(name, data, **kw):
    a = sorted(data, **kw)
    b = list(data)
    b.sort(**kw)
    print(name, a == b, a[:6], a[-3:])

ints = [rng.randrange(-1000, 1000) for _ in range(300)]
check("small ints", ints)
check("word ints", [rng.randrange(-2**62, 2**62) for _ in range(300)])
check("big ints", [rng.randrange(-2**100, 2**100) for _ in range(200)] + [0, -1, 2**30, -2**30])
check("mixed int sizes", [rng.choice([1, -1, 2**40, -2**40, 2**70, -2**70, 2**30 - 1, -2**30]) for _ in range(50)])
check("reverse", ints, reverse=True)
check("key", ints, key=lambda v: (v % 7, -v))
check("floats", [rng.uniform(-1e6, 1e6) for _ in range(300)] + [0.0, -0.0, float("inf"), float("-inf")])

# stability: equal keys keep their input order, also with reverse=True
pairs = [(rng.randrange(5), i) for i in range(100)]
print(sorted(pairs, key=lambda p: p[0]) == sorted(pairs))
r = sorted(pairs, key=lambda p: p[0], reverse=True)
print(all(r[i][1] < r[i + 1][1] for i in range(99) if r[i][0] == r[i + 1][0]))
big = [10**20 + (i % 3) for i in range(30)]
ids = [id(x) for x in big]
s = sorted(big)
print([ids.index(id(x)) for x in s][:12])
f = [float(i % 4) for i in range(20)]
fids = [id(x) for x in f]
print([fids.index(id(x)) for x in sorted(f)])

# NaN: the order depends only on which comparisons are made, like CPython's
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
print(sorted([nan, 2.0, 1.0]), sorted([2.0, nan, 1.0]), sorted([1.0, 2.0, nan, 0.0]))
print(sorted([(1, nan), (1, 0.5), (0, nan), (1, 0.25)]))

# strs: ASCII, latin-1, BMP, astral; prefixes; empty
words = ["", "a", "ab", "abc", "b", "é", "éa", "z", "Z", "日本", "日", "\U0001f600", "\x00", "\xff", "ÿa", "a\x00"]
rng.shuffle(words)
print(sorted(words))
latin = ["caf\xe9", "cafe", "caf", "\xe9t\xe9", "\xe0", "a", "\xff\xff", "\xfe"]
print(sorted(latin), sorted(latin, reverse=True))
print(sorted(["w%x" % rng.randrange(10**6) for _ in range(50)])[:5])

# tuples: first items of one type, later items of any type, different lengths
tups = [(rng.randrange(4), rng.choice(["x", "y"]), rng.randrange(3)) for _ in range(60)]
tups += [(1,), (1, "x"), (2, "x", 0, 0), (0, "y", 2, "tail")]
print(sorted(tups)[:8], sorted(tups)[-4:])
print(sorted([("b", 2), ("a", 3), ("b", 1), ("a", 3.5), ("é", 0), ("a", -1)]))
print(sorted([(1.5, "a"), (0.5, "b"), (1.5, "A"), (nan, "n"), (-0.0, "z"), (0.0, "y")])[:3])
print(sorted([(2**70, 1), (2**70, 0), (-2**70, 5), (3, 3)]))
print(sorted([((1, 2), "a"), ((1,), "b"), ((0, 5), "c")]))
print(sorted([(1, [2]), (1, [1]), (0, [9])]))
try:
    sorted([(1, 2), (1, "a")])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(), (1,), ()])
except TypeError as e:
    print("TypeError", e)
print(sorted([(), (1,), (), (0, 0)]))

# mixed types
print(sorted([3, 1.5, True, 2, -0.5, False]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1.0, None])
except TypeError as e:
    print("TypeError", e)

# subclasses of int, float and str with their own comparisons
class RevInt(int):
    def __lt__(self, other):
        return int(self) > int(other)
print(sorted([RevInt(v) for v in [3, 1, 2, 5, 4]]))
print(sorted([3, RevInt(1), 2]))
class MyFloat(float):
    pass
print(sorted([MyFloat(2.5), MyFloat(-1.0), MyFloat(0.0)]), type(sorted([MyFloat(1.0)])[0]).__name__)
class LenStr(str):
    def __lt__(self, other):
        return len(self) < len(other)
print(sorted([LenStr("ccc"), LenStr("a"), LenStr("bb"), LenStr("d")]))
print(sorted([True, False, True, 0, 1]))

# same-type objects: __lt__ called directly, NotImplemented falls back to the reflection
class V:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        V.calls += 1
        return self.v < other.v
    def __repr__(self):
        return "V(%r)" % self.v
vs = [V(x) for x in [5, 3, 8, 1, 9, 2]]
print(sorted(vs), V.calls)
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return NotImplemented
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "G%d" % self.v
print(sorted([OnlyGt(3), OnlyGt(1), OnlyGt(2)]))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return [1] if self.v < other.v else []
    def __repr__(self):
        return "T%d" % self.v
print(sorted([Truthy(2), Truthy(0), Truthy(1)]))
class Swap:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        self.__class__ = Plain
        return self.v < other.v
    def __repr__(self):
        return "S%d" % self.v
class Plain(Swap):
    def __lt__(self, other):
        return self.v > other.v
print(sorted([Swap(i) for i in [4, 1, 3, 2]]))

# exceptions from __lt__ leave the list a permutation
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("boom %d" % self.v)
        return self.v < other.v
    def __repr__(self):
        return "B%d" % self.v
lst = [Boom(v) for v in [5, 2, 3, 1, 4]]
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e)
print(sorted(b.v for b in lst))
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# mutation during sort
lst = list(range(20))
def key_mut(v):
    if v == 10:
        lst.append(99)
    return -v
try:
    lst.sort(key=key_mut)
except ValueError as e:
    print("ValueError", e)
print(len(lst))
lst2 = [V(x) for x in range(10)]
class Mut(V):
    def __lt__(self, other):
        lst2.append(V(0))
        return self.v < other.v
lst2 = [Mut(x) for x in [3, 2, 1]]
try:
    lst2.sort()
except ValueError as e:
    print("ValueError", e)
print(len(lst2))

# large inputs hitting runs, galloping and merges on every specialised type
n = 5000
base = [rng.randrange(10**6) for _ in range(n)]
for name, conv in [("int", int), ("float", float), ("str", lambda v: "k%07d" % v),
                   ("tuple", lambda v: (v % 100, v)), ("word", lambda v: v * 2**33)]:
    data = [conv(v) for v in base]
    want = [conv(v) for v in sorted(base)]
    part = sorted(data[:n // 2]) + data[n // 2:]
    print(name, sorted(data) == want, sorted(part) == want,
          sorted(want[::-1]) == want, sorted(data, reverse=True) == want[::-1])
