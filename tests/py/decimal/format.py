# decimal: __format__ types e/f/g/%/n, fill/align/sign/width/grouping, f-strings, float ops errors
from decimal import Decimal as D, getcontext, localcontext
vals = ['0', '-0', '0.00', '1', '-1.5', '1234567.891', '0.000012345', '1E+10', '-9.995', '123456',
        '2.675', 'NaN', '-Infinity', '1E-7', '100']
specs = ['', 'f', '.2f', '.0f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', 'n', ',', ',.2f', ',.3f',
         '>12', '<12.2f', '^14,.1f', '=+12.2f', '*^15.3e', '+', ' .2f', '012.3f', '015,.2f', '08', 'z.1f', '#.0f', '.5']
for v in vals:
    print(v, [format(D(v), s) for s in specs])
x = D('1234.5678')
print(f"{x:.2f} {x:,.2f} {x:>15.3f}| {x:e} {x!r} {x!s}")
print('%s %r' % (D('1.10'), D('2.5')), str(D('1.10')), '{:.1f}'.format(D('0.05')), '{}'.format(D('7.0')))
with localcontext() as c:
    c.capitals = 0
    print(D('1E+10'), format(D('1E+10'), ''), repr(D('1e-20')))
try:
    format(D(1), 'x')
except ValueError as e:
    print('ValueError', e)
for expr in ['1.5 + D(1)', 'D(1) * 2.0', 'D(1) / 0.5', '2.0 ** D(1)']:
    try:
        print(eval(expr))
    except TypeError as e:
        print('TypeError', e)
