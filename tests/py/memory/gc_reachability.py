# cycle collector: objects rescued after being judged unreachable, old-to-young references, resurrection by finalizers and weakref callbacks, tuple untracking
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
        self.other = None


# A chain whose only external reference is to its newest node: the scan meets the older
# nodes first (refcounts only from the chain), and must bring them all back.
nodes = [Node(i) for i in range(2000)]
for i in range(1, 2000):
    nodes[i].next = nodes[i - 1]
nodes[0].next = nodes[1999]          # and make it a cycle
head = nodes[1999]
del nodes
print('chain collected', gc.collect())
n, total = head, 0
for _ in range(2000):
    total += n.v
    n = n.next
print('chain intact', total, n is head)
head = n = None
print('chain freed', gc.collect())

# Garbage cycles interleaved with live ones; live ones reached through lists and dicts.
live = []
for i in range(300):
    a, b = Node(i), Node(-i)
    a.next, b.next = b, a
    if i % 3 == 0:
        live.append({'k': a} if i % 2 else [a])
del a, b
print('mixed', gc.collect())
print('mixed live', sum(len(x) for x in live), sum((x['k'] if isinstance(x, dict) else x[0]).next.v for x in live))
live = None
print('mixed freed', gc.collect())

# An old object refers to young ones: a young collection must keep them.
old = Node('old')
gc.collect()
young = Node('young')
young.next = young
old.other = young
del young
print('young with old referrer', gc.collect(0), old.other.v, old.other.next is old.other)
old.other = None
print('now garbage', gc.collect(0))

# A finalizer resurrects its object (and what the object reaches).
saved = []


class Phoenix:
    def __init__(self):
        self.me = self
        self.payload = [Node('p')]
        self.payload[0].next = self

    def __del__(self):
        saved.append(self)


Phoenix()
print('resurrect', gc.collect(), len(saved), saved[0].payload[0].v, saved[0].payload[0].next is saved[0])
p = saved.pop()
del p
print('second time', gc.collect(), len(saved))

# Weakref callbacks run for live weakrefs to garbage, see the ref dead, may allocate.
log = []


def cb(ref):
    log.append(('cb', ref() is None))
    junk = [Node(i) for i in range(50)]
    junk[0].next = junk


x = Node('x')
x.next = x
r = weakref.ref(x, cb)
del x
print('weakref', gc.collect(), log, r())

# A weakref that is itself garbage together with its referent: no callback.
log.clear()
y = Node('y')
y.next = y
y.other = weakref.ref(y, cb)
del y
print('dead weakref', gc.collect(), log)

# Tuples holding only atomic values are untracked by a collection.
t = tuple([1, 2.0, 'three', (4, 5)])
print('tuple before', gc.is_tracked(t))
gc.collect()
print('tuple after', gc.is_tracked(t))
t2 = tuple([[], 1])
gc.collect()
print('tuple with list', gc.is_tracked(t2))

# Deep garbage with finalizers in the middle: every __del__ runs once.
count = [0]


class D:
    def __del__(self):
        count[0] += 1


ring = [D() for _ in range(100)]
for i in range(100):
    ring[i].nxt = ring[(i + 1) % 100]
del ring
print('deep dels', gc.collect(), count[0])
gc.collect()
print('done', gc.collect(), gc.get_count())
