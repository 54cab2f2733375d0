# traceback: suggestions, legacy signatures, print_exception, multi-line markers, limits, locals
import os as _os, sys as _sys


class _PathFilter:
    # Tracebacks show absolute paths; keep the expected output independent of the checkout.
    def __init__(self, out, d):
        self.out, self.d = out, d

    def write(self, s):
        return self.out.write(s.replace(self.d, '<dir>'))

    def flush(self):
        self.out.flush()


_sys.stdout = _PathFilter(_sys.stdout, _os.path.dirname(_os.path.abspath(__file__)))
import traceback, sys, os, io
_D = os.path.dirname(os.path.abspath(__file__)) + os.sep
def show(lines):
    for l in lines:
        print(l.replace(_D, ''), end='')
    print('--')

def cases():
    apple = 1
    yield lambda: aple
    yield lambda: sys
    class P:
        color = 1
    yield lambda: P().colour
    yield lambda: [].apend(1)
    yield lambda: (1 +
                   None)
    yield lambda: {'a': [1, 2]}['a'][
        7]
    yield lambda: 2 ** 'x'
    yield lambda: -'x'
    yield lambda: 'a' < 1
    yield lambda: [x for x in range(3)][int('z')]
    yield lambda: float('a' + 'b')
for c in cases():
    try:
        c()
    except Exception as e:
        show(traceback.format_exception(type(e), e, e.__traceback__))

try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    buf = io.StringIO()
    traceback.print_exception(t, v, tb, file=buf)
    show([buf.getvalue()])
    show(traceback.format_exception(v, limit=1))
    show(traceback.format_exception(v, limit=0))
    traceback.print_exception(v, file=sys.stdout, limit=-1)
    buf = io.StringIO()
    traceback.print_tb(tb, file=buf)
    show([buf.getvalue()])
    print([f[:3] for f in traceback.extract_tb(tb)][0][1:])

def loc(a, b='x'):
    raise KeyError(a)
try:
    loc(5)
except KeyError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print(te.stack[-1].locals)
    show(traceback.StackSummary.from_list(te.stack[-1:]).format())
    show(traceback.TracebackException.from_exception(e).format_exception_only())
class MyErr(Exception):
    pass
try:
    raise MyErr()
except MyErr as e:
    show(traceback.format_exception_only(e))
class Bad(Exception):
    def __str__(self):
        raise RuntimeError
show(traceback.format_exception_only(Bad()))
show(traceback.format_exception_only(OSError(2, 'No such file', 'x.txt')))
eg = ExceptionGroup('many', [ValueError(i) for i in range(17)])
show(traceback.format_exception(eg))
show(traceback.format_exception_only(eg, show_group=True))
for fr, ln in traceback.walk_tb(None):
    print(fr)
print(type(traceback.walk_stack(None)).__name__)
try:
    exec('def f(:\n  pass')
except SyntaxError as e:
    show(traceback.format_exception_only(e))
try:
    exec('if 1:\n\tpass\n        x')
except SyntaxError as e:
    show(traceback.format_exception_only(e))
