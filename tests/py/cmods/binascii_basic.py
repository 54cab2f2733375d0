# binascii: hexlify/unhexlify (with separators), base64 encode/decode (strict and lenient), crc32, crc_hqx, errors
import binascii as b
print(b.hexlify(b"\x01\xab", "-"), b.hexlify(b"abcdef", b":", 2), b.b2a_hex(b"ab", "-", -1), b.hexlify(b"abcde", ":", 2), b.hexlify(b"abcde", ":", -2), b.hexlify(b""), b.hexlify(bytearray(b"\xff\x00")))
print(b.unhexlify("01ab"), b.unhexlify(b"ABcd"), b.a2b_hex(bytearray(b"00")))
for d in (b"", b"h", b"hi", b"hel", b"hello", bytes(range(256))):
    enc = b.b2a_base64(d)
    print(enc[:40], b.b2a_base64(d, newline=False)[-4:], b.a2b_base64(enc) == d, b.a2b_base64(enc.decode()) == d)
print(b.a2b_base64(b"aGVs bG8=\n"), b.a2b_base64(b"aGVsbG8=garbage"), b.a2b_base64(b"a!GV$sbG8="), b.a2b_base64(b"aGk==="))
print(b.crc32(b"hello"), b.crc32(b"x", 5), b.crc32(b""), b.crc32(b"world", b.crc32(b"hello ")), b.crc32(b"a" * 1000))
print(b.crc_hqx(b"hello", 0), b.crc_hqx(b"hello", 0xffff), b.crc_hqx(b"", 7))
for f in (lambda: b.unhexlify("0"), lambda: b.unhexlify("zz"), lambda: b.a2b_base64(b"aGVsbG8"), lambda: b.a2b_base64(b"a"),
          lambda: b.hexlify("x"), lambda: b.a2b_base64("é"), lambda: b.a2b_base64(b"aGVs!bG8=", strict_mode=True),
          lambda: b.a2b_base64(b"=aGk", strict_mode=True), lambda: b.a2b_base64(b"aGk=x", strict_mode=True),
          lambda: b.a2b_hex(b"0g"), lambda: b.hexlify(b"ab", "--"), lambda: b.a2b_base64(b"abcde")):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(b.Error.__mro__, b.Incomplete.__mro__[1])
