# Key-sharing instance dicts: sys.getsizeof of __dict__ as attributes are added/deleted, across many instances, copies, clears and un-sharing
import sys
gs = sys.getsizeof


def make_class(nattrs):
    src = "class C:\n    def __init__(self):\n        pass\n"
    src += "".join(f"        self.a{i} = {i}\n" for i in range(nattrs))
    ns = {}
    exec(src, ns)
    return ns['C']


# the shared keys give one free place back per instance created
for n in range(0, 33):
    C = make_class(n)
    sizes = [gs(C().__dict__) for _ in range(4)]
    print("init attrs", n, gs(C()), sizes)


class Grow:
    pass


row = []
keep = []
for n in range(35):
    o = Grow()
    for m in range(n):
        setattr(o, 'a%d' % m, m)
    keep.append(o)
    row.append(gs(o.__dict__))
print("growing", row)
print("earlier instances now", [gs(o.__dict__) for o in keep[:3]], gs(keep[-1].__dict__))


class P:
    def __init__(self):
        self.x = 1
        self.y = 2


a = P()
print("P", gs(a.__dict__), a.__dict__)
b = P(); b.z = 3
print("extra attr", gs(b.__dict__), gs(a.__dict__), b.__dict__)
c = P(); c.__dict__[5] = 1
print("int key", gs(c.__dict__), gs(a.__dict__), c.__dict__)
d = P()
print("new after int key", gs(d.__dict__))
del d.x
print("del", gs(d.__dict__), d.__dict__)
d.x = 5
print("re-add", gs(d.__dict__), d.__dict__)
e = P()
print("copies", gs(e.__dict__.copy()), gs(dict(e.__dict__)), gs(vars(e)), gs(e.__dict__ | {}), gs({} | e.__dict__))
print("fromkeys", gs(dict.fromkeys(e.__dict__)), gs(dict.fromkeys(e.__dict__.keys())))
e.__dict__.clear()
print("clear own", gs(e.__dict__), e.__dict__)
e.q = 1
print("after clear", gs(e.__dict__), e.__dict__)
cp = P().__dict__.copy()
cp.clear()
print("clear copy", gs(cp))
f = P()
print("popitem", f.__dict__.popitem(), gs(f.__dict__))
g = P()
g.__dict__.update({'m': 1, 'n': 2})
print("update", gs(g.__dict__), g.__dict__)
g.__dict__ |= {'o': 3}
print("ior", gs(g.__dict__))
h = P()
h.__dict__.setdefault('k', 3)
print("setdefault", gs(h.__dict__), h.__dict__)
h.__dict__.pop('x')
print("pop", gs(h.__dict__), h.__dict__)
i = P()
i.__dict__ = {'a': 1}
print("assigned", gs(i.__dict__))
i.b = 2
print("assigned+attr", gs(i.__dict__))


class S(str):
    pass


j = P(); j.__dict__[S('w')] = 1
print("str subclass key", gs(j.__dict__))
k = P(); k.__dict__.clear(); k.__dict__[1] = 2
print("clear then int key", gs(k.__dict__))
m = P()
for key in list(m.__dict__):
    del m.__dict__[key]
print("emptied", gs(m.__dict__), m.__dict__)
n = P(); dd = n.__dict__; del n
print("outlives instance", gs(dd), dd)
dd['z'] = 1
print(gs(dd), dd)
dd.clear()
print("detached clear", gs(dd))


class Sl:
    __slots__ = ('p', '__dict__')


s = Sl()
print("slots+dict", gs(s.__dict__))
s.x = 1
for _ in range(5):
    Sl()
s2 = Sl(); s2.y = 1
print("slots+dict later", gs(s.__dict__), gs(s2.__dict__))
s.__dict__.clear()
print("slots clear", gs(s.__dict__))


class I(int):
    pass


class L(list):
    pass


class E(Exception):
    pass


ii = I(5); ii.x = 1
ll = L(); ll.x = 1
ee = E(); ee.x = 1
print("builtin subclasses", gs(ii.__dict__), gs(I(3).__dict__), gs(ll.__dict__), gs(ee.__dict__))


class Sub(P):
    pass


sa = Sub()
print("subclass has own keys", gs(sa.__dict__), gs(P().__dict__))


def fn():
    pass


fn.x = 1
print("function and module dicts", gs(fn.__dict__), gs(sys.modules[__name__].__dict__) > 0)


class B:
    __slots__ = ("a", "b")


class D(B):
    pass


class F(D):
    __slots__ = ()


print("type sizes", gs(P), gs(Grow), gs(B), gs(D), gs(F), gs(Sl), gs(I), gs(E), type.__sizeof__(int))
print("plain dicts", gs({}), gs({'a': 1}), gs(dict(a=1, b=2, c=3)), gs({i: i for i in range(20)}))
