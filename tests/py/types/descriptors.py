# Descriptor precedence (data vs non-data vs instance dict), properties, __set_name__, member/getset descriptors.
class Data:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return ("data", self.name, obj.__dict__.get(self.name))
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
    def __delete__(self, obj):
        print("delete", self.name)

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class A:
    d = Data()
    n = NonData()

a = A()
a.d = 5
print(a.d, a.__dict__)
a.__dict__["d"] = "shadow?"
print(a.d)
print(a.n, A.n)
a.n = "instance wins"
print(a.n)
del a.d
print(type(A.d).__name__, A.__dict__["d"].name)

class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print("deleting x")
    @property
    def ro(self): return "ro"
    wo = property(None, lambda self, v: print("wo set", v))

p = P()
p.x = 10
print(p.x, P.x.__doc__, P.x.fget.__name__, P.ro.fset, P.x.__name__)
del p.x
try:
    p.ro = 1
except AttributeError as e:
    print(e)
try:
    del p.ro
except AttributeError as e:
    print(e)
try:
    p.wo
except AttributeError as e:
    print(e)
p.wo = 3
print(isinstance(P.x, property), P.ro.__isabstractmethod__)

class Q:
    __slots__ = ("a",)
try:
    Q().a
except AttributeError as e:
    print(e)
print(type(Q.a).__name__, Q.a.__name__, Q.a.__objclass__)
try:
    Q.a.__get__(1)
except TypeError as e:
    print(e)
print(type(int.real).__name__, int.real.__get__(5), type(list.append).__name__, type(int.__add__).__name__)
print(type((1).__add__).__name__, (1).__add__(2), int.__add__(1, 2))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    list.append(1, 2)
except TypeError as e:
    print(e)
try:
    list.append()
except TypeError as e:
    print(e)
print(list.append.__qualname__, int.__add__.__qualname__, repr(list.append), repr(int.__add__))
print(repr(int.real), repr(dict.fromkeys)[:35], dict.__dict__["fromkeys"])
print(str.__dict__["maketrans"].__class__.__name__, int.__dict__["from_bytes"])

class Meta(type):
    attr = "meta attr"
    @property
    def prop(cls): return "meta prop " + cls.__name__
class M(metaclass=Meta):
    pass
print(M.attr, M.prop)
try:
    M().attr
except AttributeError as e:
    print(e)

class Getattr:
    def __getattr__(self, name):
        return "missing:" + name
g = Getattr()
g.real = 1
print(g.real, g.other)

class GA:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
    x = 3
print(GA().x, GA().secret, GA().zz)
