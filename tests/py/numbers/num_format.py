# format()/f-strings/%-formatting of int, float and complex (exercises float->text conversion)
vals = [0.0, -0.0, 1.0, 1.5, -2.25, 0.1, 1 / 3, 1e16, 1.5e-7, 123456.789, 1e300, 5e-324,
        float("inf"), -float("inf"), float("nan"), 2.675, 0.125, 1e22, 999999.5]
specs = ["", "f", ".0f", ".2f", ".10f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%",
         "+", " ", "+.2f", "10.3f", "<12.4g", "^12", "=+12.2f", ",.2f", "_.3f", "#g", "#.0f",
         "#.0e", "z.1f", ".0e", ".17g", ".20f", "n", "012.3f", "r" if False else "a" if False else "10"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(v), "|".join(row))
for v in [0, 7, -7, 255, -(2**70), 10**20, True]:
    row = []
    for s in ["", "d", "x", "X", "#x", "o", "#o", "b", "#b", "c" if 0 <= v < 1000 else "d", ",", "_",
              "_x", "+d", " d", "10d", "<10", "^10", "=+10", "010d", "e", ".2f", "%", "g", "n"]:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__)
    print(v, "|".join(row))
for c in [1 + 2j, -1.5 - 0.5j, 1j, complex(0.0, -0.0), complex(float("inf"), float("nan"))]:
    row = []
    for s in ["", ".2f", "e", "g", "+.3g", "^20", "10.1f", ".0f"]:
        try:
            row.append(format(c, s))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(c), "|".join(row))
print("%d %i %5.2f %e %g %x %o %r %s" % (42, -3, 3.14159, 12345.678, 0.0001, 255, 8, 1.5, 2.5))
print("%.3g|%10.4e|%-8.2f|%+d|%05d|%.0f|%.1f" % (1234567, 0.000123, 2.5, 5, 42, 0.5, 0.25))
print(f"{3.14159:.2f} {1e10:g} {12345678901234567890:,} {0.5:.0%} {2**0.5!r} {-0.0} {1e100}")
print(str(1e16), str(1.0e-4), str(123456789.123), "{:.2}".format(3.14159), "{}".format(1e-10))
print(round(2.5), round(3.5), round(-2.5), round(0.1 + 0.2, 15), str(round(1e22, -21)))
