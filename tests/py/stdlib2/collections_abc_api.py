# Checks collections.abc: isinstance/issubclass of builtins against every ABC, mixin methods, register, __subclasshook__, errors.
import collections.abc as cabc
import collections, array
names = [n for n in cabc.__all__]
print(sorted(names))
def gen(): yield 1
async def coro(): pass
async def agen(): yield 1
c = coro()
samples = {"int": 1, "str": "s", "bytes": b"b", "bytearray": bytearray(), "list": [], "tuple": (), "dict": {}, "set": set(),
           "frozenset": frozenset(), "range": range(1), "memoryview": memoryview(b""), "keys": {}.keys(), "values": {}.values(),
           "items": {}.items(), "gen": gen(), "coro": c, "agen": agen(), "func": len, "iter": iter([]), "deque": collections.deque(),
           "None": None, "float": 1.0, "type": int, "lambda": lambda: 0, "OrderedDict": collections.OrderedDict(),
           "Counter": collections.Counter(), "revlist": reversed([]), "zip": zip(), "map": map(len, [])}
for n in sorted(names):
    if n == "ByteString":
        continue
    abc = getattr(cabc, n)
    hits = [k for k, v in samples.items() if isinstance(v, abc)]
    print(n, hits)
c.close()
print(issubclass(list, cabc.Sequence), issubclass(dict, cabc.Sequence), issubclass(str, cabc.Reversible), issubclass(type(None), cabc.Hashable), issubclass(list, cabc.Hashable))
class MySeq(cabc.Sequence):
    def __init__(self, d): self.d = d
    def __getitem__(self, i): return self.d[i]
    def __len__(self): return len(self.d)
s = MySeq([1, 2, 3, 2])
print(list(s), list(reversed(s)), 2 in s, 9 in s, s.index(2), s.count(2), s.index(2, 2), isinstance(s, cabc.Reversible))
try:
    s.index(9)
except ValueError as e:
    print("ValueError", e)
class MyMap(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap()
m.update({"a": 1}, b=2); m.setdefault("c", 3); print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.values()), list(m.items()))
print(m.pop("a"), m.pop("z", None), m.popitem(), len(m), m == {"c": 3}, m != {"c": 3}, repr(m.keys())[:12])
try:
    m.pop("zz")
except KeyError as e:
    print("KeyError", e)
m.clear(); print(len(m))
try:
    m.popitem()
except KeyError as e:
    print("KeyError", e)
class MySet(cabc.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
    def __repr__(self): return f"MySet({sorted(self.s)})"
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a <= b, a < MySet([1, 2, 3, 4]), a == MySet([3, 2, 1]), a.isdisjoint([9]), a.isdisjoint(b))
a |= {7}; a -= {1}; a ^= {2, 8}; a &= {3, 7, 8, 100}; print(a, a.pop(), a)
a.remove(7)
try:
    a.remove(99)
except KeyError as e:
    print("KeyError", e)
print(a, MySet([1])._hash() == MySet([1])._hash())
class MyList(cabc.MutableSequence):
    def __init__(self): self.d = []
    def __getitem__(self, i): return self.d[i]
    def __setitem__(self, i, v): self.d[i] = v
    def __delitem__(self, i): del self.d[i]
    def __len__(self): return len(self.d)
    def insert(self, i, v): self.d.insert(i, v)
l = MyList(); l.append(1); l.extend([2, 3]); l += [4]; l.reverse(); print(l.d, l.pop(), l.pop(0), l.d)
l.remove(3); print(l.d); l.clear(); print(l.d)
class Abstract(cabc.Iterable): pass
try:
    Abstract()
except TypeError as e:
    print("TypeError", e)
class Partial(cabc.Sequence):
    def __len__(self): return 0
try:
    Partial()
except TypeError as e:
    print("TypeError", e)
class Duck:
    def __iter__(self): return iter([])
print(isinstance(Duck(), cabc.Iterable), isinstance(Duck(), cabc.Iterator), issubclass(Duck, cabc.Collection))
class Dn:
    __iter__ = None
print(isinstance(Dn(), cabc.Iterable))
class Reg: pass
cabc.Sequence.register(Reg); print(issubclass(Reg, cabc.Sequence), issubclass(Reg, cabc.Collection), isinstance(Reg(), cabc.Sized))
print(cabc.Callable[[int], str], cabc.Callable[..., int], cabc.Iterable[int], cabc.Mapping[str, int], cabc.Callable[[], None])
print(type(cabc.Callable[[int], str]), cabc.Callable[[int], str].__args__, cabc.Generator.__abstractmethods__ == frozenset({"send", "throw"}))
try:
    cabc.Callable[int, str]
except TypeError as e:
    print("TypeError", e)
print(sorted(cabc.Mapping.__abstractmethods__), sorted(cabc.MutableSequence.__abstractmethods__), sorted(cabc.Coroutine.__abstractmethods__))
print(cabc.Set._from_iterable is not None, hasattr(cabc.Hashable, "__subclasshook__"), cabc.Sized.__subclasshook__(list), cabc.Sized.__subclasshook__(int))
print(cabc.Buffer, isinstance(b"", cabc.Buffer), isinstance("", cabc.Buffer), isinstance(memoryview(b""), cabc.Buffer))
kv = {"a": 1}.keys(); print(kv & {"a", "b"}, isinstance(kv, cabc.Set), cabc.KeysView({"x": 1}), list(cabc.ItemsView({"x": 1})), list(cabc.ValuesView({"x": 1})))
