# the 8-bit charmap codecs: names and aliases, full byte tables, round-trips and error handling
import codecs
import hashlib

ENCODINGS = '''cp037 cp1006 cp1026 cp1125 cp1140 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255
cp1256 cp1257 cp1258 cp273 cp424 cp437 cp500 cp720 cp737 cp775 cp850 cp852 cp855 cp856
cp857 cp858 cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp874 cp875 hp_roman8
iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9
iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16 koi8_r koi8_t koi8_u
kz1048 mac_arabic mac_croatian mac_cyrillic mac_farsi mac_greek mac_iceland mac_latin2
mac_roman mac_romanian mac_turkish palmos ptcp154 tis_620'''.split()

ALL = bytes(range(256))
for enc in ENCODINGS:
    text = ALL.decode(enc, 'replace')
    undefined = [b for b in range(256) if text[b] == '\ufffd']
    digest = hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]
    defined = bytes(b for b in range(256) if b not in undefined)
    decoded = defined.decode(enc)
    back = decoded.encode(enc)
    same = back == defined
    # where two bytes decode alike, the encoder picks one of them
    diff = [(b, back[i]) for i, b in enumerate(defined) if back[i] != b][:3]
    print(enc, codecs.lookup(enc).name, digest, len(undefined), undefined[:4], same, diff)

# names and aliases as codecs.lookup reports them
for name in ['latin2', 'L2', 'iso-8859-2', 'ISO_8859-2:1987', 'iso_ir_101', 'csisolatin2',
             'latin9', 'l9', 'iso-8859-15', 'iso8859-15', 'latin-9', 'latin10', 'iso_8859_16',
             'cyrillic', 'iso-ir-144', 'greek', 'greek8', 'elot_928', 'arabic', 'hebrew',
             'thai', 'iso8859_11', 'tis620', 'tis-620', 'koi8-r', 'KOI8_R', 'koi8-u', 'koi8-t',
             'windows-1250', 'windows_1251', 'WINDOWS-1256', '1252', 'cp-1252', 'ibm437',
             '437', 'cspc8codepage437', 'ibm850', '850', 'IBM866', 'cp866u', 'cp1125',
             'macroman', 'macintosh', 'mac-roman', 'maccyrillic', 'mac_cyrillic', 'macgreek',
             'maciceland', 'maccentraleurope', 'mac_latin2', 'macturkish', 'hp-roman8',
             'roman8', 'r8', 'csHPRoman8', 'ebcdic-cp-us', 'ibm039', 'cp1140', 'ibm1140',
             'ptcp154', 'pt154', 'cp154', 'cyrillic-asian', 'kz_1048', 'strk1048_2002',
             'rk1048', 'palmos', 'koi8--r', ' koi8 r ', 'iso8859.5', 'latin', 'latin1',
             'latin-1', 'iso8859-1', 'cp819', 'no-such-encoding', 'koi8-x', 'mac-japanese']:
    try:
        print(repr(name), codecs.lookup(name).name)
    except LookupError as e:
        print(repr(name), 'LookupError', e)

ERRORS = ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace',
          'namereplace', 'surrogateescape', 'surrogatepass']
for enc in ['koi8-r', 'cp1251', 'iso8859-7', 'cp437', 'mac-roman', 'cp037', 'cp1252', 'tis-620',
            'iso8859-6', 'cp1255']:
    for err in ERRORS:
        try:
            r = 'a\u20ac\u4e00b\U0001f600\udc80c'.encode(enc, err)
        except (UnicodeError, TypeError) as e:
            r = f'{type(e).__name__}: {e}'
        print(enc, err, r)
    bad = bytes([0x41]) + bytes(b for b in range(256) if ALL[b:b + 1].decode(enc, 'replace') == '\ufffd')[:3] + b'Z'
    for err in ERRORS:
        try:
            r = bad.decode(enc, err)
        except (UnicodeError, TypeError) as e:
            r = f'{type(e).__name__}: {e}'
        print(enc, err, ascii(r))

# the exception's fields
try:
    'x\u0100\u0101y'.encode('iso8859-5')
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, ascii(e.object))
try:
    b'ab\x98'.decode('cp1251')
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)


# a handler of our own, returning str or bytes and moving the position
def handler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d:%d>' % (exc.start, exc.end), exc.end)
    return ('[%02x]' % exc.object[exc.start], exc.start + 1)


codecs.register_error('test.charmap', handler)
print('\u4e00\u4e01x\u4e02'.encode('koi8-u', 'test.charmap'))
print(b'\x98x\x98'.decode('cp1251', 'test.charmap'))
codecs.register_error('test.unencodable', lambda exc: ('\u4e00', exc.end))
try:
    '\u4e01'.encode('cp850', 'test.unencodable')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
codecs.register_error('test.bytes', lambda exc: (b'\xff\xfe', exc.end))
print('a\u4e00b'.encode('cp866', 'test.bytes'))

# codecs.encode/decode, CodecInfo and str/bytes methods agree
info = codecs.lookup('koi8_u')
print(info.encode('Ґанок'), info.decode(b'\xbd\xc1\xce\xcf\xcb'))
print(codecs.encode('Ελλάδα', 'iso8859_7'), codecs.decode(b'\xc5\xeb\xeb\xdc\xe4\xe1', 'greek'))
print(bytearray(b'\x80\x81').decode('cp437'), bytes(memoryview(b'\xe4')).decode('mac_roman'))
print('Ünïcödé'.encode('cp850'), 'Ünïcödé'.encode('latin9'), 'Ünïcödé'.encode('mac-roman'))

# the charmap primitives of _codecs
table = ''.join(map(chr, range(128))) + '\ufffe' + ''.join(chr(0x400 + i) for i in range(127))
emap = codecs.charmap_build(table)
print(type(emap).__name__)
print(codecs.charmap_encode('ab\u0401', 'strict', emap))
print(codecs.charmap_decode(b'\x00\x01\x80\x85', 'replace', table))
print(codecs.charmap_build('abc\ufffe'), type(codecs.charmap_build('a' * 256)).__name__)
print(codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'xy', 1: 66}))
print(codecs.charmap_encode('ab', 'strict', {97: b'zz', 98: 3}))
print(codecs.charmap_encode('ab\xff'), codecs.charmap_decode(b'ab\xff'))
print(codecs.charmap_encode('a\u0100x\u0101', 'xmlcharrefreplace', emap))
print(codecs.charmap_decode(b'\x80\x00', 'ignore', table))
small = codecs.charmap_build('xyz')
print(small)
for f in [lambda: codecs.charmap_encode('ab\u4e00', 'strict', emap),
          lambda: codecs.charmap_decode(b'\x80', 'strict', table),
          lambda: codecs.charmap_decode(b'\x05', 'strict', 'abc'),
          lambda: codecs.charmap_decode(b'\x05', 'strict', {}),
          lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 0x110000}),
          lambda: codecs.charmap_encode('a', 'strict', {97: 256}),
          lambda: codecs.charmap_encode('a', 'strict', {97: 'x'}),
          lambda: codecs.charmap_decode(b'\x00', 'strict', {0: 1.5})]:
    try:
        print(f())
    except (UnicodeError, TypeError) as e:
        print(type(e).__name__, e)

# a source file in a legacy encoding runs
import os
import subprocess
import sys
import tempfile
with tempfile.TemporaryDirectory() as d:
    for enc, text in [('koi8-r', 'Привет'), ('cp1251', 'Жёлтый'), ('iso-8859-15', '€uro'),
                      ('cp437', 'Ça'), ('mac-roman', 'Ωmega')]:
        path = os.path.join(d, 'legacy.py')
        with open(path, 'wb') as f:
            f.write(f'# -*- coding: {enc} -*-\ns = "{text}"\nprint(ascii(s), len(s))\n'.encode(enc))
        r = subprocess.run([sys.executable, path], capture_output=True, text=True)
        print(enc, r.stdout.strip(), r.returncode)

# incremental and iterative use
print(codecs.getincrementaldecoder('koi8-r')().decode(b'\xf0'))
print(codecs.getincrementalencoder('cp1251')('replace').encode('Ж\u4e00'))
print(list(codecs.iterdecode([b'\xf0', b'', b'\xd2'], 'koi8-r')))
print(list(codecs.iterencode(['ab', '', 'Ж'], 'cp1251')))
dec = codecs.getincrementaldecoder('utf-8')()
print(ascii(dec.decode(b'a\xe2\x82')), ascii(dec.decode(b'\xac')), dec.getstate())
print(list(codecs.iterencode(['a', 'b'], 'utf-16')))
