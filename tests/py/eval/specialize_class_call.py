# Calling a class with a Python __init__ from a warm call site: the instance returned, __init__ returning a value or raising, frames and tracebacks seen from __init__, classes and __init__s changed after specialisation, __new__, metaclasses, abstract classes and recursion
import sys
import traceback
from abc import ABC, abstractmethod


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(cls, *args):
    return cls(*args)


pts = [make(P, i, -i) for i in range(100)]
print(type(pts[0]).__name__, pts[7].x, pts[7].y, sys.getrefcount(pts[7]))


class Bad:
    def __init__(self, v):
        self.v = v
        if v == "ret":
            return 5
        if v == "raise":
            raise ValueError("nope")


def make1(v):
    return Bad(v)


for i in range(100):
    make1(i)
for v in ("ret", "raise"):
    try:
        make1(v)
    except Exception as e:
        print(type(e).__name__, e)
        tb = traceback.extract_tb(e.__traceback__)
        print([f.name for f in tb])


class Peek:
    def __init__(self):
        f = sys._getframe()
        self.names = (f.f_code.co_name, f.f_back.f_code.co_name)
        self.stack = [fs.name for fs in traceback.extract_stack()][-3:]


def peek():
    return Peek()


for _ in range(60):
    p = peek()
print(p.names, p.stack)


# __init__ replaced, class attribute changed, __new__ added after the site is warm
class M:
    def __init__(self, a):
        self.a = a


def mk(a):
    return M(a)


print(sum(mk(i).a for i in range(100)))
M.__init__ = lambda self, a: setattr(self, "a", a * 10)
print(mk(3).a)


def init2(self, a, b=2):
    self.a = a + b


M.__init__ = init2
print(mk(3).a)
M.__new__ = lambda cls, a: "from __new__"
print(mk(3))


# metaclass __call__, abstract classes, subclass instances
class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        pass


class Base(ABC):
    def __init__(self, a):
        self.a = a

    @abstractmethod
    def f(self): ...


class Concrete(Base):
    def f(self):
        return self.a


def build(cls, a):
    try:
        return cls(a)
    except TypeError as e:
        return str(e)


for cls in [P.__mro__[0]] * 0 + [Concrete] * 60:
    build(cls, 1)
print(build(WithMeta, 1), build(Base, 1), build(Concrete, 2).f())


# super().__init__ chains and recursion through __init__
class A:
    def __init__(self, n):
        self.n = n


class B(A):
    def __init__(self, n):
        super().__init__(n + 1)
        self.child = B(n - 1) if n > 0 else None


def depth(b):
    d = 0
    while b is not None:
        d += 1
        b = b.child
    return d


print(depth(B(50)), B(3).n)


class Deep:
    def __init__(self, n):
        self.inner = Deep(n + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)


# the profiler sees the __init__ call after the site is warm
events = []


def prof(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name == "__init__":
        events.append(event)


def many(n):
    out = []
    for i in range(n):
        if i == n - 2:
            sys.setprofile(prof)
        out.append(P(i, i))
    sys.setprofile(None)
    return len(out)


print(many(100), events)


# exceptions in __init__ leave no instance behind
class Tracked:
    alive = 0

    def __init__(self, fail):
        Tracked.alive += 1
        if fail:
            raise KeyError(fail)

    def __del__(self):
        Tracked.alive -= 1


def try_make(fail):
    try:
        return Tracked(fail)
    except KeyError:
        return None


keep = [try_make(i % 3 == 0 and i) for i in range(90)]
print(sum(k is not None for k in keep), Tracked.alive)
del keep
print(Tracked.alive)
