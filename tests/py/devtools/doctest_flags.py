# doctest: every option flag (comparison and reporting), directives, register_optionflag, OutputChecker, diff reports
import doctest
from _doctest_support import drop_machinery_frames

parser = doctest.DocTestParser()


def scrub(text):
    return drop_machinery_frames(text)


def run(src, flags=0, name='f', verbose=False):
    test = parser.get_doctest(src, {}, name, 'f.txt', 0)
    buf = []
    runner = doctest.DocTestRunner(verbose=verbose, optionflags=flags)
    result = runner.run(test, out=buf.append)
    print(scrub(''.join(buf)), end='')
    print('->', result)


print('== flag values')
for name in sorted(doctest.OPTIONFLAGS_BY_NAME, key=doctest.OPTIONFLAGS_BY_NAME.get):
    print(name, doctest.OPTIONFLAGS_BY_NAME[name], getattr(doctest, name))
print(doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
print(doctest.BLANKLINE_MARKER, doctest.ELLIPSIS_MARKER)
new = doctest.register_optionflag('MY_FLAG')
print(new, doctest.register_optionflag('MY_FLAG'), doctest.register_optionflag('ELLIPSIS'))
del doctest.OPTIONFLAGS_BY_NAME['MY_FLAG']

print('== True for 1')
run('>>> True\n1\n>>> False\n0\n>>> 1 == 1\n1\n')
run('>>> True\n1\n>>> False\n0\n', doctest.DONT_ACCEPT_TRUE_FOR_1)
run('>>> True  # doctest: +DONT_ACCEPT_TRUE_FOR_1\n1\n')

print('== BLANKLINE')
src = '>>> print("a\\n\\nb")\na\n<BLANKLINE>\nb\n>>> print("x\\n  \\ny")\nx\n<BLANKLINE>\ny\n'
run(src)
run(src, doctest.DONT_ACCEPT_BLANKLINE)
run('>>> print("a\\n\\nb")\na\n<BLANKLINE>   \nb\n')
run('>>> print("p\\n\\nq")\np\nz\nq\n')
run('>>> print("p\\n\\nq")\np\nz\nq\n', doctest.DONT_ACCEPT_BLANKLINE)

print('== NORMALIZE_WHITESPACE')
src = '>>> print(list(range(12)))\n[0, 1, 2, 3, 4, 5,\n 6, 7, 8, 9, 10, 11]\n'
run(src)
run(src, doctest.NORMALIZE_WHITESPACE)
run('>>> print("a   b\\tc")\na b c\n>>> print("ab")  # doctest: +NORMALIZE_WHITESPACE\na b\n')
run('>>> print("a   b")  # doctest: +NORMALIZE_WHITESPACE\na b\n')

print('== ELLIPSIS')
src = '''>>> print(list(range(20)))
[0, 1, ..., 19]
>>> print('abcdef')
a...c...f
>>> print('aaa')
aa...aa
>>> print('xyz\\nmore')
x...
...
>>> print('[\\nthe start]')
[
...start...
'''
run(src)
run(src, doctest.ELLIPSIS)
run('>>> print(list(range(20)))  # doctest: +ELLIPSIS\n[0, 1, ..., 19]\n'
    '>>> print("abc")  # doctest: -ELLIPSIS\na...\n', doctest.ELLIPSIS)
run('>>> print("a b\\n  c")  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE\na ... c\n')
for want, got in [('a...', 'abc'), ('...c', 'abc'), ('a...c', 'ac'),
                  ('a...b...c', 'acb'), ('...', ''), ('x...x', 'x'),
                  ('ab...ab', 'abab'), ('ab...ab', 'aba')]:
    print(repr(want), repr(got), doctest._ellipsis_match(want, got))

print('== SKIP')
run('>>> print(1)  # doctest: +SKIP\n2\n>>> print(3)\n3\n', verbose=True)
run('>>> raise ValueError  # doctest: +SKIP\n>>> 1\n1\n', doctest.SKIP)

print('== IGNORE_EXCEPTION_DETAIL')
src = '''>>> raise ValueError('real message')
Traceback (most recent call last):
ValueError: other message
>>> class MyError(Exception): pass
>>> MyError.__module__ = 'some.module'
>>> raise MyError('x')
Traceback (most recent call last):
other.module.MyError: y
>>> raise MyError('x')
Traceback (most recent call last):
MyError: x
>>> raise KeyError('k')
Traceback (most recent call last):
ValueError: k
>>> raise TypeError
Traceback (most recent call last):
TypeError: with detail
'''
run(src)
run(src, doctest.IGNORE_EXCEPTION_DETAIL)
for msg in ['ValueError: x\n', 'a.b.C: d.e\nmore\n', 'Plain\n', 'a.b\n', 'x:y.z\n']:
    print(repr(doctest._strip_exception_details(msg)))

print('== REPORT_UDIFF / CDIFF / NDIFF')
src = '''>>> print("\\n".join("abcdefg"))
a
B
c
d
f
g
h
>>> print("x\\ny")
x
z
'''
run(src, doctest.REPORT_UDIFF)
run(src, doctest.REPORT_CDIFF)
run(src, doctest.REPORT_NDIFF)
run('>>> print("one\\n\\nthree four")  # doctest: +REPORT_NDIFF\none\n<BLANKLINE>\nthree fives\n')
run('>>> print("a\\nb\\n\\nc")  # doctest: +REPORT_UDIFF\na\nx\ny\nc\n')

print('== REPORT_ONLY_FIRST_FAILURE')
src = '''>>> print(1)
2
>>> print(3)
4
>>> raise ValueError('hidden')
>>> print(5)
5
'''
run(src, doctest.REPORT_ONLY_FIRST_FAILURE, verbose=True)
run(src)

print('== FAIL_FAST')
run(src, doctest.FAIL_FAST, verbose=True)
run('>>> print(1)\n1\n>>> print(2)  # doctest: +FAIL_FAST\n3\n>>> print(4)\n5\n')

print('== OutputChecker')
c = doctest.OutputChecker()
print(c.check_output('1\n', 'True\n', 0), c.check_output('1\n', 'True\n', doctest.DONT_ACCEPT_TRUE_FOR_1))
print(c.check_output('a\n', 'a\n', 0), c.check_output('\u00e9\n', '\\xe9\n', 0))
print(c.check_output('x\n<BLANKLINE>\n', 'x\n\n', 0))
ex = doctest.Example('f()', 'want\n')
print(c.output_difference(ex, 'got\n', 0), end='')
print(c.output_difference(ex, '', 0), end='')
print(c.output_difference(doctest.Example('f()', ''), 'got\n\n  \nx\n', 0), end='')
print(c.output_difference(doctest.Example('f()', ''), 'got\n\n', doctest.DONT_ACCEPT_BLANKLINE), end='')
print(c.output_difference(doctest.Example('f()', ''), '', 0), end='')
print(c._do_a_fancy_diff('a\nb\n', 'a\nc\n', doctest.REPORT_UDIFF),
      c._do_a_fancy_diff('a\nb\nc\nd\n', 'a\nc\nx\ny\n', doctest.REPORT_UDIFF),
      c._do_a_fancy_diff('a\n', 'b\n', doctest.REPORT_NDIFF))


class Lenient(doctest.OutputChecker):
    def check_output(self, want, got, optionflags):
        return want.lower() == got.lower()


test = parser.get_doctest('>>> print("HELLO")\nhello\n', {}, 'l', None, 0)
print(doctest.DocTestRunner(checker=Lenient(), verbose=False).run(test))
