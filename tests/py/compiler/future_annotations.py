# Checks PEP 563 stringified annotations (from __future__ import annotations): unparsing with minimal parentheses.
from __future__ import annotations
x: list[int] = []
y: dict[str, tuple[int, ...]]
z: "already a string"
w: int | None
v: Callable[[int, str], Awaitable[None]]
u: (a + b) * c - -d ** 2 ** e
t: lambda x, *a, k=1, **kw: x if x else not k
s: f"{x!r:>{width}} {{}}"
r: [i for i in range(3) if i] and {k: v for k, v in d} or {*a, 1}
q: a[1:2, ::3] @ b.c(d, *e, f=g, **h)
p: x if 0 else 1.5e300 * 1j + 1e400
o: x < y <= z is not None in () not in [1,]
n: a[()] and (1,) and (1, 2) and 1 .real and ...
print(__annotations__)
def f(a: int, b: "q" = 1, *args: *Ts, c: C[T] = None, **kw: dict[str, int]) -> list[a.b]:
    pass
print(f.__annotations__)
class K:
    attr: Optional[K] = None
    def m(self) -> K: ...
print(K.__annotations__, K.m.__annotations__)
