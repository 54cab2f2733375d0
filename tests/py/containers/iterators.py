# enumerate, reversed, map, filter, zip (strict), iter(seq), iter(callable, sentinel)
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate(iterable="x")))
print(list(enumerate("ab", 10 ** 20)), list(enumerate("abc", 2 ** 63 - 2)))
err(lambda: enumerate())
err(lambda: enumerate(1))
err(lambda: enumerate([], 1, 2))
err(lambda: enumerate([], "a"))
err(lambda: enumerate(x=1))
e = enumerate("abc"); next(e); print(e.__reduce__()[1][1], list(e))
print(list(reversed("abc")), list(reversed([1, 2])), list(reversed((1, 2))), list(reversed(range(3))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(iter(Seq())), list(Seq()))
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
err(lambda: reversed(NoRev()))
err(lambda: reversed(1))
err(lambda: reversed())
err(lambda: reversed(1, 2))
err(lambda: reversed(seq=[]))
rv = reversed("abcd"); next(rv); print(rv.__length_hint__(), rv.__reduce__()[2], list(rv), rv.__length_hint__())
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 9])), list(map(lambda *a: a, "ab", "cd", "ef")))
err(lambda: map())
err(lambda: map(len))
err(lambda: map(len, 1))
err(lambda: map(len, [], x=1))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 3])))
err(lambda: filter())
err(lambda: filter(None))
err(lambda: filter(None, 1))
err(lambda: filter(None, [], x=1))
print(list(zip()), list(zip("ab")), list(zip("abc", range(2))), list(zip("ab", "cd", "ef", strict=True)))
err(lambda: list(zip([1, 2], [1], strict=True)))
err(lambda: list(zip([1], [1, 2], strict=True)))
err(lambda: list(zip([1], [1], [], strict=True)))
err(lambda: list(zip([1], [1], [1, 2], strict=True)))
err(lambda: list(zip([1], strict=True, x=1)))
err(lambda: list(zip([1], x=1)))
err(lambda: zip(1))
z = zip([1], [2], strict=True); print(len(z.__reduce__()), z.__reduce__()[2])
print(list(zip([1], [2], strict=False)))
n = iter([1, 2, 3, 4, 5].pop, 2); print(list(n))
cnt = [0]
def f():
    cnt[0] += 1
    return cnt[0]
print(list(iter(f, 4)))
def stop():
    raise StopIteration
print(list(iter(stop, 1)))
err(lambda: iter(1, 2))
it = iter([1, 2]); print(next(it), next(it), next(it, "end"))
print(type(iter(Seq())).__name__, iter(Seq()).__length_hint__())
print(type(iter(f, 0)).__name__, type(enumerate([])).__name__, type(zip()).__name__, type(map(len, [])).__name__)
class E(enumerate): pass
print(list(E("ab", 1)), type(E("a")).__name__)
print(dict(enumerate("xy")), list(zip(*[(1, 2), (3, 4)])))
print(enumerate[int], list(map(str, range(3))))
