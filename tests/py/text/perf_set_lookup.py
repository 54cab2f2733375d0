# Set lookups on the fast paths (small/negative/big ints, floats, strs, equal-hash keys of other types, mutating __eq__) and iteration order after add/remove churn.
import random

# small ints, negatives (-1 and -2 share a hash), bigger ints and big ints
s = set()
for v in [-1, -2, 0, 1, 2**30, 2**30 + 1, -(2**30), 2**62, -(2**62), 2**100, -(2**100)]:
    s.add(v)
for v in [-1, -2, 0, 1, 2**30, 2**30 + 1, -(2**30), 2**62, -(2**62), 2**100, -(2**100)]:
    w = int(str(v))          # an equal int that is a different object
    print(w in s, (w + 1) in s, (w - 1) in s)
print(sorted(s))

# equal values of different types share an entry
s = {1, 2.0, "3"}
print(1.0 in s, True in s, 2 in s, 3 in s, "3" in s, 0 in s, False in s)
s.add(True)
s.add(2)
print(len(s), sorted(map(str, s)))
nan = float("nan")
s = {nan, 0.0}
print(nan in s, float("nan") in s, -0.0 in s, 0 in s)

# strs: interned, built at run time, non-ASCII
words = ["alpha", "beta", "gamma", "déjà", "日本", "\U0001f600x"]
s = set(words)
for w in words:
    built = "".join(list(w))
    print(built in s, (built + "!") in s, built is w)
s.discard("".join(["al", "pha"]))
print(sorted(s))

# an int subclass and a str subclass compare through __eq__
class MyInt(int):
    def __eq__(self, other):
        print("MyInt.__eq__", int(self), other)
        return int(self) == other
    __hash__ = int.__hash__

s = {5, 6}
print(MyInt(5) in s, MyInt(7) in s)
s.add(MyInt(6))
print(sorted(s), [type(x).__name__ for x in sorted(s)])

class Key:
    def __init__(self, h, name, victim=None):
        self.h = h
        self.name = name
        self.victim = victim
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        if self.victim is not None:
            v, self.victim = self.victim, None
            v.clear()
            for i in range(20):
                v.add(i + 1000)
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return "Key(%r)" % self.name

s = set()
a = Key(1, "a")
s.add(a)
s.add(Key(1, "b"))
print(Key(1, "a") in s, Key(1, "c") in s, len(s))
victim = set()
victim.add(Key(9, "x", victim))
print(Key(9, "x") in victim, len(victim))
victim = set()
victim.add(Key(9, "x", victim))
victim.add(Key(9, "y"))
print(len(victim), sorted(k for k in victim if isinstance(k, int))[:3])

class Bad:
    def __hash__(self):
        return 3
    def __eq__(self, other):
        raise ValueError("no compare")
s = {3.5, Bad()}
try:
    print(Bad() in s)
except ValueError as e:
    print("ValueError", e)
try:
    s.add(Bad())
except ValueError as e:
    print("ValueError", e)
try:
    s.remove(Bad())
except ValueError as e:
    print("ValueError", e)
print(len(s))

# churn: iteration order must match after many adds and removes (dummy reuse)
rng = random.Random(12345)
for trial in range(40):
    s = set()
    for op in range(rng.randrange(5, 300)):
        k = rng.randrange(-50, 200) * rng.choice([1, 8, 32, 64, 1024])
        if rng.random() < 0.45 and s:
            s.remove(rng.choice(sorted(s)))
        else:
            s.add(k)
    print(list(s))

# nqueens-style add/remove/in on small ints and tuples
cols, diag = set(), set()
hits = 0
for r in range(200):
    for c in range(-8, 8):
        if c in cols or (r - c, c) in diag:
            hits += 1
            continue
        cols.add(c)
        diag.add((r - c, c))
        if len(cols) > 5:
            cols.remove(c)
            diag.remove((r - c, c))
print(hits, sorted(cols), len(diag))
fs = frozenset(range(-5, 5))
print(-5 in fs, 5 in fs, (-5, 1) in {(-5, 1)})
try:
    s.remove(12345678901234567890)
except KeyError as e:
    print("KeyError", e)
