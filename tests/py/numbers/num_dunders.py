# number dunder methods called directly, reflected operations, NotImplemented, subclasses
print(int.__add__(1, 2), int.__add__(1, 1.0), (1).__radd__(2), (5).__rsub__(7), (2).__rpow__(3))
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), float.__rsub__(1.5, 2), float.__add__(1.5, "x"))
print((3).__truediv__(2), (3).__rtruediv__(2), (7).__floordiv__(2), (7).__rfloordiv__(2), (7).__divmod__(2))
print((2.0).__rpow__(3), (2).__pow__(3, 5), (2).__pow__(-1), complex.__add__(1j, 1), complex.__radd__(1j, 1))
print((5).__lshift__(2), (5).__rlshift__(2), (-5).__rshift__(1), (6).__and__(3), (6).__rxor__(3), (6).__ror__(9))
print((5).__neg__(), (5).__pos__(), (-5).__abs__(), (5).__invert__(), (5).__bool__(), (0.0).__bool__())
print((5).__int__(), (5.7).__int__(), (5).__float__(), (5).__index__(), (1j).__abs__(), (3+4j).__neg__())
print(int.__eq__(1, 1.0), int.__lt__(1, 2), float.__eq__(1.0, 1), float.__lt__(1.0, 2), int.__eq__(1, "1"))
print((1).__hash__(), (1.5).__hash__(), (1j).__hash__(), (2**70).__hash__())
class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"
    def __radd__(self, other):
        return "MyInt.radd"
class MyFloat(float):
    def __rsub__(self, other):
        return "MyFloat.rsub"
print(MyInt(1) + 1, 1 + MyInt(1), 1.5 + MyInt(1), MyInt(1) * 3, type(MyInt(2) * 3).__name__)
print(2 - MyFloat(1.5), 2.0 - MyFloat(1.5), MyFloat(1.5) - 2, type(-MyFloat(1.5)).__name__)
print(repr(MyInt(7)), str(MyFloat(2.5)), MyInt(7) == 7, hash(MyInt(7)) == hash(7), f"{MyInt(255):x}")
class Num:
    def __init__(self, v):
        self.v = v
    def __radd__(self, other):
        return ("radd", other)
    def __rmul__(self, other):
        return ("rmul", other)
    def __index__(self):
        return self.v
print(1 + Num(2), 1.5 + Num(2), 1j + Num(3), 3 * Num(4), [1, 2, 3][Num(1)], "abc"[Num(2)], bin(Num(5)))
for expr in ["1 + 'a'", "1.5 * []", "1j % 2", "2 ** 'x'", "-'x'", "~1.5", "1 << 1.5", "1.5 & 1", "divmod(1j, 1)"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
