# Specialised BINARY_OP forms (& | ^ >> // % on small ints, / on floats and ints) agree with the generic path: signs, floors, errors, in-place forms.
import itertools
vals = [0, 1, -1, 2, -2, 3, 7, -7, 30, 31, 62, 63, 64, 100, -100, 2**29, -2**29, 2**30-1, -(2**30-1), 2**30, 2**40, -2**40, 10**20]
fvals = [0.0, -0.0, 1.5, -2.25, 1e300, float('inf'), float('nan')]
def run():
    out = []
    for a, b in itertools.product(vals, vals):
        for name, f in (("&", lambda x, y: x & y), ("|", lambda x, y: x | y), ("^", lambda x, y: x ^ y),
                        (">>", lambda x, y: x >> y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y),
                        ("/", lambda x, y: x / y)):
            for _ in range(3):  # let the site specialise
                try:
                    r = f(a, b)
                except Exception as e:
                    r = (type(e).__name__, str(e))
            out.append(r)
        x = a
        for _ in range(3):
            y = x; y //= (b or 1); y %= (b or 7); y &= b; y |= a; y ^= b
        out.append(y)
    for a, b in itertools.product(vals + fvals, vals + fvals):
        for _ in range(3):
            try:
                r = a / b
            except Exception as e:
                r = (type(e).__name__, str(e))
        out.append(repr(r))
    return out
res = run()
print(len(res), hash(tuple(map(str, res))))
for r in res[:: 37]:
    print(r)
