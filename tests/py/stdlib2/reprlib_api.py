# Checks reprlib: Repr limits for every type, maxlevel, fillvalue, indent, recursive_repr, module-level repr.
import reprlib, array, collections
r = reprlib.Repr()
print(r.maxlevel, r.maxtuple, r.maxlist, r.maxarray, r.maxdict, r.maxset, r.maxfrozenset, r.maxdeque, r.maxstring, r.maxlong, r.maxother, r.fillvalue, r.indent)
print(r.repr(tuple(range(10))), r.repr(list(range(10))), r.repr(set(range(10))), r.repr(frozenset(range(10))))
print(r.repr(dict.fromkeys(range(10))), r.repr(collections.deque(range(10))), r.repr(array.array("i", range(10))))
print(r.repr("x" * 50), r.repr(10 ** 50), r.repr(b"y" * 50), r.repr(object.__new__(type("Long" * 10, (), {}))) [:14])
print(r.repr(()), r.repr([]), r.repr(set()), r.repr(frozenset()), r.repr({}), r.repr(collections.deque()), r.repr(array.array("d")))
print(r.repr((1,)), r.repr([[[[[[1]]]]]]), r.repr({1: {2: {3: {4: {5: 6}}}}}), r.repr(array.array("b", [1])))
r2 = reprlib.Repr(maxlevel=1, maxlist=2, maxstring=10, fillvalue="<>", maxlong=5, maxother=8)
print(r2.repr([1, [2, 3], 4]), r2.repr("abcdefghijklmnop"), r2.repr(123456789), r2.repr([[1]]), r2.repr(3.14159265358979))
r2.maxlevel = 0
print(r2.repr([1]), r2.repr({1: 2}), r2.repr((1,)), r2.repr(set([1])), r2.repr([]))
r3 = reprlib.Repr(indent=4)
print(r3.repr([1, [2, 3], {"a": (4, 5)}]))
r3.indent = "->"
print(r3.repr({"k": [1, 2], "z": set()}))
print(r3.repr([]), r3.repr([1]))
r3.indent = -1
try:
    print(r3.repr([1]))
except Exception as e:
    print(type(e).__name__, e)
r3.indent = 1.5
try:
    print(r3.repr([1]))
except Exception as e:
    print(type(e).__name__, e)
print(reprlib.repr(list(range(100))), reprlib.repr("a" * 100), reprlib.aRepr.maxlist)
print(r.repr({"b": 1, "a": 2, 3: 4}), r.repr({3, 1, 2}), r.repr(frozenset({"x"})))
class X:
    def __repr__(self): raise ValueError("boom")
print(r.repr(X())[:17])
class Big:
    def __repr__(self): return "B" * 40
print(r.repr(Big()), r.repr(12.5), r.repr(True), r.repr(None))
class Sub(reprlib.Repr):
    def repr_int(self, x, level): return "INT"
print(Sub().repr([1, 2]), Sub().repr(1))
class Node:
    def __init__(self): self.kids = []
    @reprlib.recursive_repr()
    def __repr__(self): return "Node(" + repr(self.kids) + ")"
n = Node(); n.kids.append(n); n.kids.append(1)
print(repr(n), Node.__repr__.__name__, Node.__repr__.__wrapped__.__name__)
class Node2(list):
    @reprlib.recursive_repr("<loop>")
    def __repr__(self): return "N" + list.__repr__(self)
m = Node2(); m.append(m); print(repr(m))
print(reprlib.Repr(maxtuple=1).repr((1, 2)), reprlib.Repr(maxdict=1).repr({1: 2, 3: 4}), reprlib.Repr(maxset=0).repr({1}))
print(reprlib.Repr(maxstring=3).repr("abcdef"), reprlib.Repr(maxstring=0).repr("abcdef"), reprlib.Repr(maxlong=3).repr(10**10))
