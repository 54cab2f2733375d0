# Coroutines, async generators, async with/for, driven by a tiny event loop written in Python.
import types

@types.coroutine
def sleep0(tag):
    got = yield tag
    return got

class Loop:
    def __init__(self):
        self.log = []
    def run(self, coro):
        value = None
        while True:
            try:
                tag = coro.send(value)
            except StopIteration as e:
                return e.value
            self.log.append(tag)
            value = tag * 2 if isinstance(tag, int) else tag

async def add(a, b):
    x = await sleep0(a)
    y = await sleep0(b)
    return x + y

async def main():
    r = await add(1, 2)
    return r * 10

loop = Loop()
print(loop.run(main()), loop.log)

class ACM:
    async def __aenter__(self):
        print("enter")
        await sleep0(100)
        return self
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True

async def use_cm():
    async with ACM() as cm:
        print("inside", type(cm).__name__)
        raise ValueError("swallowed")
    return "after"
print(Loop().run(use_cm()))

async def agen(n):
    for i in range(n):
        await sleep0(i)
        yield i * i

async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    out2 = [v async for v in agen(3)]
    return out, out2
print(Loop().run(consume()))

async def agen_close():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def partial():
    g = agen_close()
    v = await g.__anext__()
    await g.aclose()
    return v
print(Loop().run(partial()))

async def raiser():
    await sleep0(1)
    raise KeyError("boom")
async def catcher():
    try:
        await raiser()
    except KeyError as e:
        return "caught " + repr(e)
print(Loop().run(catcher()))

async def simple():
    return 5
c = simple()
print(repr(c)[:25], c.cr_running, c.cr_frame is not None, c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def bad_await():
    await 1
try:
    bad_await().send(None)
except TypeError as e:
    print(e)

async def bad_for():
    async for x in 1:
        pass
try:
    bad_for().send(None)
except TypeError as e:
    print(e)

async def bad_with():
    async with 1:
        pass
try:
    bad_with().send(None)
except TypeError as e:
    print(e)

class Awaitable:
    def __await__(self):
        v = yield 'custom'
        return v
async def use_awaitable():
    return await Awaitable()
co = use_awaitable()
print(co.send(None), end=' ')
try:
    co.send('result')
except StopIteration as e:
    print(e.value)

async def ag2():
    yield 1
a = ag2()
print(type(a).__name__, type(a.__aiter__()).__name__, a.__aiter__() is a)
