# str fast paths: f-string/format() specs for int/float/str, str(int), find/count/split/splitlines/partition/replace, step slicing, case mapping and join over ASCII, latin-1, UCS-2 and astral text.
import random

rng = random.Random(99)

# ints in formats: small, word-sized and big, every base, signs, fill, grouping
vals = [0, 1, -1, 7, -42, 255, 2**30 - 1, 2**30, -2**30, 2**59, 2**60 - 1, 2**60, -2**60,
        2**63, -2**64, 10**25, -(10**25), True, False]
specs = ["", "d", "06d", "4d", "+d", " d", "-d", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
         "010b", "#010x", ",", "_", "_x", "_b", ",d", "^9", "*<8", "=+8", "0=8", "n", "c",
         "é>6", "日^7", "e", ".2f", "%", "g"]
for v in vals:
    out = []
    for spec in specs:
        if spec == "c" and not (0 <= v < 0x110000):
            continue
        out.append(format(v, spec))
    print(v, out)
i = 12345
print(f"{i:06d}|{i:<10}|{i:>7}|{i:4d}|{i * 2654435761 % 65536:04x}|{-i:08d}|{i:,}")
print(str(0), str(-5), str(2**59), str(-(2**60 - 1)), str(2**60), str(10**30), str(True))
for bad in ["s", ".2d", "z", "#c", "+c", ",x", "_n", "abc"]:
    try:
        format(5, bad)
    except ValueError as e:
        print("ValueError", e)

# floats: fixed formats near rounding ties, big/small magnitudes, signs, z, #, %
fvals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-7, -0.004, 123.456, 999.995,
         1e14 + 0.5, 999999999999999.9, 1e15, 1e16, 1e22, 5e-324, 1.7976931348623157e308,
         float("inf"), float("-inf"), float("nan")]
fvals += [rng.randrange(10**8) / 100.0 for _ in range(20)] + [rng.uniform(-1, 1) for _ in range(10)]
fspecs = [".2f", "9.2f", ".0f", "#.0f", ".9f", ".10f", "z.1f", "z.3f", "+.3f", " .1f", "f",
          "%", ".1%", "012.3f", ",.2f", "_.4f", "^15.2f", "=+12.1f", "F", ".3F", "e", ".2e",
          "g", "", ".3", "#.3g", "10", "<10.2f", "08.2f", "-08.1f"]
for v in fvals:
    print(repr(v), [format(v, s) for s in fspecs])
price = 791.9
print(f"{price:9.2f}|{price / 3:.3f}|{-price:010.2f}|{price:,.1f}|{price:.2%}")

# strs in formats
for v in ["", "abc", "d\xe9j\xe0", "\u65e5\u672c\u8a9e", "\U0001f600x", "x" * 12]:
    print([format(v, s) for s in ["", "<10", ">10", "^10", "*^11", ".2", "10.2", "\xe9<8",
                                  "\u65e5>6", "\U0001f600^7", ".0", "s", "<3", "^2.1"]])
for bad in ["+", "=10", "d", "#", "z"]:
    try:
        format("x", bad)
    except ValueError as e:
        print("ValueError", e)

# search, count, split, partition, replace on each kind
texts = ["a|bb||ccc|", "caf\xe9|th\xe9|", "\u65e5|\u672c||\u8a9e", "\U0001f600|x||\U0001f601",
         "0x1f 0 00 000 0", "", "no separators here"]
for t in texts:
    print(repr(t), t.find("|"), t.rfind("|"), t.find("|", 2), t.rfind("|", 0, 4),
          t.count("|"), t.count("||"), t.count("|", 1, -1), t.count(""), t.count("0"),
          t.find("\xe9"), t.find("\u65e5"), t.find("\U0001f601"), t.find("zz"),
          t.split("|"), t.rsplit("|", 1), t.split("|", 2), t.split("||"), t.split(),
          t.partition("|"), t.rpartition("|"), t.replace("|", "--"), t.replace("|", "", 2),
          "|" in t, t.startswith("a"), t.endswith("|"))
long = "".join(rng.choice("ab \x00\xe9") for _ in range(5000))
print(long.count("a"), long.count(" "), long.count("\x00"), long.count("\xe9"), long.count("ab"),
      long.count("a", 100, 4000), long.find("\xe9a\x00"), long.rfind("b b"))
print("x".count("x"), "".count(""), "abc".count("", 1), "aaaa".count("aa"), "aaa".count("a", 5))

# splitlines over every line break
s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\n"
print(s.splitlines(), s.splitlines(True), "x\x85y".splitlines(), "abc".splitlines(),
      "".splitlines(), "\n".splitlines(), "\u65e5\r\n\u672c".splitlines(True))

# slicing with steps on each kind
for t in ["abcdefgh", "a\xe9bc\xe9d", "\xe9a", "a\u65e5b\u672c", "a\U0001f600b", ""]:
    print([t[::2], t[1::2], t[::-1], t[::-2], t[::3], t[-1:0:-1], t[4::-3], t[1:5:2]])

# case mapping (ASCII fast path and the general one)
for t in ["hello world", "HELLO wORLD", "they're bill's 1st-2nd x3y", "", "a", "1a",
          "ABC_def", "stra\xdfe caf\xe9", "\u03a3\u0391\u03a3 \u03c3", "\ufb01x"]:
    print([t.title(), t.capitalize(), t.upper(), t.lower(), t.swapcase(), t.casefold()])

# join and concatenation across kinds
print("-".join(["a", "bb", "\xe9"]), "".join(["x", "y"]), ", ".join(["\u65e5", "b"]),
      "::".join("abc"), "\xe9".join(["a", "b"]), "".join([]), "x".join(["only"]),
      "|".join(["\U0001f600", "a", "\xe9"]))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
acc = ""
for k in range(300):
    acc += str(k % 10)
    if k % 50 == 49:
        acc += "\n"
acc += "\xe9"
acc += "\u65e5"
print(len(acc), acc[:12], acc[-3:], acc.count("\n"))
