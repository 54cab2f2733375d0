# decimal: create_decimal strictness, unicode fill, rounding builtins, complex/real views, reduce
from decimal import *
c = Context(traps=[])
print(c.create_decimal(' 1 '), c.create_decimal('1_0'), c.flags[InvalidOperation])
print(format(D := Decimal('1234.5'), '€^12,.2f'), format(Decimal('-0.5'), '+08.1%'), format(Decimal('12345.6789'), 'n'), format(Decimal('1E+400'), ',.0f')[:10])
print(Decimal('-5').__round__(), round(Decimal('0.125'), 2), round(Decimal('1E+5'), -3), round(Decimal('-2.5')))
print(Decimal(12).__floor__(), Decimal('12.5').__ceil__(), complex(Decimal('1.5')), Decimal('7').conjugate(), Decimal(3).real, Decimal(3).imag)
print(Decimal('1.5') == complex(1.5, 0), Decimal(0) == -0.0, hash(Decimal('-0')), hash(Decimal('0E+10')))
print(Decimal("1.23").__reduce__(), Decimal('9' * 40) + 1)
