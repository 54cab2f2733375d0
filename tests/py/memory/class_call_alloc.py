# Calling a class: object.__new__ + Python __init__ fast path, its fallbacks and error messages
import abc
import functools


class A:
    def __init__(self, *a, **k):
        print('A.__init__', a, sorted(k.items()))


A()
A(1)
A(1, x=2)
A(*range(12), **{'q': 1, 'r': 2})
A(*range(3), **{})


class B:
    pass


print(type(B()).__name__)
for args, kw in (((1,), {}), ((), {'x': 1})):
    try:
        B(*args, **kw)
    except TypeError as e:
        print('TypeError:', e)


class C:
    def __init__(self):
        return 1


try:
    C()
except TypeError as e:
    print('TypeError:', e)


class D:
    def __init__(self, x):
        self.x = x


for args in ((), (1, 2)):
    try:
        D(*args)
    except TypeError as e:
        print('TypeError:', e)
print(D(x=5).x)


class E(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


try:
    E()
except TypeError as e:
    print('TypeError:', e)


class M(type):
    def __call__(cls, *a):
        return ('meta', a)


class F(metaclass=M):
    def __init__(self, x):
        print('never')


print(F(1))


class M2(type):
    pass


class G(metaclass=M2):
    def __init__(self, x):
        print('G.__init__', x)


G(5)
M2.__call__ = lambda cls, *a: ('patched', a)
print(G(5))
del M2.__call__
G(6)


class H:
    __init__ = functools.partialmethod(lambda self, x, y: print('partialmethod', x, y), 10)


H(20)


class I:
    def __new__(cls, *a):
        print('I.__new__', a)
        return super().__new__(cls)

    def __init__(self, *a):
        print('I.__init__', a)


I(1, 2)


class J(list):
    def __init__(self, x):
        super().__init__(x)
        print('J', self)


J((1, 2))


class K:
    def __init__(self, a, b=2, *, c=3):
        print('K', a, b, c)


K(1, c=5)
K(a=1)
try:
    K(1, d=4)
except TypeError as e:
    print('TypeError:', e)


class L:
    def __init__(self):
        raise ValueError('boom')


try:
    L()
except ValueError as e:
    print('ValueError:', e)


class P(Exception):
    def __init__(self, x):
        super().__init__(x, 1)


print(repr(P(3)))


def recurse():
    class R:
        def __init__(self):
            R()
    try:
        R()
    except RecursionError:
        print('RecursionError')


recurse()


class S:
    def __init__(self, v):
        self.v = v


# __init__ replaced on the class after calls were made
s = S(1)
S.__init__ = lambda self, v: setattr(self, 'v', v * 10)
print(S(2).v)
del S.__init__
try:
    S(3)
except TypeError as e:
    print('TypeError:', e)
print(type(S()).__name__)


class T:
    @staticmethod
    def __init__(*a):
        print('static __init__', len(a))


T(1, 2)
print(sum(S.__new__(S) is not None for _ in range(3)))
print(list(map(D, range(3)))[2].x)
