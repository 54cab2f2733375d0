# collections (namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap), heapq, bisect, copy
import collections as co, heapq, bisect, copy
P = co.namedtuple("P", "x y", defaults=[0])
p = P(1)
print(p, p._replace(y=5), p._asdict(), P._fields, P._field_defaults, P._make([3, 4]), p.x, p[1])
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    P()
except TypeError as e:
    print("TypeError:", e)
d = co.deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0); d.rotate(1)
print(d, d.maxlen, d.pop(), d.popleft(), list(reversed(d)), d.count(2), d.index(2))
c = co.Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:4], c.total())
print(c + co.Counter("aab"), c - co.Counter("aaaaaaa"), c & co.Counter("abz"), c | co.Counter("zzz"))
od = co.OrderedDict.fromkeys("abc"); od.move_to_end("a"); od.move_to_end("c", last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od == co.OrderedDict(), repr(co.OrderedDict()))
dd = co.defaultdict(list); dd["k"].append(1); print(dd, dd["missing"], len(dd))
cm = co.ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), cm.new_child({"c": 4}), dict(cm))
h = [5, 1, 4, 2, 3]; heapq.heapify(h); print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.nlargest(2, h), heapq.nsmallest(2, h))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6])), list(heapq.merge([3, 1], [2], key=lambda x: -x)))
a = [1, 2, 2, 4]; print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 3)); bisect.insort(a, 3); print(a)
print(bisect.bisect_left([("a", 1), ("b", 2)], 2, key=lambda t: t[1]))
src = {"l": [1, [2, 3]], "t": (1, 2)}
sh, dp = copy.copy(src), copy.deepcopy(src)
print(sh["l"] is src["l"], dp["l"] is src["l"], dp["l"][1] is src["l"][1], dp == src)
class K:
    def __init__(self): self.items = [1]
k2 = copy.deepcopy(K()); print(k2.items, type(k2).__name__)
