# base64: b64/b32/b16/a85/b85/z85 encode+decode round trips and errors
import base64
for f in ["base64.b64decode(b\"abc\")","base64.b64decode(\"YQ==\")","base64.b64decode(b\"Y!Q==\", validate=True)","base64.b64decode(b\"Y!Q==\")","base64.b32decode(b\"ME\")","base64.b16decode(b\"ab\")","base64.b64encode(\"x\")","base64.a85decode(b\"<~@:E_~>\", adobe=True)","base64.b85decode(b\"|\")", "base64.b64decode(b\"YQ\")", "base64.b32decode(b\"MFRGGZDF\")", "base64.b32decode(b\"mfrggzdf\", casefold=True)","base64.b32hexencode(b\"abc\")","base64.a85encode(b\"\\0\\0\\0\\0 x    \", foldspaces=True)","base64.a85encode(b\"hello world\", wrapcol=5, adobe=True)","base64.b85encode(b\"hello\\0\", pad=True)","base64.b64decode(b\"YWJj\\nZA==\")", "base64.encodebytes(b\"x\"*60)","base64.standard_b64encode(b\"\\xfb\\xff\")","base64.urlsafe_b64encode(b\"\\xfb\\xff\")","base64.a85decode(b\"z\")","base64.b85decode(b\"~~~~~\")", "base64.b64decode(b'abcde')", "base64.b16decode(b'a')", "base64.b16decode('4a4B', casefold=True)", "base64.b32decode('MFRGG===')", "base64.b32decode('MFRGG====')"]:
  try: print(f, repr(eval(f)))
  except Exception as e: print(f, type(e).__name__, e)
data = bytes(range(256)) * 2
for n in range(0, 12):
    d = data[n * 7: n * 7 + n]
    r = [base64.b64encode(d), base64.b32encode(d), base64.b16encode(d), base64.a85encode(d), base64.b85encode(d), base64.urlsafe_b64encode(d), base64.b32hexencode(d), base64.z85encode(d)]
    print(r)
    assert base64.b64decode(r[0]) == d and base64.b32decode(r[1]) == d and base64.b16decode(r[2]) == d and base64.a85decode(r[3]) == d and base64.b85decode(r[4]) == d and base64.b32hexdecode(r[6]) == d and base64.z85decode(r[7]) == d
print(base64.decodebytes(base64.encodebytes(data)) == data)
