# gc.collect() return counts for common cycles (lists, dicts, instances with and without __dict__, __del__, classes, generators)
import gc
gc.disable()  # only explicit collections: the counts must not depend on timing
gc.collect()
a = []; a.append(a); del a
print('list', gc.collect())
class A: pass
a = A(); a.self = a; del a
print('inst', gc.collect())
a = A(); a.__dict__; a.self = a; del a
print('inst-dict-materialized', gc.collect())
a = A(); b = A(); a.b = b; b.a = a; del a, b
print('pair', gc.collect())
class S:
    __slots__ = ('x', '__weakref__')
s = S(); s.x = s; del s
print('slots', gc.collect())
d = {}; d['d'] = d; del d
print('dict', gc.collect())
def f(): pass
f.self = f; del f
print('func', gc.collect())
class B:
    def __del__(self): pass
b = B(); b.self = b; del b
print('del', gc.collect())
l = [1]; t = (l,); l.append(t); del l, t
print('tuple', gc.collect())
class C: pass
C.me = C; del C
print('class', gc.collect())
def gen():
    yield 1
g = gen(); g.gi_frame.f_locals; l = [g]; l.append(l); del g, l
print('gen', gc.collect())
class A: pass
gc.collect()
a = A(); a.__dict__ = {}; a.self = a; del a
print('assigned dict', gc.collect())
a = A()
for i in range(40): setattr(a, 'x%d' % i, i)
a.self = a; del a
print('many attrs', gc.collect())
a = A(); d = a.__dict__; a.self = a; del a, d
print('dict held', gc.collect())
a = A()
a.self = a; vars(a)['y'] = 1; del a
print('vars set', gc.collect())
class E(Exception): pass
e = E(); e.self = e; del e
print('exc', gc.collect())
class L(list): pass
l = L(); l.append(l); del l
print('list subclass', gc.collect())
l = L(); l.x = l; del l
print('list subclass attr', gc.collect())

# the counts reported to gc.callbacks and gc.get_stats agree with collect()
seen = []
def cb(phase, info):
    seen.append((phase, info['generation'], info['collected'], info['uncollectable']))
gc.callbacks.append(cb)
a = A(); b = A(); a.b = b; b.a = a; del a, b
n = gc.collect()
gc.callbacks.remove(cb)
print(n, seen)
before = gc.get_stats()[2]['collected']
a = []; a.append(a); del a
gc.collect()
print(gc.get_stats()[2]['collected'] - before)
print(gc.collect(), gc.collect(0), gc.collect(1))
