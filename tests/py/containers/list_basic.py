# list: methods, slicing, slice assignment/deletion, errors, comparisons, repr recursion
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7); l.insert(-100, -1)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(5); print(l, l.index(2), l.count(2), l.index(4, 1, 6))
err(lambda: l.remove(42))
err(lambda: l.index(42))
err(lambda: l.index(3, 0, 1))
err(lambda: [].pop())
err(lambda: [1].pop(5))
err(lambda: [1].pop("a"))
err(lambda: l[99])
err(lambda: l.__setitem__(99, 1))
err(lambda: l["x"])
err(lambda: l + (1,))
err(lambda: l.insert(1))
err(lambda: l.index())
err(lambda: list(1, 2))
err(lambda: list(x=1))
err(lambda: [1, 2, 3].__setitem__(slice(0, 3, 2), [1, 2, 3]))
err(lambda: [1, 2, 3].__setitem__(slice(0, 3, 2), 5))
err(lambda: [1, 2, 3].__setitem__(slice(0, 3), 5))
err(lambda: [].extend(5))
err(lambda: [1] < 2)
a = list(range(10))
a[2:5] = "xy"; print(a)
a[::2] = range(5); print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
a[1:1] = [7, 7, 7]; print(a)
a[:] = a; print(a)
a[len(a):] = a; print(a)
del a[::-2]; print(a)
a[::-1] = list(range(len(a))); print(a)
b = list(range(20)); del b[-1:2:-3]; print(b)
c = [1, 2, 3]; c[5:] = [9]; print(c); c[-10:1] = []; print(c)
c = [1, 2, 3]; c += (4, 5); c *= 2; print(c); c *= 0; print(c)
print([1, 2] * 3, 0 * [1], [1] * -2, [1, 2] + [3], 2 in [1, 2], 5 not in [1, 2])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1] == [1], [1] != [1.0], [2] > [1, 5], [] <= [])
r = [1]; r.append(r); print(r, repr([[]]))
x = [1, 2, 3]; x.reverse(); print(x, x.copy(), x.clear(), x)
print(list(reversed([1, 2, 3])), list(reversed([])))
it = iter([1, 2, 3]); next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
rv = reversed([1, 2, 3]); next(rv); print(rv.__length_hint__(), list(rv))
ll = [1, 2, 3]
for v in ll:
    if v == 1:
        ll.append(4)
print(ll)
class L(list):
    pass
m = L([3, 1]); m.sort(); print(type(m).__name__, m, type(m[:]).__name__, type(m + m).__name__)
print(list("abc"), list((1, 2)), list({1: 2, 3: 4}), list({5}), list(range(3)))
print(list[int], [].__class_getitem__(int))
z = [1, 2, 3]
z[1] = z; print(z)
print(repr([1, "a", None, 1.5, (2,)]))
