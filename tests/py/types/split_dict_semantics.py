# Key-sharing instance dicts behave like dicts: order, iteration, views, repr, equality, copies, deletion, clear, gc and odd keys
import copy
import gc
import sys
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
q = Point(3, 4)
q.z = 5
r = Point(0, 0)
del r.x
r.w = 9
r.x = 7
for o in (p, q, r):
    d = o.__dict__
    print(repr(d), list(d), list(d.values()), list(d.items()), len(d))
    print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
    print(sorted(vars(o)), 'x' in d, 'nope' in d, d.get('y'), d.get('nope', '-'))
print(p.__dict__ == {'x': 1, 'y': 2}, p.__dict__ == {'y': 2, 'x': 1}, p.__dict__ == q.__dict__)
print(Point(1, 2).__dict__ == p.__dict__, p.__dict__ != Point(1, 3).__dict__)
print(p.__dict__.keys() & {'x', 'q'}, p.__dict__.items() | {('k', 1)} >= {('x', 1)})
print(dict(p.__dict__), dict(r.__dict__), {**q.__dict__, 'x': 0})

# different insertion orders on one class still iterate in each instance's own order
class Bag:
    pass


b1 = Bag(); b1.a = 1; b1.b = 2; b1.c = 3
b2 = Bag(); b2.c = 1; b2.b = 2; b2.a = 3; b2.d = 4
b3 = Bag(); b3.d = 0; b3.a = 0
print(list(vars(b1)), list(vars(b2)), list(vars(b3)))
del b2.b
b2.b = 'again'
print(vars(b2), b1.__dict__ == {'c': 3, 'b': 2, 'a': 1})

# iteration guards
it = iter(b1.__dict__)
next(it)
b1.e = 5
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
it = iter(b1.__dict__)
print(next(it))
del b1.e
b1.f = 6
print(next(it), list(it))
it = reversed(b1.__dict__)
print(next(it))
b1.g = 1
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)

# copies share nothing mutable
c = copy.copy(p)
c.x = 100
dc = copy.deepcopy(q)
dc.z = [1]
print(vars(p), vars(c), vars(q), vars(dc))
cp = p.__dict__.copy()
cp['x'] = -1
cp['new'] = 1
print(vars(p), cp, type(cp).__name__)

# deletion, missing attributes, pop and popitem
o = Point(5, 6)
del o.x
try:
    o.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    o.__dict__['x']
except KeyError as e:
    print("KeyError:", e)
print(o.__dict__.pop('y'), o.__dict__.pop('y', 'dflt'), o.__dict__)
o.x = 1; o.y = 2; o.t = 3
print(o.__dict__.popitem(), o.__dict__.popitem(), o.__dict__, o.x)
o.__dict__.clear()
print(o.__dict__, hasattr(o, 'x'))
o.y = 'y'; o.x = 'x'
print(o.__dict__, o.x, o.y)
print(o.__dict__.setdefault('x', 0), o.__dict__.setdefault('s', 0), o.__dict__)

# non-str and str-subclass keys turn the dict into an ordinary one
class K(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        return str(self) == str(other)


w = Point(1, 2)
w.__dict__[K('x')] = 'via subclass'
print(w.x, w.__dict__)
w.__dict__[7] = 'seven'
w.__dict__[(1, 2)] = 'tuple'
w.extra = 1
print(w.__dict__, len(w.__dict__))
print(getattr(w, 'x'), w.__dict__.get(K('y')))

# many attributes (more than the shared keys hold) and many instances
class Wide:
    pass


objs = []
for i in range(40):
    ob = Wide()
    for j in range(i):
        setattr(ob, 'f%d' % j, j * i)
    objs.append(ob)
print([len(vars(ob)) for ob in objs[::7]], sum(getattr(objs[39], 'f%d' % j) for j in range(39)))
print(list(vars(objs[35]))[-3:], objs[20].f19, objs[39].f38)
many = [Point(i, -i) for i in range(2000)]
print(sum(m.x for m in many), sum(m.y for m in many), many[1234].__dict__)
for m in many[::2]:
    m.x, m.y = m.y, m.x
    m.tag = 't'
print(many[2].__dict__, many[3].__dict__)

# __dict__ replacement and deletion
rp = Point(1, 2)
old = rp.__dict__
rp.__dict__ = {'only': 1}
print(vars(rp), old, rp.only)
old['x'] = 10
print(old, hasattr(rp, 'x'))
try:
    rp.__dict__ = []
except TypeError as e:
    print("TypeError:", e)

# the collector sees values of instance dicts
class Node:
    def __init__(self):
        self.other = None
        self.payload = [1, 2, 3]


def make_cycle():
    n1, n2 = Node(), Node()
    n1.other, n2.other = n2, n1
    return weakref.ref(n1)


gc.collect()
ref = make_cycle()
print(ref() is not None)
gc.collect()
print(ref() is None)
n = Node()
n.__dict__['me'] = n.__dict__
ref = weakref.ref(n)
del n
gc.collect()
print(ref() is None)
print(gc.is_tracked(Point(1, 2).__dict__), gc.is_tracked(Node().__dict__))

# __class__ assignment keeps the attributes
class Point2:
    def __init__(self):
        self.y = 0


cls_obj = Point(8, 9)
cls_obj.__class__ = Point2
cls_obj.extra = 1
print(type(cls_obj).__name__, vars(cls_obj))
print(sys.getrefcount(Point) > 0)
