# decimal: next_*, logical ops, shift/rotate, compare_total, min/max, context method mirrors
from decimal import *
D = Decimal
c = Context(prec=5, Emin=-10, Emax=10, traps=[])
for v in ['1', '0', '-1', '9.9999E+10', '-Infinity', 'Infinity', '1E-14', '-0', '123.45']:
    print(v, D(v).next_plus(c), D(v).next_minus(c), D(v).next_toward(D(0), c))
print(D(1).next_plus(), D(1).next_minus(), D(1).next_toward(2))
print(D(1100).logical_and(D(1010)), D(1100).logical_or(D(1010)), D(1100).logical_xor(D(1010)), c.logical_invert(D(101)))
print(D(12345).shift(2, c), D(12345).shift(-2, c), D(12345).rotate(2, c), D(12345).rotate(-1, c), D(123).shift(3))
print(D(12).logical_and(D(10), c), c.flags[InvalidOperation])
print(D(1).compare_total(D('1.0')), D('-NaN').compare_total(D('sNaN')), D('Inf').compare_total(D('NaN')))
print(c.next_plus(D(5)), c.next_toward(D(5), D(-5)), c.shift(D(5), 1), c.rotate(D(5), 1), c.logical_or(D(1), D(10)))
print(c.to_sci_string(D('1E+3')), c.to_eng_string(D('1E+4')), c.number_class(D('-0')), c.is_nan(D('NaN')))
print(c)
