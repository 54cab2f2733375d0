# Checks unittest.mock 3.13 pieces: ThreadingMock waits, InvalidSpecError, AsyncMock await assertions, seal, create_autospec and mock_open iteration.
import asyncio
import re
import threading
import time
from unittest import mock
from unittest.mock import (AsyncMock, MagicMock, Mock, ThreadingMock, call,
                           create_autospec, mock_open, seal, InvalidSpecError)


def clean(s):
    s = re.sub(r"id='\d+'", "id=?", str(s))
    return re.sub(r" at 0x[0-9a-fA-F]+", "", s)


def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except BaseException as e:
        print("  ", type(e).__name__ + ":", clean(e))
    else:
        print("  ok", clean(r) if not isinstance(r, Mock) else type(r).__name__)


print("== ThreadingMock")
print(ThreadingMock.DEFAULT_TIMEOUT, issubclass(ThreadingMock, MagicMock),
      [c.__name__ for c in ThreadingMock.__mro__[1:4]])
tm = ThreadingMock()
print(type(tm.child).__name__, type(tm.return_value).__name__)

def worker():
    time.sleep(0.05)
    tm.method(1, key="v")
    tm(3)

t = threading.Thread(target=worker)
t.start()
tm.method.wait_until_called()
tm.method.wait_until_any_call_with(1, key="v")
tm.wait_until_called(timeout=5)
t.join()
print(tm.method.call_args, tm.call_count)
tm2 = ThreadingMock(timeout=0.01)
print("timeout attr", tm2._mock_wait_timeout, tm2.child._mock_wait_timeout)
err(tm2.wait_until_called)
err(tm2.wait_until_any_call_with, 1, 2, a=3)
tm2(1)
err(tm2.wait_until_any_call_with, 2)
err(tm2.wait_until_any_call_with, 1)
tm3 = ThreadingMock(timeout=None)
tm3()
tm3.wait_until_called()
print("reset")
tm3.reset_mock()
err(tm3.wait_until_called, timeout=0.01)
orig = ThreadingMock.DEFAULT_TIMEOUT
ThreadingMock.DEFAULT_TIMEOUT = 0.02
err(ThreadingMock().wait_until_called)
ThreadingMock.DEFAULT_TIMEOUT = orig
p = mock.patch("time.monotonic_ns", new_callable=ThreadingMock)
m = p.start()
print(type(m).__name__)
p.stop()

print("== InvalidSpecError")
print(InvalidSpecError.__mro__[1].__name__)
err(Mock, spec=Mock())
err(Mock, spec_set=MagicMock())
err(create_autospec, Mock())
err(mock.patch, "os.getcwd", spec=Mock())
err(lambda: mock.patch("os.getcwd", spec=Mock()).start())
class Holder:
    attr = 1
err(lambda: mock.patch.object(Holder, "attr", autospec=Mock()).start())
err(lambda: mock.patch.object(mock, "sentinel", spec_set=Mock()).start())
mock.patch.stopall()

print("== AsyncMock")
am = AsyncMock(return_value=5)
print(type(am.attr).__name__, type(am.return_value).__name__ if False else am.return_value)
err(am.assert_awaited)
err(am.assert_not_awaited)
async def main():
    r = await am(1, 2)
    await am(3, k=4)
    return r
print(asyncio.run(main()))
print(am.await_count, am.await_args, am.await_args_list, am.call_count)
err(am.assert_awaited)
err(am.assert_awaited_once)
err(am.assert_awaited_with, 3, k=4)
err(am.assert_awaited_with, 1)
err(am.assert_awaited_once_with, 3, k=4)
err(am.assert_any_await, 1, 2)
err(am.assert_any_await, 9)
err(am.assert_has_awaits, [call(1, 2), call(3, k=4)])
err(am.assert_has_awaits, [call(3, k=4), call(1, 2)], any_order=True)
err(am.assert_has_awaits, [call(3, k=4), call(1, 2)])
err(am.assert_not_awaited)
coro = am(7)
print("called not awaited", am.call_count, am.await_count)
coro.close()
am.reset_mock()
print(am.await_count, am.await_args, am.await_args_list)

async def side(x):
    return x * 2
am2 = AsyncMock(side_effect=side)
print(asyncio.run(am2(21)))
am3 = AsyncMock(side_effect=[1, ValueError("bad"), 3])
async def drive():
    out = [await am3()]
    try:
        await am3()
    except ValueError as e:
        out.append(str(e))
    out.append(await am3())
    try:
        await am3()
    except StopAsyncIteration as e:
        out.append(type(e).__name__)
    return out
print(asyncio.run(drive()))
am4 = AsyncMock(side_effect=KeyError("k"))
try:
    asyncio.run(am4())
except KeyError as e:
    print("KeyError", e)
print(asyncio.iscoroutinefunction(AsyncMock()), asyncio.iscoroutinefunction(Mock()))
mm = MagicMock()
async def use_magic():
    async with mm as v:
        pass
    mm.__aiter__.return_value = [1, 2]
    return v, [x async for x in mm]
res = asyncio.run(use_magic())
print(type(res[0]).__name__, res[1], type(mm.__aenter__).__name__, mm.__aenter__.await_count)

class WithAsync:
    async def fetch(self, x):
        return x
    def plain(self):
        pass
spec_m = MagicMock(spec=WithAsync)
print(type(spec_m.fetch).__name__, type(spec_m.plain).__name__)
auto = create_autospec(WithAsync)
print(type(auto.fetch).__name__, type(auto().fetch).__name__)

print("== seal")
s = Mock()
s.child.grand.return_value = 3
s.attr = 1
seal(s)
print(s.child.grand(), s.attr)
err(lambda: s.nope)
err(lambda: s.child.nope)
err(lambda: s.child.grand.nope)
s2 = MagicMock(name="named")
seal(s2)
err(lambda: s2.missing)
err(lambda: s2.missing2())
s3 = Mock()
s3.new_attr = Mock()
seal(s3)
err(lambda: s3.new_attr.x)

print("== create_autospec")
def func(a, b, *, c=1):
    return a
f = create_autospec(func, return_value=9)
print(f(1, 2, c=3))
err(f, 1)
err(f, 1, 2, 3)
f.assert_called_once_with(1, 2, c=3)
f.assert_called_once_with(a=1, b=2, c=3)
err(f.assert_called_with, 5, 6)
class Thing:
    x = 1
    def meth(self, y):
        return y
    @classmethod
    def cm(cls, z):
        pass
    @staticmethod
    def sm(w):
        pass
    @property
    def prop(self):
        return 1
T = create_autospec(Thing)
inst = T()
print(type(T).__name__, type(inst).__name__, type(inst.meth).__name__)
inst.meth(1)
err(inst.meth)
err(inst.meth, 1, 2)
err(T.cm)
T.cm(1)
T.sm(1)
err(lambda: T.nope)
err(lambda: inst.nope)
print(type(inst.x).__name__, type(T.prop).__name__)
i2 = create_autospec(Thing, instance=True)
err(i2)
i2.meth(3)
i2.meth.assert_called_with(3)
err(create_autospec, Thing, spec_set=True, nope=1)
ss = create_autospec(Thing, spec_set=True)
err(setattr, ss, "unknown", 1)
err(create_autospec, func, unsafe=False, assret=1)
print(clean(create_autospec(3)), type(create_autospec(3)).__name__)
lst = create_autospec([1, 2])
print(type(lst).__name__)
err(lst.append, 1)
err(lambda: lst.nope)
err(create_autospec, 1, instance=True, _name="x")

print("== mock_open")
m = mock_open(read_data="a\nb\nc\n")
with mock.patch("builtins.open", m):
    with open("f") as fh:
        print(list(fh))
    with open("f") as fh:
        print(fh.readline(), end="")
        print([line for line in fh])
    with open("f") as fh:
        print(next(fh), end="")
        print(fh.read())
    with open("f") as fh:
        print(fh.readlines())
    with open("f") as fh:
        err(next, iter(fh)); print(list(fh)); err(next, fh)
m.assert_called_with("f")
print(m.call_count, m.mock_calls[:3])
mb = mock_open(read_data=b"x\ny")
with mock.patch("builtins.open", mb):
    with open("b", "rb") as fh:
        print(list(fh), fh.read())
h = mock_open()()
h.write("abc")
h.write.assert_called_once_with("abc")
print(h.read(), list(h))
