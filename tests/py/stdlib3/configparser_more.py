# Checks configparser 3.13 behaviour: interpolation errors, converters, strict/non-strict, inline comments, write, errors' args and unnamed-section edge cases.
import configparser as c, io, re
def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except BaseException as e:
        print("  ", type(e).__name__ + ":", e, "|", repr(e.args)[:100])
    else:
        print("  ok", repr(r)[:200])
src = """
[DEFAULT]
base = /b
[one]
path = %(base)s/x   ; inline
flag = yes
num = 42
fl = 1.5
empty =
novalue
multi = a

   b
# comment
[two]
ext = ${one:path}
"""
p = c.ConfigParser(allow_no_value=True, inline_comment_prefixes=(";",))
p.read_string(src)
print(dict(p["one"]))
print(p.getboolean("one", "flag"), p.getint("one", "num"), p.getfloat("one", "fl"), repr(p.get("one", "multi")))
err(p.getint, "one", "flag")
err(p.getboolean, "one", "num")
err(p.get, "one", "missing")
err(p.get, "nosec", "x")
print(p.get("one", "missing", fallback="fb"), p["one"].get("missing", "d"), p["one"].getint("num"))
print(p.items("one", vars={"extra": "v"}))
print([k for k, v in p.items()])
p2 = c.ConfigParser(interpolation=c.ExtendedInterpolation())
p2.read_string(src.replace("novalue\n", "").replace("%(base)s", "${base}").replace("   ; inline", ""))
print(p2.get("two", "ext"))
err(c.ConfigParser().read_string, "[a]\nx=1\nx=2\n")
err(c.ConfigParser().read_string, "[a]\n[a]\n")
err(c.ConfigParser().read_dict, {"a": {"x": 1, "X": 2}})
q = c.ConfigParser(strict=False); q.read_string("[a]\nx=1\nx=2\n[a]\ny=3\n"); print(dict(q["a"]))
r = c.ConfigParser(); r.read_string("[s]\na = %(b)s\nb = %(a)s\nc = %(zz)s\nd = 100%%\ne = 5%\n")
err(r.get, "s", "a")
err(r.get, "s", "c")
err(r.get, "s", "e")
print(r.get("s", "d"), r.get("s", "e", raw=True))
err(r.set, "s", "f", "bad % sign")
err(r.set, "s", "f", 5)
err(r.set, "nosec", "f", "v")
err(r.add_section, "DEFAULT")
err(r.add_section, "s")
f = io.StringIO(); r.write(f, space_around_delimiters=False); print(repr(f.getvalue()))
print(r.remove_option("s", "a"), r.remove_option("s", "zz"))
err(r.remove_option, "nosec", "a")
print(r.has_option("s", "b"), r.has_option("nosec", "b"), r.has_option(None, "b"))
cv = c.ConfigParser(converters={"list": lambda v: v.split(",")})
cv.read_string("[s]\nl = a,b,c\n")
print(cv.getlist("s", "l"), cv["s"].getlist("l"), sorted(cv.converters))
del cv.converters["list"]
print(hasattr(cv, "getlist"))
e = c.ConfigParser(empty_lines_in_values=False)
err(e.read_string, "[s]\na = 1\n\n  2\n")
d = c.ConfigParser(default_section="common"); d.read_string("[common]\nx=1\n[s]\n"); print(d["s"]["x"], d.default_section)
print(repr(c.DuplicateSectionError("s", "src", 3)), c.DuplicateOptionError("s", "o").args)
print(c.NoOptionError("o", "s").args, c.InterpolationMissingOptionError("o", "s", "raw", "ref").args)
print(c.MAX_INTERPOLATION_DEPTH, c.DEFAULTSECT, c.RawConfigParser.BOOLEAN_STATES)
x = c.ConfigParser(comment_prefixes=("#",), inline_comment_prefixes=("#",))
x.read_string("[s]\na = 1 # c\nb = x#y\n;notcomment=1\n")
print(dict(x["s"]))
print(c.SectionProxy, repr(p["one"]), p["one"].name, p["one"].parser is p, len(p["one"]), "path" in p["one"])
err(p.__getitem__, "zz")
err(p.__delitem__, "DEFAULT")
p["new"] = {"k": "v"}
print(p.sections(), list(p))
print(c.ConfigParser(defaults={"a": "1"}, allow_unnamed_section=True).defaults())
err(c.ConfigParser().read_string, "[s]\n  indented = 1\n")
u = c.ConfigParser(allow_unnamed_section=True)
u.read_dict({c.UNNAMED_SECTION: {"a": "1"}}) if False else None
err(u.read_string, "  a = 1\n")
print(u.sections())
