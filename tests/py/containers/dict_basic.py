# dict: methods, errors, ordering, __missing__, update forms, equality, repr recursion
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

d = {"b": 1, "a": 2}
d["c"] = 3; d[1] = "one"; d[(1, 2)] = "t"
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.setdefault("a", 9), d.setdefault("n", []), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
err(lambda: d.pop("zz"))
err(lambda: d[(5, 6)])
err(lambda: d[[]])
err(lambda: {}.popitem())
print(d.popitem(), d.popitem(), d)
del d["a"]; print(d)
err(lambda: d.__delitem__("a"))
e = dict(a=1, b=2); e.update({"c": 3}, d=4); e.update([("e", 5)]); e.update(f=6); print(e)
print(dict([(1, 2), (3, 4)]), dict({1: 2}, x=1), dict(zip("ab", range(2))), dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([1]))
err(lambda: dict(1))
err(lambda: dict({}, {}))
err(lambda: {}.update({}, {}))
err(lambda: {}.update([[1, 2], [3]]))
err(lambda: {}.get())
err(lambda: {}.pop())
err(lambda: {}.fromkeys())
err(lambda: {} | 1)
err(lambda: {} < {})
print({1: 2} | {3: 4}, {1: 2, 3: 4} | {1: 5})
m = {1: 2}; m |= {3: 4}; m |= [(5, 6)]; print(m)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 1, 2: 2} == {2: 2, 1: 1}, {} == {})
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1); print(dd["a"], dd["zz"], dd.get("q"), type(dd.copy()).__name__)
class E(dict):
    pass
err(lambda: E()["x"])
r = {}; r[1] = r; print(r)
x = {"k": [1]}; y = x.copy(); y["k"].append(2); y["j"] = 0; print(x, y)
o = {}
for i in range(20):
    o[i] = i
for i in range(0, 20, 2):
    del o[i]
o[0] = "new"
print(list(o), list(o.values())[:3])
def mutate():
    q = {1: 2}
    for k in q:
        q[k + 1] = 3
err(mutate)
def mutate2():
    q = {1: 2, 2: 3}
    for k in q:
        del q[2]
        q[5] = 1
err(mutate2)
print(list(reversed({1: 2, 3: 4, 5: 6})), list(reversed({})))
print({1: 1, True: 2, 1.0: 3}, {0: "a", False: "b"})
n = {float("nan"): 1}
print(len(n))
print(dict.fromkeys({3: 0, 1: 0}), dict.fromkeys({9, 8}), D.fromkeys("ab"))
big = {str(i): i for i in range(1000)}
print(sum(big.values()), big["999"], len(big))
for i in range(0, 1000, 3):
    del big[str(i)]
print(len(big), list(big)[:5], big.get("3"), big.get("4"))
print(dict[str, int], {}.__class_getitem__(int))
hashes = {}
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): return 1
    def __eq__(s, o): return isinstance(o, H) and s.v == o.v
    def __repr__(s): return "H%d" % s.v
for i in range(10):
    hashes[H(i)] = i
print(hashes, hashes[H(5)], H(11) in hashes)
k = {}
k.update(a=1)
print(k, {**{1: 2}, **{3: 4}})
