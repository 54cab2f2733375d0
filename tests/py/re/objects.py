# re: Pattern and Match objects — attributes, reprs, groups, copy, flags enum, bytes
import re, copy

p = re.compile(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
m = p.match("Jane Doe")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "first", 2))
print(m["first"], m[2], m[0])
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.span("last"), m.span(3), m.start(3))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string, m.regs)
print(bool(m), copy.copy(m) is m, copy.deepcopy(p) is p)
for bad in [4, "nope", -1, 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
m = re.match(r"(a)(b)?", "a")
print(m.lastindex, m.lastgroup, m.groups(), m.span(2))
m = re.match(r"((a)|b)+", "ab")
print(m.lastindex, m.groups())
print(re.match(r"(?P<x>a)|(?P<y>b)", "b").lastgroup)
print(repr(re.match(r".*", "x" * 100)))
print(repr(re.match(r".*", "a'b\"c")))
print(repr(re.compile("x" * 300)))
print(repr(re.compile("a", re.I | re.M | re.S | re.X | re.A)))
print(repr(re.compile(b"a", re.I | re.L)))
print(repr(re.compile("a", re.U)), repr(re.compile("a")), repr(re.compile(b"a")))
print(repr(re.compile("a'b")))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I),
      hash(re.compile("ab")) == hash(re.compile("ab")))
print(repr(re.I), repr(re.I | re.M), str(re.S), repr(re.NOFLAG), repr(re.A | re.U))
print(repr(~re.I), int(re.X), re.I | 1024, re.RegexFlag(2) is re.I)
print(f"{re.M}", format(re.DOTALL))
print(list(re.RegexFlag.__members__))
print(re.Pattern, re.Match, type(p) is re.Pattern, isinstance(m, re.Match))
print(re.Pattern[str], re.Match[bytes])
# bytes
bp = re.compile(rb"(\w+)=(\d+)")
print(bp.findall(b"a=1 bb=22"), bp.sub(rb"\2=\1", b"a=1"), bp.split(b"x a=1 y"))
bm = bp.search(bytearray(b"  k=9"))
print(bm, bm.group(1), type(bm.group(1)).__name__)
print(re.match(rb"\w+", "é".encode("latin1")), re.match(r"\w+", "é"))
print(re.match(rb"(?i)K", b"k"), re.search(rb"\s", b"a\x0bb"))
print(re.search(rb"[\x80-\xff]+", b"ab\x80\xfe"))
print(re.match(rb".", memoryview(b"xy")))
for args in [("a", b"a"), (b"a", "a"), ("a", 1)]:
    try:
        re.match(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.sub(b"a", "x", b"a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", lambda m: 3, "abc")
except TypeError as e:
    print("TypeError", e)
import copyreg
f, args = copyreg.dispatch_table[re.Pattern](re.compile("a+", re.I))
print(f(*args))
