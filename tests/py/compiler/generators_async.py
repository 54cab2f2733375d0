# Checks generators (send/throw/close, yield from return values, PEP 479), generator expressions and coroutines driven by hand.
def g1():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y
g = g1()
print(next(g), g.send(5))
try:
    g.send("end")
except StopIteration as e:
    print("stop", e.value)
def g2():
    r = yield from g1()
    print("inner returned", r)
    yield "after"
g = g2()
print(next(g), g.send(3), g.send("fin"))
def g3():
    try:
        yield 1
    except KeyError:
        yield "caught"
    finally:
        print("g3 closing")
g = g3()
next(g)
print(g.throw(KeyError))
g.close()
def g4():
    raise StopIteration
    yield
try:
    next(g4())
except RuntimeError as e:
    print("RuntimeError", e)
gen = (x * x for x in range(4) if x)
print(list(gen), list(gen))
print(sum(x for x in range(10)), max((y for y in "abc"), key=ord))
def lazy():
    print("start")
    yield 1
l = lazy()
print("created")
print(next(l))
class Awaitable:
    def __await__(self):
        v = yield "suspended"
        return v
async def co():
    r = await Awaitable()
    return r + 1
c = co()
print(c.send(None))
try:
    c.send(41)
except StopIteration as e:
    print("coroutine result", e.value)
async def agen():
    for i in range(2):
        yield i
async def use_agen():
    out = []
    async for v in agen():
        out.append(v)
    out += [w async for w in agen()]
    return out
c = use_agen()
try:
    c.send(None)
except StopIteration as e:
    print("async for", e.value)
def g5():
    yield from range(3)
    return "r"
print(list(g5()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
print(g1.__code__.co_flags & 0x20 != 0, co.__code__.co_flags & 0x80 != 0, agen.__code__.co_flags & 0x200 != 0)
