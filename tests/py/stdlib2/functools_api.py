# Checks functools: partial/partialmethod reprs, reduce, lru_cache/cache info, cached_property, singledispatch, total_ordering, wraps, cmp_to_key.
import functools as ft
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
def f(a, b=2, *c, d=4, **e): return (a, b, c, d, e)
p = ft.partial(f, 1, d=5)
print(repr(p).split(" at ")[0], p(), p(2, 3, x=1), p.func is f, p.args, p.keywords)
pp = ft.partial(p, 9, e=1); print(pp.args, pp.keywords, pp())
print(repr(ft.partial(len)), repr(ft.partial(int, "10", base=2)), ft.partial(int, "10", base=2)())
print(tryit(lambda: ft.partial()), tryit(lambda: ft.partial(1)), ft.partial(max, key=len)(["a", "bbb"]))
class Pm:
    def m(self, x, y): return (x, y)
    pm = ft.partialmethod(m, 1)
    spm = ft.partialmethod(staticmethod(lambda x, y: x + y), 10)
print(Pm().pm(2), Pm().spm(5), repr(Pm.__dict__["pm"]).split(" at ")[0])
print(ft.reduce(lambda a, b: a * b, [1, 2, 3, 4]), ft.reduce(lambda a, b: a + b, [], 0), tryit(lambda: ft.reduce(lambda a, b: a, [])), tryit(lambda: ft.reduce(1, [1, 2])))
calls = []
@ft.lru_cache(maxsize=2)
def sq(x):
    calls.append(x); return x * x
print([sq(i) for i in (1, 2, 1, 3, 1, 2)], calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info(), sq.__wrapped__(4), sq.__name__)
@ft.lru_cache(typed=True)
def ty(x): return type(x).__name__
print(ty(1), ty(1.0), ty(True), ty.cache_info(), ty.cache_parameters())
@ft.lru_cache
def bare(x): return x
print(bare(1), bare.cache_parameters(), tryit(lambda: bare([1])))
@ft.lru_cache(maxsize=0)
def nocache(x): return x
nocache(1); nocache(1); print(nocache.cache_info())
@ft.lru_cache(maxsize=None)
def unb(x, y=0): return x + y
unb(1); unb(1, y=0); unb(y=0, x=1); unb(1, 0); print(unb.cache_info())
@ft.cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info(), fib.cache_parameters())
print(tryit(lambda: ft.lru_cache(maxsize="x")), tryit(lambda: ft.lru_cache(3)(1)) if False else "")
class CP:
    def __init__(self): self.n = 0
    @ft.cached_property
    def val(self):
        self.n += 1; return self.n * 10
c = CP(); print(c.val, c.val, c.n, "val" in c.__dict__); del c.val; print(c.val, c.n)
print(CP.val.attrname, type(CP.__dict__["val"]).__name__, CP.val.__doc__)
class Slotted:
    __slots__ = ("x",)
    @ft.cached_property
    def p(self): return 1
print(tryit(lambda: Slotted().p))
def mk():
    class Two:
        @ft.cached_property
        def a(self): return 1
        b = a
print(tryit(mk))
@ft.singledispatch
def fun(arg): return "default " + type(arg).__name__
@fun.register
def _(arg: int): return "int"
@fun.register(list)
def _(arg): return "list"
@fun.register
def _(arg: float | complex): return "num"
fun.register(str, lambda a: "str")
print(fun(1), fun(True), fun(1.5), fun(2j), fun([]), fun("s"), fun(()), fun(None))
print(sorted(k.__name__ for k in fun.registry), fun.dispatch(bool).__name__ if hasattr(fun.dispatch(bool), "__name__") else "", fun.dispatch(dict) is fun.registry[object])
print(tryit(lambda: fun()), tryit(lambda: fun.register(3)))
def noann(x): pass
print(tryit(lambda: fun.register(noann)).split(" at ")[0])
import collections.abc
@fun.register
def _(arg: collections.abc.Mapping): return "mapping"
print(fun({}), fun.cache_clear if False else "", fun(dict()))
class SD:
    @ft.singledispatchmethod
    def go(self, arg): return "default"
    @go.register
    def _(self, arg: int): return "int"
    @go.register
    @classmethod
    def _(cls, arg: str): return "cls str"
print(SD().go(1), SD().go("a"), SD().go(1.0), SD.go(SD(), 2) if False else "")
@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(2) > V(1), V(2) >= V(3), V(1) == V(1))
@ft.total_ordering
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        if not isinstance(o, G): return NotImplemented
        return self.v > o.v
print(G(1) < G(2), G(1) <= G(1), G(2) >= G(3), tryit(lambda: G(1) < 3))
print(tryit(lambda: ft.total_ordering(type("E", (), {}))))
def deco(fn):
    @ft.wraps(fn)
    def inner(*a): return fn(*a)
    return inner
@deco
def documented(x: int) -> int:
    "Doc."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__annotations__, documented.__qualname__, documented(3))
def w(): pass
w2 = ft.update_wrapper(lambda: None, w, assigned=("__name__",), updated=()); print(w2.__name__, ft.WRAPPER_ASSIGNMENTS, ft.WRAPPER_UPDATES)
print(sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: b - a)), type(ft.cmp_to_key(lambda a, b: 0)(1)).__name__)
k = ft.cmp_to_key(lambda a, b: (a > b) - (a < b)); print(k(1) < k(2), k(2) == k(2), k(3) >= k(2), k(1).obj)
print(sorted(n for n in ft.__all__))
print(tryit(lambda: ft.partial(f, 1)(b=3, a=0)), repr(ft.partial(ft.partial(f, 1), 2)).split(" at ")[0])
print(ft.partial(f, 1).__class__.__name__, ft.partial.__module__, hash(ft.partial(f)) is not None)
