# float arithmetic: division, floor/mod signs, pow special cases, rounding, conversions
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
inf, nan = float("inf"), float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 1e300, -1e-300, 7.0, 0.1, inf, -inf]
for a in vals:
    row = []
    for b in vals:
        for op in (lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
            try:
                row.append(repr(op()))
            except Exception as e:
                row.append(type(e).__name__)
    print(repr(a), " ".join(row))
for a in [2.0, -2.0, 0.0, -0.0, 0.5, -0.5, 1.0, -1.0, inf, -inf, nan, 10.0]:
    row = []
    for b in [0.0, 1.0, -1.0, 2.0, 3.0, -3.0, 0.5, -0.5, inf, -inf, nan, 1e10, 1e400 * 0 if False else 400.0]:
        try:
            row.append(repr(a ** b))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(a), " ".join(row))
show("neg frac pow", lambda: (-8.0) ** (1 / 3))
show("pow mod", lambda: pow(2.0, 3, 5))
show("int float pow", lambda: 2 ** 0.5)
show("big pow", lambda: 10.0 ** 400)
show("int neg pow", lambda: (-2) ** 0.5)
show("mixed", lambda: (1 + 2**53) + 0.0)
show("intbig", lambda: 1.0 + 10**400)
show("div0", lambda: 1.0 / 0)
show("fdiv0", lambda: 1.0 // 0.0)
show("mod0", lambda: 1.0 % 0)
show("divmod0", lambda: divmod(1.0, 0.0))
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456, 1e300, 5e-324, 0.125, 0.375]:
    print(repr(x), round(x), round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, -2),
          round(x, 5), round(x, 400), round(x, -400))
show("round inf", lambda: round(inf))
show("round nan", lambda: round(nan))
show("round inf 2", lambda: round(inf, 2))
show("round overflow", lambda: round(1.7976931348623157e308, -308))
show("round badarg", lambda: round(1.5, "x"))
for x in [0.0, -0.0, 1.5, -2.75, 0.1, 1e300, 5e-324, 2.0**-1022, 1.7976931348623157e308, inf, nan, 1 / 3]:
    print(repr(x), x.hex(), x.is_integer())
    if x == x and abs(x) != inf:
        print(x.as_integer_ratio(), float.fromhex(x.hex()) == x)
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp1023", "0x1p-1074", "0x1p-1075", "0x3p-1076",
          "  0X1.0P+2  ", "1", "ff", "0x.8", "0x1.", "inf", "-Infinity", "nan", "0x1p1024",
          "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "x", "0x", "0x1p", "0x1.8000000000000800001p0",
          "0x1.0000000000000800000p0", "0x1.00000000000018p0", "0x0.000000000000080p-1022"]:
    show(s, lambda: float.fromhex(s))
show("ratio inf", lambda: inf.as_integer_ratio())
show("ratio nan", lambda: nan.as_integer_ratio())
print(int(2.5), int(-2.5), int(1e20), (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__())
print(float.__getformat__("double"), (1.5).conjugate(), (1.5).real, (1.5).imag, (2.5).__getnewargs__())
show("getformat", lambda: float.__getformat__("int"))
print(abs(-0.0), -0.0 == 0.0, 0.1 * 3, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** -1075)
print(float(True), float(10**20), float(-(10**20) - 1), 3 * 1.1, 1.1 * 3, 7 - 0.5, 0.5 - 7)
import sys
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.getsizeof(1.5))
