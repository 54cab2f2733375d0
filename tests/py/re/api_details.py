# re: API details — argument handling, keywords, negative counts, unusual group keys
import re
import warnings
warnings.simplefilter("ignore")

p = re.compile(r"(\d)")
print(re.split(",", "a,b,c", maxsplit=-1), re.split(",", "a,b,c", 0))
print(re.sub("a", "b", "aaa", count=-1), re.subn("a", "b", "aaa", 1))
print(re.sub("a", "b", "aaa", 1, re.I))
print(p.findall("1a2b3", pos=-10, endpos=100), p.findall("123", 5), p.findall("123", 2, 1))
print(p.search(string="x1"), p.match("1", pos=0, endpos=1))
m = p.search("a1")
print(m.group(True), m.start(False))
for k in [slice(0, 1), None, 2, "1"]:
    try:
        print(m[k])
    except IndexError as e:
        print("IndexError", e)
try:
    p.search()
except TypeError as e:
    print("TypeError", e)
try:
    p.search("x", foo=1)
except TypeError as e:
    print("TypeError", e)
try:
    m.group(0, 5)
except IndexError as e:
    print("IndexError", e)
print(re.compile(r"(?P<a>x)(?P<b>y)?").match("x").groupdict("D"))
print(re.match(r"(?:(?P<a>x)|(?P<b>y))+", "xy").lastgroup)
print(re.compile("(a)(b)").groups, re.compile("").groups, re.compile("").pattern)
print(re.compile(b"x").pattern, re.compile(b"x").flags, re.compile("x").flags,
      re.compile("x", re.A).flags, re.compile("(?i)x").flags, re.compile("(?x)x").flags)
print(re.compile(r"\d", re.ASCII) == re.compile(r"\d"), re.compile("a") != re.compile("b"))
print(re.findall(r"(a)(b)(c)?", "abab"))
print(re.split(r"(a)(x)?", "1a2a3"))
print(re.escape(""), re.escape(b""), re.escape("\x00"))
s = "The quick brown fox"
print(re.sub(r"\w+", lambda m: m.group().upper() if len(m.group()) > 3 else m.group(), s))
print(re.sub(r"(?P<word>\w+)", r"\g<word>!", s, count=2))
print(re.subn(r"o", r"0", s))
print(re.sub(b"o", b"0", b"foo"), re.sub(b"(o)", rb"[\1]", b"foo"))
print(re.sub("", "", ""), re.sub("x", "", ""), re.subn("", "-", ""))
print(list(map(lambda m: m.span(), re.finditer(r"\b", "ab cd"))))
print(re.match("a", "a").re.pattern, re.search("(?P<g>a)", "xa").expand(r"\g<g>-\g<0>"))
print(re.fullmatch(r"(?:a|ab)(?:c|bcd)", "abcd"))
print(re.fullmatch(r"a*?", "aaa"), re.fullmatch(r"\d{2,}?", "1234"))
print(re.compile(r"a").fullmatch("ab", 0, 1))
print(re.Match.__name__, re.Pattern.__name__, re.Pattern.__module__)
