# _locale: constants, setlocale/localeconv/nl_langinfo in the C locale, strcoll/strxfrm, gettext, errors
import _locale as L


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  ok", repr(r))


print([n for n in dir(L) if not n.startswith("__")])
print(" ".join(f"{n}={getattr(L, n)}" for n in dir(L) if n.isupper() or n == "_DATE_FMT"))
print(L.Error, L.Error.__mro__, L.Error.__module__)
for n in ("setlocale", "localeconv", "nl_langinfo", "strcoll", "strxfrm", "getencoding",
          "gettext", "dgettext", "dcgettext", "textdomain", "bindtextdomain",
          "bind_textdomain_codeset"):
    print(n, getattr(L, n).__text_signature__)

print(type(L.setlocale(L.LC_CTYPE)).__name__)
print(L.setlocale(L.LC_ALL, "C"))
print(L.setlocale(L.LC_NUMERIC), L.setlocale(L.LC_COLLATE, None))
print(L.localeconv())
print(list(L.localeconv()))
print(L.getencoding(), L.nl_langinfo(L.CODESET))
for name in ("D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "RADIXCHAR",
             "THOUSEP", "YESEXPR", "NOEXPR", "CRNCYSTR", "ERA", "ERA_D_FMT", "ERA_D_T_FMT",
             "ERA_T_FMT", "ALT_DIGITS", "_DATE_FMT"):
    print(name, repr(L.nl_langinfo(getattr(L, name))))
print([L.nl_langinfo(getattr(L, f"DAY_{i}")) for i in range(1, 8)])
print([L.nl_langinfo(getattr(L, f"ABDAY_{i}")) for i in range(1, 8)])
print([L.nl_langinfo(getattr(L, f"MON_{i}")) for i in range(1, 13)])
print([L.nl_langinfo(getattr(L, f"ABMON_{i}")) for i in range(1, 13)])

print(L.strcoll("a", "b") < 0, L.strcoll("b", "a") > 0, L.strcoll("abc", "abc"))
print(L.strcoll("B", "a") < 0, L.strcoll("", "a") < 0)
print(repr(L.strxfrm("abc")), repr(L.strxfrm("")))
words = ["pear", "Apple", "banana", "apple", "Banana"]
print(sorted(words, key=L.strxfrm))
print(L.gettext("hello"), L.dgettext(None, "x"), L.dgettext("nodomain", "y"))
print(L.dcgettext(None, "m", L.LC_MESSAGES), L.textdomain(None))
print(L.bind_textdomain_codeset("krait-test-domain", None))

print("C.UTF-8 ctype")
try:
    L.setlocale(L.LC_CTYPE, "C.UTF-8")
except L.Error:
    print("UTF-8")
else:
    print(L.getencoding())
    print(repr(L.strxfrm("é")), L.strcoll("é", "e") > 0)
L.setlocale(L.LC_ALL, "C")

print("errors")
attempt(L.setlocale, 99)
attempt(L.setlocale, L.LC_ALL, "xx_YY.no-such-locale")
attempt(L.setlocale, "x")
attempt(L.setlocale, L.LC_ALL, 5)
attempt(L.setlocale, L.LC_ALL, "a\0b")
attempt(L.setlocale)
attempt(L.setlocale, 1, 2, 3)
attempt(L.nl_langinfo, 99999)
attempt(L.nl_langinfo, -1)
attempt(L.nl_langinfo, "x")
attempt(L.strcoll, "a", 1)
attempt(L.strcoll, 1, "a")
attempt(L.strcoll, "a\0", "b")
attempt(L.strcoll, "a")
attempt(L.strxfrm, b"a")
attempt(L.strxfrm, "a\0b")
attempt(L.localeconv, 1)
attempt(L.getencoding, 1)
attempt(L.gettext, 1)
attempt(L.textdomain, 1)
attempt(L.bindtextdomain, "", None)
attempt(L.bindtextdomain, 1, None)
try:
    L.setlocale(L.LC_ALL, "xx_YY.no-such-locale")
except L.Error as e:
    print(type(e).__name__, e.args)
print(L.setlocale(L.LC_ALL))
