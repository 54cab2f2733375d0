# numbers ABC tower and secrets helpers
import numbers
for v in [1, 1.5, 1j, True]:
    print([isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), numbers.Integral.__mro__)
class MyInt(numbers.Integral): pass
try: MyInt()
except TypeError as e: print("TypeError", str(e)[:45])
import secrets
print(len(secrets.token_bytes(10)), len(secrets.token_hex(5)), len(secrets.token_urlsafe(12)), 0 <= secrets.randbelow(10) < 10, secrets.choice("a") , secrets.randbits(0))
print(secrets.compare_digest(b"abc", b"abc"), secrets.compare_digest("abc", "abd"), secrets.compare_digest(b"a", b"ab"))
