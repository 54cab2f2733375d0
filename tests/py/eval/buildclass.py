# __build_class__: metaclasses, __prepare__, __mro_entries__, __orig_bases__, __classcell__, super().
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self):
        return __class__
print(A.injected, A().m() is A, type(A).__name__)
class B(A):
    def m(self):
        return super().m(), __class__
print(B().m()[1] is B)
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(e)
class E:
    def __mro_entries__(self, bases):
        return (dict,)
class D(E()):
    pass
print(D.__bases__, type(D.__orig_bases__[0]).__name__, issubclass(D, dict))
class P:
    @classmethod
    def __prepare__(cls, name, bases, **kw):
        return 1
try:
    class Q(metaclass=P): pass
except TypeError as e:
    print(e)
try:
    __build_class__()
except TypeError as e:
    print(e)
try:
    __build_class__(1, "x")
except TypeError as e:
    print(e)
try:
    __build_class__(lambda: 0, 1)
except TypeError as e:
    print(e)
class MM(type):
    def __new__(m, n, b, ns):
        return type.__new__(m, n, b, {})
try:
    class R(metaclass=MM):
        def f(self):
            return __class__
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Sub(Base, tag=1):
    pass
def make(name):
    class Local:
        pass
    Local.__name__ = name
    return Local
L = make("Renamed")
print(L.__name__, L.__qualname__)
class WithDoc:
    "class doc"
    attr: int = 3
print(WithDoc.__doc__, WithDoc.__annotations__, WithDoc.__module__, WithDoc.__qualname__)
class SuperChain:
    def who(self): return ['SuperChain']
class S1(SuperChain):
    def who(self): return ['S1'] + super().who()
class S2(SuperChain):
    def who(self): return ['S2'] + super().who()
class S3(S1, S2):
    def who(self): return ['S3'] + super().who()
print(S3().who(), [c.__name__ for c in S3.__mro__])
class Cls:
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(type(Cls.make()).__name__)
def nosuper():
    try:
        super()
    except RuntimeError as e:
        print(e)
nosuper()
class Outer:
    class Inner:
        def q(self): return __class__.__qualname__
print(Outer.Inner().q())
