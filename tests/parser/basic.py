# parser: basic syntax forms and their exact positions
import os, sys as system
from collections import OrderedDict as OD, defaultdict
from . import sibling
from ..pkg.mod import (a, b as c,)
x = 1
y: int = 2
z, *w = [1, 2, 3]
a = b = c = 4
a += 1; b -= 2; c *= 3
d = {'k': v for k, v in items if v}
e = {1, 2, *rest}
f = [i ** 2 for i in range(10) if i % 2 for j in range(i)]
g = (x for x in y)
h = lambda a, b=2, *args, c, d=4, **kw: a + b
i = a if b else c
j = not a and b or c
k = a < b <= c != d is not e in f not in g
l = x[1:2, ::3, ...]
m = x[1:2:3]
n = -x + +y * ~z // w % v @ u / t
o = a << b >> c & d ^ e | f
p = f(a, *b, c=d, **e)
q = obj.attr.sub[0](1)(2)
r = (yield)
s = await t
del a, b[0], c.d
assert x, "msg"
raise ValueError("x") from e
global gg
print(f"{x!r:>10} and {y=} {z:{w}.{p}}")
t = 1_000_000 + 0x_ff + 0o17 + 0b1010 + 1.5e-3 + 3j + .5 + 5.
u = 'a' 'b' "c" '''d''' """e"""
v = b'bytes' rb'\d' br'x'
w = r'raw\n' u'uni'
