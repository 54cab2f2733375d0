# weakref proxies: operator forwarding, dead proxies, ref subclasses, callback order, unsupported types
import weakref, gc, sys
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
class C:
    def __init__(self, v): self.v = v
    def __add__(self, o): return self.v + (o.v if isinstance(o, C) else o)
    def __radd__(self, o): return o + self.v
    def __iadd__(self, o): self.v += o; return self
    def __getitem__(self, i): return i * 2
    def __setitem__(self, i, v): self.last = (i, v)
    def __delitem__(self, i): self.last = ("del", i)
    def __len__(self): return 3
    def __iter__(self): return iter([1, 2])
    def __contains__(self, x): return x == 1
    def __bool__(self): return False
    def __lt__(self, o): return True
    def __int__(self): return 7
    def __float__(self): return 1.5
    def __index__(self): return 2
    def __neg__(self): return -self.v
    def __call__(self, *a): return a
    def __str__(self): return "C-str"
    def __bytes__(self): return b"b"
    def __reversed__(self): return iter("r")
class Plain2: pass
c = C(5)
p = weakref.proxy(c)
print(p + 1, 1 + p, p + p, p[3], len(p), list(p), 1 in p, 2 in p, bool(p), p < 1, int(p), float(p), [0, 1, 2][p], -p, p(1, 2), str(p), bytes(p))
err(lambda: reversed(p))
print(list(reversed(weakref.proxy(Plain2))) if False else "")
p[1] = 2; print(c.last); del p[4]; print(c.last)
p += 3; print(c.v, type(p).__name__)
print(type(weakref.proxy(c)).__name__, type(weakref.proxy(len)).__name__ if False else "")
q = weakref.proxy(c)
print(q.v, isinstance(q, C), type(q) is weakref.CallableProxyType)
print(weakref.getweakrefcount(c))
del c
err(lambda: q.v)
err(lambda: q + 1)
err(lambda: len(q))
err(lambda: bool(q))
class Plain: pass
x = Plain()
px = weakref.proxy(x)
err(lambda: next(px))
err(lambda: px.missing)
px.attr = 3; print(x.attr)
err(lambda: hash(px))
err(lambda: px == x)
r = weakref.ref(x)
err(lambda: r(1))
err(lambda: r < r)
class RS(weakref.ref): pass
rs = RS(x); print(rs() is x, rs == r, rs is r, type(rs).__name__)
l = []
def cb(w): l.append(type(w).__name__)
r2 = RS(x, cb); r3 = weakref.ref(x, cb); p4 = weakref.proxy(x, cb)
print(weakref.getweakrefcount(x), [type(w).__name__ for w in weakref.getweakrefs(x)])
del x
print(l)
y = Plain()
wr = weakref.ref(y, lambda w: print("cb sees", w() is None))
del y
print("done")
class S(set): pass
s = S(); ws = weakref.ref(s); print(ws() is s)
import types
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(type)() is type, weakref.ref(C)() is C)
err(lambda: weakref.ref((1,)))
err(lambda: weakref.ref({}))
err(lambda: weakref.ref("s"))
err(lambda: weakref.ref(None))
err(lambda: weakref.ref(1.5))
err(lambda: weakref.proxy(1))
print(weakref.ref.__callback__.__class__.__name__)
