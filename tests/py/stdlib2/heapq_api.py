# Checks heapq: push/pop/pushpop/replace/heapify, merge with key/reverse, nlargest/nsmallest with key, errors.
import heapq
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(h))])
h = [9, 8, 7, 6, 5, 4, 3, 2, 1]
heapq.heapify(h); print(h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 10), h)
print(heapq.heapreplace(h, 0), h)
print(tryit(lambda: heapq.heappop([])), tryit(lambda: heapq.heapreplace([], 1)))
print(heapq.heappushpop([], 3))
print(tryit(lambda: heapq.heappush(None, 1)), tryit(lambda: heapq.heapify((1, 2))))
print(tryit(lambda: heapq.heappush([1], "a")), tryit(lambda: heapq.heapify([1, "a", 2])))
print(tryit(lambda: heapq.heappush([])), tryit(lambda: heapq.heapify()))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge()), list(heapq.merge([], [1])), list(heapq.merge([1, 1], [1])))
print(list(heapq.merge(["bb", "a"], ["ccc", "dd"], key=len, reverse=True)))
print(list(heapq.merge([3, 2, 1], [5, 0], reverse=True)))
print(list(heapq.merge(["a", "BB"], ["b", "CCC"], key=str.lower)))
print(list(heapq.merge([(1, "b"), (2, "a")], [(1, "a")], key=lambda t: t[0])))
print(tryit(lambda: list(heapq.merge([1], ["a"]))))
data = [5, 1, 8, 3, 9, 2, 7, 4, 6, 0]
print(heapq.nlargest(3, data), heapq.nsmallest(3, data))
print(heapq.nlargest(0, data), heapq.nsmallest(-1, data), heapq.nlargest(1, data), heapq.nsmallest(1, data))
print(heapq.nlargest(20, data), heapq.nsmallest(20, data))
words = ["apple", "fig", "banana", "kiwi", "cherry", "date"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(heapq.nlargest(1, words, key=len), heapq.nsmallest(1, [], key=len), heapq.nlargest(3, iter(words)))
print(heapq.nsmallest(3, [(1, "x"), (1, "a"), (0, "z")], key=lambda t: t[0]))
print(tryit(lambda: heapq.nlargest("a", data)), tryit(lambda: heapq.nsmallest(2, 5)))
class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v > o.v
    def __repr__(self): return f"R{self.v}"
h = [Rev(i) for i in range(5)]
heapq.heapify(h); print(h[0], heapq.heappop(h))
print(sorted(n for n in heapq.__all__))
import random
rnd = random.Random(42)
vals = [rnd.randrange(1000) for _ in range(300)]
h = []
for v in vals: heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(300)] == sorted(vals))
print(heapq.nlargest(5, vals) == sorted(vals, reverse=True)[:5])
