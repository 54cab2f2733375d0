# Checks abc (ABC/ABCMeta, abstract decorators, register, cache helpers, update_abstractmethods) and numbers tower.
import abc, numbers, fractions, decimal
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    @classmethod
    @abc.abstractmethod
    def c(cls): ...
    @staticmethod
    @abc.abstractmethod
    def s(): ...
print(sorted(Base.__abstractmethods__), tryit(Base))
class Half(Base):
    def f(self): return 1
print(tryit(Half))
class Full(Half):
    p = 3
    @classmethod
    def c(cls): return "c"
    @staticmethod
    def s(): return "s"
print(Full().f(), Full().p, Full.c(), Full.s(), Full.__abstractmethods__, isinstance(Full(), Base))
class One(abc.ABC):
    @abc.abstractmethod
    def only(self): ...
print(tryit(One))
print(type(abc.ABC), abc.ABC.__slots__, abc.ABCMeta.__name__, Base.f.__isabstractmethod__, getattr(Full.f, "__isabstractmethod__", False))
class Meta(metaclass=abc.ABCMeta): pass
class Other: pass
print(Meta.register(Other) is Other, issubclass(Other, Meta), isinstance(Other(), Meta), issubclass(Meta, Other))
print(tryit(lambda: Meta.register(3)))
class Sub(Meta): pass
print(tryit(lambda: Sub.register(Meta)))
tok = abc.get_cache_token(); Meta.register(int); print(abc.get_cache_token() != tok, issubclass(int, Meta), issubclass(bool, Meta))
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "quack") else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hook), isinstance(1, Hook), issubclass(Hook, Hook))
class Hook2(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return False
Hook2.register(str); print(issubclass(str, Hook2))
print(tryit(lambda: issubclass(1, Meta)), tryit(lambda: isinstance(1, abc.ABC)))
class Later(abc.ABC):
    def m(self): ...
Later.m = abc.abstractmethod(Later.m)
print(sorted(Later.__abstractmethods__), sorted(abc.update_abstractmethods(Later).__abstractmethods__), tryit(Later))
print(abc.update_abstractmethods(int) is int)
print(abc.abstractproperty.__name__, abc.abstractclassmethod.__name__, abc.abstractstaticmethod.__name__)
class Old(abc.ABC):
    @abc.abstractproperty
    def q(self): ...
print(sorted(Old.__abstractmethods__))
Meta._abc_registry_clear()
Meta._abc_caches_clear(); print(len(Meta._abc_registry_dump()[0]) if hasattr(Meta, "_abc_registry_dump") else "")
# numbers
N = numbers
for v in (1, True, 1.5, 1j, fractions.Fraction(1, 3), decimal.Decimal("1.1"), "1"):
    print(type(v).__name__, [c.__name__ for c in (N.Number, N.Complex, N.Real, N.Rational, N.Integral) if isinstance(v, c)])
print(sorted(N.__all__), N.Complex.__abstractmethods__ >= {"__add__", "real", "imag"}, sorted(N.Integral.__abstractmethods__)[:5])
print(type(N.Number()).__name__, N.Number.__hash__, N.Integral.__index__(5) if False else "")
class MyInt(N.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __abs__(self): return MyInt(abs(self.v))
    def __add__(s, o): return MyInt(s.v + int(o))
    __radd__ = __add__
    def __and__(s, o): return s.v & o
    __rand__ = __and__
    def __ceil__(s): return s.v
    def __eq__(s, o): return s.v == int(o)
    def __floor__(s): return s.v
    def __floordiv__(s, o): return s.v // o
    def __rfloordiv__(s, o): return o // s.v
    def __invert__(s): return ~s.v
    def __le__(s, o): return s.v <= o
    def __lshift__(s, o): return s.v << o
    def __rlshift__(s, o): return o << s.v
    def __lt__(s, o): return s.v < o
    def __mod__(s, o): return s.v % o
    def __rmod__(s, o): return o % s.v
    def __mul__(s, o): return s.v * o
    __rmul__ = __mul__
    def __neg__(s): return -s.v
    def __or__(s, o): return s.v | o
    __ror__ = __or__
    def __pos__(s): return s.v
    def __pow__(s, o, m=None): return pow(s.v, o, m)
    def __rpow__(s, o): return o ** s.v
    def __rshift__(s, o): return s.v >> o
    def __rrshift__(s, o): return o >> s.v
    def __round__(s, n=None): return s.v
    def __rtruediv__(s, o): return o / s.v
    def __truediv__(s, o): return s.v / o
    def __trunc__(s): return s.v
    def __xor__(s, o): return s.v ^ o
    __rxor__ = __xor__
    def __hash__(self): return hash(self.v)
m = MyInt(7)
print(m.__index__(), float(m), complex(m), m.real.v if isinstance(m.real, MyInt) else m.real, m.imag, m.numerator.v if isinstance(m.numerator, MyInt) else m.numerator, m.denominator, m.conjugate().v if isinstance(m.conjugate(), MyInt) else m.conjugate())
print(divmod(m, 2) if hasattr(m, "__divmod__") else "", isinstance(m, N.Rational), [1, 2, 3, 4, 5, 6, 7, 8][m])
N.Integral.register(type("X", (), {})); print(issubclass(int, N.Integral), issubclass(float, N.Rational), issubclass(complex, N.Real), issubclass(bool, N.Number))
