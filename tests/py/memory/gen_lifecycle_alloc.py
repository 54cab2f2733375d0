# generator creation/destruction paths: argument binding into the generator frame, finalisation of suspended vs finished generators, weakrefs, gc counts and cycles
import gc
import sys
import weakref
import warnings

log = []

def simple(a, b):
    yield a
    yield b

def defaults(a, b=2, *rest, c=3, **kw):
    yield (a, b, rest, c, sorted(kw.items()))

def cleanup(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append('finally ' + tag)

print(list(simple(1, 2)))
print(list(simple(b=4, a=3)))
print(list(defaults(1)))
print(list(defaults(1, 5, 6, 7, c=8, z=9, y=10)))
print(list(defaults(*[1, 2], **{'c': 0})))

# binding errors raise before any generator exists
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'a': 2}), ((1,), {'q': 1})]:
    try:
        simple(*args, **kw)
    except TypeError as e:
        print('TypeError', e)
try:
    defaults()
except TypeError as e:
    print('TypeError', e)

# a suspended generator is closed (finally runs) when it dies; a finished or
# never-started one has nothing to run
g = cleanup('suspended'); next(g); del g
g = cleanup('finished'); list(g); del g
g = cleanup('unstarted'); del g
print(log)

# weakref callbacks see the generator die, in order, finished or not
dead = []
gens = [cleanup('w%d' % i) for i in range(3)]
next(gens[1])
refs = [weakref.ref(x, lambda r, i=i: dead.append(i)) for i, x in enumerate(gens)]
list(gens[2])
del gens[:]
print(dead, [r() for r in refs], log[-1])

# generators in reference cycles are collected, their finally clauses run once
gc.collect()
def selfref():
    me = yield 1
    try:
        yield me
    finally:
        log.append('cycle finally')
g = selfref(); next(g); g.send(g); del g
print('collected', gc.collect() > 0, log[-1], log.count('cycle finally'))

# a resurrecting close still leaves a consistent generator
keep = []
def resurrect():
    try:
        yield 1
    finally:
        keep.append(sys._getframe())
g = resurrect(); next(g); del g
print(len(keep), type(keep[0]).__name__)
keep.clear()

# gen-0 count: generators are counted while alive and uncounted when freed
gc.collect()
gc.disable()
base = gc.get_count()[0]
live = [simple(i, i) for i in range(50)]
grown = gc.get_count()[0] - base
del live
after = gc.get_count()[0] - base
# (the exact base differs with free lists off, as in sanitizer builds)
print('count grown', grown >= 50, 'dropped on free', grown - after)
gc.enable()

# many short-lived generators: state of every generator is independent
total = 0
for i in range(2000):
    total += sum(simple(i, -i)) + sum(x for x in (i, i + 1))
print(total)

# coroutines never awaited still warn; completed coroutines don't
async def coro(x):
    return x
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c = coro(1); del c
    c = coro(2)
    try:
        c.send(None)
    except StopIteration as e:
        print('returned', e.value)
    del c
    gc.collect()
print([str(x.message) for x in w])

# async generators created through calls with keyword arguments
async def agen(n, *, step=1):
    for i in range(0, n, step):
        yield i
async def drain():
    return [x async for x in agen(7, step=2)]
c = drain()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

print(gc.get_threshold())
