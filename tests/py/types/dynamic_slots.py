# Slots re-derived when dunders are assigned later, __bases__ assignment, copy via __reduce_ex__, PEP 695 type params, dir().
import copy
class A:
    def __init__(self): self.v = [1]
a = A()
b = copy.copy(a); c = copy.deepcopy(a)
print(type(b).__name__, b.v is a.v, c.v == a.v, c.v is a.v)
class S:
    __slots__ = ("x", "y")
s = S(); s.x = 5
s2 = copy.copy(s)
print(s2.x, hasattr(s2, "y"))
print(a.__reduce_ex__(2)[0].__name__, a.__reduce_ex__(0)[0].__name__)
class L(list): pass
l = L([1, 2]); l.z = 3
l2 = copy.copy(l)
print(l2, type(l2).__name__, l2.z)

class T:
    pass
t = T()
T.__len__ = lambda self: 42
print(len(t))
T.__add__ = lambda self, o: "added"
print(t + 1)
T.__getattr__ = lambda self, n: "dyn " + n
print(t.foo)
del T.__getattr__
try:
    t.foo
except AttributeError as e:
    print(e)
T.__eq__ = lambda self, o: True
print(t == 5)
T.__call__ = lambda self, *a: ("called", a)
print(t(1, 2))
T.__iter__ = lambda self: iter([7, 8])
print(list(t))
T.__repr__ = lambda self: "T!"
print(repr(t), str(t), [t])
class U(T): pass
T.__neg__ = lambda self: "neg via base"
print(-U())
T.__bool__ = lambda self: False
print(bool(U()), not U())
class Base1: pass
class Base2:
    def hi(self): return "base2"
class Kid(Base1): pass
Kid.__bases__ = (Base2,)
print(Kid().hi(), Kid.__mro__)
try:
    Kid.__bases__ = ()
except TypeError as e:
    print(e)
try:
    Base2.__bases__ = (Kid,)
except TypeError as e:
    print(e)
class G[T]:
    pass
print(G.__type_params__, G[int])
def f():
    x = 1
    return dir()
print(f())
