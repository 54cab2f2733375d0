# iterators over containers mutated during iteration: dict/set size and key changes, list iterators
def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
def a():
    d = {1: 1, 2: 2}
    seen = []
    for k in d:
        seen.append(k)
        del d[k]; d[k + 10] = 1
        if len(seen) > 10: break
    return seen
err(a)
def b():
    d = {1: 1, 2: 2, 3: 3}
    seen = []
    for k in d.values():
        seen.append(k)
        d.popitem(); d[len(seen) + 100] = 0
        if len(seen) > 10: break
    return seen
err(b)
def c():
    d = dict.fromkeys(range(8))
    it = iter(d.items())
    next(it)
    d.clear(); d.update(dict.fromkeys(range(8)))
    return list(it)
err(c)
def e():
    d = {1: 2}
    it = reversed(d)
    d[3] = 4
    return list(it)
err(e)
def f():
    s = {1, 2, 3}
    it = iter(s)
    next(it); s.discard(1); s.add(9)
    return list(it)
err(f)
def g():
    l = [1, 2, 3]
    it = iter(l); next(it); l.clear(); l.extend([7, 8, 9])
    return list(it), list(it)
err(g)
def h():
    l = [1, 2, 3]
    it = reversed(l); next(it); l.append(4)
    return list(it)
err(h)
