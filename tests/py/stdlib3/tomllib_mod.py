# tomllib: TOML 1.0 values, tables, arrays of tables, load/loads, parse_float and TOMLDecodeError messages
import tomllib, io, decimal
doc = '''
# comment
title = "TOML \\"Example\\" \\u00e9\\U0001F600\\t"
lit = 'C:\\Users\\x'
ml = """
Roses are red\\
   Violets are blue
two ""quotes"" end"""
mll = \'\'\'
raw \\n text\'\'\'
ints = [+99, 42, 0, -17, 1_000, 0xDEAD_beef, 0o755, 0b1101]
floats = [+1.0, 3.1415, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991, inf, -inf, +inf]
bools = [true, false]
dates = [1979-05-27T07:32:00Z, 1979-05-27T00:32:00-07:00, 1979-05-27T00:32:00.999999+05:30, 1979-05-27T07:32:00, 1979-05-27 07:32:00.5, 1979-05-27, 07:32:00, 00:32:00.1234567]
nested = [ [1, 2], ["a", 'b'], [ {x = 1}, {} ], ]
multi = [
  1, # one
  2,
]
"quoted key" = 1
'lit key' = 2
dotted.a.b = 3
dotted.c = 4
inline = { a = 1, b.c = 2, "d" = [1] }
empty = ""

[table]
key = "value"
sub.x = 1

[table.child]  # trailing comment
y = 2

[ "weird . name" . 'x' ]
z = true

[[fruit]]
name = "apple"
[fruit.physical]
color = "red"
[[fruit.variety]]
name = "red delicious"
[[fruit.variety]]
name = "granny smith"

[[fruit]]
name = "banana"
[[fruit.variety]]
name = "plantain"
'''
d = tomllib.loads(doc)
for k, v in d.items():
    print(repr(k), repr(v))
import math
print(math.isnan(tomllib.loads('x = nan')['x']), tomllib.loads('x = -nan')['x'] != tomllib.loads('x = -nan')['x'])
print(tomllib.loads('a = 0.1', parse_float=decimal.Decimal), tomllib.loads('a = [1.5, 2, nan]', parse_float=str))
print(tomllib.load(io.BytesIO(b'a = 1\r\nb = "x"\r\n')), tomllib.loads(''), tomllib.loads('\n\n# only\n'))
try:
    tomllib.load(io.StringIO('a = 1'))
except TypeError as e:
    print('TypeError:', e)
try:
    tomllib.loads('a = 1.5', parse_float=lambda s: [s])
except ValueError as e:
    print('ValueError:', e)
bad = ['a = ', 'a', 'a = 1 b = 2', '= 1', 'a = "unterminated', 'a = "bad \\q escape"', 'a = "\\uZZZZ"', 'a = "\\uD800"',
       "a = 'x\ny'", 'a = "x\x01"', 'a = [1, 2', 'a = [1 2]', 'a = {b = 1', 'a = {b = 1, b = 2}', 'a = {b = 1,}', 'a = 1\na = 2',
       '[t]\n[t]', '[t]\nx=1\n[t.x]', 'a = {}\n[a]', 'a = [1]\n[[a]]', '[a]\nb.c = 1\n[a.b]', '[a.b]\n[a]\nb.c=1', '[t', '[[t]', '[[t]\n',
       'a = 1979-02-30', 'a = 1979-13-01', 'a = 24:00:00', 'a = 01', 'a = 1__0', 'a = +0x1', 'a = tru', 'a = .5', 'a = 5.', '# bad \x00 comment',
       'a.b = 1\na.b.c = 2', 'a = {b.c = 1, b = 2}', 'a = {b = [1], b.c = 1}', 'x = """\nabc\\  x"""', "x = '''abc", 'a = 1 # ok\n  b = 2 c', '"a\nb" = 1',
       'a = "\\U00110000"', '[a]\n[[a]]', '[[a]]\n[a]', 'a = [{b=1}]\n[a.c]', '[x.y]\n[x]\ny = 1', 'é = 1', 'a = 1\n\n\n  $']
for s in bad:
    try:
        print(repr(s), tomllib.loads(s))
    except tomllib.TOMLDecodeError as e:
        print(repr(s), '->', e)
print(issubclass(tomllib.TOMLDecodeError, ValueError), tomllib.TOMLDecodeError.__module__, tomllib.__all__)
