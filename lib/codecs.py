"""Codec registry and base classes (Krait: a thin layer over the built-in codecs)."""
import sys

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
    'latin1': 'latin-1', 'latin': 'latin-1', 'l1': 'latin-1', 'iso8859_1': 'latin-1',
    'iso_8859_1': 'latin-1', '8859': 'latin-1', 'cp819': 'latin-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii',
    'utf16': 'utf-16', 'utf_16': 'utf-16', 'utf_16_le': 'utf-16-le', 'utf_16_be': 'utf-16-be',
    'utf32': 'utf-32', 'utf_32': 'utf-32', 'utf_32_le': 'utf-32-le', 'utf_32_be': 'utf-32-be',
    'utf_8': 'utf-8', 'utf_8_sig': 'utf-8-sig', 'cp1252': 'cp1252', 'windows_1252': 'cp1252',
}


def _normalize(encoding):
    return encoding.lower().replace('-', '_').replace(' ', '_')


def lookup(encoding):
    norm = _normalize(encoding)
    name = _ALIASES.get(norm)
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
    return CodecInfo(_encode, _decode, name=name)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


try:
    import _codecs
except ImportError:
    _codecs = None


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


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    import builtins
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding, errors)
    return builtins.open(filename, mode, buffering)
