# re: compile errors — messages, positions, lineno/colno and exception types
import re

cases = ['(?<=a+)b', 'a**', '*a', '(a', 'a)', '(?<x)', r'\q', '[a', '[b-a]', '(?P<1>a)',
         '(?P<a>a)(?P<a>b)', '(?P=b)', r'\2', 'a{3,2}', '(?i)a(?m)', '(?z)', '(?i-i:a)',
         '(?P<a', '(?P<>a)', '(?(1)a|b|c)', '(?', r'\x1', r'\u12', r'\U1234567',
         '(?#abc', '(?-i)', '(?i', '(?i-:a)', '(?a-a:x)', '(?au)', '(?L)a', 'a\n(b',
         '(?P', '(?Px)', '(?<', '(a)(?P=x)', r'(a)\3', '(?(2)a)', '(?(a)b)', '(?(0)a)',
         '[a-\\d]', '[\\d-a]', 'x{2}{3}', '(?:a)?+?', '^*', r'\777', '(?P<a>a)(?(a)b|c)',
         r'(a)(?<=\1)', r'\N{NO SUCH NAME}', r'\N', '(?i', 'a|*', '((a)', '[]', '[^]',
         '(?x)[a', 'a\\', r'\8', r'[\8]', r'[\A]', '(?u)', '(?-x:a)b)', '(?<=a|bc)',
         '(?<!x*)']
for p in cases:
    try:
        re.compile(p)
        print(repr(p), "ok")
    except re.error as e:
        print(repr(p), type(e).__name__, repr(e.msg), e.pos, e.lineno, e.colno, str(e),
              e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)

for p in [b'\\u1234', b'(?u)a', b'(?L)a', b'[\xff-\x01]', b'(?P<\xe9>a)']:
    try:
        re.compile(p)
        print(p, "ok")
    except re.error as e:
        print(p, repr(e.msg), e.pos, str(e))

for p, fl in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L)]:
    try:
        re.compile(p, fl)
        print(p, "ok")
    except ValueError as e:
        print(p, "ValueError", e)

print(re.error is re.PatternError, issubclass(re.error, Exception))
e = re.error("boom")
print(e.msg, e.pattern, e.pos, e.lineno, str(e))
try:
    re.compile(3)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print("ValueError", e)
