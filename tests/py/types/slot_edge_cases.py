# Class creation and dunder-slot edge cases: odd return types, None dunders, metaclass __call__, sizes.
import sys
tests = [
 'type("A", (), {"__init_subclass__": 5})',
 'type("A", (type("B", (), {"__init_subclass__": classmethod(lambda c, **k: print("isc", c.__name__, k))}),), {}, x=1)',
 'type("A", (), {"__set_name__": 1, "d": type("D", (), {"__set_name__": None})()})',
 'type("A", (), {"__hash__": None})().__hash__',
 'type("A", (), {"__eq__": lambda s, o: True}).__hash__',
 'type("A", (dict,), {})(a=1)',
 'type("A", (type,), {})("B", (), {})',
 'type("A", (BaseException,), {})("x").args',
 'type("A", (), {"__slots__": ("__weakref__",)})().__weakref__',
 'type("A", (), {"__new__": lambda cls: 5})()',
 'type("A", (), {"__init__": lambda self: 5})()',
 'type("A", (), {"__repr__": lambda self: 5}).__repr__(1)',
 'repr(type("A", (), {"__repr__": lambda self: 5})())',
 'str(type("A", (), {"__str__": lambda self: b"x"})())',
 'len(type("A", (), {"__len__": lambda self: 2**70})())',
 'len(type("A", (), {"__len__": lambda self: 1.5})())',
 'bool(type("A", (), {"__len__": lambda self: -1})())',
 'iter(type("A", (), {"__iter__": lambda self: 5})())',
 'iter(type("A", (), {"__iter__": None})())',
 'next(type("A", (), {"__next__": lambda self: 5})())',
 'type("A", (), {"__getitem__": lambda s, i: i})()[1:2]',
 '5 in type("A", (), {"__contains__": None})()',
 '5 in type("A", (), {"__iter__": lambda s: iter([5])})()',
 'hash(type("A", (), {"__hash__": lambda s: 2**64})())',
 'type("A", (), {"__call__": lambda s, *a, **k: (a, k)})()(1, x=2)',
 'type("A", (), {"__index__": lambda s: "x"})().__index__()',
 '[1,2][type("A", (), {"__index__": lambda s: "x"})()]',
 'abs(type("A", (), {"__abs__": lambda s: "abs"})())',
 'type("A", (), {"__get__": lambda *a: len(a)})',
 'type("A", (), {"x": type("D", (), {"__get__": lambda *a: len(a)})()})().x',
 'type("A", (), {"x": type("D", (), {"__get__": lambda *a: len(a)})()}).x',
 'type("M", (type,), {"__call__": lambda cls, *a: ("M call", a)})("C", (), {})(1)',
 'type("A", (), {"__class_getitem__": lambda cls, x: x})[5]',
 'sys.getsizeof(type("A", (), {})())',
]
for t in tests:
    try:
        r = eval(t)
        print(t[:60], "=>", r if "0x" not in repr(r) else type(r).__name__)
    except Exception as e:
        print(t[:60], "->", type(e).__name__, e)
