# Checks itertools: every function incl. batched(strict), pairwise, groupby laziness, tee, islice/argument errors, reprs.
import itertools as it, operator
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
L = list
print(L(it.islice(it.count(), 5)), L(it.islice(it.count(10, -2.5), 3)), L(it.islice(it.count(1j), 2)), repr(it.count(3, 2)), repr(it.count(1.5)), repr(it.count()))
print(L(it.islice(it.cycle("ab"), 5)), L(it.cycle([])), L(it.repeat(7, 3)), L(it.repeat(1, -1)), repr(it.repeat(2, 3)), repr(it.repeat("x")))
print(L(it.accumulate([1, 2, 3, 4])), L(it.accumulate([1, 2, 3], operator.mul)), L(it.accumulate([1, 2], initial=10)), L(it.accumulate([], initial=5)), L(it.accumulate("abc")))
print(L(it.batched("abcdefg", 3)), L(it.batched([], 2)), tryit(lambda: L(it.batched("abcdefg", 3, strict=True))), L(it.batched("abcdef", 3, strict=True)))
print(tryit(lambda: it.batched("a", 0)), tryit(lambda: it.batched("a", -1)), tryit(lambda: it.batched("a")), tryit(lambda: it.batched(1, 2)))
print(L(it.chain("ab", [1], ())), L(it.chain.from_iterable(["ab", "cd"])), L(it.chain()), tryit(lambda: L(it.chain(1))))
print(L(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), L(it.compress("ab", [1])), tryit(lambda: it.compress("a")))
print(L(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), L(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), L(it.filterfalse(None, [0, 1, "", "a"])), L(it.filterfalse(lambda x: x % 2, range(6))))
print([(k, L(g)) for k, g in it.groupby("aaabbcaa")], [(k, L(g)) for k, g in it.groupby([1, 2, 3, 4], key=lambda x: x // 2)])
gb = it.groupby("aabbc"); k1, g1 = next(gb); k2, g2 = next(gb); print(k1, L(g1), k2, L(g2), [k for k, _ in gb])
print(L(it.groupby([])), tryit(lambda: it.groupby(1)))
print(L(it.islice("abcdefg", 2)), L(it.islice("abcdefg", 2, 4)), L(it.islice("abcdefg", 2, None)), L(it.islice("abcdefg", 0, None, 2)), L(it.islice("abc", None)))
for f in (lambda: it.islice("a", -1), lambda: it.islice("a", 0, 1, 0), lambda: it.islice("a", "x"), lambda: it.islice("a"), lambda: it.islice("a", 1, 2, 3, 4),
          lambda: it.islice("a", 1, -1), lambda: it.islice("a", 0, 1, -1), lambda: it.islice(3, 1)):
    print(tryit(f))
print(L(it.pairwise("abcd")), L(it.pairwise("a")), L(it.pairwise([])), tryit(lambda: it.pairwise(1)))
print(L(it.starmap(pow, [(2, 3), (3, 2)])), L(it.starmap(operator.add, [])), tryit(lambda: L(it.starmap(pow, [1]))))
a, b = it.tee("abc"); print(L(a), L(b)); print(it.tee("abc", 0), len(it.tee("x", 3)), tryit(lambda: it.tee("a", -1)))
t1, t2 = it.tee(iter([1, 2, 3])); next(t1); t3, = it.tee(t1, 1); print(L(t2), L(t3), type(t1).__name__)
c1, c2 = it.tee([1, 2]); c3 = c1.__copy__(); print(L(c1), L(c3), L(c2))
print(L(it.zip_longest("ab", "xyz")), L(it.zip_longest("ab", [1], fillvalue=0)), L(it.zip_longest()), tryit(lambda: it.zip_longest("a", foo=1)))
print(L(it.product("ab", repeat=2)), L(it.product("ab", [1, 2])), L(it.product()), L(it.product("ab", [])), tryit(lambda: it.product("a", repeat=-1)))
print(L(it.permutations("abc", 2)), L(it.permutations(range(3))), L(it.permutations("ab", 3)), L(it.permutations("ab", 0)), tryit(lambda: it.permutations("a", -1)))
print(L(it.combinations("abcd", 2)), L(it.combinations("ab", 3)), L(it.combinations("ab", 0)), tryit(lambda: it.combinations("a", -1)), tryit(lambda: it.combinations("a")))
print(L(it.combinations_with_replacement("abc", 2)), L(it.combinations_with_replacement("", 2)), L(it.combinations_with_replacement("a", 0)), tryit(lambda: it.combinations_with_replacement("a", -2)))
print(tryit(lambda: it.count("a")), tryit(lambda: it.repeat()), tryit(lambda: it.cycle()), tryit(lambda: it.accumulate()), tryit(lambda: it.chain.from_iterable()))
print(tryit(lambda: it.starmap(pow)), tryit(lambda: it.takewhile(bool)), tryit(lambda: it.dropwhile()), tryit(lambda: it.product(1)), tryit(lambda: it.permutations(1)))
print(type(it.count()).__name__, type(it.batched("", 1)).__name__, type(it.pairwise("")).__name__, type(it.groupby("")).__name__, type(it.tee("")[0]).__name__)
print(it.count.__module__, it.chain.__qualname__, [n for n in ("batched", "pairwise", "accumulate", "zip_longest") if hasattr(it, n)])
print(tryit(lambda: L(it.islice(it.count(), 3, 1))), L(it.islice(range(10), 1, 9, 3)), L(it.islice(iter(range(5)), 3, 100)))
x = iter(range(10)); print(L(it.islice(x, 2)), next(x), L(it.islice(x, 1, 3)), next(x))
print(L(zip(it.count(), "ab")), L(it.accumulate([3, 1, 4, 1, 5], max)), L(it.accumulate([1, 2, 3], lambda a, b: a - b, initial=0)))
print(L(it.batched(range(5), 2)), [type(t).__name__ for t in it.batched([1], 1)], L(it.batched(iter("ab"), n=1)))
class Boom:
    def __iter__(self): return self
    def __next__(self): raise ValueError("boom")
print(tryit(lambda: L(it.chain(Boom()))), tryit(lambda: L(it.batched(Boom(), 2))), tryit(lambda: L(it.pairwise(Boom()))))
print(sorted(n for n in dir(it) if not n.startswith("_")))
