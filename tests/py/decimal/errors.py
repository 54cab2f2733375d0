# decimal: error types and messages for bad operands, contexts and tuples
from decimal import *
from fractions import Fraction
D = Decimal
for f in [lambda: setattr(getcontext(), 'rounding', 'x'), lambda: setattr(getcontext(), 'Emin', 5),
          lambda: setattr(getcontext(), 'Emax', -1), lambda: setattr(getcontext(), 'prec', 0),
          lambda: setattr(getcontext(), 'clamp', 2), lambda: D(1) + 'a', lambda: D(1) * [1], lambda: D(1) < 'a',
          lambda: D(1) >= None, lambda: D((2, (1,), 0)), lambda: D((0, (1,), 'x')), lambda: D((0, (10,), 0)),
          lambda: setattr(getcontext(), 'prec', 'x'), lambda: Context(traps=[int]), lambda: D('1.5').__round__(1.5),
          lambda: round(D('NaN')), lambda: round(D('Inf')), lambda: D('NaN').as_integer_ratio(),
          lambda: D('-Inf').as_integer_ratio(), lambda: float(D('sNaN')), lambda: D(1) + 2.5, lambda: 2.5 - D(1),
          lambda: D(1) // 1.5, lambda: D(-4).sqrt(), lambda: D(0) ** 0, lambda: D(-8) ** D('0.5'),
          lambda: D(1).quantize(1.5), lambda: localcontext(bogus=1), lambda: setcontext(1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(D(1) == 'a', D(1) != [1], D(1) == None, D(2) == Fraction(2), D('0.5') < Fraction(2, 3), D(1) == complex(1, 0))
