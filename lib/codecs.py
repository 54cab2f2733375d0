"""Codec registry and base classes (Krait: a thin layer over the built-in codecs)."""
import sys

try:
    import _codecs
except ImportError:
    _codecs = None

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


def encode(obj, encoding='utf-8', errors='strict'):
    if isinstance(obj, str):
        return obj.encode(encoding, errors)
    raise TypeError(f"encode() argument 'obj' must be str, not {type(obj).__name__}")


def decode(obj, encoding='utf-8', errors='strict'):
    return bytes(obj).decode(encoding, errors)


class CodecInfo(tuple):
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None, *,
                _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


_ALIASES = {
    'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'latin_1': 'iso8859-1', 'latin1': 'iso8859-1', 'latin': 'iso8859-1', 'l1': 'iso8859-1',
    'iso8859_1': 'iso8859-1', 'iso_8859_1': 'iso8859-1', '8859': 'iso8859-1',
    'cp819': 'iso8859-1', 'iso_ir_100': 'iso8859-1', 'csisolatin1': 'iso8859-1',
    'ibm819': 'iso8859-1', 'iso_8859_1_1987': 'iso8859-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii',
    'utf16': 'utf-16', 'utf_16': 'utf-16', 'utf_16_le': 'utf-16-le', 'utf_16_be': 'utf-16-be',
    'utf32': 'utf-32', 'utf_32': 'utf-32', 'utf_32_le': 'utf-32-le', 'utf_32_be': 'utf-32-be',
    'utf_8': 'utf-8', 'utf_8_sig': 'utf-8-sig',
}


def _normalize(encoding):
    return encoding.lower().replace('-', '_').replace(' ', '_')


def lookup(encoding):
    norm = _normalize(encoding)
    name = _ALIASES.get(norm)
    if name is None and _codecs is not None:
        name = _codecs._charmap_name(encoding)
    if name is None:
        try:
            b''.decode(encoding)
        except LookupError:
            raise LookupError(f'unknown encoding: {encoding}') from None
        name = norm.replace('_', '-')

    def _encode(input, errors='strict'):
        return input.encode(name, errors), len(input)

    def _decode(input, errors='strict'):
        return bytes(input).decode(name, errors), len(input)
    incenc, incdec = _incremental_classes(name)
    return CodecInfo(_encode, _decode, incrementalencoder=incenc, incrementaldecoder=incdec,
                     name=name)


# decoders that can stop before an incomplete sequence at the end of their input
_PARTIAL_DECODERS = {
    'utf-8': 'utf_8_decode', 'utf-16': 'utf_16_decode', 'utf-16-le': 'utf_16_le_decode',
    'utf-16-be': 'utf_16_be_decode', 'utf-32': 'utf_32_decode',
    'utf-32-le': 'utf_32_le_decode', 'utf-32-be': 'utf_32_be_decode',
    'unicode-escape': 'unicode_escape_decode',
}


def _incremental_classes(name):
    partial = getattr(_codecs, _PARTIAL_DECODERS.get(name, ''), None)
    # a BOM starts the stream, not every chunk
    after_bom = {'utf-16': 'utf-16-' + sys.byteorder[0] + 'e',
                 'utf-32': 'utf-32-' + sys.byteorder[0] + 'e'}.get(name, name)

    class _IncrementalEncoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._started = False

        def encode(self, input, final=False):
            out = input.encode(after_bom if self._started else name, self.errors)
            if input:
                self._started = True
            return out

        def reset(self):
            self._started = False

    if partial is None:
        class _IncrementalDecoder(IncrementalDecoder):
            def decode(self, input, final=False):
                return bytes(input).decode(name, self.errors)
    else:
        class _IncrementalDecoder(BufferedIncrementalDecoder):
            def _buffer_decode(self, input, errors, final):
                return partial(input, errors, final)
    _IncrementalEncoder.__qualname__ = _IncrementalEncoder.__name__ = 'IncrementalEncoder'
    _IncrementalDecoder.__qualname__ = _IncrementalDecoder.__name__ = 'IncrementalDecoder'
    return _IncrementalEncoder, _IncrementalDecoder


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def register_error(name, handler):
    """Register `handler` for the error mode `name` (used by encode/decode)."""
    _codecs.register_error(name, handler)


def lookup_error(name):
    return _codecs.lookup_error(name)


def register(search_function):
    _codecs.register(search_function)


def unregister(search_function):
    _codecs.unregister(search_function)


strict_errors = lookup_error('strict') if _codecs else None
ignore_errors = lookup_error('ignore') if _codecs else None
replace_errors = lookup_error('replace') if _codecs else None
xmlcharrefreplace_errors = lookup_error('xmlcharrefreplace') if _codecs else None
backslashreplace_errors = lookup_error('backslashreplace') if _codecs else None
namereplace_errors = lookup_error('namereplace') if _codecs else None


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder that keeps the undecoded tail of its input for the next call;
    subclasses give _buffer_decode(input, errors, final) -> (str, bytes consumed)."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    import builtins
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding, errors)
    return builtins.open(filename, mode, buffering)


# ---- charmap codecs: a mapping of bytes to characters given by the caller ------------------

class EncodingMap(dict):
    """The reverse of a 256-character decoding table, as built by charmap_build."""
    __slots__ = ()

    def size(self):
        return len(self)


EncodingMap.__module__ = 'builtins'


def charmap_build(decoding_table):
    if not isinstance(decoding_table, str):
        raise TypeError("charmap_build() argument must be str, not "
                        f"{type(decoding_table).__name__}")
    # the compact map needs 256 entries with NUL first; anything else is a plain dict
    simple = len(decoding_table) == 256 and decoding_table[0] == '\x00'
    cls = EncodingMap if simple else dict
    m = cls()
    for i, c in enumerate(decoding_table):
        if c != '\ufffe' or cls is dict:
            m[ord(c)] = i
    return m


def _charmap_dec_char(mapping, b):
    """The text byte `b` maps to, or None when it is undefined."""
    if isinstance(mapping, str):
        if b < len(mapping) and mapping[b] != '\ufffe':
            return mapping[b]
        return None
    try:
        v = mapping[b]
    except LookupError:
        return None
    if v is None:
        return None
    if isinstance(v, int):
        if not 0 <= v < 0x110000:
            raise TypeError('character mapping must be in range(0x110000)')
        return None if v == 0xFFFE else chr(v)
    if isinstance(v, str):
        return None if v == '\ufffe' else v
    raise TypeError('character mapping must return integer, None or str')


def charmap_decode(data, errors=None, mapping=None):
    data = bytes(data)
    if mapping is None:
        return data.decode('latin-1', errors or 'strict'), len(data)
    out = []
    i = 0
    n = len(data)
    while i < n:
        c = _charmap_dec_char(mapping, data[i])
        if c is not None:
            out.append(c)
            i += 1
            continue
        exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
        repl, i = lookup_error(errors or 'strict')(exc)
        if i < 0:
            i += n
        out.append(repl)
    return ''.join(out), n


def _charmap_enc_char(mapping, c):
    """The bytes character `c` maps to, or None when it has none."""
    try:
        v = mapping[ord(c)]
    except LookupError:
        return None
    if v is None:
        return None
    if isinstance(v, int):
        if not 0 <= v < 256:
            raise TypeError('character mapping must be in range(256)')
        return bytes((v,))
    if isinstance(v, bytes):
        return v
    raise TypeError('character mapping must return integer, bytes or None, not '
                    f'{type(v).__name__}')


def charmap_encode(str, errors=None, mapping=None):
    if mapping is None:
        return str.encode('latin-1', errors or 'strict'), len(str)
    out = []
    i = 0
    n = len(str)
    while i < n:
        b = _charmap_enc_char(mapping, str[i])
        if b is not None:
            out.append(b)
            i += 1
            continue
        j = i + 1
        while j < n and _charmap_enc_char(mapping, str[j]) is None:
            j += 1
        exc = UnicodeEncodeError('charmap', str, i, j, 'character maps to <undefined>')
        repl, pos = lookup_error(errors or 'strict')(exc)
        if isinstance(repl, bytes):
            out.append(repl)
        else:
            for ch in repl:
                b = _charmap_enc_char(mapping, ch)
                if b is None:
                    raise exc
                out.append(b)
        i = pos + n if pos < 0 else pos
    return b''.join(out), n
