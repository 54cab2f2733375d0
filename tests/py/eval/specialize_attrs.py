# Specialised attribute access (LOAD_ATTR/STORE_ATTR) gives the same results as the generic path when types, dicts and modules change under a warmed-up site
import sys
import types


class A:
    kind = "A-class"

    def __init__(self, v):
        self.v = v

    def meth(self):
        return "A.meth %s" % self.v


class B(A):
    def meth(self):
        return "B.meth %s" % self.v


class C(A):
    pass


class D(A):
    pass


class E(A):
    pass


class Slot:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def read_v(o):
    return o.v


def call_meth(o):
    return o.meth()


def read_kind(o):
    return o.kind


def write_v(o, x):
    o.v = x


def read_a(o):
    return o.a


def write_b(o, x):
    o.b = x


def warm(fn, *args):
    for _ in range(200):
        fn(*args)


a = A(1)
warm(read_v, a)
print(read_v(a))
# Polymorphic site: subclasses share the attribute name.
objs = [A(1), B(2), C(3), D(4), E(5), A(6)]
print([read_v(o) for o in objs * 3])
print([call_meth(o) for o in objs])
# A method shadowed by an instance attribute after the site was specialised.
warm(call_meth, a)
a.meth = lambda: "instance lambda"
print(call_meth(a))
del a.meth
print(call_meth(a))
# The class gains a data descriptor that takes precedence over the instance dict.
warm(read_v, a)
b9 = B(9)
A.v = property(lambda self: "property wins")
print(read_v(a), read_v(b9))
del A.v
print(read_v(a))
# Class attribute read through instances, then shadowed, then changed on the class.
warm(read_kind, a)
print(read_kind(a))
a.kind = "instance kind"
print(read_kind(a))
del a.kind
A.kind = "changed"
print(read_kind(a), read_kind(B(0)))
# __class__ assignment moves the instance to another type.
warm(call_meth, a)
a.__class__ = B
print(call_meth(a))
# Missing attributes still raise AttributeError with the right message.
warm(read_v, a)
del a.v
try:
    read_v(a)
except AttributeError as e:
    print("AttributeError:", e)
# Stores: warmed up, then a property with a setter appears.
b = A(0)
warm(write_v, b, 5)
print(b.v)
log = []
A.v = property(lambda self: "got", lambda self, x: log.append(x))
write_v(b, 42)
print(log, b.__dict__)
del A.v
write_v(b, 43)
print(b.v)
# __slots__ members, including unset ones.
s = Slot(1)
warm(read_a, s)
print(read_a(s))
del s.a
try:
    read_a(s)
except AttributeError as e:
    print("AttributeError:", e)
warm(write_b, s, 3)
print(s.b)
# Module attributes: deleted, then provided by a module __getattr__.
m = types.ModuleType("m")
m.x = 10


def read_x(mod):
    return mod.x


warm(read_x, m)
print(read_x(m))
del m.x
try:
    read_x(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "from __getattr__ " + name
print(read_x(m))
print(read_x(sys) if hasattr(sys, "x") else "sys has no x")
# The same site on instances without a dict, on types and on builtins.
print([read_v(o) for o in [types.SimpleNamespace(v=1), A(2), types.SimpleNamespace(v=3)]])
print(read_kind(A), read_kind(B))
warm(lambda: [].append)
print([x.bit_length() for x in (1, 255, 1 << 40)])
