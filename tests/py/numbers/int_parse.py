# int(): string parsing in all bases, underscores, whitespace, errors and the digit limit
import sys
def show(*args):
    label = tuple(a if isinstance(a, (str, bytes, bytearray, int, float, list, complex, type(None))) else type(a).__name__ for a in args)
    try:
        print(repr(label), int(*args))
    except Exception as e:
        print(repr(label), type(e).__name__, e)

for s in ["0", "-0", "+17", "  42  ", "\t-9\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0o17",
          "0b101", "0b", "0x", "00", "007", "0_0", "0_7", "١٢٣", "12a", "", " ", "+", "-",
          "9" * 50, "1e5", "1.0", "0x_1f", "0b_1_0", "--1", "1 2", "\u20031\u2003"]:
    show(s)
    show(s, 0)
for base in [2, 8, 16, 36, 7, 3]:
    show("101", base)
    show("zz", base)
    show("-Zz", base)
    show("0x10", base)
show("1", 1)
show("1", 37)
show("1", -1)
show("1", 10**30)
show(b"42")
show(b" -42 ", 16)
show(bytearray(b"77"), 8)
show(b"x")
show(12, 10)
show(12.5)
show(-0.9)
show(1e20)
show(float("inf"))
show(float("nan"))
show(None)
show([])
show(3 + 0j)
show("z" * 300)
show("1" * 5000)
show("-" + "7" * 4300)
print(len(str(int("7" * 4300))))
show("1" * 5000, 16)
try:
    str(10**4300)
except ValueError as e:
    print(e)
print(len(str(10**4299)))
sys.set_int_max_str_digits(5000)
print(len(str(int("1" * 5000))))
show("1" * 5001)
sys.set_int_max_str_digits(0)
print(len(str(10**20000)), str(3**30000)[:30])
sys.set_int_max_str_digits(4300)
print(hex(2**200), oct(-2**70), bin(-5), hex(0), bin(0), oct(8))
print(int("0b" + "1" * 300, 0) == 2**300 - 1, int("f" * 200, 16) == 16**200 - 1)

class Idx:
    def __index__(self):
        return 7
class Int:
    def __int__(self):
        return 9
class Tr:
    def __trunc__(self):
        return 11
show(Idx())
show(Int())
try:
    show(Tr())
except Exception as e:
    print(type(e).__name__)
show("10", Idx())
class Sub(int):
    pass
s = Sub(5)
print(type(s).__name__, s, s + 1, type(s + 1).__name__, int(s), type(int(s)).__name__)
print(Sub("ff", 16), Sub(), int(x := Sub(12)) is not x)
