# decimal: integer and fractional powers, exp/ln/log10 at several precisions, overflow/underflow of exp
from decimal import *
D = Decimal
print(D(0)**-1, D('1')**D('Inf'), D(0)**D('-0.5'), D('-0')**-1, D('-0')**-2, D('Inf')**0, D('-Inf')**3, D('-Inf')**D('0.5') if False else 0)
print(D(2)**D('Inf'), D('0.5')**D('Inf'), D('0.5')**D('-Inf'), D('-2')**D('Inf') if False else 0, D(4)**D('-0.5'), D(10)**D('2.0'))
print(D(2)**100000 == D(2)**100000, str(D(2)**100000)[:20], str(D('1.0001')**-100000))
print(D(-1).exp(), D(-1000).exp(), D(1000).ln(), D('1E-500').ln(), D('1E+500').log10(), D('0.5').log10())
with localcontext(prec=60):
    print(D(2).sqrt(), D(2).ln(), D(1).exp())
with localcontext(prec=3):
    print(D(2).ln(), D('2.5').exp(), D(7).log10(), D(2)**D('0.5'))
print(D(9)**D('0.5'), D(8)**D('0.3333333333333333333333333333'), D(100)**D('0.5'))
print(getcontext().flags[Inexact])
D = Decimal
c = Context(traps=[])
print(c.exp(D(-10**7)), c.exp(D(10**7)), c.exp(D('-1E+40')), c)
