# Specialised CALL/BINARY_OP/COMPARE_OP sites keep generic semantics: big ints, float reuse, str ops, NaN, changed functions, defaults, recursion, tracing
import sys


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def lt(a, b):
    return a < b


def eq(a, b):
    return a == b


for _ in range(100):
    add(1, 2), sub(5, 3), mul(3, 4), lt(1, 2), eq(1, 1)
# Int sites now see big ints, negative results, overflow past 30 bits, other types.
print(add(2**30, 2**30), sub(-2**62, 2**62), mul(2**29, 2**29), mul(-(2**31), 3))
print(add(1.5, 2), add("ab", "cd"), add([1], [2]), add(True, True), mul("x", 3))
print(lt(2**70, 2**71), lt(-5, -7), eq(10**20, 10**20), lt(1, 1.5), eq(1, 1.0))
print(lt("a", "b"), eq((1, 2), (1, 2)))
try:
    add(1, "x")
except TypeError as e:
    print("TypeError:", e)
# Float sites: results must not alias operands that are still referenced.
x = 1.25
for _ in range(100):
    add(x, 0.5), sub(x, 0.25), mul(x, 2.0), lt(x, 2.0), eq(x, x)
y = add(x, 0.5)
print(x, y, add(y, y), sub(x, x), mul(x, -0.0), add(x, 2**53))
nan = float("nan")
print(lt(nan, 1.0), eq(nan, nan), lt(1.0, float("inf")), eq(-0.0, 0.0))
acc = 0.0
for i in range(1000):
    acc = acc + i * 0.5 - 0.25
print(acc)
# Str comparisons at a specialised site.
for _ in range(100):
    eq("abc", "abc")
s1 = "".join(["ab", "c"])
print(eq(s1, "abc"), eq("abc", "abd"), eq("é", "é"), eq("a", 1))
# Calls: warmed-up sites with changed code, defaults, bound methods, extra args.


def f(a, b):
    return ("f", a, b)


def g(a, b=7):
    return ("g", a, b)


def caller(fn, *args):
    return fn(*args)


def call2(fn):
    return fn(1, 2)


for _ in range(100):
    call2(f)
print(call2(f), call2(g), call2(lambda *a: a), call2(max))
f.__code__ = (lambda a, b: ("new code", a + b)).__code__
print(call2(f))


class K:
    def m(self, a, b):
        return ("m", self.__class__.__name__, a, b)


k = K()
for _ in range(100):
    call2(k.m)
print(call2(k.m))
try:
    call2(lambda a: a)
except TypeError as e:
    print("TypeError:", e)


def gen(a, b):
    yield a
    yield b


print(list(call2(gen)))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
# Tracing sees the same line events in warmed-up code.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


def traced(o, n):
    t = 0
    for i in range(n):
        t = t + o.v * i
    return t


class V:
    v = 3


for _ in range(50):
    traced(V(), 3)
sys.settrace(tracer)
r = traced(V(), 2)
sys.settrace(None)
print(r, events)
