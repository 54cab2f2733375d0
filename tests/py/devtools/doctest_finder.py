# doctest: DocTestFinder over a real module (functions, classes, methods, static/class methods, properties, __test__, wrappers), line numbers, exclude_empty, recursion, errors
import doctest
import importlib
import os
import sys
import tempfile
import textwrap

MODULE = '''\
"""Module docstring.

>>> 1 + 1
2
"""
import functools
from os.path import join


def plain(x):
    """Return x.

    >>> plain(3)
    3
    """
    return x


def no_doc():
    pass


def empty_doc():
    ""


def decorator(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args)
    return wrapper


@decorator
def wrapped():
    """
    >>> wrapped()
    'w'
    """
    return 'w'


class Thing:
    """A class.

    >>> Thing().value
    5
    """

    value = 5

    def method(self):
        """>>> Thing().method()
        'm'
        """
        return 'm'

    @staticmethod
    def static():
        """
        >>> Thing.static()
        's'
        """
        return 's'

    @classmethod
    def klass(cls):
        """
        >>> Thing.klass()
        'Thing'
        """
        return cls.__name__

    @property
    def prop(self):
        """
        >>> Thing().prop
        'p'
        """
        return 'p'

    class Inner:
        """
        >>> Thing.Inner.__name__
        'Inner'
        """

        def deep(self):
            \'\'\'
            >>> 'deep'
            'deep'
            \'\'\'

    def _private(self):
        """>>> 'private'
        'private'
        """

    def undocumented(self):
        pass


class Bare:
    def method(self):
        """>>> 'bare method'
        'bare method'
        """


alias = Thing

__test__ = {
    'text': """
        >>> 'from __test__'
        'from __test__'
        """,
    'func': plain,
    'cls': Bare,
}
'''


def show(tests, tmp):
    for t in tests:
        fn = t.filename
        print('%-40s %-12s lineno=%s examples=%d' %
              (t.name, os.path.basename(fn) if fn else fn, t.lineno,
               len(t.examples)))


with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, 'dtsample.py'), 'w') as f:
        f.write(MODULE)
    sys.path.insert(0, tmp)
    try:
        mod = importlib.import_module('dtsample')
    finally:
        del sys.path[0]

    finder = doctest.DocTestFinder()
    tests = finder.find(mod)
    print('== default finder')
    show(tests, tmp)
    print(tests[0].filename == mod.__file__)

    print('== exclude_empty=False')
    show(doctest.DocTestFinder(exclude_empty=False).find(mod), tmp)

    print('== recurse=False')
    show(doctest.DocTestFinder(recurse=False).find(mod), tmp)

    print('== a class / a function / a method')
    show(finder.find(mod.Thing), tmp)
    show(finder.find(mod.plain), tmp)
    show(finder.find(mod.Thing.method, 'Thing.method'), tmp)
    show(finder.find(mod.Thing().method, 'bound'), tmp)

    print('== explicit names and module=False')
    show(finder.find(mod.Thing, 'Custom'), tmp)
    show(finder.find(mod.Thing, 'NoMod', module=False), tmp)

    print('== globs')
    t = finder.find(mod.plain)[0]
    print(t.globs['__name__'], 'plain' in t.globs, 'Thing' in t.globs)
    t = finder.find(mod.plain, globs={'a': 1}, extraglobs={'b': 2})[0]
    print(sorted(t.globs))
    t = finder.find(mod.plain, module=False, globs={})[0]
    print(t.globs, t.filename)

    print('== verbose finder')
    doctest.DocTestFinder(verbose=True).find(mod.Thing)

    print('== examples run')
    runner = doctest.DocTestRunner(verbose=False)
    for t in tests:
        runner.run(t)
    print(runner.summarize(verbose=False))

    print('== errors')
    for bad in ({1: 'x'}, {'k': 42}):
        mod.__test__ = bad
        try:
            finder.find(mod)
        except ValueError as exc:
            print('ValueError:', exc)
    del mod.__test__
    try:
        finder.find(3)
    except ValueError as exc:
        print('ValueError:', exc)
    sys.modules.pop('dtsample', None)

print('== strings and objects without source')
show(finder.find('>>> 1\n1\n', 'str_test', module=False), '')
docstring_holder = type('Holder', (), {'__doc__': '>>> 2\n2\n', '__module__': 'nowhere'})
show(finder.find(docstring_holder, module=False), '')
print(finder.find(docstring_holder, module=False)[0].lineno)
