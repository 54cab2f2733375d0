# Checks configparser 3.13 additions: UNNAMED_SECTION/allow_unnamed_section, combined ParsingErrors, raw defaults, MultilineContinuationError.
import configparser as c
e = c.ParsingError('x', 3, 'line'); print(repr(e), e.errors, str(e))
m = c.MissingSectionHeaderError('f', 1, 'l'); print(hasattr(m, 'errors'), repr(m))
p = c.RawConfigParser({'a': 1, 'B': None}); print(p.defaults())
print(repr(c.UNNAMED_SECTION), type(c.UNNAMED_SECTION))
p = c.ConfigParser(allow_unnamed_section=True)
p.read_string("x = 1\ny=2\n[s]\nz=3\n")
print(p.sections(), p.get(c.UNNAMED_SECTION, 'x'), list(p[c.UNNAMED_SECTION].items()))
print(p[c.UNNAMED_SECTION].name, repr(p[c.UNNAMED_SECTION]))
import io; f = io.StringIO(); p.write(f); print(repr(f.getvalue()))
try: c.ConfigParser().read_string("x=1\n")
except c.Error as e: print(type(e).__name__, e)
p = c.ConfigParser()
try: p.add_section(c.UNNAMED_SECTION)
except Exception as e: print(type(e).__name__, e)
p = c.RawConfigParser()
p.add_section(c.UNNAMED_SECTION); print(p.sections())
p.set(c.UNNAMED_SECTION, 'k', 'v'); f = io.StringIO(); p.write(f); print(repr(f.getvalue()))
p = c.ConfigParser(allow_unnamed_section=True)
p.read_string("[s]\na=1\n"); print(p.sections())
p.read_string("top=1\n"); print(p.sections())
p = c.ConfigParser(allow_unnamed_section=True)
p.read_string("# comment\n\n[s]\na=1\n"); print(p.sections())
p = c.ConfigParser(allow_unnamed_section=True)
try: p.read_string("a=1\nbad line\n  b\nc\n")
except c.ParsingError as e: print(repr(e), e.errors, e)
p = c.ConfigParser()
try: p.read_string("[s]\na=1\nbad line\n  cont\nbad2\n[t]\nzz\n")
except c.ParsingError as e: print(repr(e), e.errors); print(e)
print(p.sections(), dict(p['s']))
try: p.read_string("[s]\nx\n")
except Exception as e: print(type(e).__name__, e)
p = c.ConfigParser(allow_no_value=True)
try: p.read_string("[s]\nx\n  y\n")
except Exception as e: print(type(e).__name__, e)
p = c.ConfigParser(allow_unnamed_section=True); p.read_dict({c.UNNAMED_SECTION: {'a': 1}}) if False else None
p = c.ConfigParser(allow_unnamed_section=True, interpolation=c.ExtendedInterpolation())
p.read_string("home=/h\n[s]\np=${home}/x\n")
try: print(p.get('s','p'))
except Exception as e: print(type(e).__name__, e)
p = c.ConfigParser(allow_unnamed_section=True); p.read_string("a=%(b)s\nb=2\n"); print(p.get(c.UNNAMED_SECTION, 'a'))
print(p.has_section(c.UNNAMED_SECTION), c.UNNAMED_SECTION in p, list(p), len(p), p.options(c.UNNAMED_SECTION))
print(p.remove_section(c.UNNAMED_SECTION), p.sections())
print(c.__all__)
# unnamed section through the mapping protocol and round trip
p = c.ConfigParser(allow_unnamed_section=True)
p.read_string("""
; leading comment
name = top
multi = first
    second
[DEFAULT]
shared = s
[sec]
key = %(name)s-x
""")
print(p.sections(), dict(p[c.UNNAMED_SECTION]))
print(p.get(c.UNNAMED_SECTION, "multi").splitlines(), p.get(c.UNNAMED_SECTION, "shared"))
try:
    p.get("sec", "key")
except c.InterpolationMissingOptionError as e:
    print("missing", e.reference)
f = io.StringIO(); p.write(f); text = f.getvalue(); print(text)
q = c.ConfigParser(allow_unnamed_section=True); q.read_string(text)
print(q.sections(), dict(q[c.UNNAMED_SECTION]) == dict(p[c.UNNAMED_SECTION]))
print(c.RawConfigParser.OPTCRE.match("a = b").group("option", "vi", "value"),
      c.RawConfigParser.OPTCRE_NV.match("flag").group("option", "vi", "value"))
try:
    c.ParsingError._raise_all([])
    print("no errors -> no raise")
    c.ParsingError._raise_all([c.ParsingError("s", 1, "a"), c.ParsingError("s", 2, "b")])
except c.ParsingError as e:
    print(e.errors)
print(issubclass(c.MultilineContinuationError, c.ParsingError))
p = c.ConfigParser(allow_unnamed_section=True)
try:
    p.read_string("a=1\n[s]\nb=2\n[s]\n")
except c.DuplicateSectionError as e:
    print(type(e).__name__, e)
print(p.sections())
