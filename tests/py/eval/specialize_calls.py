# Specialised calls of C functions and method descriptors: warm sites that later see other callables, wrong argument counts, subclass and foreign self objects, exceptions, recursion and profiling turned on mid-loop
import sys


def call1(f, x):
    return f(x)


def call_n(f, *args):
    return f(*args)


def apply_len(x):
    return len(x)


for i in range(200):
    apply_len([i])
print(apply_len("abc"), apply_len({1: 2}))
try:
    apply_len(5)
except TypeError as e:
    print("TypeError:", e)

# the same site sees builtins of every calling convention, Python functions and classes
results = []
for f in [abs, len, str, repr, hex] * 40 + [lambda v: v, type, int, sorted]:
    try:
        results.append(call1(f, -7 if f in (abs, hex, str, repr, int) else [3, 1, 2]))
    except TypeError as e:
        results.append(str(e))
print(results[:5], results[-4:])


def isinst(a, b):
    return isinstance(a, b)


print([isinst(i, int) for i in range(3)], isinst("x", (int, str)), isinst(1.0, int))
for _ in range(100):
    isinst(1, int)
try:
    isinst(1, 2)
except TypeError as e:
    print("TypeError:", e)


def getattr3(o, name):
    return getattr(o, name, "default")


for _ in range(100):
    getattr3(1, "real")
print(getattr3(1, "real"), getattr3(1, "nope"))


# method descriptors: exact self, subclass self, and a different type at the same site
class MyList(list):
    def append(self, x):
        super().append(("wrapped", x))


def add(seq, x):
    seq.append(x)
    return seq


plain = []
for i in range(100):
    add(plain, i)
print(len(plain), add(MyList(), 1), add(bytearray(b"a"), 98))


def pop_it(seq):
    return seq.pop()


print([pop_it([1, 2, i]) for i in range(60)][-3:], pop_it(MyList([9])))
try:
    pop_it([])
except IndexError as e:
    print("IndexError:", e)


def upper(s):
    return s.upper()


print([upper(c) for c in "abc" * 30][-3:])
try:
    upper(b"x")
    upper(3)
except AttributeError as e:
    print("AttributeError:", e)


def get(d, k):
    return d.get(k, -1)


print([get({1: 2}, k) for k in range(1, 60)][:3])
try:
    get({}, [])
except TypeError as e:
    print("TypeError:", e)


def split2(s):
    return s.split(",", 1)


print([split2("a,b,c") for _ in range(60)][-1])
try:
    "x".split(",", 1, 2)
except TypeError as e:
    print("TypeError:", e)


def types(xs):
    return [type(x).__name__ for x in xs]


print(types([1, "a", None, 2.0] * 20)[:4])


# an unbound method descriptor called with a foreign self
def unbound(f, a, b):
    return f(a, b)


for _ in range(60):
    unbound(list.append, [], 1)
try:
    unbound(list.append, (), 1)
except TypeError as e:
    print("TypeError:", e)


# exceptions out of a C call inside try/except in a hot loop
def parse_all(items):
    out = []
    for it in items:
        try:
            out.append(int(it))
        except ValueError:
            out.append(None)
    return out


print(parse_all(["1", "x", "3"] * 30)[:3])


# deep recursion through C calls still raises RecursionError
def nest(n):
    return list(map(nest, [n + 1]))


try:
    nest(0)
except RecursionError as e:
    print("RecursionError:", e)

# a profiler installed from inside a warm loop sees the C calls that follow
events = []


def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, getattr(arg, "__name__", "?")))


def hot(n):
    total = 0
    for i in range(n):
        total += len("ab")
        if i == 150:
            sys.setprofile(prof)
    sys.setprofile(None)
    return total


print(hot(153), events[:6])
