# doctest: DocTestParser (parse/get_examples/get_doctest), Example and DocTest objects, directives, parse errors, script_from_examples
import doctest

parser = doctest.DocTestParser()

text = '''
Some prose first.

    >>> x = 1 + 1
    >>> x
    2
    >>> for i in range(2):
    ...     print(i)
    0
    1
    >>> print('a\\n\\nb')
    a
    <BLANKLINE>
    b

More prose.
    >>> raise ValueError('bad')
    Traceback (most recent call last):
      File "x.py", line 1
    ValueError: bad
    >>> raise KeyError(
    ...     'k')
    Traceback (innermost last):
    KeyError: 'k'
    second line
    >>> print(1)   # doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE
    1
    >>> # only a comment
    >>> 
    >>> print("end")
    end
'''

pieces = parser.parse(text, 'demo')
print(len(pieces))
for p in pieces:
    if isinstance(p, doctest.Example):
        print('EX', repr(p.source), repr(p.want), repr(p.exc_msg),
              p.lineno, p.indent, sorted(p.options.items()))
    else:
        print('TEXT', repr(p))

examples = parser.get_examples(text)
print(len(examples), [e.lineno for e in examples])

t = parser.get_doctest(text, {'a': 1}, 'demo', 'demo.txt', 5)
print(repr(t))
print(t.name, t.filename, t.lineno, t.globs, t.docstring == text)
print(repr(parser.get_doctest('', {}, 'empty', None, None)))
print(repr(parser.get_doctest('>>> 1\n1\n', {}, 'one', 'f.py', 0)))

# Tabs are expanded and the common indentation is removed.
tabbed = '\t>>> print(3)\n\t3\n'
ex = parser.get_examples(tabbed)[0]
print(repr(ex.source), repr(ex.want), ex.indent)

# Example normalises trailing newlines.
e = doctest.Example('print(1)', '1')
print(repr(e.source), repr(e.want), e.exc_msg, e.lineno, e.indent, e.options)
e2 = doctest.Example('raise X', '', exc_msg='X: y')
print(repr(e2.exc_msg), repr(e2.want))
print(e == doctest.Example('print(1)\n', '1\n'), e == e2,
      hash(e) == hash(doctest.Example('print(1)', '1')))
print(e.__eq__(3))

# DocTest equality and ordering.
a = parser.get_doctest('>>> 1\n1\n', {}, 'a', 'f.py', 1)
b = parser.get_doctest('>>> 1\n1\n', {}, 'b', 'f.py', 1)
a2 = parser.get_doctest('>>> 1\n1\n', {}, 'a', 'f.py', 1)
print(a == a2, a == b, a < b, b < a, hash(a) == hash(a2))
print([t.name for t in sorted([b, a])])
try:
    doctest.DocTest('>>> 1', {}, 'x', None, 0, None)
except AssertionError as exc:
    print('AssertionError', exc)

# Errors raised while parsing.
bad = [
    '>>>print(1)\n',
    '>>> if 1:\n...print(1)\n',
    '  >>> x = 1\n ... y\n',
    '    >>> print(1)\n  1\n',
    '>>> 1  # doctest: +NOSUCHFLAG\n',
    '>>> 1  # doctest: ELLIPSIS\n',
    '>>> # doctest: +ELLIPSIS\n',
]
for src in bad:
    try:
        parser.get_examples(src, 'bad')
    except ValueError as exc:
        print('ValueError:', exc)
    else:
        print('no error for', repr(src))

# Directives.
src = '''>>> print(1)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
1
>>> print(2)  #doctest:-ELLIPSIS,+SKIP
2
>>> print('# doctest: +SKIP')
# doctest: +SKIP
'''
for ex in parser.get_examples(src):
    print(sorted((k, v) for k, v in ex.options.items()))

# Exception messages.
for want in ['Traceback (most recent call last):\n  ...\nValueError: x\n',
             'Traceback (most recent call last):\nmod.Err: a\n b\n',
             'Traceback (most recent call last):   \nE\n',
             'Not a traceback\nValueError: x\n']:
    ex = parser.get_examples('>>> f()\n' + want)[0]
    print(repr(ex.exc_msg))

print(doctest.script_from_examples(text), end='')
print('---')
print(doctest.script_from_examples('''
    Text:
    >>> x = 1
    >>> print(x)
    1

    The end.
    '''), end='')
print('---')
print(repr(doctest.script_from_examples('')))
