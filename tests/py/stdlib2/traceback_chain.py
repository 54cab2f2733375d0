# traceback: suppressed context, cycles, nested groups with chains, limits, stack printing, None values
import traceback, sys, os, io
_D = os.path.dirname(os.path.abspath(__file__)) + os.sep
def show(lines):
    for l in lines:
        print(l.replace(_D, ''), end='')
    print('--')
try:
    try:
        1/0
    except ZeroDivisionError:
        raise KeyError('x') from None
except KeyError as e:
    show(traceback.format_exception(e))
a = ValueError('a'); b = TypeError('b')
a.__context__ = b; b.__context__ = a
show(traceback.format_exception(a))
def inner():
    try:
        raise ValueError('inner')
    except ValueError as e:
        raise ExceptionGroup('grp', [e, OSError('os')]) from RuntimeError('cause')
try:
    try:
        inner()
    except* ValueError as eg:
        raise TypeError('after')
except Exception as e:
    show(traceback.format_exception(e.exceptions[0] if isinstance(e.exceptions[0], TypeError) else e.exceptions[1]))
eg = ExceptionGroup('outer', [ExceptionGroup('mid', [ExceptionGroup('deep', [ValueError('v')])])])
show(traceback.format_exception(eg))
te = traceback.TracebackException.from_exception(eg, max_group_depth=1)
show(te.format())
def deep(n):
    if n:
        return deep(n - 1)
    raise ValueError('d')
try:
    deep(5)
except ValueError as e:
    show(traceback.format_exception(e, limit=2))
    show(traceback.format_exception(e, limit=-2))
    sys.tracebacklimit = 1
    show(traceback.format_exception(e))
    del sys.tracebacklimit
print(traceback.format_exception_only(None))
print(traceback.format_exception(None, None, None))
def lvl2():
    buf = io.StringIO()
    traceback.print_stack(file=buf, limit=2)
    show([buf.getvalue()])
    show(traceback.format_stack(limit=1))
    print([tuple(f)[2:] for f in traceback.extract_stack(limit=2)])
lvl2()
err = io.StringIO()
old = sys.stderr
sys.stderr = err
try:
    raise OSError(2, 'gone')
except OSError:
    traceback.print_exc()
    traceback.print_exc(limit=0)
sys.stderr = old
show([err.getvalue()])
class E(Exception):
    pass
E.__module__ = 'pkg.mod'
show(traceback.format_exception_only(E('m')))
E.__module__ = None
show(traceback.format_exception_only(E('m')))
e = Exception('n')
e.__notes__ = 'not a list'
show(traceback.format_exception_only(e))
e.__notes__ = [1, 'x']
show(traceback.format_exception_only(e))
show(traceback.format_exception_only(SyntaxError('msg', ('f.py', 3, 5, '  foo bar baz\n', 3, 9))))
show(traceback.format_exception_only(SyntaxError('msg')))
show(traceback.format_exception_only(SyntaxError('msg', (None, None, None, None))))
show(traceback.format_exception_only(SyntaxError('m', ('f.py', 1, 100, 'short', 1, 200))))
try:
    try:
        inner()
    except* ValueError:
        raise TypeError('again')
except ExceptionGroup as g:
    show(traceback.format_exception(g))
