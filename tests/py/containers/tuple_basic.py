# tuple: construction, indexing, slicing, methods, hashing, comparisons, errors, getsizeof
import sys

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2], t[10:], t[-100:2])
print(t.count(2), t.index(2), t.index(2, 2), t.index(1, -1))
err(lambda: t.index(9))
err(lambda: t.index())
err(lambda: t.index(1, "a"))
err(lambda: t[10])
err(lambda: t["a"])
err(lambda: t + [1])
err(lambda: t * "a")
err(lambda: tuple(1, 2))
err(lambda: tuple(a=1))
err(lambda: tuple(5))
print((), (1,), ((),), tuple("abc"), tuple([1, 2]), tuple(range(3)))
e1 = (); e2 = tuple()
print(e1 is e2, tuple([]) is e1, t[:] is t, tuple(t) is t)
print(t + (4,), t * 2, 2 * (1,), (1, 2) * 0, (1,) * -3)
print(3 in t, 9 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2))
print((1, 2) != (1, 2), (1, 2) <= (1, 2), (1, 2) >= (1, 3))
print(hash((1, 2)), hash(()), hash((1,)), hash(("a", 1.5)) == hash(("a", 1.5)), hash((-1,)))
print(hash(((1, 2), (3, 4))), hash((None, True, False)))
err(lambda: hash((1, [])))
err(lambda: (1, "a") < (1, 2))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple(range(100))))
a = []
n = (a, a)
a.append(n)
print(repr(n))
class T(tuple):
    pass
x = T([1, 2])
print(type(x).__name__, x, x == (1, 2), type(x[:]).__name__, type(x + x).__name__)
print(tuple.__getnewargs__((1, 2)))
print(list(reversed((1, 2, 3))), sorted((3, 1, 2)), min((3, 1)), max((3, 1)))
it = iter((1, 2, 3))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(iter(())).__name__)
a, *b = (1, 2, 3)
print(a, b)
print((1, 2, 3)[-2:], (1, 2, 3)[5:-5:-1], (1, 2, 3)[::-2], (0,) * 3)
print(tuple[int], repr(tuple.__class_getitem__(str)))
