# doctest: testmod (verbose report, failures, name/globs/extraglobs/report/optionflags/exclude_empty/raise_on_error), run_docstring_examples, master merging
import contextlib
import doctest
from _doctest_support import drop_machinery_frames
import io
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))


def scrub(text):
    text = text.replace(HERE + os.sep, '')
    return drop_machinery_frames(text, ('<doctest', 'doctest_testmod'))


def captured(func, *args, **kwargs):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            result = func(*args, **kwargs)
        except Exception as exc:
            result = 'raised %s: %s' % (type(exc).__name__, exc)
    print(scrub(buf.getvalue()), end='')
    print('->', result)


def square(n):
    """Square a number.

    >>> square(3)
    9
    >>> square(-2)
    4
    """
    return n * n


def broken(n):
    """
    >>> broken(2)
    5
    >>> broken(1) + undefined_name
    2
    """
    return n * 2


class Counter:
    """
    >>> c = Counter()
    >>> c.bump(); c.bump()
    >>> c.count
    2
    """

    def __init__(self):
        self.count = 0

    def bump(self):
        """
        >>> Counter().bump() is None
        True
        """
        self.count += 1


def uses_global():
    """
    >>> EXTRA
    'extra value'
    >>> square(EXTRA_N)
    16
    """


def no_doc():
    pass


__test__ = {'story': """
    >>> words = ['a', 'b']
    >>> ' '.join(words)
    'a b'
    """}

main = sys.modules['__main__']

print('== verbose')
captured(doctest.testmod, verbose=True,
         extraglobs={'EXTRA': 'extra value', 'EXTRA_N': 4})

print('== quiet')
captured(doctest.testmod, extraglobs={'EXTRA': 'extra value', 'EXTRA_N': 4})

print('== name, globs, report=False')
captured(doctest.testmod, main, name='renamed',
         globs={'square': square, 'broken': broken, 'Counter': Counter,
                'EXTRA': 'g', 'EXTRA_N': 1},
         report=False)

print('== optionflags')
captured(doctest.testmod, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE,
         extraglobs={'EXTRA': 'extra value', 'EXTRA_N': 4})

print('== exclude_empty=False, verbose')
mod = types.ModuleType('tiny', '>>> 1\n1\n')


def doc_less():
    pass


def documented():
    """>>> 2
    2
    """


doc_less.__module__ = documented.__module__ = 'tiny'
mod.doc_less = doc_less
mod.documented = documented
sys.modules['tiny'] = mod
captured(doctest.testmod, mod, verbose=True, exclude_empty=False)
captured(doctest.testmod, mod, verbose=True)
del sys.modules['tiny']

print('== raise_on_error')
bad = types.ModuleType('bad', '>>> 1\n2\n')
try:
    doctest.testmod(bad, raise_on_error=True)
except doctest.DocTestFailure as f:
    print('DocTestFailure', f.test.name, repr(f.example.want), repr(f.got))
    print(str(f))
bad.__doc__ = '>>> x = 1\n>>> raise KeyError(x)\n'
try:
    doctest.testmod(bad, raise_on_error=True)
except doctest.UnexpectedException as u:
    print('UnexpectedException', u.test.name, repr(u.example.source),
          u.exc_info[0].__name__, u.exc_info[1])
    print(u.test.globs.get('x'))

print('== errors')
captured(doctest.testmod, 'not a module')

print('== master')
print(type(doctest.master).__name__, sorted(doctest.master._stats)[:3])

print('== run_docstring_examples')
captured(doctest.run_docstring_examples, square, {'square': square})
captured(doctest.run_docstring_examples, broken, {'broken': broken})
captured(doctest.run_docstring_examples, broken, {'broken': broken},
         name='custom_name')
captured(doctest.run_docstring_examples, square, {'square': square},
         verbose=True)
captured(doctest.run_docstring_examples, Counter, {'Counter': Counter},
         verbose=True)
