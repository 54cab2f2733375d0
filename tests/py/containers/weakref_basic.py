# weakref: ref/proxy semantics, callbacks order, sharing, hashing, equality, errors, counts
import weakref, gc

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class A:
    def __init__(self, v=0): self.v = v
    def __repr__(self): return "A(%d)" % self.v
    def meth(self): return self.v * 2
    def __len__(self): return self.v
    def __eq__(self, o): return isinstance(o, A) and o.v == self.v
    def __hash__(self): return hash(self.v)

a = A(3)
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, weakref.ref(a, None) is r, r.__callback__)
print(type(r).__name__, type(r).__module__, weakref.ReferenceType is weakref.ref)
p = weakref.proxy(a)
print(p.v, p.meth(), len(p), weakref.proxy(a) is p, type(p).__name__, str(p), p == A(3))
p.v = 5; print(a.v); p.v = 3
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), weakref.getweakrefcount(1), weakref.getweakrefs(1))
err(lambda: weakref.ref(1))
err(lambda: weakref.ref([]))
err(lambda: weakref.ref())
err(lambda: weakref.ref(a, None, 3))
err(lambda: hash(p))
print(hash(r) == hash(a), r == weakref.ref(a), r != weakref.ref(a))
b = A(3)
rb = weakref.ref(b)
print(r == rb, r is rb, hash(rb) == hash(r))
order = []
c = A(7)
r1 = weakref.ref(c, lambda x: order.append(("r1", x() is None)))
r2 = weakref.ref(c, lambda x: order.append(("r2", x is r2)))
r3 = weakref.ref(c)
p3 = weakref.proxy(c, lambda x: order.append("p3"))
print(weakref.getweakrefs(c) == [r3, p3, r2, r1] if False else weakref.getweakrefcount(c))
del c
print(order, r1(), r3())
del a
print(r(), r == weakref.ref(b), r != r)
err(lambda: p.v)
err(lambda: str(p))
err(lambda: p + 1)
print(hash(r) == hash(3))
d = A(1)
rd = weakref.ref(d)
del d
err(lambda: hash(rd))
def f(): return 42
pf = weakref.proxy(f)
print(pf(), type(pf).__name__, callable(pf))
class R(weakref.ref):
    def __init__(self, ob, callback=None, extra=None):
        super().__init__(ob, callback)
        self.extra = "x"
e = A(2)
sub = R(e)
print(sub() is e, sub.extra, isinstance(sub, weakref.ref), weakref.ref(e) is sub, weakref.getweakrefcount(e))
class Node: pass
n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
rn = weakref.ref(n1, lambda x: print("collected cycle"))
del n1, n2
gc.collect()
print(rn())
def cb(ref):
    1 / 0
y = A(9); ry = weakref.ref(y, cb)
import sys
old = sys.unraisablehook
sys.unraisablehook = lambda u: print("unraisable", u.exc_type.__name__)
del y
sys.unraisablehook = old
print("after")
print(weakref.proxy(A(1)).__class__ if False else "skip")
s = set()
print(weakref.ref(s)() is s, weakref.ref(frozenset())() is not None)
