# Reused dict/list objects (free lists) and one-block instance __dicts__: contents, sizes, identity
import gc
import sys


def churn():
    # fill the free lists with dead dicts and lists of various shapes
    junk = [{'a': i, i: 'b'} for i in range(200)] + [[i] * (i % 7) for i in range(200)]
    junk.append({str(i): i for i in range(100)})
    del junk


churn()
d = {}
l = []
print(sys.getsizeof(d), sys.getsizeof(l), d, l, len(d), len(l))
print(sys.getsizeof({'x': 1}), sys.getsizeof([1, 2, 3]), sys.getsizeof([None] * 5))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(list(range(10))), sys.getsizeof(list()))
print(sys.getsizeof(dict.fromkeys('abcdefghij')), sys.getsizeof({i: i for i in range(20)}))
churn()
ds = [dict() for _ in range(100)]
ls = [list() for _ in range(100)]
print(len({id(x) for x in ds}), len({id(x) for x in ls}), all(not x for x in ds + ls))
for i, x in enumerate(ds):
    x[i] = i
for i, x in enumerate(ls):
    x.append(i)
print(sum(len(x) for x in ds), sum(x[0] for x in ls), ds[5], ls[7])
print(gc.is_tracked({}), gc.is_tracked({'a': []}), gc.is_tracked([]), gc.is_tracked({'a': 1}))
del ds, ls


class SubD(dict):
    pass


class SubL(list):
    pass


sd = [SubD(a=i) for i in range(50)]
sl = [SubL([i]) for i in range(50)]
del sd, sl
churn()
print(type({}).__name__, type([]).__name__, type(SubD()).__name__, type(SubL()).__name__)
print(gc.collect() >= 0)
print(gc.collect(0) >= 0, gc.collect(2) >= 0)
x = {'k': [1, 2]}
y = [x, x]
print(x, y, sys.getsizeof(x), sys.getsizeof(y))


class P:
    def __init__(self, i):
        self.a = i
        self.b = str(i)


ps = [P(i) for i in range(300)]
print(sum(p.a for p in ps), ps[17].b, sys.getsizeof(ps[3].__dict__) == sys.getsizeof(ps[4].__dict__))
dd = ps[10].__dict__
del ps
print(dd, len(dd))
dd['c'] = 3
dd[5] = 'five'
print(dd)
dd.clear()
print(dd)
q = P(1)
qd = q.__dict__
q.c = 2
print(qd, qd.popitem(), qd, q.__dict__ is qd)
q.__dict__ = {'z': 9}
print(q.z, qd)
r = P(2)
for i in range(40):
    setattr(r, 'n%d' % i, i)
print(len(vars(r)), r.n39, r.a)
del r.a
print('a' in vars(r), list(vars(r))[:3])
copies = [P(i).__dict__.copy() for i in range(5)]
print(copies)
gc.collect()
churn()
print([sorted(P(i).__dict__.items()) for i in range(3)])


class Cyc:
    def __init__(self):
        self.me = self
        self.d = {'self': self}
        self.l = [self]


for i in range(1000):
    Cyc()
print(gc.collect() > 0)
