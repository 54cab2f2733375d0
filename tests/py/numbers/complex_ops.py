# complex: construction from strings/numbers, repr, arithmetic, pow, comparisons, hashing
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
inf, nan = float("inf"), float("nan")
for c in [0j, -0j, 1j, -1j, 1 + 2j, -1.5 - 0.5j, complex(0.0, -0.0), complex(-0.0, 0.0),
          complex(inf, nan), complex(nan, -inf), complex(1e16, 1e-5), complex(1.5, 1e20), 3 + 0j]:
    print(repr(c), str(c), c.real, c.imag, c.conjugate(), abs(c) if c == c else None, hash(c) if c == c else None)
for s in ["1", "1j", "j", "-j", "+j", "1+2j", "1-2J", " (1+2j) ", "( 1+2j)", "(1+2j", "1+2j)",
          "1 + 2j", "1e3j", "1e3+1e-3j", "inf", "-infj", "inf-nanj", "nan+nanj", "1_0+2_0j", "1__0j",
          "2+j", "2-j", "1+", "1+2", "1j+2", "", " ", "()", "(j)", "1.5e-3-2.j", "٣+٤j", "1\x00"]:
    show(repr(s), lambda: complex(s))
show("num", lambda: complex(1, 2))
show("cc", lambda: complex(1j, 1j))
show("kw", lambda: complex(real=1, imag=2))
show("kw2", lambda: complex(imag=2))
show("bad", lambda: complex("1", 2))
show("bad2", lambda: complex(1, "2"))
show("bad3", lambda: complex([]))
show("bad4", lambda: complex(1, []))
show("bad5", lambda: complex(1, 2, 3))
show("bad6", lambda: complex(x=1))
show("bigint", lambda: complex(10**400))
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, a ** b, 2 ** a, a + 1, 1.5 * a, a - True)
print((1 + 1j) ** 10, (1e200j) * (1e200j), 1j ** 0, 0j ** 0, (2 + 0j) ** 100)
show("div0", lambda: a / 0)
show("div0c", lambda: a / 0j)
show("zpow", lambda: 0j ** -1)
show("zpowc", lambda: 0j ** 1j)
show("ovf", lambda: (1e200j) ** 2)
show("ovf2", lambda: (1e300 + 1e300j) ** 5)
show("mod", lambda: pow(1j, 2, 3))
show("floordiv", lambda: 1j // 1)
show("lt", lambda: 1j < 2j)
show("absovf", lambda: abs(complex(1e308, 1e308)))
show("int", lambda: int(1j))
print(1j == 1j, 1 + 0j == 1, 1 + 0j == 1.0, 1j != 1, (2**53 + 1) + 0j == 2**53 + 1, complex(2**53) == 2**53 + 1)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(0, 1)), hash(complex(1, 1)))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), -(1 + 2j), +(1 + 2j), abs(-3 - 4j))
print((1 + 2j).__getnewargs__(), complex.__complex__(2j), format(1 + 2j), f"{1 + 2j}")
class C:
    def __complex__(self):
        return 5j
print(complex(C()), complex(C(), 1))
class Sub(complex):
    pass
s = Sub(1, 2)
print(type(s).__name__, s, type(s + 1).__name__, Sub("3j"))
