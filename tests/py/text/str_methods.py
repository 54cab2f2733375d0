# str methods: search, split family, strip, padding, case, predicates, replace, join, translate
s = "Hello, World! hello"
print(s.find("o"), s.find("o", 5), s.rfind("o"), s.find("z"), s.index("W"), s.rindex("l"), s.count("l"), s.count(""), s.count("l", 3, 10))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("llo"), s.startswith("World", 7), s.endswith("o", 0, 5))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "  a  b\tc\n".split(), " a b ".split(None, 1), " a b ".rsplit(None, 1))
print("a\nb\r\nc\rd\x0be\x1cf\u2028g".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "x".split("x"))
print("a\u3000b\x85c".split())
print(repr("  x  ".strip()), repr("xxhixx".strip("x")), repr("  x ".lstrip()), repr(" x  ".rstrip()), repr("abcba".strip("ab")))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6)), repr("ab".ljust(5, "é")), repr("ab".rjust(5)), repr("ab".center(1)))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(2), "".zfill(3))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "ab\n\tx".expandtabs(3))
print("hello world".title(), "hELLO wORLD".swapcase(), "hello".capitalize(), "HELLO".lower(), "hello".upper(), "they're bill's".title())
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower(), "Σ".lower(), "ΑΣ ΑΣ.".lower(), "ß".casefold(), "Straße".casefold(), "ǅ".lower(), "ǆ".title(), "ŉ".upper())
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal())
print(" \t\n".isspace(), "".isspace(), "abc".islower(), "Abc".istitle(), "ABC".isupper(), "A B".istitle(), "aB".istitle())
print("abc".isidentifier(), "1a".isidentifier(), "_a1".isidentifier(), "é".isidentifier(), "a-b".isidentifier(), "".isidentifier())
print("abc".isprintable(), "a\n".isprintable(), "".isprintable(), "é".isascii(), "abc".isascii())
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "aaa".replace("a", "", count=1))
print("-".join(["a", "b", "c"]), "".join([]), "é".join("ab"), ", ".join(("x",)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
print("a,b".partition(","), "a,b,c".rpartition(","), "abc".partition("x"), "abc".rpartition("x"))
print("prefix_body".removeprefix("prefix_"), "body_suffix".removesuffix("_suffix"), "x".removeprefix("y"))
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcd".translate(t), "abc".translate({97: "AA", 98: None}), str.maketrans({"a": 1, 2: "b"}))
for bad in [lambda: "a".center(3, "ab"), lambda: "a".find(1), lambda: "a".strip(1), lambda: "a".split(""), lambda: "a".partition(""),
            lambda: "a".startswith(1), lambda: "a".startswith((1,)), lambda: "a".replace(1, ""), lambda: str.maketrans("a", "bc"),
            lambda: "a".translate({97: 1.5}), lambda: "a".count(), lambda: "a".split(1), lambda: "a".encode(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print("abc".__sizeof__(), "é".__sizeof__(), "abc".__getnewargs__())
