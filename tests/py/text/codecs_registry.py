# codecs registry: custom error handlers via codecs.register_error and _codecs
import codecs
def handler(exc):
    return ("<%d-%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("test.angle", handler)
print("aé€b".encode("ascii", "test.angle"), b"a\xff\xfeb".decode("utf-8", "test.angle"))
print(codecs.lookup_error("strict").__name__)
import _codecs
print(_codecs.utf_8_decode(b"a\xc3", None, False), _codecs.utf_8_decode(b"a\xc3\xa9", "strict", True), _codecs.utf_16_encode("ab"), _codecs.latin_1_encode("\xe9"))
print(_codecs.escape_decode(b"a\\nb"), _codecs.escape_encode(b"a\nb\x00"), _codecs.lookup_error("replace").__name__)
