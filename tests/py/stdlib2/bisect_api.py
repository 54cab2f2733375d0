# Checks bisect: bisect/insort left and right with lo/hi/key, and error messages.
import bisect
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, lo=4, hi=6))
print(tryit(lambda: bisect.bisect_left(a, 2, hi=100)), bisect.bisect_right(a, 9, 0, None))
print(tryit(lambda: bisect.bisect_left(a, 2, -1)), tryit(lambda: bisect.insort(a, 2, -5)))
print(tryit(lambda: bisect.bisect_left(a)), tryit(lambda: bisect.bisect_left(None, 1)))
print(tryit(lambda: bisect.bisect_left([1, 2], "x")), tryit(lambda: bisect.bisect_right(a, 1, "x")))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
print(bisect.bisect(recs, 4, key=lambda r: r[1], lo=1, hi=2))
b = [1, 3, 5]
bisect.insort(b, 4); bisect.insort_left(b, 3); bisect.insort_right(b, 3); bisect.insort(b, 0, lo=0, hi=1)
print(b)
r = [("x", 2), ("y", 4)]
bisect.insort(r, ("z", 3), key=lambda t: t[1]); bisect.insort_left(r, ("w", 2), key=lambda t: t[1])
print(r)
bisect.insort_right(r, ("v", 4), key=lambda t: t[1]); print(r)
class L(list):
    def insert(self, i, x):
        print("insert", i, x); super().insert(i, x)
l = L([1, 2, 3]); bisect.insort(l, 2); print(l)
print(bisect.bisect_left("acegi", "d"), bisect.bisect(range(0, 100, 5), 42))
print(tryit(lambda: bisect.insort((1, 2), 1)))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1, key=abs))
print(tryit(lambda: bisect.bisect_left([1], 1, key=1)))
