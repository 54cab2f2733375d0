# cmath: elementary complex functions on finite and infinite inputs, errors, polar/rect
import cmath, math
inf = math.inf
for f in ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "acosh", "asinh", "atanh",
          "cos", "sin", "tan", "cosh", "sinh", "tanh"]:
    row = []
    for z in [complex(inf, 0), complex(-inf, 1), complex(inf, inf), complex(0, inf), 0j, -0j,
              complex(1e308, 1e308), complex(800, 1), complex(1, 0), complex(0.5, -0.25),
              complex(-3, 4), complex(1e-310, 1e-310), -2, 1e-8j, 2.5, complex(-0.0, -1.5)]:
        try:
            row.append(repr(getattr(cmath, f)(z)))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(f, " | ".join(row))
for s in ["cmath.polar(complex(1e308, 1e308))", "cmath.rect(inf, 1)", "cmath.rect(inf, 0)",
          "cmath.rect(1, inf)", "cmath.rect(-inf, 1)", "cmath.log(1, 0)", "cmath.log(8, 2)",
          "cmath.log(0)", "cmath.sqrt('x')", "cmath.phase(complex(-1, -0.0))",
          "cmath.isclose(1, 1 + 1e-10j)", "cmath.rect(2, 0)", "cmath.rect(2, math.pi / 3)",
          "cmath.polar(3 + 4j)", "cmath.log(-1)", "cmath.log(1j, 1j)", "cmath.infj", "cmath.pi",
          "cmath.isinf(complex(1, inf))", "cmath.isnan(complex(0, math.nan))", "cmath.isfinite(1j)",
          "cmath.isclose(1j, 1j + 1e-12, abs_tol=1e-11)", "cmath.sqrt(-1)", "cmath.exp(1j * math.pi)"]:
    try:
        print(s, repr(eval(s)))
    except Exception as e:
        print(s, type(e).__name__, e)
