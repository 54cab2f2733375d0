# weakref.py: WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod, finalize
import weakref, gc

class O:
    def __init__(self, n): self.n = n
    def __repr__(self): return "O(%d)" % self.n
    def m(self): return self.n

objs = [O(i) for i in range(5)]
wv = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    wv[i] = o
print(len(wv), sorted(wv.keys()), wv[2], wv.get(9), 3 in wv, 9 in wv)
del objs[1]
print(len(wv), sorted(wv), sorted(wv.values(), key=lambda o: o.n), wv.get(1, "gone"))
try:
    wv[1]
except KeyError as e:
    print("KeyError", e)
print(wv.pop(0), len(wv), wv.setdefault(7, objs[0]) is objs[0])
c = wv.copy(); print(type(c).__name__, len(c))
wk = weakref.WeakKeyDictionary()
ks = [O(10), O(11)]
for k in ks:
    wk[k] = k.n * 2
print(len(wk), wk[ks[0]], ks[1] in wk, O(5) in wk, sorted(wk.values()))
del ks[0]
print(len(wk), list(wk.items()))
ws = weakref.WeakSet()
a, b = O(20), O(21)
ws.add(a); ws.add(b); ws.add(a)
print(len(ws), a in ws, O(1) in ws)
del a
print(len(ws), list(ws))
ws.discard(b); print(len(ws))
calls = []
t = O(30)
f = weakref.finalize(t, calls.append, "finalized")
print(f.alive, f.peek()[1] is calls.append, calls)
del t
print(f.alive, calls, f())
t2 = O(31)
f2 = weakref.finalize(t2, calls.append, "never")
print(f2.detach()[2], f2.alive)
inst = O(40)
wm = weakref.WeakMethod(inst.m)
print(wm()(), wm == weakref.WeakMethod(inst.m))
del inst
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
class Cyc: pass
x = Cyc(); x.self = x
d2 = weakref.WeakValueDictionary(k=x)
del x
gc.collect()
print(len(d2), list(d2.items()))
