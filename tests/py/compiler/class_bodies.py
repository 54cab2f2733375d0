# Checks class body code: __module__, __qualname__, __firstlineno__, __static_attributes__, __classcell__, decorators, metaclass kwargs, docstrings.
def deco(cls):
    cls.decorated = True
    return cls
@deco
class A:
    """Doc of A.
       More."""
    attr = 1
    def __init__(self):
        self.x = 1
        self.y: int = 2
    def other(self):
        self.z = 3
        (self.w, self.x) = (1, 2)
    class Nested:
        def m(self):
            return 1
print(A.__module__, A.__qualname__, A.__firstlineno__, A.__static_attributes__)
print(A.__doc__, A.decorated, A.Nested.__qualname__, A.Nested.m.__qualname__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["kw"] = kw
        return super().__new__(mcls, name, bases, ns)
class B(A, metaclass=Meta, flag=True):
    def method(self):
        return super().other()
print(B.kw, B.__mro__[1].__name__, type(B).__name__)
class C:
    def get(self):
        return __class__
print(C().get() is C)
def make():
    class Local:
        def f(self):
            pass
    return Local
print(make().__qualname__, make().f.__qualname__)
class D:
    __private = 1
    def get(self):
        return self.__private
print(D().get(), hasattr(D, "_D__private"))
class E:
    a = 1
    b = a + 1
    del a
print(hasattr(E, "a"), E.b)
class F:
    if True:
        x = 1
    else:
        y = 2
    for i in range(3):
        pass
print(F.x, F.i, hasattr(F, "y"))
class G:
    def __init_subclass__(cls, **kw):
        cls.sub = kw
class H(G, k=1):
    pass
print(H.sub)
print(A.__init__.__qualname__, A.other.__code__.co_firstlineno - A.__firstlineno__)
