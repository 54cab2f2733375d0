# Checks unittest.mock spec signatures (call matching, causes), autospecced functions/classes/async, attach_mock, seal messages, PropertyMock and MagicMock defaults.
import re, asyncio, inspect
from unittest import mock
from unittest.mock import Mock, MagicMock, AsyncMock, call, create_autospec, patch, seal, ANY, PropertyMock, sentinel, DEFAULT
def clean(s):
    s = re.sub(r"id='\d+'", "id=?", str(s))
    return re.sub(r" at 0x[0-9a-fA-F]+", "", s)
def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except BaseException as e:
        print("  ", type(e).__name__ + ":", clean(e), "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)
    else:
        print("  ok", clean(r) if not isinstance(r, Mock) else type(r).__name__)
def f(a, b=2, *args, c, **kw): pass
m = Mock(spec=f)
m(1, c=3)
err(m.assert_called_with, a=1, c=3)
err(m.assert_called_with, 1, 2, c=3)
err(m.assert_called_with, 1, 5, c=3)
err(m.assert_called_with, 1)
err(m.assert_any_call, 1, c=3)
err(m.assert_has_calls, [call(a=1, c=3)])
err(m.assert_has_calls, [call(1)])
err(m.assert_called_once_with, a=1, c=3)

a = create_autospec(f)
print(inspect.signature(a), a.__name__, inspect.isfunction(a))
a(1, c=2)
print(a.call_count, a.called, a.call_args, a.mock_calls, a.mock.call_count)
a.return_value = 7; print(a(1, c=1))
a.side_effect = [10, 20]; print(a(1, c=1), a(1, c=1))
a.side_effect = None; a.reset_mock(); print(a.call_count, a.mock_calls)
class C:
    def m(self, x): pass
    async def am(self, y): pass
c = create_autospec(C)
i = c()
i.m(1)
print(c.mock_calls, i.mock_calls)
err(c.assert_has_calls, [call(), call().m(x=1)])
err(c.assert_has_calls, [call().m(2)])
parent = Mock()
parent.attach_mock(a, "child")
a(5, c=6)
print(parent.mock_calls)
print(repr(call(1).foo(2)), call.x.y(3).call_list())
ai = create_autospec(C, instance=True)
print(type(ai.am).__name__, inspect.iscoroutinefunction(ai.am))
async def co(x): return x
ca = create_autospec(co)
print(inspect.iscoroutinefunction(ca), type(ca).__name__)
print(asyncio.run(ca(3)) is not None)
ca.assert_awaited_once_with(3)
err(ca.assert_awaited_with, 4)
class P:
    @property
    def val(self): return 1
with patch.object(P, "val", new_callable=PropertyMock) as pm:
    pm.return_value = 42
    print(P().val, pm.mock_calls)
m = MagicMock()
m.__str__.return_value = "s"
print(str(m), len(m), list(m), 3 in m, int(m), bool(m), clean(m[1]), type(m.__aenter__).__name__, type(m.__aiter__).__name__)
s = Mock(return_value=3)
seal(s)
print(s())
err(lambda: s.x)
s2 = MagicMock()
s2.a.b
seal(s2)
err(lambda: s2.a.c)
err(lambda: s2.a.b())
err(lambda: s2())
err(lambda: Mock(assret_x=1))
am = AsyncMock()
print(type(am()).__name__ if False else "", type(am.x).__name__, type(am.__str__).__name__, am.return_value.__class__.__name__)
cor = am(); cor.close()
print(am.call_count, am.await_count)

err(lambda: Mock(spec=["a"]).b)
err(lambda: Mock(spec_set=["a"]).__setattr__("b", 1))
mm = Mock(wraps=lambda x: x * 2)
print(mm(4), mm.call_args)
err(lambda: patch("os.getcwd", autospect=True))
print(sorted(mock.__all__))
print(mock.FILTER_DIR, dir(Mock(spec=f))[:5])
m = Mock()
m.a.b.c(1)
m.x(2)
print(m.method_calls, m.mock_calls)
err(m.assert_not_called)
m()
err(m.assert_not_called)
err(m.assert_called_once_with, 2)
import re, asyncio, os.path, json
from unittest import mock
from unittest.mock import patch, call, Mock, MagicMock, AsyncMock, ThreadingMock, create_autospec, DEFAULT
with patch("json.dumps", autospec=True) as d:
    d.return_value = "X"
    print(json.dumps({"a": 1}), d.call_args, clean(d))
    try:
        json.dumps()
    except TypeError as e:
        print("TypeError", e)
class Svc:
    async def get(self, k): return k
    def put(self, k, v): pass
with patch.object(Svc, "get", autospec=True) as g:
    g.return_value = 5
    print(asyncio.run(Svc().get("k")), g.await_count, clean(g.call_args))
with patch.object(Svc, "put", autospec=True) as p:
    s = Svc(); s.put(1, 2)
    p.assert_called_once_with(s, 1, 2)
    print(p.mock_calls == [call(s, 1, 2)])
@patch("os.path.exists", return_value=True)
@patch("os.path.isdir")
def t(isdir, exists):
    isdir.return_value = False
    return os.path.exists("x"), os.path.isdir("x"), type(isdir).__name__
print(t())
with patch.multiple("os.path", exists=DEFAULT, isfile=DEFAULT) as vals:
    print(sorted(vals), type(vals["exists"]).__name__)
with patch.dict("os.environ", {"ZZ_TEST": "1"}):
    print(os.environ["ZZ_TEST"])
print("ZZ_TEST" in os.environ)
m = MagicMock(spec=Svc)
print(type(m.get).__name__, type(m.put).__name__)
try:
    create_autospec(Svc.get, instance=True)
except RuntimeError as e:
    print("RuntimeError", e)
tm = ThreadingMock(spec=Svc)
print(type(tm.put).__name__)
am = AsyncMock(wraps=Svc().get)
print(asyncio.run(am(3)))
m = Mock()
m.side_effect = [1, 2]
print(m(), m())
try:
    m()
except StopIteration:
    print("StopIteration")
n = Mock(spec_set=Svc)
try:
    n.nope = 1
except AttributeError as e:
    print(e)
print(isinstance(n, Svc), isinstance(MagicMock(spec=Svc), Svc))
