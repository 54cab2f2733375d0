# pprint: pprint/pformat/pp options, recursion, saferepr, collections/dataclass/str/bytes wrapping
import pprint, collections, types, io
from dataclasses import dataclass, field
data = {"name": "Krait", "versions": list(range(30)), "nested": {"a": [1, 2, {"deep": (1, 2, 3)}], "b": {"x", "y", "z"}}, "text": "lorem ipsum dolor sit amet " * 5, 3: None, "t1": (1,), "fs": frozenset({3, 1, 2}), "bytes": bytes(range(40))}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(50)), compact=True)
pprint.pprint(list(range(50)), width=30, compact=True)
pprint.pp({"b": 1, "a": [2] * 40})
print(pprint.pformat({"z": 1, "a": 2}), pprint.pformat({"z": 1, "a": 2}, sort_dicts=False))
print(pprint.pformat(123456789, underscore_numbers=True), pprint.pformat([10**10] * 8, underscore_numbers=True, width=50))
r = [1, 2]; r.append(r); print(pprint.saferepr(r).split(" with")[0], pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, "a"]), pprint.isreadable(object()))
d = {"k": 1}; d["self"] = d; print(pprint.pformat(d).split(" with")[0])
print(pprint.saferepr({"b": [1, 2], "a": (3,)}))
pprint.pprint(collections.OrderedDict((str(i) * 10, i) for i in range(8)))
pprint.pprint(collections.defaultdict(list, {("k" * 20): list(range(20)), "j": [1]}))
pprint.pprint(collections.Counter("abracadabra" * 10 + "xyzw" * 3), width=30)
pprint.pprint(collections.deque(range(40)), width=40)
pprint.pprint(collections.deque(range(40), maxlen=50), width=40)
pprint.pprint(types.SimpleNamespace(a=1, b="x" * 80))
pprint.pprint(types.MappingProxyType({"a" * 50: 1, "b" * 50: 2}))
@dataclass
class P:
    x: int
    y: list = field(default_factory=list)
    z: str = "zzz"
pprint.pprint(P(1, list(range(30)), "q" * 30), width=60)
pprint.pprint(["short", "x" * 100, b"y" * 50, bytearray(b"z" * 70)], width=40)
pprint.pprint("a long string " * 12)
pprint.pprint({1: "multi\nline\nstring " * 10}, width=50)
pprint.pprint({1, "a", 2.5, None}, width=10)
pprint.pprint([[]] * 3, indent=3, width=5)
s = io.StringIO(); pprint.PrettyPrinter(stream=s, width=20).pprint(list(range(10))); print(s.getvalue(), end="")
for kw in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try: pprint.PrettyPrinter(**kw)
    except ValueError as e: print(e)
