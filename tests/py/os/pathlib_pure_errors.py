# pathlib pure paths: error messages, parents indexing, relative_to walk_up, as_uri/from_uri, Windows parsing, match/full_match
from pathlib import *
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import pathlib
print(repr(PurePosixPath("/a").parents), len(PurePosixPath("/a/b").parents))
try: PurePosixPath("/a").parents[5]
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("/a").relative_to("/b", walk_up=True)
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("a").relative_to("/b", walk_up=True)
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("/a").relative_to("/b/..", walk_up=True)
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("/a").relative_to("/b")
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("a").match("")
except Exception as e: print(type(e).__name__, e)
try: Path("/").glob("")
except Exception as e: print(type(e).__name__, e)
try: list(Path("/").glob("/x"))
except Exception as e: print(type(e).__name__, e)
try: WindowsPath("x")
except Exception as e: print(type(e).__name__, e, type(e).__mro__)
print(PureWindowsPath("c:/a/b").as_uri(), PurePosixPath("/a b/%c").as_uri())
try: PurePosixPath("a").as_uri()
except Exception as e: print(type(e).__name__, e)
print(Path.from_uri("file:///a%20b"), Path.from_uri("file:////x"))
try: Path.from_uri("http://x")
except Exception as e: print(type(e).__name__, e)
try: Path.from_uri("file:x")
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("a") / 3
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath(3)
except Exception as e: print(type(e).__name__, e)
try: PurePosixPath("a") < PureWindowsPath("b")
except Exception as e: print(type(e).__name__, e)
print(PurePosixPath("a") == PureWindowsPath("a"), hash(PurePosixPath("a"))==hash("a"))
print(bytes(PurePosixPath("a/b")), PurePosixPath("a").__reduce__())
print(PurePath("a/b").parser, PurePosixPath("//a/b").parts, PurePosixPath("//a/b").root)
print(PurePosixPath("/a/b").parents[-1], PurePosixPath("/a/b").parents[-3:], PurePosixPath("a/b").parents[::-1])
print(PureWindowsPath("//server/share/x").parts, PureWindowsPath("c:x").parts, PureWindowsPath("c:").anchor, repr(PureWindowsPath("c:/A")))
print(PureWindowsPath("C:/a/b").relative_to("c:/A"), PureWindowsPath("c:/a").is_reserved() if hasattr(PureWindowsPath, "is_reserved") else "")
print(PurePosixPath("a/b").match("*"), PurePosixPath("a/b").match("**"), PurePosixPath("/a/b").match("/*"), PurePosixPath("a/b").full_match("**"))
print(PurePosixPath("a/b/c.py").full_match("a/**"), PurePosixPath("a").full_match("a/**"), PurePosixPath("").full_match("*"))
print(PurePosixPath("A.PY").match("*.py", case_sensitive=False))
for s in ["trailing.", "a..", ".a.b", "..", "a.b.", "x.tar.gz", ".bashrc", ""]:
    p = PurePosixPath(s)
    print(repr(s), repr(p.suffix), p.suffixes, repr(p.stem), repr(p.name))
d = PurePosixPath("a/b.txt")
for suf in ["html", ".", "a/b", ".a/b", "..", ".a.b", " ", ""]:
    try:
        print("with_suffix", repr(suf), d.with_suffix(suf))
    except ValueError as e:
        print("with_suffix", repr(suf), "ValueError", e)
for n in ["", ".", "..", "a/b", "/x", "x/", "ok"]:
    try:
        print("with_name", repr(n), d.with_name(n))
    except ValueError as e:
        print("with_name", repr(n), "ValueError", e)
for p, st in [(PurePosixPath(""), ".x"), (PurePosixPath("a.txt"), "")]:
    try:
        print(p.with_suffix(st) if st.startswith(".") else p.with_stem(st))
    except ValueError as e:
        print("ValueError", e)
print(PurePosixPath("/a/b/c").relative_to("/a/x/y", walk_up=True))
print(PurePosixPath("a/b").is_relative_to("a"), PurePosixPath("a/b").is_relative_to("b"))
print(sorted([PurePosixPath("b/a"), PurePosixPath("a/b"), PurePosixPath("a")]))
print(PurePosixPath("a", "/b", "c"), PurePosixPath("a") / PurePosixPath("/x"), PurePath("x", "y").parts)
print(PureWindowsPath("c:/a") / "d:/b", PureWindowsPath("c:/a") / "C:b", PureWindowsPath("a\\b").as_posix())
print(PureWindowsPath("C:/A/B") == PureWindowsPath("c:\\a\\b"), PureWindowsPath("//srv/sh").anchor, PureWindowsPath("//srv/sh/x").is_absolute())
print(PureWindowsPath("c:/a/b.txt").with_suffix(".py"), PureWindowsPath("c:/").name == "", PureWindowsPath("c:x").is_absolute())
