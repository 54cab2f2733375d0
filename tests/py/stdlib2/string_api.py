# Checks string module: constants, Template (subclassing, safe_substitute, identifiers), Formatter hooks, capwords.
import string
print(repr(string.ascii_letters), repr(string.ascii_lowercase), repr(string.ascii_uppercase))
print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.capwords("  hello   world  foo "), string.capwords("a-b c-d", "-"), repr(string.capwords("")))
print(string.capwords("hELLO wORLD"), string.capwords("x  y", " "))
T = string.Template
t = T("$who likes ${what} $$ and $who")
print(t.substitute(who="tim", what="kung pao"), t.template)
print(t.substitute({"who": "a", "what": "b"}, who="c"))
for f in (lambda: t.substitute(who="x"), lambda: T("$").substitute(), lambda: T("${bad").substitute(),
          lambda: T("a $1").substitute(), lambda: T("line\n x $").substitute(),
          lambda: t.substitute({}, {}), lambda: T("$x").safe_substitute({}, {})):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(t.safe_substitute(who="x"), T("$ ${ $1 $$").safe_substitute())
print(t.get_identifiers(), t.is_valid(), T("$1 ok").is_valid(), T("${a} $b $a").get_identifiers())
class P(T):
    delimiter = "%"
    idpattern = "[a-z]+"
print(P("%ab %% %cd").substitute(ab=1, cd=2), P("%AB").safe_substitute())
class Q(T):
    braceidpattern = "[A-Z.]+"
print(Q("${A.B} $x").substitute({"A.B": 1, "x": 2}))
try:
    Q("${a}").substitute(a=1)
except Exception as e:
    print(type(e).__name__, e)
class R(T):
    pattern = r"""
    \[(?:
      (?P<escaped>\[) |
      (?P<named>[a-z]+)\] |
      (?P<braced>\{[a-z]+\})\] |
      (?P<invalid>)
    )"""
print(R("[x] [[ ").substitute(x=5))
class Fl(T):
    flags = 0
    idpattern = "[a-z]+"
print(Fl("$abc $ABC").safe_substitute(abc=1))
print(T.delimiter, T.idpattern, T.braceidpattern, T.flags)
print(repr(T("$a").substitute(a=None)), T("${a}b").substitute(a=3))
F = string.Formatter()
print(F.format("{0} {1!r} {x:>5} {y[0]} {z.real}", 1, "a", x="b", y=[9], z=3j))
print(list(F.parse("a{0}b{x!r:>3}c{{d}}e")), list(F.parse("")), list(F.parse("}}{}")))
print(F.format_field(3.14159, ".2f"), F.convert_field("a", "r"), F.convert_field("a", None), F.convert_field(3, "a"))
print(F.get_value(0, (7,), {}), F.get_value("k", (), {"k": 8}), F.get_field("0.real", (5,), {}))
print(F.vformat("{} {}", (1, 2), {}), F.format("{:{}}", "x", 5) + "|")
for f in (lambda: F.format("{0} {}", 1, 2), lambda: F.format("{}"), lambda: F.format("{x}"),
          lambda: F.convert_field(1, "z"), lambda: F.format("{!z}", 1), lambda: F.format("{", 1),
          lambda: F.format("}", 1), lambda: F.format("{0:{1:{2}}}", 1, 2, 3), lambda: F.format()):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        print("used", sorted(map(str, used_args)), args, kwargs)
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
    def format_field(self, value, spec):
        return "[" + super().format_field(value, spec) + "]"
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Strict().format("{0} {a} {missing} {b!u} {1:>3}", 1, 2, a="A", b="bee", c=0))
print(string.Formatter().format("{0.x}", type("O", (), {"x": 5})()))
print(sorted(n for n in string.__all__))
