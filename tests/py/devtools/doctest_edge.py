# doctest: edge cases (exception notes and groups, multi-line messages, SystemExit, nested runners, stderr, recursion through __test__ modules, DocTest with no examples, blank-line directives)
import doctest
from _doctest_support import drop_machinery_frames
import sys
import types

parser = doctest.DocTestParser()


def scrub(text):
    return drop_machinery_frames(text)


def run(src, flags=0, verbose=False, name='e'):
    test = parser.get_doctest(src, {}, name, 'e.py', 0)
    buf = []
    result = doctest.DocTestRunner(verbose=verbose, optionflags=flags).run(
        test, out=buf.append)
    print(scrub(''.join(buf)), end='')
    print('->', result)


print('== notes and multi-line messages')
run('''
>>> e = ValueError('first')
>>> e.add_note('a note')
>>> raise e
Traceback (most recent call last):
ValueError: first
a note
>>> raise ValueError('line one\\nline two')
Traceback (most recent call last):
ValueError: line one
line two
>>> raise ValueError('line one\\nline two')
Traceback (most recent call last):
ValueError: line one
other
''')
run('''
>>> raise ValueError('line one\\nline two')
Traceback (most recent call last):
ValueError: different
other
''', doctest.IGNORE_EXCEPTION_DETAIL)

print('== exception with ELLIPSIS in message')
run('''
>>> raise RuntimeError('a long message with details')
Traceback (most recent call last):
RuntimeError: a long ... details
''', doctest.ELLIPSIS)

print('== SystemExit and BaseException subclasses')
run('''
>>> import sys
>>> sys.exit(3)
Traceback (most recent call last):
SystemExit: 3
>>> raise GeneratorExit
>>> print('still running')
still running
''')

print('== stderr is not captured')
saved = sys.stderr
sys.stderr = sys.stdout
run('''
>>> import sys
>>> print('to stderr', file=sys.stderr)
>>> print('to stdout')
to stdout
''')
sys.stderr = saved

print('== nested runner inside an example')
run('''
>>> import doctest
>>> inner = doctest.DocTestParser().get_doctest('>>> 1 + 1\\n3\\n', {}, 'inner', None, 0)
>>> doctest.DocTestRunner(verbose=False).run(inner)
**********************************************************************
Line 1, in inner
Failed example:
    1 + 1
Expected:
    3
Got:
    2
TestResults(failed=1, attempted=1)
>>> print('outer continues')
outer continues
''')

print('== sys.stdout replaced by an example')
run('''
>>> import io, sys
>>> keep = sys.stdout
>>> sys.stdout = io.StringIO()
>>> print('hidden')
>>> sys.stdout = keep
>>> print('visible')
visible
''')

print('== __test__ with a module value')
sub = types.ModuleType('subm', '>>> "sub module"\n\'sub module\'\n')
top = types.ModuleType('topm')
top.__test__ = {'sub': sub, 'f': lambda: None}
for t in doctest.DocTestFinder(exclude_empty=False).find(top, module=False):
    print(t.name, len(t.examples), t.lineno)

print('== _ is reset and displayhook results')
import builtins
run('''
>>> 40 + 2
42
>>> _
42
>>> x = _ + 1
>>> x
43
''')
print(getattr(builtins, '_', 'unset'))

print('== examples at different indentation and empty want with BLANKLINE')
run('''
    >>> print('')
    <BLANKLINE>
    >>> print('')
    >>> print(' ')
    <BLANKLINE>
''', verbose=True)
run('''
>>> print('')
<BLANKLINE>
''', doctest.DONT_ACCEPT_BLANKLINE)

print('== verbose with skipped and failing examples')
run('''
>>> 1  # doctest: +SKIP
2
>>> 1
1
''', verbose=True)
r = doctest.DocTestRunner(verbose=False)
r.run(parser.get_doctest('>>> 1 # doctest: +SKIP\n>>> 2\n3\n', {}, 'sk', None, 0),
      out=lambda s: None)
r.run(parser.get_doctest('>>> 1 # doctest: +SKIP\n>>> 2 # doctest: +SKIP\n',
                         {}, 'sk2', None, 0), out=lambda s: None)
print(r.summarize(verbose=True))

print('== unicode names and output')
run('>>> print("na\\u00efve")\nnaive\n', name='caf\u00e9')
