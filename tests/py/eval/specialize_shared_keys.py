# Attribute caches that read and write instance dicts through the class's shared keys: polymorphic sites, names added after specialisation, deleted and re-added attributes, replaced __dict__s, methods shadowed later, and GC tracking of dicts changed by cached stores
import gc


class A:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def m(self):
        return "A.m"


class B(A):
    def __init__(self, x):
        self.z = 0
        super().__init__(x)


class C(A):
    pass


class D(A):
    pass


def read_x(objs):
    return [o.x for o in objs]


def read_y(objs):
    out = []
    for o in objs:
        try:
            out.append(o.y)
        except AttributeError as e:
            out.append(str(e))
    return out


objs = [A(1), B(2), C(3), D(4)] * 30
print(sum(read_x(objs)), sum(read_x(objs)))

# attribute deleted on one instance after the site is warm
a = A(10)
for _ in range(100):
    read_y([a])
del a.y
print(read_y([a, A(5)]))
a.y = 7
print(read_y([a]))

# a name that joins the shared keys only after the site specialised
def read_late(o):
    try:
        return o.late
    except AttributeError:
        return "missing"


fresh = [A(i) for i in range(60)]
print([read_late(o) for o in fresh][:2])
for i, o in enumerate(fresh):
    o.late = i
print(sum(read_late(o) for o in fresh))

# __dict__ replaced by a plain dict and by another class's instance dict
b = A(3)
for _ in range(100):
    read_x([b])
b.__dict__ = {"x": "plain", "y": 0}
print(read_x([b]))
b.__dict__ = B(9).__dict__
print(read_x([b]), sorted(b.__dict__))

# a method shadowed by an instance attribute added after the site is warm
def call_m(o):
    return o.m()


objs = [A(i) for i in range(100)]
print({call_m(o) for o in objs})
objs[5].m = lambda: "instance m"
objs[6].other = 1
print(call_m(objs[5]), call_m(objs[6]), call_m(objs[7]))
A.m = lambda self: "new A.m"
print(call_m(objs[7]), call_m(objs[5]))


# cached stores of new values: replacing values, and tracking of the dict for the GC
def set_peer(o, p):
    o.peer = p


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


for _ in range(3):
    nodes = [Node(i) for i in range(50)]
    for n in nodes:
        set_peer(n, None)
    for i, n in enumerate(nodes):
        set_peer(n, nodes[(i + 1) % len(nodes)])
    del nodes, n
    print("cycle collected:", gc.collect() >= 50)


# values whose __del__ runs during a cached store
class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


holder = Node("h")
for i in range(3):
    set_peer(holder, Noisy(i))
set_peer(holder, 42)
print(holder.peer, list(holder.__dict__))
