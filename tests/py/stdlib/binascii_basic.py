# binascii (C module): hexlify/unhexlify, crc32, crc_hqx, base64 codecs and errors
import binascii
print(binascii.hexlify(b"\x00\x10\xab\xff"), binascii.hexlify(b"\x01\x02\x03\x04", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", ":", 2), binascii.b2a_hex(b"xy", b"_", -1))
print(binascii.unhexlify("deadBEEF"), binascii.a2b_hex(b"00ff"))
for bad in ["abc", "zz", "0g"]:
    try: binascii.unhexlify(bad)
    except binascii.Error as e: print(repr(bad), e)
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b""), binascii.crc_hqx(b"123456789", 0xFFFF), binascii.crc_hqx(b"", 7))
print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"ab", newline=False), binascii.a2b_base64(b"YWJj\n"), binascii.a2b_base64("YQ=="))
for bad, strict in [(b"YQ", False), (b"Y", False), (b"Y!Q==", True), (b"YQ==YQ==", True), (b"=YQ==", True)]:
    try: print(binascii.a2b_base64(bad, strict_mode=strict))
    except binascii.Error as e: print(bad, e)
