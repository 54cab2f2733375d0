# pickle: stdlib and user types (exceptions, enums, namedtuples, defaultdict, deque, dataclasses), copyreg, protocol 0 strings
import pickle, collections, enum, dataclasses, copyreg, io
class Color(enum.Enum):
    RED = 1
    BLUE = 2
Pt = collections.namedtuple('Pt', 'x y')
@dataclasses.dataclass
class DC:
    a: int
    b: list
class Sub(list):
    pass
class DSub(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 'e'
class Custom:
    def __init__(self, v):
        self.v = v
def reduce_custom(c):
    return (Custom, (c.v * 2,))
copyreg.pickle(Custom, reduce_custom)
class NewArgs:
    def __new__(cls, a, *, kw=0):
        o = super().__new__(cls)
        o.a, o.kw = a, kw
        return o
    def __getnewargs_ex__(self):
        return (self.a,), {'kw': self.kw}
vals = [ValueError('bad', 3), KeyError('k'), Color.BLUE, Pt(1, 2), collections.defaultdict(list, {'a': [1]}),
        collections.deque([1, 2], maxlen=5), DC(1, [2]), Sub([1, 2]), collections.Counter('aab'),
        range(1, 10, 2), slice(1, 5), 'ünïcode', b'\x00\xff' * 3, 10 ** 30, -1.25e-300]
for proto in range(6):
    for v in vals:
        back = pickle.loads(pickle.dumps(v, proto))
        same = back == v if not isinstance(v, BaseException) else (type(back), back.args) == (type(v), v.args)
        print(proto, type(v).__name__, same)
    d = pickle.loads(pickle.dumps(DSub(x=1), proto))
    print(d, d.extra, type(d).__name__)
    print(pickle.loads(pickle.dumps(Custom(4), proto)).v)
    n = pickle.loads(pickle.dumps(NewArgs(5, kw=7), proto))
    print(n.a, n.kw)
    print(pickle.dumps(Color.RED, proto))
    print(pickle.dumps(Pt(1, 2), proto))
print(pickle.dumps('a\nb\\c\u1234\0', 0))
print(pickle.loads(pickle.dumps('a\nb\\c\u1234\0', 0)) == 'a\nb\\c\u1234\0')
print(pickle.dumps(2**40, 0), pickle.dumps(2**40, 1), pickle.dumps(-5, 0), pickle.dumps(3.25, 0))
print(pickle.loads(b'L12345678901234567890L\n.'), pickle.loads(b'F1.5\n.'), pickle.loads(b'I01\n.'))
print(pickle.loads(b'\x80\x02}q\x00(X\x01\x00\x00\x00aq\x01K\x01X\x01\x00\x00\x00bq\x02K\x02u.'))
