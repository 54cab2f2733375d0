# float(): text parsing with underscores, whitespace, specials; errors; __float__/__index__
def show(x):
    label = repr(x) if isinstance(x, (str, bytes, bytearray, int, list, type(None))) else type(x).__name__
    try:
        print(label, repr(float(x)))
    except Exception as e:
        print(label, type(e).__name__, e)
for s in ["1", "-1.5", "  2.5e3 ", "1_000.5", "1__0", "_1", "1_", "1._5", "1_.5", "1e1_0", "1e_10",
          ".5", "5.", ".", "e5", "1e", "1e+", "1e-5", "+.5e-2", "inf", "-inf", "+Infinity", "iNfInItY",
          "infinit", "nan", "-NaN", "nan(1)", "0x10", "1,5", "", "  ", "١.٥", "1\x00", "\u20031.5\u2003",
          "1e500", "-1e500", "1e-500", "4.9406564584124654e-324", "2.4703282292062328e-324",
          "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308",
          "0.1000000000000000055511151231257827", "123456789012345678901234567890", "9" * 400,
          "0." + "0" * 400 + "1", "1" * 20 + "e-20", b"1.25", bytearray(b" 7 "), b"x", "1.5j"]:
    show(s)
show(None)
show([])
show(10**400)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
class Bad:
    def __float__(self):
        return 1
show(F())
show(I())
show(Bad())
class SubF(float):
    pass
x = SubF("1.5")
print(type(x).__name__, x, x * 2, type(x * 2).__name__, float(x), type(float(x)).__name__)
print(float(), SubF(), type(SubF.fromhex("0x1p3")).__name__)
