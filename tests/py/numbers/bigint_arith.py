# Big-int arithmetic against the reference: + - * // % divmod, squaring, shifts, bitwise ops, comparison and hashing on random operands (fixed seed) of sizes around digit boundaries and the Karatsuba cutoffs, plus carry chains and Knuth-D add-back divisors.
import random

R = random.Random(20240521)
B = 1 << 30
M = (1 << 61) - 1

# sizes in 30-bit digits: single digit, small, around the multiply cutoffs (70 plain,
# 140 squaring), lopsided products and long operands
SIZES = [1, 2, 3, 4, 5, 8, 17, 69, 70, 71, 72, 139, 140, 141, 150, 211, 300, 700]


def operand(ndigits):
    kind = R.randrange(8)
    if kind == 0:
        v = (1 << (30 * ndigits)) - 1               # all ones: carries run the length
    elif kind == 1:
        v = 1 << (30 * ndigits - 1)                 # lone top bit
    elif kind == 2:
        v = (1 << (30 * ndigits)) - (1 << R.randrange(30 * ndigits))
    elif kind == 3:
        v = R.getrandbits(30 * ndigits) | (1 << (30 * ndigits - 1))
        v |= (1 << (30 * (ndigits // 2))) - 1       # low half all ones
    else:
        v = R.getrandbits(30 * ndigits) | 1
    return -v if R.random() < 0.4 else v


def fold(acc, v):
    return (acc * 1000003 + hash(v)) % M


def check_pair(a, b):
    acc = 0
    for v in (a + b, a - b, b - a, a * b, a * a, -a, abs(b), a & b, a | b, a ^ b, ~a,
              a < b, a == b, a >= b, a >> 7, a >> 61, b << 3, b << 95):
        acc = fold(acc, v)
    if b:
        q, r = divmod(a, b)
        assert q * b + r == a
        acc = fold(fold(fold(acc, q), r), (a // b, a % b) == (q, r))
    return acc


for sa in SIZES:
    line = []
    for sb in SIZES:
        a, b = operand(sa), operand(sb)
        line.append(check_pair(a, b) % 1000)
    print(sa, line)

# exact quotients and remainders round-trip
for sa, sb in [(5, 2), (71, 70), (141, 3), (300, 150), (700, 71), (211, 210)]:
    a, b = abs(operand(sa)), abs(operand(sb)) | 1
    p = a * b
    print("exact", sa, sb, p // b == a, p % b == 0, (p + b - 1) // b == a, (p - 1) % b == b - 1)

# carries and borrows across every digit
for n in (1, 2, 3, 31, 70, 141):
    ones = (1 << (30 * n)) - 1
    top = 1 << (30 * n)
    print("carry", n, hash(ones + 1) == hash(top), (top - 1) == ones, hash(ones * ones),
          hash(top * top - 1), (ones * ones) // ones == ones, -ones - 1 == -top,
          hash((ones << 1) - ones))

# mixed sizes: small * big and big // small take the single-digit paths
for n in (2, 5, 100, 400):
    x = operand(n)
    for k in (1, 2, 3, 7, 10, 1000, B - 1, -1, -10, -(B - 1)):
        q, r = divmod(x, k)
        print("small", n, k, hash(x * k), hash(k * x), hash(q), r, hash(x + k), hash(k - x))


def digits(x):
    d = []
    while x:
        d.append(x & (B - 1))
        x >>= 30
    return d


def addback_case(rng):
    """A dividend/divisor pair whose first trial quotient digit, after the two-digit
    correction test, is still one too large (Knuth D's add-back step)."""
    while True:
        n = rng.randint(2, 6)
        v1 = rng.randint(B // 2, B - 1)
        v2 = rng.randint(0, B - 1)
        q = rng.randint(1, B - 1)
        rhat = q * v2 // B
        if rhat >= v1:
            continue
        u0, u1 = divmod(q * v1 + rhat, B)
        u2 = q * v2 - rhat * B
        vd = [B - 1] * (n - 2) + [v2, v1]
        ud = [0] * (n - 1) + [u2, u1, u0]
        extra = rng.randint(0, 3)
        ud = [rng.randint(0, B - 1) for _ in range(extra)] + ud
        vd = [0] * extra + vd
        v = sum(x << (30 * i) for i, x in enumerate(vd))
        u = sum(x << (30 * i) for i, x in enumerate(ud))
        d = rng.randint(0, 12)
        v >>= d
        u >>= d
        if v.bit_length() > 30 and u >= v:
            return u, v


rng = random.Random(3)
for i in range(12):
    u, v = addback_case(rng)
    q, r = divmod(u, v)
    print("addback", i, len(digits(v)), q, hash(r), q * v + r == u, 0 <= r < v,
          divmod(-u, v) == (-q - (r != 0), (v - r) % v))

# floor division with mixed signs: the quotient magnitude grows by one, which can carry
# into a new digit (|q| = B**k - 1 before the step), and the remainder becomes |b| - |r|
for n in (1, 2, 3, 40):
    top = B ** n
    for a, b in ((top - 1, -1), (-(top - 1), 1), (top * B - 1, -B), (-(top * B - 1), B),
                 (top * top - 1, -top), (-(top * top - 1), top), (top - 1, -(top + 1)),
                 (-1, top), (1, -top), (-(top * 7 + 3), 7), (top * 7 + 3, -(top + 5))):
        q, r = divmod(a, b)
        print("floor", n, hash(q), hash(r), q * b + r == a, a // b == q, a % b == r)
