# doctest: DocTestSuite / DocFileSuite / DocTestCase through unittest (output, failures, setUp/tearDown/globs/optionflags, skips, set_unittest_reportflags, debug)
import doctest
from _doctest_support import drop_machinery_frames
import importlib
import io
import os
import re
import sys
import tempfile
import unittest

MODULE = '''\
"""
>>> double(2)
4
"""


def double(x):
    """
    >>> double(3)
    6
    >>> double('ab')
    'abab'
    """
    return x * 2


def wrong(x):
    """
    >>> wrong(1)
    2
    >>> wrong(2)
    3
    >>> wrong(3)
    4
    """
    return x


def explode():
    """
    >>> explode()
    """
    raise RuntimeError('kaboom')


def needs_setup():
    """
    >>> SETUP_VALUE
    'from setUp'
    >>> changed = 1
    """


def all_skipped():
    """
    >>> 1  # doctest: +SKIP
    2
    """


def empty_doc():
    """No examples here."""


class K:
    """
    >>> K().m()
    'm'
    """

    def m(self):
        """
        >>> K().m()
        'M'
        """
        return 'm'
'''

TEXT = '''\
A text file.

>>> SETUP_VALUE
'from setUp'
>>> 2 * 3
7
'''


def scrub(text, tmp):
    text = text.replace(tmp + os.sep, '<tmp>/').replace(tmp, '<tmp>')
    text = re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests in <time>',
                  text)
    return drop_machinery_frames(text, ('<doctest', '<tmp>'))


def run_suite(suite, tmp, verbosity=2):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream,
                                     verbosity=verbosity).run(suite)
    print(scrub(stream.getvalue(), tmp), end='')
    print('-> run=%d failures=%d errors=%d skipped=%d' %
          (result.testsRun, len(result.failures), len(result.errors),
           len(result.skipped)))
    return result


def set_up(test):
    print('setUp', test.name)
    test.globs['SETUP_VALUE'] = 'from setUp'


def tear_down(test):
    print('tearDown', test.name, 'changed' in test.globs)


with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, 'dtsuite.py'), 'w') as f:
        f.write(MODULE)
    with open(os.path.join(tmp, 'story.txt'), 'w') as f:
        f.write(TEXT)
    sys.path.insert(0, tmp)
    try:
        mod = importlib.import_module('dtsuite')
    finally:
        del sys.path[0]

    print('== DocTestSuite')
    suite = doctest.DocTestSuite(mod)
    print(type(suite).__name__, suite.countTestCases())
    for case in suite:
        print(repr(case), '|', case.id(), '|', case.shortDescription())
    run_suite(suite, tmp)

    print('== DocTestSuite by name, setUp/tearDown, optionflags')
    sys.modules['dtsuite'] = mod
    suite = doctest.DocTestSuite('dtsuite', setUp=set_up, tearDown=tear_down,
                                 optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
    run_suite(suite, tmp, verbosity=1)

    print('== extraglobs and a custom finder')
    suite = doctest.DocTestSuite(
        mod, extraglobs={'SETUP_VALUE': 'from setUp'},
        test_finder=doctest.DocTestFinder(recurse=False))
    run_suite(suite, tmp, verbosity=2)
    suite = doctest.DocTestSuite(mod, globs={'double': lambda x: 0})
    print([c.id() for c in suite])

    print('== set_unittest_reportflags')
    old = doctest.set_unittest_reportflags(doctest.REPORT_NDIFF)
    print(old)
    case = [c for c in doctest.DocTestSuite(mod) if c.id().endswith('wrong')][0]
    run_suite(case, tmp, verbosity=0)
    print(doctest.set_unittest_reportflags(old))
    try:
        doctest.set_unittest_reportflags(doctest.ELLIPSIS)
    except ValueError as exc:
        print('ValueError', exc.args)

    print('== DocTestCase direct')
    test = doctest.DocTestParser().get_doctest(
        '>>> x\n1\n', {'x': 1}, 'pkg.mod.name', 'file.py', 4)
    case = doctest.DocTestCase(test)
    print(repr(case), str(case) == repr(case), case.id(),
          case.shortDescription())
    print(case == doctest.DocTestCase(test), case != doctest.DocTestCase(
        test, optionflags=doctest.ELLIPSIS), hash(case) == hash(
        doctest.DocTestCase(test)))
    print(case.format_failure('details\n'), end='')
    test.lineno = None
    print(case.format_failure('more details\n'), end='')
    run_suite(unittest.TestSuite([case]), tmp)

    print('== debug')
    bad = doctest.DocTestParser().get_doctest(
        '>>> y = 1\n>>> y\n2\n', {}, 'dbg', 'dbg.py', 0)
    try:
        doctest.DocTestCase(bad).debug()
    except doctest.DocTestFailure as f:
        print('DocTestFailure', repr(f.got), f.test.globs.get('y'))
    boom = doctest.DocTestParser().get_doctest(
        '>>> raise KeyError(5)\n', {}, 'dbg2', 'dbg.py', 0)
    try:
        doctest.DocTestCase(boom).debug()
    except doctest.UnexpectedException as u:
        print('UnexpectedException', repr(u.exc_info[1]))
    ok = doctest.DocTestParser().get_doctest('>>> 1\n1\n', {}, 'fine', 'f.py', 0)
    print(doctest.DocTestCase(ok).debug())

    print('== DocFileSuite')
    here_pkg = type(sys)('herepkg')
    here_pkg.__file__ = os.path.join(tmp, '__init__.py')
    suite = doctest.DocFileSuite('story.txt', package=here_pkg,
                                 setUp=set_up, tearDown=tear_down)
    for case in suite:
        print(repr(case).replace(tmp, '<tmp>'), case.id(),
              case.shortDescription().replace(tmp, '<tmp>'))
    run_suite(suite, tmp)
    suite = doctest.DocFileSuite(os.path.join(tmp, 'story.txt'),
                                 module_relative=False,
                                 globs={'SETUP_VALUE': 'from setUp'},
                                 optionflags=doctest.REPORT_UDIFF)
    run_suite(suite, tmp, verbosity=1)
    case = doctest.DocFileTest(os.path.join(tmp, 'story.txt'),
                               module_relative=False)
    print(case._dt_test.globs['__file__'].replace(tmp, '<tmp>'))
    try:
        doctest.DocFileSuite('story.txt', package=here_pkg,
                             module_relative=False)
    except ValueError as exc:
        print('ValueError', exc)

    print('== loader integration')
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    suite.addTests(doctest.DocTestSuite(mod))
    suite.addTests(loader.loadTestsFromTestCase(type(
        'Plain', (unittest.TestCase,), {'test_x': lambda self: None})))
    run_suite(suite, tmp, verbosity=1)
    del sys.modules['dtsuite']
