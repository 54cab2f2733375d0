# traceback: format_exception/format_tb/extract_tb, carets, chains, groups, notes, syntax errors
import traceback, sys

def f(a):
    return a[1] + 1/0
def g():
    x = {'a': 1}
    return f([1,2])

import os
_D = os.path.dirname(os.path.abspath(__file__)) + os.sep
def show(lines):
    for l in lines:
        print(l.replace(_D, ''), end='')
    print('--')

try:
    g()
except Exception as e:
    show(traceback.format_exception(e))
    show(traceback.format_tb(e.__traceback__))
    fs = traceback.extract_tb(e.__traceback__)
    print(len(fs), fs[0].name, fs[-1].line, fs[-1].lineno, repr(fs[-1]).split(',')[1])
    print(fs[-1].colno, fs[-1].end_colno, list(fs[1])[2:])
    show(traceback.format_exception_only(e))

def h(d):
    return d['key']['other']
try:
    h({'key': {}})
except KeyError as e:
    show(traceback.format_exception(e))

class C:
    def m(self):
        return self.attr.foo(1, 2)
try:
    C().m()
except AttributeError as e:
    show(traceback.format_exception(e))

try:
    try:
        int('x')
    except ValueError as e:
        raise TypeError('bad') from e
except TypeError as e:
    show(traceback.format_exception(e))

try:
    try:
        {}['a']
    except KeyError:
        len(5)
except TypeError as e:
    show(traceback.format_exception(e))
    show(traceback.format_exception(e, chain=False))

try:
    e = ValueError('with note')
    e.add_note('note one')
    e.add_note('two\nlines')
    raise e
except ValueError as e:
    show(traceback.format_exception(e))

try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError('t'), ExceptionGroup('inner', [KeyError('k')])])
except ExceptionGroup as e:
    show(traceback.format_exception(e))

try:
    compile('x = (1,\n', '<s>', 'exec')
except SyntaxError as e:
    show(traceback.format_exception_only(e))
try:
    compile('a b', 'file.py', 'exec')
except SyntaxError as e:
    show(traceback.format_exception_only(e))

def rec(n):
    if n == 0:
        raise RuntimeError('deep')
    return rec(n - 1)
try:
    rec(10)
except RuntimeError as e:
    show(traceback.format_exception(e))

try:
    x = 1
    y = x.nope
except AttributeError as e:
    show(traceback.format_exception_only(e))

def stack():
    return traceback.format_stack()
show(stack())
s = traceback.extract_stack()
print(s[-1].name, s[-1].line)
print(traceback.format_exc())
try:
    raise ValueError
except ValueError:
    show([traceback.format_exc()])
def long_call(a, b):
    return a / b
try:
    r = long_call(1,
                  0)
except ZeroDivisionError as e:
    show(traceback.format_exception(e))
try:
    val = [1][5] if True else 0
except IndexError as e:
    show(traceback.format_tb(e.__traceback__))
fs = traceback.FrameSummary('f.py', 3, 'fn', line='  x = 1  ')
print(fs.line, fs == ('f.py', 3, 'fn', 'x = 1'), len(fs))
print(traceback.format_list([('a.py', 1, 'm', 'pass'), fs]))
te = traceback.TracebackException.from_exception(ValueError('q'))
print(str(te), list(te.format()))
