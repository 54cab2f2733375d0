# exact comparisons between ints and floats, including huge ints, inf and nan
inf, nan = float("inf"), float("nan")
ints = [0, 1, -1, 2**53, 2**53 + 1, -(2**53) - 1, 2**63, 2**1023, 2**1024, -(2**1024), 10**400, 3]
floats = [0.0, -0.0, 1.0, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0, 2.0**63,
          2.0**1023, 1.7976931348623157e308, inf, -inf, nan, 2.5, 3.0000000000000004, 2.9999999999999996]
for i in ints:
    print(i if abs(i) < 10**30 else "big", [(i < f, i <= f, i == f, i != f, i > f, i >= f) for f in floats])
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, float(2**53 + 1) == 2**53 + 1)
print(10**400 > inf, -(10**400) < -inf, 10**400 < inf, 0.5 < 1, 1 > 0.5, -1 < -0.5)
print(max(1, 1.0), min(1.0, 1), sorted([3, 2.5, 2**70, 1e20, -1, -1.5]))
print(1 == 1.0000000000000002, (1 << 60) + 1 == float(1 << 60), (1 << 60) == float(1 << 60))
