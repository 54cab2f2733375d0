# parser: literal values - ints, floats, complex, strings, bytes, escapes, concatenation
print(0, 00, 0_0, 1_000_000, 0xDEAD_BEEF, 0o777, 0b1010_1010, 0XFF, 0O17, 0B11)
print(123456789012345678901234567890, -0x8000000000000000)
print(1.5, 1e10, 1E-5, .5, 5., 1_0.0_1, 1e1_0, 0e0, 00.5, 1.7976931348623157e308)
print(3j, 1.5J, 1e3j, 0j, 2+3j)
print('a' "b" '''c''' """d""", 'it\'s', "say \"hi\"")
print(repr('\a\b\f\n\r\t\v\\\0\x41\101\u00e9\U0001F600'))
print(repr(r'\n\t\\' + R"\d"), repr(u'unicode'))
print(b'bytes', B'\x00\xff\n', rb'\d', Br'x', b'a' b'b')
print(len("""multi
line"""), "line \
continued")
print('\N{GREEK SMALL LETTER ALPHA}\N{bullet}', '\u03b1' == '\N{GREEK SMALL LETTER ALPHA}')
print(..., None, True, False)
print(type(1).__name__, type(1.0).__name__, type(1j).__name__, type('').__name__, type(b'').__name__)
