# doctest: testfile on text files in a temporary directory (module_relative, package, name, globs, encoding, parser, verbose, failures, CRLF)
import contextlib
import doctest
from _doctest_support import drop_machinery_frames
import io
import os
import sys
import tempfile
import types

GOOD = '''\
A text file with examples.

    >>> x = 40
    >>> x + 2
    42

Prose between examples.

    >>> print('caf\\xe9')
    café
    >>> GREETING
    'hello'
'''

BAD = '''\
Failing examples:

>>> 1 + 1
3
>>> raise ZeroDivisionError('nope')
>>> print('ok')
ok
>>> [1, 2,
...  3]
[1, 2, 3]
'''


def scrub(text, tmp):
    text = text.replace(tmp + os.sep, '<tmp>/').replace(tmp, '<tmp>')
    return drop_machinery_frames(text)


def captured(tmp, func, *args, **kwargs):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            result = func(*args, **kwargs)
        except Exception as exc:
            result = 'raised %s: %s' % (type(exc).__name__,
                                        str(exc).replace(tmp, '<tmp>'))
    print(scrub(buf.getvalue(), tmp), end='')
    print('->', result)


with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, 'good.txt')
    bad = os.path.join(tmp, 'bad.txt')
    latin = os.path.join(tmp, 'latin.txt')
    crlf = os.path.join(tmp, 'crlf.txt')
    with open(good, 'w', encoding='utf-8') as f:
        f.write(GOOD)
    with open(bad, 'w', encoding='utf-8') as f:
        f.write(BAD)
    with open(latin, 'w', encoding='latin-1') as f:
        f.write(">>> print('\xe9t\xe9')\n\xe9t\xe9\n")
    with open(crlf, 'wb') as f:
        f.write(b">>> print('a')\r\na\r\n>>> 1 +\\\r\n... 1\r\n2\r\n")

    print('== good, verbose')
    captured(tmp, doctest.testfile, good, module_relative=False,
             verbose=True, globs={'GREETING': 'hello'})
    print('== good, quiet, extraglobs')
    captured(tmp, doctest.testfile, good, module_relative=False,
             extraglobs={'GREETING': 'hello'})
    print('== missing global')
    captured(tmp, doctest.testfile, good, module_relative=False)
    print('== bad')
    captured(tmp, doctest.testfile, bad, module_relative=False)
    print('== bad, name and report=False')
    captured(tmp, doctest.testfile, bad, module_relative=False,
             name='custom', report=False)
    print('== bad, flags')
    captured(tmp, doctest.testfile, bad, module_relative=False,
             optionflags=doctest.FAIL_FAST)
    print('== raise_on_error')
    captured(tmp, doctest.testfile, bad, module_relative=False,
             raise_on_error=True)
    print('== encoding')
    captured(tmp, doctest.testfile, latin, module_relative=False,
             encoding='latin-1', verbose=True)
    print('== CRLF line endings')
    captured(tmp, doctest.testfile, crlf, module_relative=False,
             verbose=True)

    print('== module relative')
    pkg = types.ModuleType('fakepkg')
    pkg.__file__ = os.path.join(tmp, '__init__.py')
    captured(tmp, doctest.testfile, 'good.txt', package=pkg,
             globs={'GREETING': 'hello'})
    sys.modules['fakepkg'] = pkg
    captured(tmp, doctest.testfile, 'good.txt', package='fakepkg',
             globs={'GREETING': 'hello'})
    del sys.modules['fakepkg']

    class Loader:
        def get_data(self, path):
            print('get_data', path.replace(tmp, '<tmp>'))
            with open(path, 'rb') as f:
                return f.read()

    pkg.__loader__ = Loader()
    captured(tmp, doctest.testfile, 'crlf.txt', package=pkg, verbose=True)
    pkg.__loader__ = None
    pkg.__spec__ = types.SimpleNamespace(loader=Loader())
    captured(tmp, doctest.testfile, 'latin.txt', package=pkg,
             encoding='latin-1')
    nofile = types.ModuleType('nofile')
    captured(tmp, doctest.testfile, 'good.txt', package=nofile)
    captured(tmp, doctest.testfile, '/abs/good.txt', package=pkg)
    captured(tmp, doctest.testfile, 'good.txt', module_relative=False,
             package=pkg)
    captured(tmp, doctest.testfile, os.path.join(tmp, 'missing.txt'),
             module_relative=False)

    print('== custom parser')

    class UpperParser(doctest.DocTestParser):
        def get_examples(self, string, name='<string>'):
            return super().get_examples(string.replace('ok', 'OK'), name)

        def get_doctest(self, string, globs, name, filename, lineno):
            return doctest.DocTest(self.get_examples(string, name), globs,
                                   name, filename, lineno, string)

    captured(tmp, doctest.testfile, bad, module_relative=False,
             parser=UpperParser())
