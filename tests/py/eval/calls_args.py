# Argument binding for Python functions: positional/keyword/defaults/varargs and every TypeError message.
def f(a, b, c=1, *, k, m=2): return (a, b, c, k, m)
def g(x, /, y): return (x, y)
def h(*, k): return k
def v(*args, **kwargs): return args, kwargs
def w(a, b, c, d=1): pass
def p(a, b, /, c, **kw): return a, b, c, kw
def z(a=1): pass
class A:
    def m(self, x=0): return x
    @staticmethod
    def s(q): return q
    @classmethod
    def c(cls, q): return cls.__name__, q

print(f(1, 2, k=3), f(1, 2, 3, k=4, m=5), f(*[1, 2], **{'k': 9}))
print(g(1, 2), g(1, y=2), h(k=5), v(1, 2, x=3), p(1, 2, 3, a=5, b=6))
print(A().m(), A().m(4), A.m(A(), x=7), A.s(3), A().s(4), A.c(5), A().c(6))
print(v(*range(3), *'ab', **{'a': 1}, **{'b': 2}))

tests = [
    lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, 2, z=3, k=1), lambda: f(1, 2, a=1, k=1), lambda: g(x=1, y=2),
    lambda: h(1, k=2), lambda: h(1), lambda: f(1, 2, k=1, kk=3), lambda: f(*1),
    lambda: f(**1), lambda: f(**{1: 2}), lambda: f(1, **{'a': 1}), lambda: f(*[1], *2),
    lambda: f(**{'k': 1}, **{'k': 2}), lambda: f(1, 2, 3, 4), lambda: g(1, 2, 3),
    lambda: A().m(1, 2), lambda: A.m(), lambda: A().m(y=1), lambda: w(), lambda: w(1, 2, 3, 4, 5, 6),
    lambda: p(1, b=2, c=3), lambda: z(1, 2), lambda: v(**{'a': 1}, a=2), lambda: print(*1),
    lambda: len(), lambda: len(1, 2), lambda: [].append(), lambda: {}.get(),
    lambda: (lambda: 0)(1), lambda: (lambda *, a: 0)(), lambda: A.s(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
