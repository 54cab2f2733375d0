# Function, method, classmethod/staticmethod, builtin-function objects: attributes, binding, reprs.
def addr(s):
    i = s.find('0x')
    while i >= 0:
        j = i + 2
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + '0x?' + s[j:]
        i = s.find('0x', i + 3)
    return s
def f(a, b=1, *, c=2) -> int:
    "doc of f"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__annotations__)
print(f.__module__, f.__code__.co_name, f.__globals__ is globals(), f.__closure__, f.__type_params__)
f.attr = 5
print(f.attr, f.__dict__)
f.__defaults__ = (9,)
print(f(1), f.__defaults__)
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
for name, val in [('__name__', 1), ('__qualname__', 1), ('__defaults__', 1), ('__kwdefaults__', 1), ('__code__', 1), ('__annotations__', 1)]:
    try:
        setattr(f, name, val)
    except TypeError as e:
        print(e)
try:
    del f.__dict__
except TypeError as e:
    print(e)
class A:
    def m(self):
        "m doc"
        return self
    @classmethod
    def c(cls):
        return cls
    @staticmethod
    def s(x):
        return x
    def outer(self):
        def inner():
            pass
        return inner
a = A()
print(a.m.__name__, a.m.__qualname__, a.m.__doc__, a.m.__self__ is a, a.m.__func__ is A.m)
print(a.m == a.m, a.m is a.m, hash(a.m) == hash(a.m), A().m == a.m)
print(A.c(), a.c(), A.s(3), a.s(4), A.__dict__['c'].__func__.__name__, A.__dict__['s'].__wrapped__.__name__)
print(A.__dict__['s'].__isabstractmethod__, A.__dict__['c'].__name__, A.__dict__['s'].__doc__)
print(a.outer().__qualname__, f.__get__(None, int) is f, type(f.__get__(1)).__name__)
print(addr(repr(f)), addr(repr(a.m)).startswith('<bound method A.m of <__main__.A object at'))
print(addr(repr(a.outer())))
print(repr(len), addr(repr([].append)), len.__qualname__, [].append.__qualname__, len.__module__)
print(len.__self__.__name__, [].append.__self__, len.__name__, dict.fromkeys.__qualname__)
print(type(len).__name__, type(a.m).__name__, type(f).__name__, type(A.__dict__['c']).__name__)
a.m.__func__.tag = 'x'
print(a.m.tag)
try:
    a.m.newattr = 1
except AttributeError as e:
    print(type(e).__name__)
def kw_only(*, x): return x
print(kw_only.__kwdefaults__, kw_only(x=3))
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
import functools
@functools.wraps(f)
def wrapper(*args, **kw):
    return f(*args, **kw)
print(wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is f)
def gen(): yield 1
print(gen.__code__.co_flags & 0x20 != 0, type(gen()).__name__)
class B:
    def __call__(self, x):
        return x * 2
print(B()(21), callable(B()), callable(B), callable(1))
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
