# doctest: DocTestRunner.run/summarize/merge, failure report formats, unexpected exceptions, stdout capture and restore, TestResults
import doctest
from _doctest_support import drop_machinery_frames
import sys
import io

parser = doctest.DocTestParser()


def scrub(text):
    return drop_machinery_frames(text)


def run(src, name='t', filename='t.py', lineno=10, verbose=False, flags=0,
        globs=None, runner=None, **kw):
    test = parser.get_doctest(src, globs or {}, name, filename, lineno)
    buf = []
    if runner is None:
        runner = doctest.DocTestRunner(verbose=verbose, optionflags=flags)
    result = runner.run(test, out=buf.append, **kw)
    print(scrub(''.join(buf)), end='')
    print('->', result)
    return runner, test


print('== passing, verbose')
run('''
>>> x = 2
>>> x * 21
42
>>> print('hi')
hi
>>> for i in range(3):
...     print(i, end=' ')
0 1 2
>>> None
>>> 'abc'
'abc'
''', verbose=True)

print('== failures')
run('''
>>> print('a')
b
>>> 1 + 1
>>> print('x')
>>> print('two\\nlines')
two
lines
>>> y = 5
>>> y
6
''')

print('== no filename')
run('>>> 3\n4\n', filename=None)
run('>>> 3\n4\n', filename='', lineno=None)

print('== exceptions')
run('''
>>> raise ValueError('boom')
Traceback (most recent call last):
  ...
ValueError: boom
>>> raise ValueError('boom')
Traceback (most recent call last):
ValueError: other
>>> int('z')
Traceback (most recent call last):
ValueError: invalid literal for int() with base 10: 'z'
>>> raise KeyError('k')
>>> print('before'); raise TypeError('t')
before
>>> def f():
...     raise RuntimeError('deep')
>>> f()
42
>>> {}['missing']
Traceback (most recent call last):
KeyError: 'missing'
''', verbose=True)

print('== syntax errors')
run('''
>>> x = = 1
Traceback (most recent call last):
SyntaxError: invalid syntax
>>> def g(:
Traceback (most recent call last):
  File "<doctest>", line 1
    def g(:
          ^
SyntaxError: invalid syntax
>>> if 1:
... print(1)
Traceback (most recent call last):
IndentationError: expected an indented block after 'if' statement on line 1
''')

print('== globals, clear_globs, displayhook, stdout')
saved_out = sys.stdout
saved_hook = sys.displayhook
sys.displayhook = lambda v: None
g = {'base': 10}
runner, test = run('''
>>> base + 1
11
>>> z = base * 2
>>> import sys; sys.displayhook is sys.__displayhook__
True
''', globs=g, clear_globs=False)
print(sorted(k for k in test.globs if k != '__builtins__'), 'z' in g)
runner, test = run('>>> q = 1\n>>> q\n1\n')
print(test.globs)
print(sys.stdout is saved_out, sys.displayhook is not sys.__displayhook__)
sys.displayhook = saved_hook

print('== __future__ flags')
import __future__
run('>>> def f(a: undefined_name): pass\n>>> f.__annotations__\n'
    "{'a': 'undefined_name'}\n",
    globs={'annotations': __future__.annotations})

print('== totals')
r = doctest.DocTestRunner(verbose=False)
run('>>> 1\n1\n>>> 2\n3\n', name='m.a', runner=r)
run('>>> 1\n1\n', name='m.b', runner=r)
run('no examples here', name='m.c', runner=r)
run('>>> 1\n1\n>>> 5 # doctest: +SKIP\n6\n', name='m.d', runner=r)
print(r.tries, r.failures, r.skips, sorted(r._stats.items()))
print('-- summarize verbose')
print(r.summarize(verbose=True))
print('-- summarize quiet')
print(r.summarize(verbose=False))
r2 = doctest.DocTestRunner(verbose=False)
run('>>> 1\n1\n', name='m.a', runner=r2)
run('>>> 1\n1\n', name='m.e', runner=r2)
r.merge(r2)
print(sorted(r._stats.items()), r.tries)
print(r.summarize(verbose=True))
empty = doctest.DocTestRunner(verbose=False)
print(empty.summarize(verbose=True))
one = doctest.DocTestRunner(verbose=False)
run('>>> 1\n2\n', name='only', runner=one)
print(one.summarize())

print('== TestResults')
tr = doctest.TestResults(1, 2)
print(tr, repr(tr), tr.failed, tr.attempted, tr.skipped, tuple(tr))
tr = doctest.TestResults(0, 5, skipped=2)
print(tr, tr == (0, 5), tr.skipped)
f, a = tr
print(f, a, isinstance(tr, tuple))
try:
    doctest.TestResults(0, 1, 2)
except TypeError as exc:
    print('TypeError', exc)

print('== custom report hooks')


class Recorder(doctest.DocTestRunner):
    def report_start(self, out, test, example):
        out('start %r\n' % example.source)

    def report_success(self, out, test, example, got):
        out('success %r\n' % got)

    def report_failure(self, out, test, example, got):
        out('failure %r %r\n' % (example.want, got))

    def report_unexpected_exception(self, out, test, example, exc_info):
        out('exception %s\n' % exc_info[0].__name__)


run('>>> print(1)\n1\n>>> print(2)\n3\n>>> 1/0\n', runner=Recorder())

print('== DIVIDER override')
r = doctest.DocTestRunner(verbose=False)
r.DIVIDER = '-' * 20
run('>>> 1\n2\n', runner=r)

print('== default out writes to sys.stdout')
buf = io.StringIO()
sys.stdout = buf
try:
    t = parser.get_doctest('>>> print("inner")\nouter\n', {}, 'd', 'd.py', 0)
    res = doctest.DocTestRunner(verbose=False).run(t)
finally:
    sys.stdout = saved_out
print(buf.getvalue(), end='')
print(res)

print('== output without trailing newline')
run('''
>>> import sys
>>> _ = sys.stdout.write('no newline')
no newline
>>> print('a', end='')
a
''', verbose=True)

print('== unicode output')
run('>>> print("caf\\u00e9")\ncafé\n>>> "\\u00e9"\n\'é\'\n>>> print("\\u00e9")\ne\n')
