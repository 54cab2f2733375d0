# Checks LEGB resolution, global/nonlocal, cells shared between closures, late binding and class-scope rules.
x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
print(f())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
def setg():
    global x
    x = "changed"
setg()
print(x)
fs = [lambda: i for i in range(3)]
print([h() for h in fs])
fs = [lambda i=i: i for i in range(3)]
print([h() for h in fs])
def param_cell(a):
    def inner():
        return a * 2
    a += 1
    return inner()
print(param_cell(5))
class C:
    y = 10
    def m(self):
        try:
            return y
        except NameError as e:
            return "NameError"
    z = [y for _ in range(2)] if False else None
print(C().m())
def outer():
    v = 1
    class Inner:
        v = 2
        def get(self):
            return v
        w = v
    return Inner().get(), Inner.w
print(outer())
def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    q = 1
unbound()
def deleted():
    a = 1
    del a
    try:
        a
    except UnboundLocalError as e:
        print(e)
deleted()
def free_del():
    a = 1
    def g():
        return a
    del a
    try:
        g()
    except NameError as e:
        print(e)
free_del()
def walrus():
    [y := i for i in range(4)]
    return y
print(walrus())
def nested_nonlocal():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 10
        l2()
    l1()
    return a
print(nested_nonlocal())
print(f.__code__.co_cellvars, f.__code__.co_varnames, counter.__code__.co_cellvars)
print(inc.__code__.co_freevars, inc.__code__.co_varnames)
import sys
def uses_super_name():
    class A:
        def who(self):
            return "A"
    class B(A):
        def who(self):
            return "B" + super().who()
        def cls(self):
            return __class__
    return B().who(), B().cls().__name__
print(uses_super_name())
def comp_in_class():
    class K:
        a = 5
        b = [a for _ in range(1)] if False else [1]
        c = [i for i in range(3)]
    return K.c
print(comp_in_class())
g = 100
def shadow():
    return [g for g in range(2)], g
print(shadow())
