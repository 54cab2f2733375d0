# pickle: dumps bytes for every protocol, round trips of builtins/classes/recursive objects, errors
import pickle, io, collections
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return type(o) is Point and (self.x, self.y) == (o.x, o.y)
class Slotted:
    __slots__ = ('a', 'b')
class WithState:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        return {'v': self.v * 10}
    def __setstate__(self, st):
        self.v = st['v'] + 1
class Red:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (Red, (self.a,))
def func():
    pass
values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**64, -2**100, 1.5, -0.0, float('inf'), '', 'abc', 'é\u1234\n\\\0', b'', b'xyz', bytearray(b'ab'),
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2]], {}, {'a': 1, 'b': [2]}, set(), {1, 2},
          frozenset(), frozenset({3}), 1 + 2j, Point, func, len, type(None), collections.OrderedDict(a=1)]
for proto in range(6):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, getattr(v, '__name__', None) or repr(v)[:40], data, back == v or (v != v))
for proto in range(6):
    p = Point(1, 'two')
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q == p, pickle.dumps(p, proto))
    if proto >= 2:
        s = Slotted(); s.a = 5
        t = pickle.loads(pickle.dumps(s, proto))
        print(t.a, hasattr(t, 'b'))
    w = pickle.loads(pickle.dumps(WithState(), proto))
    print(w.v, pickle.loads(pickle.dumps(Red([1]), proto)).a)
    lst = [1]
    lst.append(lst)
    d = {'self': None}
    d['self'] = d
    shared = [1, 2]
    obj = pickle.loads(pickle.dumps([lst, d, shared, shared, (shared,)], proto))
    print(obj[0][1] is obj[0], obj[1]['self'] is obj[1], obj[2] is obj[3], obj[4][0] is obj[2])
    print(pickle.dumps([shared, shared, (shared, shared)], proto))
big = list(range(2500))
print(pickle.loads(pickle.dumps(big)) == big, len(pickle.dumps(big)), pickle.dumps(big)[:20])
bigs = 'x' * 70000
print(pickle.loads(pickle.dumps(bigs)) == bigs, pickle.dumps(bigs)[:16])
f = io.BytesIO()
pickle.dump({'k': (1, 2)}, f, protocol=2)
f.seek(0)
print(pickle.load(f), pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.loads(b'(lp0\nI1\naS\'a\\nb\'\np1\na.'))
print(pickle.loads(b'\x80\x02U\x03abcq\x00.'), pickle.loads(b'\x80\x02U\x03abcq\x00.', encoding='bytes'))
print(pickle.loads(b'\x80\x02c__builtin__\nxrange\nq\x00K\x05\x85q\x01Rq\x02.'))
for bad in [b'', b'\x80\x05\x95', b'zzz', b'\x80\x02h\x05.', b'0.', b'(t']:
    try:
        pickle.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
def local():
    class L:
        pass
    return L
for bad in [lambda: 1, local()]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__)
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print(e)
try:
    pickle.loads('str')
except TypeError as e:
    print(e)
class P(pickle.Pickler):
    def persistent_id(self, obj):
        return 'PID' if obj == 'secret' else None
class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'restored ' + pid
buf = io.BytesIO()
P(buf, 2).dump(['a', 'secret'])
print(buf.getvalue())
buf.seek(0)
print(U(buf).load())
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
