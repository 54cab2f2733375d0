# inspect.getsource/getsourcelines/getcomments/findsource find blocks by tokens, as CPython does
import inspect
import sys
import functools


def deco(f):
    return f


def deco_args(*a):
    def wrap(f):
        return f
    return wrap


# a comment about plain
# on two lines
def plain(a, b=2):
    return a + b


@deco
@deco_args(1,
           2)
def decorated():
    pass


def with_docstring():
    """A docstring
whose lines are at column 0
    and back.
"""
    x = '''
not indented
'''
    return x


def continued(a,
              b):
    y = a + \
b
    return y


def outer():
    # comment inside
    def inner(z):
        return z * 2

    class Local:
        def m(self):
            return 1
    return inner, Local


def oneline(): return 1
two = lambda x: x + 1
multi = (lambda a,
         b: a - b)
pair = (lambda: 1, lambda: 2)


async def coro():
    await something()
    # trailing comment at body level

# comment at column 0 ends it


class Outer:
    """Outer doc."""

    class Inner:
        def method(self):
            return 'inner'

    def method(self, x):
        if x:
            return x
        return None

    @staticmethod
    def smeth():
        pass

    @property
    def prop(self):
        return 1


if True:
    class InIf:
        val = 1
else:
    class InIf:
        val = 2


@functools.total_ordering
class Decorated:
    def __lt__(self, other):
        return False

    def __eq__(self, other):
        return True


def show(label, obj):
    try:
        lines, lnum = inspect.getsourcelines(obj)
    except (OSError, TypeError) as e:
        print(label, type(e).__name__, e)
        return
    print(f'--- {label} (line {lnum}, {len(lines)} lines)')
    print(''.join(lines), end='')


for label, obj in [
    ('plain', plain), ('decorated', decorated), ('with_docstring', with_docstring),
    ('continued', continued), ('outer', outer), ('inner', outer()[0]),
    ('Local', outer()[1]), ('Local.m', outer()[1].m), ('oneline', oneline), ('two', two),
    ('multi', multi), ('pair0', pair[0]), ('pair1', pair[1]), ('coro', coro),
    ('Outer', Outer), ('Outer.Inner', Outer.Inner), ('Inner.method', Outer.Inner.method),
    ('Outer.method', Outer.method), ('bound', Outer().method), ('smeth', Outer.smeth),
    ('prop', Outer.prop.fget), ('InIf', InIf), ('Decorated', Decorated),
    ('code', plain.__code__), ('builtin', len), ('int', int),
]:
    show(label, obj)

print(repr(inspect.getsource(oneline)))
print(repr(inspect.getcomments(plain)))
print(repr(inspect.getcomments(outer()[0])))
print(repr(inspect.getcomments(inspect.getmodule(plain))))
print(repr(inspect.getcomments(decorated)))
lines, lnum = inspect.findsource(Outer.Inner)
print(lnum, lines[lnum], end='')
lines, lnum = inspect.findsource(two)
print(lnum, lines[lnum], end='')


def here():
    return sys._getframe()


frame = here()
print(inspect.getsource(frame), end='')
print(inspect.getsourcelines(sys._getframe())[1])

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(inspect.getsourcelines(tb)[1])

# blocks from lines given directly
print(inspect.getblock(['def f():\n', '    return 1\n', 'x = 2\n']))
print(inspect.getblock(['@d\n', 'def f(): pass\n', 'y = 1\n']))
print(inspect.getblock(['lambda: (1,\n', '  2)\n', 'z\n']))
print(inspect.getblock(['    return 1)\n', 'more\n']))
print(inspect.getblock(['class C:\n', '    a = 1\n', '        # deeper comment\n', '  # shallow\n', 'b\n']))
print(inspect.BufferFlags.FULL_RO, int(inspect.BufferFlags.STRIDED), inspect.BufferFlags(0x200))
print(inspect.BufferFlags.READ | inspect.BufferFlags.WRITE)
print(issubclass(inspect.EndOfBlock, Exception), hasattr(inspect.BlockFinder(), 'tokeneater'))

# source compiled from a string and registered in linecache
import linecache
src = 'def made():\n    return 42\n'
linecache.cache['<made>'] = (len(src), None, src.splitlines(True), '<made>')
ns = {}
exec(compile(src, '<made>', 'exec'), ns)
print(inspect.getsource(ns['made']), end='')
del linecache.cache['<made>']
try:
    inspect.getsource(ns['made'])
except OSError as e:
    print('OSError', e)

# pdb's longlist and source go through getsourcelines
import io
import os
import pdb


def traced(n):
    s = '''
col0
'''
    return n + \
1


out = io.StringIO()
dbg = pdb.Pdb(stdin=io.StringIO('step\nll\nsource traced\nsource Outer.Inner\nc\n'), stdout=out)
dbg.runcall(traced, 1)
print(out.getvalue().replace(os.path.abspath(__file__), '<test>').replace(__file__, '<test>'))
