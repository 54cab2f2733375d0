# Hashability rules, __eq__/__hash__ interplay, object defaults, __class__ assignment, dir, format, reprs.
class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print(e)
class EH(E):
    __hash__ = object.__hash__
print(type(hash(EH())).__name__)
class H:
    def __hash__(self): return 10**30
print(hash(H()), hash(H()) == hash(10**30))
class Neg:
    def __hash__(self): return -1
print(hash(Neg()))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class NoHash:
    __hash__ = None
try:
    {NoHash()}
except TypeError as e:
    print(e)
import collections.abc
print(isinstance(NoHash(), collections.abc.Hashable))
class Later: pass
Later.__eq__ = lambda s, o: "later eq"
print(Later() == 1, hash(Later()) is not None)
Later.__hash__ = lambda s: 5
print(hash(Later()))
del Later.__hash__
print(type(hash(Later())).__name__)

o = object()
print(o == o, o != o, o == object(), o.__eq__(1), o.__ne__(o), o.__lt__(o))
print(object.__hash__(1) == hash(1) or True, object.__repr__(5)[:16])
print(format(o, "") == str(o))
try:
    format(o, "x")
except TypeError as e:
    print(e)
class F:
    def __format__(self, spec): return "F:" + spec
print(format(F(), "abc"), f"{F():zz}", "{:q}".format(F()))
class BadF:
    def __format__(self, spec): return 1
try:
    format(BadF())
except TypeError as e:
    print(e)
class R:
    def __repr__(self): return 5
try:
    repr(R())
except TypeError as e:
    print(e)
class S:
    def __str__(self): return "S!"
print(str(S()), repr(S())[:11], f"{S()}")

class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.__class__ = B
print(a.who(), type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
class Sl:
    __slots__ = ("x",)
try:
    A().__class__ = Sl
except TypeError as e:
    print(e)

class D:
    cls_attr = 1
    def __init__(self): self.inst = 2
    def m(self): pass
d = D()
print([n for n in dir(d) if not n.startswith("__")], "__init__" in dir(d), dir(D) == sorted(dir(D)))
class CustomDir:
    def __dir__(self): return ["b", "a"]
print(dir(CustomDir()))
print(sorted(n for n in dir(5) if not n.startswith("_"))[:5])
print(D.__dict__["m"].__name__, type(D.__dict__).__name__, D.__dict__["cls_attr"])
try:
    D.__dict__["x"] = 1
except TypeError as e:
    print(e)
print(object.__sizeof__(object()), type(D().__sizeof__()).__name__)
print(D().__reduce_ex__(2)[0].__name__, D().__reduce_ex__(2)[1][0] is D, D().__getstate__())
print(object().__getstate__(), Sl().__getstate__())
s = Sl(); s.x = 1
print(s.__getstate__())
print(NotImplemented, Ellipsis, ..., None, type(None)(), type(...)(), type(NotImplemented)())
try:
    type(None)(1)
except TypeError as e:
    print(e)
print(repr(type(None)), repr(type(...)), repr(type(NotImplemented)), bool(None), hash(None))
print(issubclass(bool, int), isinstance(True, int), isinstance(1, (str, (list, int))), issubclass(int, (str, int)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(e)
class MetaI(type):
    def __instancecheck__(cls, inst): return inst == "yes"
    def __subclasscheck__(cls, sub): return sub is str
class I(metaclass=MetaI): pass
print(isinstance("yes", I), isinstance("no", I), issubclass(str, I), issubclass(int, I), isinstance(I(), I))
print(type.__instancecheck__(int, 1), type.__subclasscheck__(int, bool))
print(int | str, int | None, (int | str).__args__, isinstance(1, int | str), isinstance(None, int | None), issubclass(bool, str | int))
print(int | str == str | int, type(int | str).__name__, list[int] | None)
try:
    int | 1
except TypeError as e:
    print(e)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
