# codecs: encode/decode for utf-8/16/32, latin-1, ascii, cp1252 with all error handlers
s = "aé€🐍\udc80"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1", "ascii", "cp1252"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass", "namereplace"]:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError:", e, e.start, e.end, repr(e.reason))
data = [b"a\xffb", b"\xc3\xa9\xe2\x82", b"\xed\xa0\x80x", b"\xf0\x9f\x90", b"\x80abc", b"\xe2\x28\xa1", b"\xf5\x80", b"\xc0\xaf"]
for d in data:
    for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(d, err, repr(d.decode("utf-8", err)))
        except UnicodeDecodeError as e:
            print(d, err, "UnicodeDecodeError:", e)
for enc, d in [("ascii", b"ab\x80\xff"), ("latin-1", b"\xff\x80"), ("cp1252", b"\x80\x81\x9f"), ("utf-16-le", b"a\x00\x00\xd8"), ("utf-16-le", b"a"), ("utf-16", b"\xfe\xff\x00a"), ("utf-32-le", b"\x00\x00\x11\x00"), ("utf-32", b"\xff\xfe\x00\x00a\x00\x00\x00"), ("utf-16-le", b"\x00\xdcx\x00"), ("utf-32-be", b"\x00\x00\xd8\x00")]:
    for err in ["strict", "replace", "ignore", "backslashreplace", "surrogatepass"]:
        try:
            print(enc, d, err, repr(d.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, d, err, "UnicodeDecodeError:", e)
print("x".encode("UTF8"), "x".encode("Latin_1"), "é".encode("iso-8859-1"), "x".encode("U16"), b"x".decode("us-ascii"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    "\udc80".encode("utf-8", "bogus")
except LookupError as e:
    print("LookupError", e)
print(b"\\n\\x41\\u00e9\\U0001f40d\\N{BULLET}".decode("unicode_escape"), "é\n🐍".encode("unicode_escape"), "é\u1234".encode("raw_unicode_escape"), b"\\u00e9".decode("raw_unicode_escape"))
