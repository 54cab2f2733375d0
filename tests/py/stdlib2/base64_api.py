# Checks base64: b16/b32/b32hex/b64/urlsafe/b85/a85 encoders and decoders with options and errors.
import base64, binascii
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
data = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[:40], b"\xff\xfe\x00"]
for d in data:
    print(base64.b64encode(d), base64.b32encode(d), base64.b32hexencode(d), base64.b16encode(d))
    print(base64.b85encode(d), base64.a85encode(d), base64.urlsafe_b64encode(d), base64.standard_b64encode(d))
    assert base64.b64decode(base64.b64encode(d)) == d and base64.b32decode(base64.b32encode(d)) == d
    assert base64.b32hexdecode(base64.b32hexencode(d)) == d and base64.b16decode(base64.b16encode(d)) == d
    assert base64.b85decode(base64.b85encode(d)) == d and base64.a85decode(base64.a85encode(d)) == d
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"), base64.b64decode("+/8="))
print(base64.urlsafe_b64decode(b"-_8="), base64.urlsafe_b64decode("-_8="), base64.standard_b64decode(b"Zm9v"))
print(base64.b64decode(b"Zm9v!!YmFy"), tryit(lambda: base64.b64decode(b"Zm9v!!YmFy", validate=True)))
print(tryit(lambda: base64.b64decode(b"Zm9")), tryit(lambda: base64.b64decode(b"Z")), tryit(lambda: base64.b64decode("é")))
print(tryit(lambda: base64.b64encode("abc")), tryit(lambda: base64.b64encode(b"a", altchars=b"-")))
print(base64.b64decode(bytearray(b"Zm8=")), base64.b64decode(memoryview(b"Zm8=")))
print(base64.b32decode(b"mzxw6===", casefold=True), tryit(lambda: base64.b32decode(b"mzxw6===")))
print(base64.b32decode(b"MZXW6YQ=", map01=None), base64.b32decode(b"0Z", map01=b"L") if False else "", tryit(lambda: base64.b32decode(b"MZXW6YQ")))
print(base64.b32decode(b"O1======", map01=b"L"), base64.b32decode(b"01======", map01=b"I") if False else "", tryit(lambda: base64.b32decode(b"M1======")))
print(tryit(lambda: base64.b32decode(b"MZXW6Y==")), tryit(lambda: base64.b32decode(b"MZ=XW6YQ")), tryit(lambda: base64.b32decode(b"M=======")))
print(base64.b32hexdecode(b"cpnmu===", casefold=True), tryit(lambda: base64.b32hexdecode(b"CPNMU==")), tryit(lambda: base64.b32hexdecode(b"CPNMU===", map01=b"L") if False else base64.b32hexdecode(b"WWWWWWWW")))
print(base64.b16decode(b"666f6f", casefold=True), tryit(lambda: base64.b16decode(b"666f6f")), tryit(lambda: base64.b16decode(b"666")), tryit(lambda: base64.b16decode(b"6G")))
print(base64.b85encode(b"\x00" * 4), base64.b85encode(b"abc", pad=True), base64.b85decode(b"VPa!"), tryit(lambda: base64.b85decode(b"~~~~~")), tryit(lambda: base64.b85decode(b"ab\x00")))
print(base64.a85encode(b"\x00" * 8), base64.a85encode(b"    ", foldspaces=True), base64.a85encode(b"hello world", wrapcol=5), base64.a85encode(b"hi", adobe=True), base64.a85encode(b"abcdefgh" * 3, wrapcol=10, adobe=True))
print(base64.a85encode(b"abc", pad=True), base64.a85decode(b"z"), base64.a85decode(b"y", foldspaces=True), base64.a85decode(b"<~BOu!r~>", adobe=True), base64.a85decode(b"BO u!\nr", ignorechars=b" \n"))
print(tryit(lambda: base64.a85decode(b"<~BOu!r", adobe=True)), tryit(lambda: base64.a85decode(b"z", foldspaces=False) if False else base64.a85decode(b"az")), tryit(lambda: base64.a85decode(b"uuuuu")), tryit(lambda: base64.a85decode(b"y")), tryit(lambda: base64.a85decode(b"a\x00")))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\neHh4\n"), base64.encodebytes(b""), tryit(lambda: base64.encodebytes("s")))
import io
out = io.BytesIO(); base64.encode(io.BytesIO(b"abc" * 30), out); print(out.getvalue())
out2 = io.BytesIO(); base64.decode(io.BytesIO(out.getvalue()), out2); print(out2.getvalue() == b"abc" * 30)
print(tryit(lambda: base64.b64decode(123)), tryit(lambda: base64.b16encode(3)), base64.b64encode(memoryview(b"ab")), base64.b32encode(bytearray(b"ab")))
print(base64.z85encode(b"\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b") if hasattr(base64, "z85encode") else "noz85")
print(sorted(base64.__all__))
