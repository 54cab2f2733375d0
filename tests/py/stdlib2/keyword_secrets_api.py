# Checks keyword lists/predicates and secrets token helpers (lengths and types only: outputs are random).
import keyword, secrets
print(keyword.kwlist)
print(keyword.softkwlist)
print(keyword.iskeyword("if"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.issoftkeyword("_"), keyword.issoftkeyword("type"))
print(keyword.iskeyword("True"), keyword.iskeyword("print"), keyword.issoftkeyword("if"))
print(sorted(keyword.__all__))
print(type(secrets.token_bytes()), len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_bytes(0)))
print(type(secrets.token_hex()), len(secrets.token_hex()), len(secrets.token_hex(5)), all(c in "0123456789abcdef" for c in secrets.token_hex(50)))
print(type(secrets.token_urlsafe()), len(secrets.token_urlsafe(16)), len(secrets.token_urlsafe(3)), len(secrets.token_urlsafe(0)))
print(secrets.DEFAULT_ENTROPY)
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(100)), secrets.randbits(0), 0 <= secrets.randbits(8) < 256)
print(secrets.choice([7]), secrets.choice("a"))
for f in (lambda: secrets.randbelow(0), lambda: secrets.randbelow(-1), lambda: secrets.choice([]), lambda: secrets.randbits(-1), lambda: secrets.token_bytes(-1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"a", b"b"))
try:
    secrets.compare_digest("a", b"a")
except TypeError as e:
    print(e)
print(type(secrets.SystemRandom()).__name__, sorted(secrets.__all__))
