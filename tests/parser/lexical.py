# parser: tokenizer details - unicode names, continuation lines, tabs, comments, numbers
ñame = 1
日本語 = ñame + 2
x = "é" + 'ü' ; y = "日本"
s = "tab\there"  # comment with ünïcödé
total = 1 + \
    2 + \
    3
items = [
    1,   # one
    2,
    # comment line
    3,
]
call(a,
     b,
  c)
if True:
	tabbed = 1
	if tabbed:
		deeper = 2
nums = [0, 00, 0_0, 1_2_3, 0xDEAD_beef, 0O777, 0B1_0, 1e10, 1E-5, 1.5j, 1J, 0.0, 1_0.0_1e1_0, 0e0, 00.5]
strs = ['', "", '''''', """""", 'a\'b', "a\"b", '\\', r'\'', '\x41\101\u00e9\U0001F600\n\t\r\0']
bs = [b'', b'\x00\xff', B'abc', Rb'\n', bR'x', b'\'"']
long_str = ("implicit "
            "concatenation "
            'across lines')
tq = """line1
line2 \
continued
"""
lam = lambda: (yield)
empty = ()
one = (1,)
paren = (((1)))
ell = ...
neg = -1 ** -2
chained = a < b < c
walrus = [y := 5, y ** 2]
sub = x[::], x[:], x[1:], x[:2], x[a:b, c], x[*a], x[1:2, *b]
unpack = [*a, *b], {**a, 'k': 1, **b}, {*a, *b}
cond = a if b else c if d else e
ops = a @ b, a // b, a ** b ** c, not not a, - - a, ~ + a
cmp = a is not b, a not in b, a == b != c, a <= b >= c
attr = a.b.c.d
calls = f()(), f(a)(b)(c), f[1](2)[3]
gen = sum(x for x in range(10))
gen2 = f((x for x in y), z)
dc = {k: v for k, v in d.items() if k if v}
sc = {x for x in y for z in x}
nested = [[y for y in x] for x in z]
asyncs = [x async for x in y]
awaits = [await x for x in y]
star_ret = lambda *a, **k: (a, k)
kwonly = lambda *, a: a
posonly = lambda a, /, b: a
defaults = lambda a=1, *b, c=2, **d: 0
