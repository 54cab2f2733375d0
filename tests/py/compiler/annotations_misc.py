# Checks annotations (module/class/function), constant folding, f-strings, calls with */**, slicing, unpacking, chained comparisons.
x: int = 1
y: "str"
print(__annotations__)
class A:
    a: int
    b: list[int] = []
print(A.__annotations__)
def f(a: int, /, b: "B" = 2, *args: str, c: float = 1.0, **kw: bool) -> None:
    pass
print(f.__annotations__, f.__defaults__, f.__kwdefaults__)
def local():
    z: int = 5
    w: str
    return z
print(local(), local.__annotations__ if hasattr(local, "__annotations__") else None)
print(2 ** 10, 1 << 5, "ab" * 3, (1, 2) + (3,), -(-5), not 0, ~7, 7 // 2, 7 % 3, 2.0 ** -1)
print(f"{1+1} {'x'!r} {3.14159:.2f} {'a':>3}|{10:#x} {{}} {x=}")
def call(*a, **k):
    return a, k
print(call(1, *[2, 3], 4, **{"x": 1}, y=2), call(*(), **{}))
print(call(1, 2, z=3), call(**{"a": 1}, **{"b": 2}))
try:
    call(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
s = list(range(10))
print(s[2:5], s[::-2], s[:3], s[7:], s[-3:-1], s[1:8:3])
s[1:3] = ["a", "b", "c"]
del s[0:2]
s[::2] = s[::2]
print(s)
t = s[:]
t[2:4] += ["z"]
print(t)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
[e, f2] = "xy"
print(e, f2)
print(1 < 2 < 3 > 2, 1 < 2 > 3, 1 == 1 != 2, 3 in [1, 2, 3] not in [[1]], 1 is not None)
v = 0
print(v or "default", v and "never", 5 if v else 6, (v := 9), v)
o = type("O", (), {})()
o.attr = 1
o.attr += 2
d = {"k": 1}
d["k"] *= 10
print(o.attr, d)
print((lambda *a, k=3, **kw: (a, k, kw))(1, 2, k=4, m=5))
print([*"ab", *range(2)], {*"ab"} == {"a", "b"}, {**{"a": 1}, "b": 2})
n = 5
n **= 2; n //= 3; n <<= 1; n |= 1; n ^= 3; n &= 0xff; n -= 1; n %= 7
print(n)
print(__debug__, type(...).__name__, 0x10, 0o10, 0b10, 1_000, 1e3, 2j)
big = 2 ** 200
print(big, -2 ** 2, (-2) ** 2, "%s-%d" % ("a", 3))
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
co = compile("a + b", "<e>", "eval")
print(eval(co, {"a": 1, "b": 2}), co.co_names, co.co_name)
ns = {}
exec("def q(): return 42\nr = q()", ns)
print(ns["r"])
print(repr(compile("pass", "file.py", "exec")).split(" at ")[0])
