# int methods and attributes: bits, bytes, ratios, rounding, conversions, sizes
import sys
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for v in [0, 1, -1, 255, -256, 2**30 - 1, 2**30, 2**63, -(2**63), 10**50, -(10**50) - 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.is_integer(),
          v.real, v.imag, v.numerator, v.denominator, v.conjugate(), sys.getsizeof(v))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(), (-128).to_bytes(1, signed=True), (0).to_bytes(0, "big"))
print((2**64 - 1).to_bytes(8, "little"), (-(2**63)).to_bytes(8, "big", signed=True))
show("tb1", lambda: (256).to_bytes(1, "big"))
show("tb2", lambda: (-1).to_bytes(1, "big"))
show("tb3", lambda: (128).to_bytes(1, "big", signed=True))
show("tb4", lambda: (-129).to_bytes(1, "big", signed=True))
show("tb5", lambda: (1).to_bytes(-1, "big"))
show("tb6", lambda: (1).to_bytes(1, "middle"))
show("tb7", lambda: (1).to_bytes(0))
show("tb8", lambda: (0).to_bytes(0))
show("tb9", lambda: (1).to_bytes(1, "big", True))
for b in [b"", b"\x00", b"\xff", b"\x80\x00", b"\x00\x80", b"\xff" * 9, bytes(range(20))]:
    print(b, int.from_bytes(b, "big"), int.from_bytes(b, "little"),
          int.from_bytes(b, "big", signed=True), int.from_bytes(b, "little", signed=True))
print(int.from_bytes([1, 2, 3]), int.from_bytes(bytearray(b"\x01\x00"), byteorder="little"))
show("fb1", lambda: int.from_bytes(1))
show("fb2", lambda: int.from_bytes(b"1", "x"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x05")
print(type(r).__name__, r)
for v in [1234567, -1234567, 15, 25, 35, -25, 10**30 + 5 * 10**9]:
    print(v, round(v), round(v, 2), round(v, -1), round(v, -2), round(v, -10), round(v, -40))
print(round(5, -1), round(15, -1), round(-15, -1), round(250, -2), round(350, -2))
show("r1", lambda: round(5, 1.5))
show("r2", lambda: (5).__round__(None))
print(int.__trunc__(7), (7).__floor__(), (7).__ceil__(), (7).__index__(), (-7).__abs__())
print((7).__getnewargs__(), (7).__sizeof__(), (2**100).__sizeof__(), True.__sizeof__())
print(float(2**53 + 1), float(-(2**1023)), float(2**1024 - 2**971), float(10**308))
show("f1", lambda: float(2**1024))
show("f2", lambda: float(2**1024 - 2**970))
print(float(2**1024 - 2**970 - 1))
print(int(1e18), int(-1e18), int(1.5e300) % 1000, int(2.0**100), int(-0.0), int(1e-300))
print(format(255, "x"), format(-255, "#b"), format(10**20, ","), f"{12345:_}", format(42))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(-1), hash(-2), hash(10**30), hash(-10**30))
print(hash(2**64), hash(2**1000), hash(-(2**1000) + 5))
