# decimal: deterministic sweep of + - * / // % ** sqrt quantize hash across precisions and rounding modes
from decimal import *
D = Decimal
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return state % n
def rdec():
    digits = str(rnd(10 ** rnd(12)))
    exp = rnd(30) - 15
    sign = '-' if rnd(3) == 0 else ''
    return D(sign + digits + 'E' + str(exp))
modes = [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP]
out = []
for i in range(400):
    ctx = Context(prec=rnd(12) + 1, rounding=modes[rnd(8)], Emax=rnd(40) + 5, Emin=-rnd(40) - 5, traps=[], clamp=rnd(2))
    a, b = rdec(), rdec()
    res = [ctx.add(a, b), ctx.subtract(a, b), ctx.multiply(a, b), ctx.divide(a, b), ctx.divide_int(a, b),
           ctx.remainder(a, b), ctx.power(a, rnd(2)), ctx.sqrt(a.copy_abs()), ctx.plus(a), ctx.minus(b),
           a.quantize(D('1E' + str(rnd(10) - 5)), context=ctx), ctx.remainder_near(a, b), ctx.fma(a, b, a),
           ctx.normalize(a), ctx.to_integral_exact(b), ctx.compare(a, b)]
    out.append(' '.join(map(str, res)) + ' | ' + ' '.join(sorted(k.__name__ for k, v in ctx.flags.items() if v)))
    out.append('%s %s %s %s' % (hash(a), a.as_integer_ratio(), float(a), format(a, '.3e')))
print('\n'.join(out))
