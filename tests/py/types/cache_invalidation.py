# Method cache invalidation: class attribute changes through the MRO, __bases__ assignment, type.__setattr__.
class A:
    x = 1
    def m(self): return "A.m"
class B(A): pass
class C(B): pass
c = C()
for i in range(3): c.x; c.m()
A.x = 2
print(c.x, C.x)
A.m = lambda self: "new A.m"
print(c.m())
B.x = 3
print(c.x)
del B.x
print(c.x)
class D(C): pass
d = D()
print(d.x)
A.__bases__
class Mixin:
    x = "mixin"
B.__bases__ = (Mixin, A)
print(d.x, D.__mro__[3].__name__)
setattr(C, "x", "C")
print(d.x)
type.__setattr__(C, "y", 5)
print(d.y)
C.__dict__["y"] if "y" in C.__dict__ else None
print(getattr(d, "y"))
