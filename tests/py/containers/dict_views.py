# dict views: dynamic, set operations, comparisons, reprs, reversed, mapping, iterators
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

d = {1: "a", 2: "b", 3: "c"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d[4] = "d"
print(k, v, i)
print(2 in k, 9 in k, (1, "a") in i, (1, "b") in i, [] in i, "a" in v)
err(lambda: [] in k)
err(lambda: ([], 1) in i)
print(k | {9}, k & {1, 2, 7}, k - {1}, k ^ {1, 10}, k & [1], {9} | k, [2, 3] & k)
print(i | {(9, 9)}, i & {(1, "a")}, i - {(1, "a")}, sorted(i ^ {(1, "a"), (5, "e")}))
print(k == {1, 2, 3, 4}, k == {1}, k < {1, 2, 3, 4, 5}, k <= {1, 2, 3, 4}, k > {1}, k >= k, k != set())
print(i == {(1, "a"), (2, "b"), (3, "c"), (4, "d")}, v == v, k == [1, 2, 3, 4])
print(k.isdisjoint([7, 8]), k.isdisjoint({1}), i.isdisjoint([(1, "a")]), k.isdisjoint(k))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(k.mapping, type(k.mapping).__name__, k.mapping[1])
err(lambda: hash(k))
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__, type(reversed(d)).__name__)
print(type(k).__name__, type(v).__name__, type(i).__name__)
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__())
d2 = {"x": 1}
d2v = d2.items()
r = {}
r[1] = r.keys()
print(r)
print(sorted({1: 2, 3: 4}.items() ^ {3: 4, 5: 6}.items()))
print({"a": 1}.keys() - "abc", {1: 1}.keys() | [[1]] if False else "skip")
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
def change():
    q = {1: 1, 2: 2}
    for x in q.values():
        q.pop(2, None)
err(change)
