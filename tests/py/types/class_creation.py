# Class creation: metaclasses (__prepare__, __new__, __call__), __init_subclass__, __class_getitem__, type(), errors.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)

class A(metaclass=Meta, flag=True):
    def f(self): pass
print(A.injected, type(A), type(A()).__name__)

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subs.append(cls.__name__)
class C1(Base, tag="one"): pass
class C2(C1): pass
print(Base.subs, C1.tag, C2.tag)
try:
    class Bad(Base, nope=1): pass
except TypeError as e:
    print(e)

class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G[int, str])
print(list[int], dict[str, int], type(list[int]).__name__, list[int].__origin__, list[int].__args__)

X = type("X", (object,), {"a": 1, "f": lambda self: self.a + 1})
print(X, X().f(), X.__name__, X.__qualname__, X.__module__, type(X))
for args in [(1, 2), ("n", (1,), {}), ("n", (), 1), (), ("a", "b", "c", "d")]:
    try:
        type(*args)
    except TypeError as e:
        print(e)

class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2): pass
except TypeError as e:
    print(e)
class M3(M1, M2): pass
class Both(A1, A2, metaclass=M3): pass
print(type(Both).__name__)

try:
    class Bad(int, str): pass
except TypeError as e:
    print(e)
try:
    class Bad(type(None)): pass
except TypeError as e:
    print(e)
try:
    class Bad(bool): pass
except TypeError as e:
    print(e)

class O: pass
class P1(O): pass
class P2(O): pass
class D(P1, P2): pass
print([k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class Bad(O, P1): pass
except TypeError as e:
    print(e)
try:
    class Bad(O, O): pass
except TypeError as e:
    print(e)
print(D.__bases__, D.__base__, O.__subclasses__())

class Doc:
    "docstring here"
print(Doc.__doc__, O.__doc__, "__doc__" in O.__dict__)
class Q:
    class Inner:
        pass
print(Q.Inner.__qualname__, Q.Inner.__name__, repr(Q.Inner))
Q.Inner.__name__ = "Renamed"
print(Q.Inner.__name__, repr(Q.Inner))
try:
    Q.__name__ = 5
except TypeError as e:
    print(e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
try:
    del O.nothing
except AttributeError as e:
    print(e)

class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print("init", args)
WithNew(1, 2)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NewReturnsOther())
print(type(WithNew.__dict__["__new__"]).__name__)

class Nothing: pass
for f in [lambda: Nothing(1), lambda: object(1), lambda: object.__new__(Nothing, 1), lambda: object.__init__(Nothing(), 1), lambda: object.__new__(int), lambda: int.__new__(Nothing)]:
    try:
        f()
    except TypeError as e:
        print(e)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
print(hasattr(s, "__dict__"), Slotted.__slots__)
for body in ["__slots__ = (1,)", "__slots__ = ('a b',)", "__slots__ = ('x',)\n    x = 1", "__slots__ = ('__dict__', '__dict__')"]:
    try:
        exec("class T:\n    " + body)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class SD:
    __slots__ = ("__dict__", "v")
sd = SD()
sd.v = 1
sd.other = 2
print(sd.__dict__, sd.v)
