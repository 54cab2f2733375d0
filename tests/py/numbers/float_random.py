# deterministic pseudo-random float checks: parsing, repr round trip, round(), formatting, ops
x = 0x9E3779B97F4A7C15
def r64():
    global x
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    return x
for i in range(300):
    nd = 1 + r64() % 25
    digits = "".join(str(r64() % 10) for _ in range(nd))
    e = r64() % 640 - 330
    s = f"{digits[:1]}.{digits[1:]}e{e}"
    f = float(s)
    print(s, repr(f), float(repr(f)) == f, f"{f:.5e}", f"{f:.3g}", round(f, 3 - e if abs(e) < 300 else 2))
for i in range(300):
    a = (r64() >> 11) / 2**53 * 10 ** (r64() % 40 - 20)
    b = (r64() >> 11) / 2**53 * 10 ** (r64() % 40 - 20) or 1.0
    print(repr(a), repr(a * b), repr(a / b), repr(a % b), repr(a // b), repr(a ** 0.5), repr(round(a, 4)),
          repr(round(a * 1e6, -2)), a.hex(), hash(a) % 1000, f"{a:.12f}", int(a * 1000))
for m in ["0.5", "1.5", "2.5", "0.125", "0.375", "2.675", "1.005", "0.045", "5.5e-10", "1234.5"]:
    v = float(m)
    print(m, [round(v, n) for n in range(-3, 5)], [round(-v, n) for n in range(0, 4)])
