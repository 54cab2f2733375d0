# Freeing long chains of class instances (slots, dict, list/dict/tuple subclasses): no deep recursion, class refcounts intact
import gc
import sys


class J(list):
    pass


class Dd(dict):
    pass


class T(tuple):
    pass


class Slot:
    __slots__ = ('a',)


class Plain:
    pass


class Fin:
    __slots__ = ('a',)
    count = 0

    def __del__(self):
        Fin.count += 1


N = 200000
for cls in (J, Dd):
    before = sys.getrefcount(cls)
    x = cls()
    for i in range(N):
        y = cls()
        if cls is J:
            y.append(x)
        else:
            y['k'] = x
        x = y
    del x, y
    print(cls.__name__, sys.getrefcount(cls) - before)

before = sys.getrefcount(T)
x = ()
for i in range(N):
    x = T((x,))
del x
print('T', sys.getrefcount(T) - before)

for cls in (Slot, Plain, Fin):
    before = sys.getrefcount(cls)
    x = None
    for i in range(N):
        s = cls()
        s.a = x
        x = s
    del x, s
    print(cls.__name__, sys.getrefcount(cls) - before)
print('finalized', Fin.count)

# a chain that only the collector can free
x = Slot()
x.a = None
first = x
for i in range(N // 10):
    s = Slot()
    s.a = x
    x = s
first.a = x
del x, s, first
print('collected', gc.collect() >= N // 10)
