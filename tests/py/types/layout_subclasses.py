# Instance layout: managed __dict__/__weakref__, sizes and offsets, builtin subclasses, custom mro(), classmethod/staticmethod descriptors of C types.
import sys, weakref
class A: pass
class S: __slots__ = ("a",)
class I(int): pass
a = A()
print(sys.getsizeof(A()), sys.getsizeof(S()), sys.getsizeof(I(5)), A.__basicsize__, A.__dictoffset__, A.__weakrefoffset__, S.__basicsize__)
r = weakref.ref(a)
print(r() is a, A.__weakref__.__get__(a) is r, a.__weakref__ is r)
del a
print(r())
try:
    weakref.ref(S())
except TypeError as e:
    print(e)
b = A()
b.__dict__ = {"q": 1}
print(b.q, vars(b))
try:
    b.__dict__ = 5
except TypeError as e:
    print(e)
class Ann:
    x: int = 1
    y: str
print(Ann.__annotations__, A.__annotations__)
print(dict.fromkeys([1, 2]), int.from_bytes(b"\x01\x00", "little"), str.maketrans("a", "b"), bytes.fromhex("41"))
print(A.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 24) != 0)
print(type.__dict__["__dict__"], type(A.__dict__["__dict__"]), A.__dict__["__weakref__"])
class M(type):
    def mro(cls):
        return (cls, object)
class X(metaclass=M): pass
class Y(X): pass
print(Y.__mro__)
print(I.__mro__, I(5) + 1, type(I(5) + 1), repr(I(7)), I.__dictoffset__)
i = I(3); i.attr = 1; print(i.__dict__, i * 2)
class LL(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
l = LL([1, 2])
print(l, l.extra, len(l), l + [3], [0] + l, l * 2, type(l + [3]))
class DD(dict):
    def __missing__(self, k): return k * 2
print(DD()[4], DD(a=1))
