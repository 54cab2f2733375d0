# Checks code-object attributes produced by the compiler: varnames/cellvars/freevars/names/consts order, flags, stacksize, qualnames, co_lines/co_positions.
def a(x, y=2, *args, k, **kw):
    z = x + y
    for i in range(3):
        w = [j for j in range(i)]
    try:
        pass
    except Exception as e:
        pass
    def inner():
        return z + k
    return inner
class K:
    def m(self):
        return super().m()
    def n(self):
        v = lambda q: q + self.x
        return v
def gen():
    x = yield
    yield from x
def tp[T](a: T) -> T:
    return a
def f0(): pass
def f1(): "doc"; return 1
async def co(): await x
def consts():
    if 0:
        dead = "never"
    return (1, 2) + (3,), -5, 2 ** 8, "ab" * 2, 1 in [1, 2], {1, 2} if 0 else None
objs = [a, a(1, k=2), K.m, K.n, gen, tp, lambda: 0, (lambda: (yield)), K.n(K()), f0, f1, co, consts]
for o in objs:
    c = o.__code__
    consts_ = tuple(x if not hasattr(x, "co_code") else "<code %s>" % x.co_name for x in c.co_consts)
    print(c.co_name, c.co_qualname, c.co_varnames, c.co_cellvars, c.co_freevars, c.co_names,
          consts_, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
          c.co_flags & 0x3ff, c.co_stacksize, c.co_firstlineno - a.__code__.co_firstlineno)
print(list(f1.__code__.co_lines())[1:], list(a.__code__.co_positions())[1:4])
print(f1.__doc__, consts())
m = compile("x = 1\nif x:\n    y = x + 1\n", "<m>", "exec")
print(m.co_names, m.co_consts, m.co_stacksize, m.co_flags, m.co_name, m.co_qualname, m.co_firstlineno)
e = compile("a + b * 2", "<e>", "eval")
print(e.co_names, e.co_consts, e.co_stacksize, list(e.co_lines()))
print(m == compile("x = 1\nif x:\n    y = x + 1\n", "<m>", "exec"), hash(m) == hash(compile("x = 1\nif x:\n    y = x + 1\n", "<m>", "exec")))
r = f1.__code__.replace(co_name="renamed")
print(r.co_name, r.co_qualname, r.co_consts == f1.__code__.co_consts, type(r.co_code).__name__)
