# decimal: contexts, flags and traps, overflow/underflow/clamp, exact division exponents
from decimal import *
D = Decimal
c = Context(prec=5, Emax=10, Emin=-10, traps=[])
for op in [lambda: c.multiply(D('9.9999E+10'), 10), lambda: c.divide(1, D('3E+10')), lambda: c.plus(D('1.23456E-12')),
           lambda: c.plus(D('1E-20')), lambda: c.add(D('99999'), 1), lambda: c.create_decimal('123.4567'),
           lambda: c.create_decimal('1E+11'), lambda: c.plus(D('1.2E-11')), lambda: c.multiply(D(-3), D('1E+10'))]:
    c.clear_flags()
    r = op()
    print(repr(r), sorted(k.__name__ for k, v in c.flags.items() if v))
for rnd in [ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING, ROUND_05UP]:
    c2 = Context(prec=3, Emax=5, rounding=rnd, traps=[])
    print(rnd, c2.multiply(D(999), D(1000)), c2.multiply(D(-999), D(1000)))
cc = Context(prec=3, Emax=5, clamp=1)
print(cc.create_decimal('1E+5'), cc.create_decimal('1.2E+4'), cc.create_decimal('0E+10'))
print(D(1) / D(4), D(10) / D(5), D('1.0') / D('0.1'), D(6) / D('2.0'), D('1E+3') / D(1), D('0.00') / D(3), D(3) / D('0.1'))
with localcontext() as ctx:
    ctx.traps[Inexact] = True
    try:
        D(1) / D(3)
    except Inexact as e:
        print('Inexact', e, type(e).__name__)
    ctx.traps[FloatOperation] = True
    try:
        D(1.5)
    except FloatOperation as e:
        print('FloatOperation', e)
    try:
        D(1) < 1.5
    except FloatOperation as e:
        print('FloatOperation cmp', e)
    print(D(1) == 1.0)
    print(ctx.flags[FloatOperation])
with localcontext(traps=[], prec=4) as ctx:
    print(D(1) / 0, D(0) / 0, D('Inf') * 0, D(-1).sqrt(), ctx.flags[InvalidOperation], ctx.flags[DivisionByZero])
    print(ctx)
    ctx.clear_flags()
    print(ctx.flags[InvalidOperation], ctx.Etiny(), ctx.Etop())
try:
    getcontext().prec = 0
except ValueError as e:
    print('ValueError', e)
try:
    getcontext().rounding = 'bogus'
except TypeError as e:
    print('TypeError')
try:
    getcontext().foo = 1
except AttributeError as e:
    print('AttributeError', e)
setcontext(ExtendedContext)
print(getcontext().prec, D(1) / D(3), D(1) / 0)
setcontext(DefaultContext)
print(getcontext().prec, getcontext() is DefaultContext)
print(DefaultContext, BasicContext)
print(D('1.23456789').quantize(D('0.001'), context=Context(prec=3, traps=[])))
print(D(-5).max(D(3)), D('NaN').max(D(3)), D(2).min(D('-Inf')), D('10').compare(D('NaN')))
print(D('12345.678').to_integral_exact(), D('1.5').to_integral_value(ROUND_CEILING), D('-0.5').__round__())
print(D(7).remainder_near(D(4)), D(10).remainder_near(D(6)), D(2).fma(3, 4), pow(D(3), 4, 5))
print(D('0.1') * 3 == D('0.3'), 0.1 * 3, D('1.30') * D('1.20'), D('-0') * D(5), D('1E-999999') / D(10) if False else 'skip')
print(D(123).to_eng_string(), D('1.23E+7').to_eng_string(), D('0.000001234').to_eng_string(), D('-1E-8').to_eng_string())
print(D(1).logb(), D(1234).logb(), D('0.00123').logb(), D(250).number_class(), D('1E+2').scaleb(-4))
