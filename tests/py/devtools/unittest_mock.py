# unittest.mock: Mock/MagicMock calls and reprs, assert_* messages, side_effect/return_value/wraps, call/ANY/sentinel, patch/patch.object/patch.dict/patch.multiple as decorators and context managers
from unittest import mock
import os, re
m = mock.Mock(name='svc'); m(1, 2, k=3); m.meth(4); m.meth().chain(5)
print(repr(m.call_args), m.call_args_list, m.mock_calls, m.method_calls)
def r(x): return re.sub(r"id='\d+'", "id=ID", repr(x))
print(r(m), r(m.meth), r(m.meth()), r(m.meth().chain), r(mock.Mock()), r(mock.MagicMock().x.y))
print(m.call_args.args, m.call_args.kwargs, m.call_args == mock.call(1, 2, k=3), m.call_args == ((1,2),{'k':3}))
for f in [lambda: m.assert_called_with(1), lambda: m.meth.assert_called_once_with(4), lambda: m.assert_not_called(), lambda: m.assert_any_call(9), lambda: m.assert_has_calls([mock.call(1,2,k=3), mock.call.x()]), lambda: mock.Mock().assert_called(), lambda: mock.Mock().assert_called_with(1), lambda: m.meth.assert_called_once(), lambda: m.assert_frobnicate(), lambda: m.meth.assert_has_calls([mock.call(5)], any_order=True), lambda: mock.Mock(spec=['a']).b]:
    try: f()
    except Exception as e: print(type(e).__name__, '|', e)
print(mock.sentinel.foo, mock.ANY, mock.DEFAULT, mock.call.a.b(1), mock.call(1)(2))
mm = mock.MagicMock()
print(len(mm), list(mm), bool(mm), int(mm), 3 in mm, float(mm), mm.__str__() .startswith('<MagicMock'), mm == mm, mm != 3)
with mm as v: print(v is mm.__enter__.return_value)
mm.__len__.return_value = 7; print(len(mm), re.sub(r"id='\d+'", "id=ID", repr(mm.mock_calls)))
s = mock.Mock(side_effect=[1, 2, ValueError("boom")])
print(s(), s())
try: s()
except ValueError as e: print("raised", e)
f = mock.Mock(side_effect=lambda x: x * 2, return_value=9); print(f(4))
g = mock.Mock(side_effect=lambda x: mock.DEFAULT, return_value=9); print(g(4))
h = mock.Mock(return_value=3); print(h(), h.return_value)
w = mock.Mock(wraps=len); print(w([1, 2]), w.call_args)
c = mock.Mock(); c.configure_mock(**{'a.b.return_value': 5, 'x': 1}); print(c.a.b(), c.x)
c.reset_mock(); print(c.called, c.mock_calls)
with mock.patch('os.getcwd') as gc:
    gc.return_value = '/fake'
    print(os.getcwd(), r(gc))
print(os.getcwd() != '/fake')
with mock.patch('os.sep', '!'):
    print(os.sep)
print(os.sep)
class K:
    def meth(self): return 'real'
    attr = 1
with mock.patch.object(K, 'meth', return_value='fake') as pm:
    print(K().meth(), pm.called)
print(K().meth())
@mock.patch.object(K, 'attr', 42)
@mock.patch('os.path.exists')
@mock.patch('os.path.isdir')
def decorated(isdir, exists):
    exists.return_value = True
    return os.path.exists('x'), K.attr, r(isdir), r(exists)
print(decorated(), K.attr)
d = {'a': 1}
with mock.patch.dict(d, {'b': 2}, c=3): print(sorted(d.items()))
print(d)
with mock.patch.dict(d, clear=True): print(d)
print(d)
@mock.patch.dict('os.environ', {'MOCK_TEST_VAR': 'yes'})
def env(): return os.environ.get('MOCK_TEST_VAR')
print(env(), os.environ.get('MOCK_TEST_VAR'))
p = mock.patch('os.getpid', return_value=123); p.start(); print(os.getpid()); p.stop(); print(os.getpid() != 123)
try:
    with mock.patch('os.nonexistent_thing'): pass
except AttributeError as e: print("AttributeError", str(e).split(">")[-1])
try: mock.patch('nodots')
except TypeError as e: print("TypeError", e)
with mock.patch.multiple('os', getcwd=mock.DEFAULT, sep='#') as vals:
    print(sorted(vals), os.sep)
pm = mock.PropertyMock(return_value='prop')
class P: pass
P.x = pm
print(P().x, pm.call_count)
print(mock.call(1, a=2) == mock.call(1, a=mock.ANY), mock.call(1) != mock.call(2), mock.call.x(1) == ('x', (1,), {}))
print(mock.call.a(1).b(2).call_list())
n = mock.NonCallableMock()
try: n()
except TypeError as e: print("TypeError", re.sub(r"0x[0-9a-f]+", "X", str(e)))
sp = mock.Mock(spec=K)
print(isinstance(sp, K), r(sp))
try: sp.nope
except AttributeError as e: print("AttributeError", str(e).split(">")[-1])
sm = mock.MagicMock(); sm.__getitem__.side_effect = lambda k: k * 2; print(sm[3])
sm.__iter__.return_value = [1, 2]; print(list(sm))
a = mock.Mock(); b = mock.Mock(); parent = mock.Mock(); parent.attach_mock(a, 'a'); a(1); print(parent.mock_calls)
del c.x
try: c.x
except AttributeError as e: print("AttributeError", str(e).split(">")[-1])
print(mock.Mock(name="n").assert_not_called())
import unittest, io


@mock.patch('os.getcwd', return_value='/patched')
class Decorated(unittest.TestCase):
    def test_one(self, getcwd):
        self.assertEqual(os.getcwd(), '/patched')
        getcwd.assert_called_once_with()

    @mock.patch('os.getpid')
    def test_two(self, getpid, getcwd):
        getpid.return_value = 7
        self.assertEqual((os.getpid(), os.getcwd()), (7, '/patched'))

    def helper(self):
        return os.getcwd()


stream = io.StringIO()
res = unittest.TextTestRunner(stream=stream, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Decorated))
print(res.wasSuccessful(), [l for l in stream.getvalue().splitlines() if "..." in l])
print(Decorated("helper").helper() != '/patched')
