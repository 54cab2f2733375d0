# math module: functions, constants, special values and error messages
import math
inf, nan = math.inf, math.nan
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
print(math.pi, math.e, math.tau, math.inf, math.nan)
for name in ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "expm1", "log1p", "fabs", "exp2",
             "erf", "erfc", "degrees", "radians", "floor", "ceil", "trunc"]:
    f = getattr(math, name)
    for x in [0.0, 0.5, 1.0, 2.0, -1.0, 10.0, 1e300, -0.0, inf, -inf, nan, 3]:
        show(f"{name}({x!r})", lambda: f(x))
for x in [10**400, 2**1100, -(10**400), 10**20]:
    show("log big", lambda: math.log(x))
    show("log2 big", lambda: math.log2(x))
    show("log10 big", lambda: math.log10(x))
show("log base", lambda: math.log(8, 2))
show("log base2", lambda: math.log(100, 10))
show("log base1", lambda: math.log(1, 1))
show("log base0", lambda: math.log(2, 0))
show("logbigbase", lambda: math.log(10**1000, 10))
for a, b in [(2, 3), (2.0, -1), (0, -1), (-1, 0.5), (-8, 1 / 3), (10, 400), (nan, 0), (1, nan), (-inf, 3),
             (-inf, 2), (inf, -1), (0.5, inf), (2, -inf), (-1, inf), (-0.0, 3), (-0.0, -3)]:
    show(f"pow{(a, b)}", lambda: math.pow(a, b))
for a, b in [(1, 0), (inf, 1), (1, inf), (-7, 3), (7, -3), (5.5, 2)]:
    show(f"fmod{(a, b)}", lambda: math.fmod(a, b))
    show(f"remainder{(a, b)}", lambda: math.remainder(a, b))
    show(f"atan2{(a, b)}", lambda: math.atan2(a, b))
    show(f"copysign{(a, b)}", lambda: math.copysign(a, b))
print(math.frexp(0.0), math.frexp(8.0), math.frexp(-0.1), math.frexp(inf), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1075), math.ldexp(1, -10**10), math.ldexp(-0.0, 5))
show("ldexp ovf", lambda: math.ldexp(1.0, 1024))
show("ldexp big", lambda: math.ldexp(1, 10**10))
show("ldexp float", lambda: math.ldexp(1.0, 1.5))
print(math.modf(1.5), math.modf(-1.5), math.modf(inf), math.modf(-inf), math.modf(0.0))
for n in [0, 1, 5, 20, 21, 100]:
    print(n, math.factorial(n))
print(math.factorial(500) % (10**30 + 7), len(str(math.factorial(1000))))
show("fact neg", lambda: math.factorial(-1))
show("fact float", lambda: math.factorial(5.0))
show("fact big", lambda: math.factorial(10**20))
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 11), math.comb(100, 50), math.comb(10**20, 3))
print(math.perm(10, 3), math.perm(5), math.perm(5, 6), math.perm(5, None), math.perm(30, 20))
show("comb neg", lambda: math.comb(-1, 2))
show("comb negk", lambda: math.comb(5, -2))
show("comb float", lambda: math.comb(5.0, 2))
show("perm neg", lambda: math.perm(5, -1))
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 30), math.gcd(2**100, 6**50))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(2**64, 3, 5))
show("gcd float", lambda: math.gcd(1.5, 2))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 2**52, 2**64 - 1, 2**64, 10**40, 10**100 + 12345, 2**1001]:
    r = math.isqrt(n)
    print(n if n < 10**30 else "big", r if r < 10**30 else r % 10**9, r * r <= n < (r + 1) ** 2)
show("isqrt neg", lambda: math.isqrt(-1))
show("isqrt float", lambda: math.isqrt(4.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.fsum([1, 1e-16, 1e-16, 1e-16]), math.fsum([2.0**53, 1.0, 2.0**-10]), math.fsum(range(10)))
print(math.fsum([1e308, 1e308, -1e308]) if False else 0, math.fsum([inf, 1.0]), math.fsum([nan, 1.0]))
show("fsum ovf", lambda: math.fsum([1e308, 1e308]))
show("fsum infs", lambda: math.fsum([inf, -inf]))
show("fsum type", lambda: math.fsum(["a"]))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2], start=5))
print(math.hypot(), math.hypot(3, 4), math.hypot(-5), math.hypot(1, 2, 3, 4), math.hypot(inf, nan), math.hypot(nan, 1))
print(math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(*[0.1] * 10), math.hypot(1.5, 2.5, 3.5))
print(math.dist((0, 0), (3, 4)), math.dist([1.5], [-2.5]), math.dist((0.1, 0.2, 0.3), (1.1, 2.3, 5.7)))
show("dist len", lambda: math.dist((1, 2), (1,)))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1] * 10, [0.1] * 10), math.sumprod([1.5, 2], [2, 3]))
print(math.sumprod([], []), math.sumprod([2**70, 3], [5, 7]), math.sumprod([1e308, -1e308], [10, 10]))
show("sumprod len", lambda: math.sumprod([1, 2], [1]))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf))
show("isclose neg", lambda: math.isclose(1, 1, rel_tol=-1))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0.0, -1), math.nextafter(1, 2, steps=3))
print(math.nextafter(0.0, 1.0, steps=2**70), math.nextafter(1.0, 1.0, steps=5), math.nextafter(nan, 1))
show("nextafter neg", lambda: math.nextafter(1, 2, steps=-1))
print(math.ulp(1.0), math.ulp(-0.0), math.ulp(inf), math.ulp(1e300), math.ulp(1.7976931348623157e308))
print(math.fma(2, 3, 4), math.fma(0.1, 10, -1), math.fma(1e308, 10, -inf))
show("fma inv", lambda: math.fma(inf, 0, 1))
show("fma ovf", lambda: math.fma(1e308, 10, 0))
print(math.isfinite(1), math.isinf(-inf), math.isnan(nan), math.isinf(10**300))
show("isfinite big", lambda: math.isfinite(10**400))
print(math.gamma(0.5), math.gamma(5), math.lgamma(0.5), math.lgamma(1), math.gamma(-0.5))
show("gamma0", lambda: math.gamma(0))
show("gamma-2", lambda: math.gamma(-2))
show("gamma big", lambda: math.gamma(200))
show("lgamma0", lambda: math.lgamma(0))
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), math.floor(-0.5), math.ceil(-0.5), math.floor(10**30))
show("floor inf", lambda: math.floor(inf))
show("ceil nan", lambda: math.ceil(nan))
show("ceil str", lambda: math.ceil("x"))
show("trunc str", lambda: math.trunc("x"))
class Fl:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()))
show("atan2 args", lambda: math.atan2(1))
show("log args", lambda: math.log())
show("sqrt str", lambda: math.sqrt("4"))
