# list.sort / sorted: stability, key, reverse, errors, mutation detection, many sizes
class LCG:
    def __init__(self, seed): self.x = seed
    def _next(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.x >> 11
    def randrange(self, n): return self._next() % n
    def random(self): return self._next() / 2 ** 53
    def shuffle(self, l):
        for i in range(len(l) - 1, 0, -1):
            j = self.randrange(i + 1)
            l[i], l[j] = l[j], l[i]
random = LCG(12345)

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

data = [(random.randrange(10), i) for i in range(500)]
s = sorted(data, key=lambda p: p[0])
print(all(s[i][0] < s[i + 1][0] or (s[i][0] == s[i + 1][0] and s[i][1] < s[i + 1][1]) for i in range(len(s) - 1)))
r = sorted(data, key=lambda p: p[0], reverse=True)
print(all(r[i][0] > r[i + 1][0] or (r[i][0] == r[i + 1][0] and r[i][1] < r[i + 1][1]) for i in range(len(r) - 1)))
for n in [0, 1, 2, 3, 10, 31, 32, 33, 63, 64, 65, 100, 127, 128, 1000, 5000]:
    xs = [random.random() for _ in range(n)]
    ys = sorted(xs)
    ok = all(ys[i] <= ys[i + 1] for i in range(n - 1)) and sorted(ys) == ys
    zs = list(range(n)); random.shuffle(zs); zs.sort()
    print(n, ok, zs == list(range(n)))
runs = list(range(100)) + list(range(50)) + list(range(200, 0, -1)) + [5] * 40 + list(range(30))
print(sorted(runs) == sorted(runs, key=lambda x: x) and sorted(runs)[:10], sorted(runs)[-5:])
a = list(range(50)); a.sort(reverse=True); print(a[:5])
words = "the quick brown fox jumps over the lazy dog THE Quick".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
err(lambda: [3, "a", 1].sort())
err(lambda: [].sort(1))
err(lambda: [].sort(foo=1))
err(lambda: sorted([1], cmp=None))
l = [5, 3, 1]
def k(x):
    l.append(x)
    return x
err(lambda: l.sort(key=k))
print(l)
class C:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return "C(%d)" % s.v
print(sorted([C(3), C(1), C(2)]))
print(sorted([3, 1, 2], key=None), sorted([1, 2, 3], reverse=1))
gal = list(range(0, 2000, 2)) + list(range(1, 2000, 2))
print(sorted(gal) == list(range(2000)))
mixed = [random.randrange(100) for _ in range(3000)]
idx = sorted(range(3000), key=lambda i: mixed[i])
print(all(mixed[idx[i]] < mixed[idx[i + 1]] or (mixed[idx[i]] == mixed[idx[i + 1]] and idx[i] < idx[i + 1]) for i in range(2999)))
class Boom:
    def __lt__(s, o): raise ValueError("boom")
err(lambda: sorted([Boom(), Boom()]))
