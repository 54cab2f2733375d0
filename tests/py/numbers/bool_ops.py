# bool: singletons, arithmetic as int, &|^ staying bool, repr, construction
import warnings
print(True, False, repr(True), str(False), True + True, True * 10, -True, abs(False), True / 2)
print(True & True, True & False, True | False, False ^ False, True ^ True, True & 3, 6 | True)
print(type(True & False).__name__, type(True & 1).__name__, type(True + 0).__name__)
print(bool(), bool(0), bool(3), bool(""), bool([1]), bool(None), bool(0.0), bool(0j), bool(-0.0))
print(int(True), float(False), True == 1, False == 0.0, hash(True), hash(False), True is bool(5))
print(isinstance(True, int), issubclass(bool, int), True.real, True.imag, True.numerator, True.bit_length())
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]), True // 2, divmod(True, 2))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    t, f = True, False
    print(~t, ~f, len(w), w[0].category.__name__ if w else None)
for f in [lambda: bool(1, 2), lambda: bool(x=1)]:
    try:
        f()
    except TypeError as e:
        print(e)
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print(True.__sizeof__(), (True).to_bytes(1, "big"), True.as_integer_ratio(), format(True, "d"), f"{False!r}")
print(str(True) + "x", [True] * 2, {True: 1, 1: 2}, True in {1}, 1.0 in {True})
