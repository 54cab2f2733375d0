# parser: statement forms - assignments, imports, flow control, decorators, positions
x = y = z = 0
x, y = y, x
[a, b], c = (1, 2), 3
(a, b), *c = d
a.b = c[d] = e
x += 1
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x >>= 7; x <<= 8; x &= 9; x ^= 10; x |= 11; x @= 12
ann: list[int] = []
obj.attr: int
obj[0]: str = 'x'
(paren): float
import a
import a.b.c
import a.b.c as d, e
from a import b
from a.b import c as d, e as f
from . import x
from .. import y
from ...pkg import z
from .... import w
from .mod import (p,
                  q)
from m import *
def f():
    return
def g():
    return 1, 2
def h():
    return *a, b
def gen():
    yield
    yield 1
    yield 1, 2
    yield from other()
    x = yield
    y = yield 2
    await something
for x in 1, 2, 3:
    pass
for *a, b in c:
    pass
for x, in y:
    pass
while (n := next(it)) is not None:
    continue
if (a and
        b):
    pass
del x
del x, y
del (x, y), [z]
del x[0], x.y
assert a
global a, b, c
def scope():
    nonlocal_x = 1
    def inner():
        nonlocal nonlocal_x
        global g1, g2
raise
raise X
raise X from None
pass; pass
@property
def prop(self): pass
@a.b.c
@a(1)(2)
@a[0]
@x if y else z
class Decorated:
    pass
class Empty: pass
class WithArgs(a, *b, c=d, **e): pass
class Nested:
    class Inner:
        def method(self, /, a, *, b): ...
if x: pass
elif y: pass
else: pass
while 0: break
with a: pass
try: pass
except E: pass
lambda x: x
x = [
    1,
    2,
]
y = {
    'a': 1,
    'b': 2,
}
