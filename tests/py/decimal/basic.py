# decimal: construction, str/repr, arithmetic, rounding, hashing and conversions
from decimal import *
import decimal, math
from fractions import Fraction
D = Decimal
for s in ['0', '-0', '1.2345', '1E+5', '1e-7', '0.000001', '123.456e10', ' 12 ', '1_000.5',
          'NaN', '-nan123', 'sNaN', 'Inf', '-Infinity', '.5', '5.', '0E-10', '-0.00', '1E999',
          '123456789012345678901234567890.5', '0.1e-6', '1.000e3']:
    d = D(s)
    print(repr(s), repr(d), str(d), d.as_tuple(), d.to_eng_string())
for bad in ['', 'abc', '1e', '1__0', '_1', '1.2.3', 'e5', '+-1']:
    try:
        D(bad)
    except InvalidOperation as e:
        print('bad', repr(bad), e)
print(D(10**30), D(-17), D(0.1), D(-0.0), D(2.5), D(float('inf')), D(1e300))
print(D((1, (1, 2, 3), -2)), D((0, (), 'F')), D(D('3.14')), D.from_float(0.5))
a, b = D('1.1'), D('2.20')
print(a + b, a - b, a * b, a / b, b / a, a // b, b // a, a % b, b % a, divmod(D(7), D(-2)))
print(D(1) / D(3), D(2) / D(3), D(-2) / D(3), D(1) / D(8), D(100) / D(4), D('1.00') / D(4))
print(D(2) ** 10, D('1.1') ** 3, D(2) ** -3, D('0.5') ** 2, D(10) ** 30, D(3) ** 100)
print(-a, +a, abs(D(-5)), -D(0), a + 1, 1 + a, 3 - a, 2 * a, 1 / D(7), 7 // D(2), 7 % D(2))
print(D('-7') // 2, D('-7') % 2, D('7.5') % D('2'), D('1E+2') + D('1'), D('1.30') + D('1.20'))
print(D('0.1') + D('0.2') == D('0.3'), D(1) == 1, D('1.0') == 1.0, D('0.5') == Fraction(1, 2))
print(D(1) < 2, D('1.5') > 1.4, D('1.5') <= Fraction(3, 2), D(3) >= D('3.000'), D('NaN') == D('NaN'))
print(sorted([D('3'), D('-1'), D('2.5'), D('0')]), max(D(1), D(2)), min(D('1.0'), D(1)))
for v in ['1.5', '-1', '0', '10', '123.456', '-0.001', '1E+30', '2.5', 'Infinity', '-Infinity']:
    print(v, hash(D(v)))
print(hash(D(1)) == hash(1), hash(D('1.5')) == hash(1.5), hash(D('0.1')) == hash(Fraction(1, 10)))
print(int(D('3.7')), int(D('-3.7')), float(D('1.5')), round(D('2.5')), round(D('3.5')), round(D('1.23456'), 2))
print(math.floor(D('-1.5')), math.ceil(D('-1.5')), math.trunc(D('9.99')), float(D('-nan')) != 0, bool(D(0)), bool(D('0.1')))
print(D('3.14159').quantize(D('0.01')), D('2.5').quantize(D('1')), D('2.5').quantize(D('1'), rounding=ROUND_HALF_UP))
print(D('1.2345').quantize(D('1E+1')), D('7.325').quantize(D('.01'), ROUND_DOWN), D('-2.5').to_integral_value())
print(D(2).sqrt(), D(16).sqrt(), D('0.25').sqrt(), D('1E-4').sqrt(), D(10).sqrt())
print(D('1.200').normalize(), D('0.00').normalize(), D('1E+2').normalize(), D(120).normalize(), D('123.45').adjusted())
print(D('1.5').as_integer_ratio(), D('-0.125').as_integer_ratio(), D(100).as_integer_ratio())
print(D('NaN').is_nan(), D('sNaN').is_snan(), D(0).is_zero(), D(-1).is_signed(), D('Inf').is_infinite(), D(1).is_finite())
print(D(1).number_class(), D(-0).number_class(), D('-Inf').number_class(), D('1E-1000000').number_class())
print(D('1.23').copy_negate(), D(-1).copy_abs(), D(1).copy_sign(D(-2)), D(1).compare(D(2)), D(2).max(D(3)))
print(D(1).exp(), D(2).ln(), D(100).log10(), D('0.5').exp(), D(10).ln(), D(2).log10())
print(D(2) ** D('0.5'), D(1) == D('1.0'), D('12.34').scaleb(2), D('1.5').same_quantum(D('2.5')))
for rnd in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP]:
    with localcontext() as c:
        c.rounding = rnd
        c.prec = 2
        print(rnd, [str(+D(v)) for v in ['1.25', '1.35', '-1.25', '1.51', '-1.51', '1.05', '1.01', '9.99']])
c = getcontext()
print(c.prec, c.rounding, c.Emax, c.Emin)
with localcontext(prec=5) as c2:
    print(D(1) / D(7), c2.prec, getcontext().prec)
print(D(1) / D(7), getcontext().prec)
ctx = Context(prec=3, rounding=ROUND_UP)
print(ctx.add(D('1.234'), D(1)), ctx.divide(1, 3), ctx.create_decimal('3.14159'), ctx.sqrt(D(2)), ctx.power(D(2), 10))
print(ctx)
for expr in ['D(1)/0', 'D(0)/0', 'D("x")', 'D(1) < D("NaN")', 'D("Inf") - D("Inf")', 'D(10)**1000000',
             'D(5) % 0', 'D(1) // 0', 'int(D("NaN"))', 'int(D("Inf"))', 'D(1) + 1.0', 'D([1])', 'D(object())',
             'hash(D("sNaN"))', 'D("1e10").quantize(D("1e-30"))']:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
with localcontext(ExtendedContext) as c:
    print(D(1) / 0, D(0) / 0, D('x'), D(1) / 3, c.flags[DivisionByZero], c.flags[Inexact])
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(Overflow, Inexact), issubclass(FloatOperation, TypeError))
print(isinstance(D(1), decimal.Decimal), D.__module__, DecimalTuple(0, (1,), 0))
import numbers
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Real))
