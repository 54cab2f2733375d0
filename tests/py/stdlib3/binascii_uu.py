# binascii.a2b_uu/b2a_uu: encodings, backtick padding, short lines, error messages and a round trip
import binascii as b
print(b.b2a_uu(b'hello world'), b.b2a_uu(b'', backtick=True), b.b2a_uu(b''), b.b2a_uu(b'\x00\x00\x00', backtick=True))
for a in [b'+:&5L;&\\@=V]R;&0\n', b'', b'\n', b'!', b'  ', b'+:&5L;&\\@=V]R;&0   \n', b'+:&5L;&\\@=V]R;&0xx\n', b'\x7f', b'!{', b'`', b'!a', 'abc', b'"```', b'!\t', b'#\r\n', bytearray(b'$86)C'), bytes(memoryview(b"!!!!")[:2])]:
  try: print(repr(a), b.a2b_uu(a))
  except Exception as e: print(repr(a), type(e).__name__, e)
for f in [lambda: b.a2b_uu(1), lambda: b.b2a_uu(1), lambda: b.a2b_base64(1), lambda: b.b2a_uu(b'', True), lambda: b.b2a_uu(b'', backtick=2), lambda: b.b2a_uu(), lambda: b.a2b_uu(),
          lambda: b.b2a_uu(b'x'*46), lambda: b.b2a_uu('x'), lambda: b.a2b_uu('é'), lambda: b.a2b_hex(1), lambda: b.a2b_qp(1)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
import random
r = random.Random(5)
for n in range(46):
    data = bytes(r.randrange(256) for _ in range(n))
    for bt in (False, True):
        enc = b.b2a_uu(data, backtick=bt)
        assert b.a2b_uu(enc) == data, (n, bt)
        print(n, bt, enc)
print(b.a2b_uu(b'#86)C'), b.a2b_uu(b'#86)C    '), b.a2b_uu(b'#86)C````\r\n'))
