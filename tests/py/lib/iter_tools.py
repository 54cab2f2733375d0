# itertools, functools and operator: the everyday functions with their edge cases
import itertools as it, functools as ft, operator as op
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], op.mul, initial=10)))
print(list(it.batched("abcdefg", 3)), list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, 0, 2])))
print([(k, list(g)) for k, g in it.groupby("aabbbca")], list(it.pairwise("abcd")))
print(list(it.permutations("abc", 2)), list(it.product("ab", repeat=2)), list(it.repeat("x", 3)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), [list(t) for t in it.tee("abc", 2)], list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(it.islice("abcdefg", 1, 6, 2)), list(it.islice("abc", None)), repr(it.count(3)), repr(it.repeat(1, 2)))
print(ft.reduce(op.add, [1, 2, 3], 10), ft.partial(int, base=2)("101"), repr(ft.partial(max, 1, key=abs)))
@ft.lru_cache(maxsize=2)
def sq(n):
    return n * n
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: b - a)))
@ft.singledispatch
def kind(x): return "object"
@kind.register
def _(x: int): return "int"
@kind.register(list)
def _(x): return "list"
print(kind(1), kind([]), kind("s"), kind(True))
class C:
    @ft.cached_property
    def val(self):
        print("computing"); return 42
c = C(); print(c.val, c.val)
print(op.itemgetter(1, 0)("ab"), op.attrgetter("real", "imag")(3 + 4j), op.methodcaller("split", ",")("a,b"))
print(repr(op.itemgetter(1)), repr(op.attrgetter("a.b")), repr(op.methodcaller("f", 1, k=2)))
print(op.index(5), op.length_hint(iter([1, 2])), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"), op.concat([1], [2]))
try:
    ft.reduce(op.add, [])
except TypeError as e:
    print("TypeError:", e)
