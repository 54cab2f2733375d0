# dict/set: exact number of __eq__ calls during inserts, lookups and deletes with colliding hashes
class H:
    n = 0
    def __init__(self, v, h): self.v = v; self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o):
        H.n += 1
        return isinstance(o, H) and self.v == o.v
    def __repr__(self): return "H%d" % self.v
def run(kind):
    H.n = 0
    c = kind()
    items = [H(i, i % 3) for i in range(12)] + [H(100 + i, 8 * i) for i in range(12)]
    for it in items:
        if kind is dict: c[it] = 1
        else: c.add(it)
    for it in items[::3]:
        (it in c)
    for it in items[::4]:
        if kind is dict: del c[it]
        else: c.discard(it)
    for it in items[:6]:
        (H(it.v, it.h) in c)
    return H.n, list(c)
print(run(dict))
print(run(set))
