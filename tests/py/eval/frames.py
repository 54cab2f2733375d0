# Frame objects: sys._getframe, f_back, f_code, f_locals, f_lineno, f_lasti, clear(), generator frames.
import sys
def f(a, b=2):
    c = a + b
    fr = sys._getframe()
    return fr, fr.f_locals, fr.f_lineno, fr.f_code.co_name, fr.f_back.f_code.co_name
fr, loc, line, name, back = f(1)
print(sorted(loc.items(), key=lambda kv: kv[0])[:3], line, name, back)
print(fr.f_lineno, fr.f_back is not None, fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else True)
def caller():
    return callee()
def callee():
    return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
print(caller())
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
print(sys._getframe().f_locals is globals())
def closure_locals():
    x = 1
    def inner():
        y = 2
        return sorted(sys._getframe().f_locals)
    return inner(), x
print(closure_locals())
def try_clear():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print(e)
try_clear()
def g():
    yield sys._getframe()
    yield 2
it = g()
gf = next(it)
print(gf.f_code.co_name, gf.f_back, it.gi_frame is gf)
try:
    gf.clear()
except RuntimeError as e:
    print(e)
it.close()
print(it.gi_frame)
class C:
    x = 1
    loc = sys._getframe().f_locals
    print(sorted(k for k in loc if not k.startswith('__') or k == '__qualname__'))
def lasti():
    return sys._getframe().f_lasti >= 0
print(lasti())
print(type(sys._getframe()).__name__)
def locals_snapshot():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    return sorted(l1), sorted(l2)
print(locals_snapshot())
def deleted_local():
    a = 1
    del a
    return locals()
print(deleted_local())
