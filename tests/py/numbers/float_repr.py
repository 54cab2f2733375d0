# float repr/str: shortest round-trip digits, exponent switching, specials
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
        1e-5, 1e-4, 0.0001234, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
        2.225073858507201e-308, 9007199254740993.0, 4.35, 0.3, 2.675, 1e100, 1.5e-300,
        123.456, 100.0, 1e-7, 12345678.9, 3.141592653589793, 2.718281828459045, 1e300 * 10,
        -1e300 * 10, 8.41e21, 5e-310, 9.999999999999999e22, 0.5, 2**-1074 * 3, 2.0**63, 2.0**64]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
print(float("nan"), -float("nan"), [float("inf")], (-0.0, 0.0))
# pseudo-random bit patterns
x = 0x12345678
out = []
for i in range(400):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    mant, ex, sign = x & (2**52 - 1), (x >> 52) & 2047, "-" if x >> 63 else ""
    if ex == 2047:
        continue
    d = float.fromhex(f"{sign}0x{1 if ex else 0}.{mant:013x}p{max(ex, 1) - 1023}")
    if d == d and abs(d) != float("inf"):
        out.append(repr(d))
print(len(out))
for i in range(0, len(out), 4):
    print(" ".join(out[i:i + 4]))
for e in range(-30, 30):
    print(repr(10.0 ** e), repr(2.0 ** e * 3), repr(7.0 / 10 ** e if e < 20 else 7.0))
for p in range(-1074, 1024, 37):
    print(repr(2.0 ** p), repr(2.0 ** p * 1.0000000000000002))
