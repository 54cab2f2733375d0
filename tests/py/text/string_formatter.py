# _string helpers behind string.Formatter, and str.format parsing errors
import _string
print(list(_string.formatter_parser('a{{b}}c{0!r:>{w}}d{x.y[1]}e{}f')))
print(list(_string.formatter_parser('')), list(_string.formatter_parser('{:}')), list(_string.formatter_parser('x{!s}')))
f, r = _string.formatter_field_name_split('a.b[0][x].c')
print(f, list(r))
f, r = _string.formatter_field_name_split('12')
print(repr(f), list(r))
for s in ['{', '}', 'a{0', '{0!}', '{0!rr}', '{a{b}']:
    try:
        print(list(_string.formatter_parser(s)))
    except ValueError as e:
        print("ValueError", e)
for s in ['{0!}', '{!}', '{0!r', '{0:', '{0!rx}', '{0[a}', '{0:{1:{2}}}', '{0:{1}}']:
    try:
        print(repr(s.format(1, 2, 3)))
    except Exception as e:
        print(type(e).__name__, e)
import string
fmt = string.Formatter()
print(fmt.format("{0}-{name}", "pos", name="kw"), fmt.format("{:>5}|{x!r}", 7, x="y"))
