# set/frozenset: methods, operators, errors, reprs, hashing, iteration order under PYTHONHASHSEED=0
import sys

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

s = set([5, 3, 8, 1, 100, 33, 64, -1, -2])
print(s, list(s), len(s), 3 in s, 4 in s)
print({"a", "b", "c", "hello", "x"}, {(1, 2), (3, 4), None, 1.5, "z"})
s2 = set(range(20))
for i in range(0, 20, 3):
    s2.discard(i)
s2.update([100, 200, 300, 17, 1000]); print(s2)
a = {0, 1}; a.discard(0); a.add(8); print(a)
print(frozenset([1, 2, 3]) | {9, 8, 1}, {1, 2, 3} & {3, 2}, {8, 9, 10} ^ {10, 11, 40}, {1, 2, 3, 4} - {2})
print({10, 20, 30}.symmetric_difference([30, 40, 8]), {1, 2} | {8, 16, 1}, frozenset([16, 8, 0]))
x = set(); x.update({5: 1, 13: 2, 21: 3}); print(x)
print({1, 2, 3, 4, 5}.intersection({5, 4, 3, 2, 1, 0, 9, 8}), {1, 2, 3}.intersection([3, 1], (1,)))
print({1, 2}.union([3], (4,)), {1, 2, 3}.difference([1], {2}), set().union())
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} >= {1}, {1} > {1}, {1} == frozenset([1]), {1} != {2})
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1}.isdisjoint([2]), {1}.isdisjoint({1}))
t = {1, 2, 3}; t |= {4}; t &= {1, 2, 4}; t -= {1}; t ^= {2, 9}; print(t)
u = {1, 2, 3}; u.intersection_update([1, 2], [2]); print(u)
u = {1, 2, 3}; u.difference_update([1], [2]); print(u)
u = {1, 2, 3}; u.symmetric_difference_update([3, 4]); print(u)
err(lambda: set().pop())
err(lambda: set().remove(1))
err(lambda: set().remove((1, 2)))
err(lambda: set().remove([]))
err(lambda: [] in set())
err(lambda: set(1))
err(lambda: set(1, 2))
err(lambda: set(a=1))
err(lambda: frozenset(a=1))
err(lambda: set() | [])
err(lambda: set() < [])
err(lambda: set().union(1))
err(lambda: hash(set()))
print(set([1]) in {frozenset([1])}, {frozenset([1]), 2})
w = {frozenset([1])}; w.remove({1}); print(w)
print(repr(set()), repr(frozenset()), repr(frozenset({1, 2})))
class S(set): pass
class F(frozenset): pass
print(repr(S([1])), repr(F([1])), repr(F()), repr(S()), type(S([1]) | {2}).__name__, type(F([1]) & {1}).__name__)
r = set(); r.add(1); print(r.pop(), r)
p = set(range(10)); print([p.pop() for _ in range(3)], p)
def mutate():
    q = {1, 2}
    for v in q:
        q.add(v + 10)
err(mutate)
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({"a"})) == hash(frozenset(["a"])))
print(hash(frozenset(range(100))), hash(frozenset([frozenset([1]), frozenset([2])])))
print(sys.getsizeof(set()), sys.getsizeof(set(range(5))), sys.getsizeof(set(range(50))), sys.getsizeof(set(range(100))))
print({1, 2}.__sizeof__(), set(range(10)).__sizeof__())
print(set.__reduce__({1, 2}), iter({1, 2}).__length_hint__())
fs = frozenset([1, 2]); print(fs.copy() is fs, frozenset(fs) is fs, set(fs) == fs)
print({1, 2, 3} == {3, 2, 1}, frozenset("abc") == set("cab"))
big = set()
for i in range(1000):
    big.add(i * 7919 % 1009)
for i in range(0, 1000, 2):
    big.discard(i)
print(len(big), list(big)[:10])
print(set("mississippi"), sorted(set("mississippi")))
print({1, 1.0, True}, {0, False, 0.0, -0.0})
print(set([None, (), ""]), set[int])
