# Generators: send/throw/close, yield from delegation and return values, PEP 479, states.
def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except KeyError as e:
        print("caught", repr(e))
        y = yield 3
    return y

g = gen()
print(next(g), g.send("a"), g.throw(KeyError("k")))
try:
    g.send("done")
except StopIteration as e:
    print("stop", e.value)

def sub():
    r = yield 'a'
    yield r
    return 'subret'
def deleg():
    v = yield from sub()
    print('deleg got', v)
    yield from [1, 2]
    return 'end'
d = deleg()
print(next(d), d.send('x'), next(d), next(d))
try:
    next(d)
except StopIteration as e:
    print(e.value)

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer(); next(c); c.close(); print(c.gi_frame)

def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore(); next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)

def ret_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'closed-value'
r = ret_on_exit(); next(r); print(r.close())

def stopper():
    yield 1
    raise StopIteration("bad")
try:
    list(stopper())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def running():
    yield gr.gi_running
gr = running()
print(next(gr), gr.gi_running)

def reenter():
    yield next(rr)
rr = reenter()
try:
    next(rr)
except ValueError as e:
    print(e)

s = gen()
print(s.gi_suspended, s.gi_frame is not None, s.gi_code.co_name, s.__name__, s.__qualname__)
next(s)
print(s.gi_suspended, s.gi_frame.f_lineno)
try:
    gen().send(5)
except TypeError as e:
    print(e)

def inner_throw():
    try:
        yield 1
    except ValueError:
        yield 'handled in inner'
def outer_throw():
    r = yield from inner_throw()
    yield r
o = outer_throw(); next(o)
print(o.throw(ValueError), o.gi_yieldfrom is not None)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)) if hasattr(itertools, 'islice') else None)
print(sum(x * x for x in range(10)), list(x for x in 'abc' if x != 'b'))
ge = (x for x in range(3))
print(ge.__name__, next(ge), list(ge))
def genexp_scope():
    y = 10
    return list(x + y for x in range(3))
print(genexp_scope())
print(repr(gen())[:24])
