# numeric hashing: ints mod 2**61-1, floats equal to ints hash alike, specials, complex
import sys
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag)
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 2**64 + 7, 10**100, -(10**100), 2**1000]:
    print(v, hash(v), hash(float(v)) == hash(v) if abs(v) < 2**1000 else None)
for f in [0.5, -0.5, 1.5, 0.1, 1e-300, 1e300, 3.14159, -2.5e-10, 2.0**-1074, 1.7976931348623157e308,
          float("inf"), -float("inf"), -0.0]:
    print(repr(f), hash(f))
for c in [1j, 1 + 1j, -2.5 + 3j, complex(1e300, -1e-300)]:
    print(c, hash(c))
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print(len({1, 1.0, True, 1 + 0j}), len({2**70, float(2**70)}), {0.5: "a"}[0.5])
n = float("nan")
print(hash(n) == hash(n), n in {n}, float("nan") in {float("nan")})
