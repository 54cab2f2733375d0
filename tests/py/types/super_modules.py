# super() in diamonds, classmethods and properties; module objects (getattr hook, repr, errors); SimpleNamespace; GenericAlias.
class Base:
    def hello(self): return ["Base"]
    @classmethod
    def make(cls): return ("Base.make", cls.__name__)
    @property
    def p(self): return "Base.p"
class L(Base):
    def hello(self): return ["L"] + super().hello()
    @classmethod
    def make(cls): return ("L",) + super().make()
class R(Base):
    def hello(self): return ["R"] + super().hello()
    @property
    def p(self): return "R.p>" + super().p
class D(L, R):
    def hello(self): return ["D"] + super().hello()
print(D().hello(), D.make(), D().p)
print(super(L, D()).hello(), super(D, D).make(), super(R, D()).p)
s = super(D, D())
print(repr(s).startswith("<super: <class 'D'>, <D object>>"), repr(super(D)), s.__thisclass__.__name__, s.__self_class__.__name__)
try:
    super(D, 1)
except TypeError as e:
    print(e)
try:
    super(1, 1)
except TypeError as e:
    print(e)
try:
    super(D, D()).nothing
except AttributeError as e:
    print(e)
class WithInit(Base):
    def __init__(self, v):
        super().__init__()
        self.v = v
print(WithInit(3).v)
class SetAttr:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
sa = SetAttr(); sa.x = 2
print(sa.x)

import types, sys
m = types.ModuleType("mymod", "my doc")
print(m, m.__name__, m.__doc__, sorted(m.__dict__))
m.__getattr__ = lambda name: "lazy " + name
print(m.anything)
del m.__getattr__
try:
    m.missing
except AttributeError as e:
    print(e)
m2 = types.ModuleType("withfile"); m2.__file__ = "/x/y.py"
import gc
print(m2, gc)
try:
    types.ModuleType()
except TypeError as e:
    print(e)
try:
    types.ModuleType(1)
except TypeError as e:
    print(e)
m.__dir__ = lambda: ["z", "a"]
print(dir(m))
print(type(m).__name__, isinstance(sys, types.ModuleType), sys.__name__)
class MyMod(types.ModuleType):
    def hi(self): return "hi " + self.__name__
mm = MyMod("sub")
print(mm.hi(), mm)

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="two", c=[3]), ns != ns)
del ns.a
print(ns, vars(ns))
try:
    types.SimpleNamespace(1, 2)
except TypeError as e:
    print(e)
print(types.SimpleNamespace({"k": 1}, j=2))

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], list[int](range(3)), list[int] == list[int], list[int] == list[str])
print(list[int].__origin__ is list, list[int].__args__, list[int].__parameters__, type(list[int]) is types.GenericAlias)
print(types.GenericAlias(list, int), hash(list[int]) == hash(list[int]), list[int].append is list.append)
try:
    list[int][str]
except TypeError as e:
    print(e)
print(int | list[str], (int | str | None).__args__)
