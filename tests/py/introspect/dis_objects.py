# dis.dis of modules, classes, methods, staticmethod/classmethod, source strings, raw bytes and depth limits
import dis
import io
import re
import types

SRC = '''\
X = 1
def f(a):
    return a + X
class K:
    @staticmethod
    def s(x):
        return x
    @classmethod
    def c(cls):
        return cls.d(1)
    @property
    def p(self):
        return 1
    def m(self, *args):
        def inner():
            return args
        return inner
'''
mod = types.ModuleType("mymod")
exec(compile(SRC, "<mymod>", "exec"), mod.__dict__)


def show(*args, **kw):
    out = io.StringIO()
    dis.dis(*args, file=out, **kw)
    print(re.sub(r"0x[0-9a-f]+", "0x?", out.getvalue()))


show(mod)
show(mod.K)
show(mod.K.c)
show(mod.K().m, depth=0)
show(mod.K().m, depth=1)
show(mod.K.__dict__["s"])
show("a.b(c)[d] = e")
show("lambda: 0")
code = mod.f.__code__.co_code
show(code)
show(code, show_offsets=True)
try:
    dis.get_instructions(code)
except TypeError as e:
    print("TypeError:", e)
print([(i.opname, i.argrepr) for i in dis.get_instructions("x + 1")])
