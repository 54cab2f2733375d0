# fnmatch: translate output, fnmatch/fnmatchcase/filter
import fnmatch
for p in ["*.p[!y]?", "[a-z]*x**", "[]]", "[!]", "a[b", "*a*b*c", "[a-c-e]", "[z-a]", "[!z-a]", "a\\b", "[\\]", "[a&&b]", "[^x]", "x.y+z", "*", "**", "?*?", "[!a-]"]:
    print(repr(p), fnmatch.translate(p))
print(fnmatch.fnmatch("foo.py", "*.py"), fnmatch.fnmatch("foo.pyc", "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"), fnmatch.filter(["a.c", "b.h", "c.c"], "*.c"))
print(fnmatch.fnmatch(b"ab", b"a?"), fnmatch.fnmatch("a\nb", "a?b"), fnmatch.fnmatch("xaybzc", "*a*b*c"))
