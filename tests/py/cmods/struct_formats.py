# struct: pack/unpack of every format code and byte order, alignment, half floats, buffers, iterators and error messages
import struct
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for c in "bBhHiIlLqQnN":
    for o in ("", "<"):
        if o and c in "nN": continue
        t(struct.pack, o+c, 2**70); t(struct.pack, o+c, -2**70)
for c in "bBhHiIlLqQnN?":
    t(struct.pack, c, "x"); t(struct.pack, c, 1.5)
t(struct.pack, "<e", 1e10); t(struct.pack, "<f", 1e300); t(struct.pack, "d", "x"); t(struct.pack, "f", "x")
t(struct.pack, "c", b"ab"); t(struct.pack, "c", "a"); t(struct.pack, "s", "a"); t(struct.pack, "p", 1)
t(struct.pack, "ii", 1); t(struct.pack, "i", 1, 2); t(struct.pack, "<n", 1); t(struct.pack, "<P", 1)
t(struct.pack, "z", 1); t(struct.pack, "2 i", 1, 2); t(struct.pack, "i ", 1); t(struct.pack, "3", 1); t(struct.calcsize, "<2")
t(struct.unpack, "i", b"abc"); t(struct.unpack_from, "i", b"abc"); t(struct.unpack_from, "i", b"abcdefg", 5); t(struct.unpack_from, "i", b"abcdefg", -9)
t(struct.unpack_from, "i", b"abcdefg", -2)
t(struct.iter_unpack, "i", b"abcdefg"); t(struct.iter_unpack, "", b"")
ba = bytearray(6)
t(struct.pack_into, "i", ba, 4, 1); t(struct.pack_into, "i", ba, -9, 1); t(struct.pack_into, "i", ba, -2, 1); t(struct.pack_into, "i", b"123456", 0, 1)
t(struct.pack_into, "i", ba, 0); t(struct.pack, 5); t(struct.Struct, 5); t(struct.pack, "i", 1.0)
t(struct.unpack, "i", "abcd"); t(struct.calcsize, "999999999999999999999i"); t(struct.pack, "\u00e9")
t(struct.Struct("i").pack, 1, 2)
s = struct.Struct(">3sIh"); print(s, repr(s), s.format, s.size)
t(struct.Struct, b"<i"); print(struct.Struct(b"<i").format)
t(struct.pack, "?", []); t(struct.unpack, "?", b"\x05")
class I:
    def __index__(self): return 7
t(struct.pack, "i", I()); t(struct.pack, "i", True)
t(struct.pack, "2c", b"a", b"b"); t(struct.pack, "5p", b"abcdefg"); t(struct.pack, "3s", b"abcdef")
t(struct.pack, "0s"); t(struct.pack, "0p"); t(struct.pack, "1p", b"xx")
t(struct.calcsize, "ci"); t(struct.calcsize, "=ci"); t(struct.calcsize, "cq"); t(struct.calcsize, "qc"); t(struct.calcsize, "c?he"); t(struct.calcsize, "0i")
t(struct.pack, "e", float("nan")); t(struct.pack, "<e", 65504.0); t(struct.pack, "<e", 65520.0);t(struct.pack, "<e", 65519.99)
t(struct.pack, "<d", float("inf")); t(struct.pack, "<f", float("inf")); t(struct.pack, "<e", float("-inf"))
t(struct.pack, "f", 3.4028235e38); t(struct.pack, "f", 3.4028236e38); t(struct.pack, "f", 2**200)
t(struct.pack, "f", I())
t(struct.unpack, "<e", b"\x00\x7c"); t(struct.unpack, "<e", b"\x01\x00"); t(struct.unpack, "<e", b"\x00\x7e")
t(struct.pack, "<e", 5.960464477539063e-08);t(struct.pack, "<e", 2.98e-08); t(struct.pack, "<e", 1/3)
for c in ["Q","<Q","<I","N","I","B","P","<B"]: t(struct.pack, c, -1)
t(struct.pack, "P", 2**64); t(struct.pack,"P", 1.0); t(struct.unpack, "P", b"\1"*8)
t(struct.pack, ">e", -float("nan")); t(struct.pack, "<d", -0.0)
t(struct.unpack, "<e", b"\x00\xfe"); t(struct.unpack, "<f", b"\x00\x00\xc0\xff")
s=struct.Struct("i"); t(s.unpack_from, b"abcd", offset=0); t(s.unpack_from, buffer=b"abcd"); t(struct.unpack_from, "i", buffer=b"abcdabcd", offset=4)
print(list(struct.iter_unpack("<h", b"\1\0\2\0")), type(struct.iter_unpack("<h", b"")), struct.iter_unpack("<h", b"1234").__length_hint__())
print(struct.__all__ if hasattr(struct,"__all__") else None, [x for x in dir(struct) if not x.startswith("__")])
t(struct.pack, "@"); t(struct.calcsize, "xi"); t(struct.calcsize, "i0q"); print(struct.Struct.__module__, type(s).__name__)
t(struct.pack, "3x"); t(struct.unpack, "3xc", b"abcd"); t(struct.unpack, "2p3p", b"\x05abcd"); t(struct.unpack, "p", b"")
t(struct.unpack, "i", memoryview(b"abcd")); t(struct.unpack, "2?", bytearray(b"\0\2"))
try: s.size = 3
except Exception as e: print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__)
t(struct.pack_into, "i", bytearray(4), 0.5, 1); t(struct.pack_into, "i"); t(struct.pack_into, "i", bytearray(4)); t(struct.unpack_from, "i", b"abcd", "x")
t(struct.pack); t(struct.unpack, "i"); t(struct.calcsize); t(struct.Struct); t(s.pack_into, bytearray(4)); t(struct.Struct, "i", "j")
t(struct.pack, "i", None); t(struct.pack, "<q", 2**63-1); t(struct.unpack, "<q", b"\xff"*8)
t(struct.pack, "c", bytearray(b"a")); t(struct.pack, "3s", bytearray(b"ab")); print(struct.pack("300p", b"x"*299)[:3])
vals = (1, 2, 3, 4, -5, 6, -7, 8, -9, 10, True, 1.5, -2.25, 1e100, b"a", b"xyz", b"pq")
for o in "@=<>!":
    f = o + "bBhHiIlLqQ?efdc3s4p"
    if o == "@": f += "nNP"; v = vals + (11, 12, 13)
    else: v = vals
    p = struct.pack(f, *v); print(o, struct.calcsize(f), p.hex(), struct.unpack(f, p))
ba = bytearray(10); struct.pack_into(">hi", ba, 2, -3, 99); print(ba); print(struct.unpack_from(">hi", ba, 2), struct.unpack_from(">hi", ba, -6))
struct.pack_into("<h", ba, -2, 258); print(ba)
print(struct.Struct("<10sh").unpack(b"0123456789\x01\x02"), struct.Struct("2i").size)
for x in (0.0, -0.0, 1.0, 0.1, 65504.0, 6.1e-5, 6e-8, 1e-9, -3.5, 2.0**-24, 1.5*2.0**-24, 2.5*2.0**-24, 0.333251953125, 1.0009765625+2**-11):
    print(x, struct.pack("<e", x).hex(), struct.unpack("<e", struct.pack("<e", x)))
struct._clearcache()
