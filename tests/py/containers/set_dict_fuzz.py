# differential fuzz: random set/dict/list operations; orders, pops, hashes and getsizeof must match CPython
class LCG:
    def __init__(self, seed): self.x = seed
    def r(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (self.x >> 20) % n
import sys
R = LCG(8)
keys = [0, 1, -1, -2, 7, 8, 16, 31, 32, 33, 64, 1000, 2**61, -2**61, "a", "b", "xyz", "hello", "", (1, 2), (), 1.5, -0.0, None, True, False, frozenset([1]), 2**70]
out = []
s = set(); fs_list = []; d = {}; l = []
for step in range(3000):
    op = R.r(14)
    k = keys[R.r(len(keys))]
    if op == 0: s.add(k)
    elif op == 1: s.discard(k)
    elif op == 2 and s: out.append(("pop", s.pop()))
    elif op == 3: d[k] = step
    elif op == 4: d.pop(k, None)
    elif op == 5 and d: out.append(("popitem", d.popitem()))
    elif op == 6: s |= set(keys[R.r(len(keys)):R.r(len(keys))])
    elif op == 7: s -= set(keys[R.r(len(keys)):])
    elif op == 8: s ^= {keys[R.r(len(keys))], keys[R.r(len(keys))]}
    elif op == 9: l.insert(R.r(len(l) + 1) - 3, step)
    elif op == 10 and l: del l[R.r(len(l)):R.r(len(l)) + 2]
    elif op == 11: l[R.r(5):R.r(7)] = range(R.r(4))
    elif op == 12: d.update({keys[R.r(len(keys))]: 0 for _ in range(3)})
    elif op == 13: s = s.symmetric_difference(d.keys()) if R.r(2) else s.intersection(d)
    if step % 50 == 0:
        out.append((list(s), list(d.items()), l[:10], len(l), hash(frozenset(s)), sys.getsizeof(s), sys.getsizeof(d), sys.getsizeof(l)))
for o in out:
    print(o)
print(sorted(map(repr, s)), frozenset(s) == s)
