# dis.dis/disassemble/show_caches/show_offsets/code_info/Bytecode output for straight-line code (same bytecode as CPython)
import dis
import io
import re


def show(x, **kw):
    out = io.StringIO()
    dis.dis(x, file=out, **kw)
    # Code object reprs carry addresses; mask them.
    print(re.sub(r"0x[0-9a-f]+", "0x?", out.getvalue()), end="")
    print("-----")


SRC = """\
def assign(a, b):
    c = a + b * 2
    d = c - a // 3 % b
    return c, d


def calls(x, *args, **kw):
    print(x, sep='', end=x)
    g(*args, **kw)
    return len(args)


def attrs(o):
    o.x = o.y.z
    del o.w
    return o.m(1, k=2)


def closure(a):
    def inner():
        return a
    return inner


def fstr(a, b):
    return f'{a}-{b!r:>3}{a!s}{b!a:{a}}'


def displays(a):
    return {'a': a, 'b': 2}, {a: 1}, {1, a}, [a, 2], (a, 3), a[1:2], a[::2]


def subscripts(a):
    a[1] = a[2:3]
    del a[0]
    return a[0]


def globals_and_imports():
    global G
    import os.path
    from sys import argv as av
    G = os.path, av
    return G


def raising(e):
    raise ValueError(e) from None


def tryfinally():
    try:
        g()
    finally:
        h()


def counter():
    x = 1
    def bump():
        nonlocal x
        x += 1
        return x
    return bump


class Klass:
    attr = 1

    def method(self):
        return super().method()


"""
ns = {}
exec(compile(SRC, "<dis-test>", "exec"), ns)
globals().update(ns)


for f in (assign, calls, attrs, closure, fstr, displays, subscripts, globals_and_imports,
          raising, tryfinally, counter):
    show(f)
show(Klass)
show(assign, show_caches=True)
show(attrs, show_offsets=True)
show("x = y.z + 1")
show(compile("import os\nx = os.getcwd()\nprint(x)\n", "<mod>", "exec"))
show(closure, depth=0)
print(dis.code_info(calls))
print(re.sub(r"0x[0-9a-f]+", "0x?", dis.code_info(counter)))
out = io.StringIO()
dis.show_code(closure, file=out)
print(re.sub(r"0x[0-9a-f]+", "0x?", out.getvalue()))
b = dis.Bytecode(assign)
print(b.first_line, b.current_offset, [i.opname for i in b])
print(re.sub(r"0x[0-9a-f]+", "0x?", b.dis()))
print(dis.Bytecode(assign, first_line=100).dis())
print(b.info() == dis.code_info(assign))
