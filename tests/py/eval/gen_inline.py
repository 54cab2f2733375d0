# Generators resumed inside the eval loop (for loops, yield from, await): results, errors, frames.
import sys
def g(n):
    for i in range(n):
        yield i
    return 'done'
print([x for x in g(3)], list(g(0)))
def raiser():
    yield 1
    raise KeyError('in gen')
try:
    for v in raiser():
        print('got', v)
except KeyError as e:
    print('caught', repr(e))
def tb_names(e):
    out = []
    tb = e.__traceback__
    while tb:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out
try:
    for v in raiser():
        pass
except KeyError as e:
    print(tb_names(e))
def back():
    yield sys._getframe().f_back.f_code.co_name
def consumer():
    for name in back():
        return name
print(consumer())
def outer():
    r = yield from g(2)
    print('sub returned', r)
    yield 'tail'
print(list(outer()))
def deep(n):
    if n == 0:
        yield 'leaf'
        return
    yield from deep(n - 1)
print(list(deep(100)))
try:
    list(deep(5000))
except RecursionError as e:
    print('RecursionError', e)
def running():
    yield gen_obj.gi_running
    yield gen_obj.gi_frame.f_back is not None
gen_obj = running()
print([x for x in gen_obj], gen_obj.gi_frame)
def reentrant():
    for x in it2:
        yield x
it2 = reentrant()
try:
    next(it2)
except ValueError as e:
    print(e)
def exc_state():
    try:
        raise ValueError('outer')
    except ValueError:
        for x in inner_exc():
            print('in loop', sys.exc_info()[1])
        print('after loop', sys.exc_info()[1])
def inner_exc():
    print('gen sees', sys.exc_info()[1])
    try:
        raise TypeError('inner')
    except TypeError:
        yield 1
    print('gen after', sys.exc_info()[1])
exc_state()
def closing():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for x in closing():
    print(x)
    break
print('loop broken')
def stop_gen():
    yield 1
    raise StopIteration
try:
    for x in stop_gen():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
async def coro_inner():
    return 7
async def coro_outer():
    a = await coro_inner()
    b = await coro_inner()
    return a + b
c = coro_outer()
try:
    c.send(None)
except StopIteration as e:
    print('coro result', e.value)
