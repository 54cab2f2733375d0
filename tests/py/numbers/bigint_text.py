# Big ints to and from text against the reference: str/int round trips at digit-chunk boundaries, other bases, underscores, format specs, and the 4300-digit limit.
import random
import sys

R = random.Random(77)


def digits_text(n, alphabet="0123456789"):
    return R.choice(alphabet[1:]) + "".join(R.choice(alphabet) for _ in range(n - 1))


# lengths around the 9-character chunks folded per pass (and pairs of them)
for n in (1, 8, 9, 10, 17, 18, 19, 26, 27, 28, 36, 37, 100, 999, 4300):
    s = digits_text(n)
    v = int(s)
    print(n, str(v) == s, int("-" + s) == -v, hash(v), v % 1000003, len(str(v * v)) if n < 2000 else 0)
    print(" ", str(v)[:20], repr(-v)[:21], int("0" * 5 + s) == v if n < 4296 else None,
          int(" +" + s + "\n") == v)

for n in (9, 18, 27, 45):
    print("nines", n, int("9" * n) + 1 == 10 ** n, str(10 ** n - 1) == "9" * n,
          int("1" + "0" * n) == 10 ** n)

# underscores between digits
s = digits_text(60)
grouped = "_".join(s[i:i + 4] for i in range(0, 60, 4))
print("underscores", int(grouped) == int(s), int("0x" + "_".join("ff" for _ in range(20)), 16))

# other bases, both directions
for base in (2, 3, 7, 8, 12, 16, 31, 36):
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    for n in (1, 5, 30, 200):
        t = digits_text(n, alphabet)
        v = int(t, base)
        print("base", base, n, hash(v), int(t.upper(), base) == v)
    w = R.getrandbits(700)
    print("  ", hex(w)[:18], oct(w)[:18], bin(w)[:18], int(hex(w), 0) == w, int(oct(-w), 0) == -w,
          int(bin(w), 0) == w)

# format specs on big values
v = int(digits_text(80))
for spec in ("", "d", ",", "_", ">100", "<90", "^95", "+", " ", "x", "#X", "_x", "#o", "b", "n", "=+100,"):
    print(repr(spec), format(v, spec)[:50], len(format(-v, spec)))

# the str <-> int digit limit
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print("str limit:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("int limit:", e)
print(len(str(big - 1)), int("9" * 4300) == big - 1)
sys.set_int_max_str_digits(5000)
print(len(str(big)), int("1" * 4301) % 97)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)), int("7" * 6000) % 1000003)
