# bytes and bytearray: construction, methods, repr, %-formatting, hex, mutation and growth, hashing
import sys
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(b"ab"), bytes("é", "utf-8"), bytes(bytearray(b"x")), bytes(memoryview(b"mv")))
for bad in [lambda: bytes("a"), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes(1.5), lambda: bytes(["a"]), lambda: bytes("a", encoding=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b = b"Hello, World"
print(b[0], b[-1], b[1:5], b[::-1], b[::2], len(b), b"o" in b, 111 in b, b.find(b"o"), b.rfind(111), b.count(b"l"), b.index(b"W"))
print(b.upper(), b.lower(), b.swapcase(), b.title(), b"abc def".capitalize(), b.split(b", "), b"a b  c".split(), b" a b ".rsplit(None, 1), b"a\nb\r\nc".splitlines(True))
print(b.replace(b"l", b"L", 2), b.startswith(b"He"), b.endswith((b"x", b"ld")), b"  x ".strip(), b"xxyxx".strip(b"x"), b"ab".center(6, b"-"), b"5".zfill(3), b"a\tb".expandtabs(4))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b.partition(b", "), b.rpartition(b"o"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"abc".isalpha(), b"ab1".isalnum(), b"12".isdigit(), b"  ".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"\x00\x01ab\xff".hex(), b"abcdef".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex(" ", -2), bytes.fromhex("de ad BE EF"), bytearray.fromhex("00ff"))
print(repr(b"it's"), repr(b'"q"'), repr(b"'\""), repr(b"\t\n\r\\\x00\x7f\x80"), repr(bytearray(b"ab")))
t = bytes.maketrans(b"ab", b"xy")
print(b"abc".translate(t), b"abc".translate(None, b"b"), len(t))
print(b"%s %d %x %c %c %r %5.1f %b %%" % (b"s", 3, 255, 65, b"z", b"r", 2.25, bytearray(b"ba")), bytearray(b"%d") % 5)
for bad in [lambda: b"%s" % "str", lambda: b"a" + "b", lambda: b"abc".split(b""), lambda: b"x".find(1.5), lambda: b"x"[5], lambda: bytes.fromhex("zz"), lambda: b"%c" % 256, lambda: b"a".decode("ascii", "bogus") + 1]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"a" < b"b", b"ab" == bytearray(b"ab"), bytearray(b"ab") == b"ab", b"abc" > b"ab", hash(b"") == 0, hash(b"abc") == hash(b"abc"))
ba = bytearray()
sizes = []
for i in range(40):
    ba.append(i)
    sizes.append(ba.__alloc__())
print(sizes)
print(sys.getsizeof(bytearray()), sys.getsizeof(b""), sys.getsizeof(b"abc"))
ba = bytearray(b"hello")
ba[0] = 72
ba[1:3] = b"EY"
ba += b"!!"
ba.extend([33, 34])
ba.insert(0, 60)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(33)
del ba[0]
del ba[::2]
print(ba, len(ba))
ba *= 2
print(ba, ba * 2, ba.copy(), ba.reverse(), ba)
ba[::2] = b"zzzz"[:len(ba[::2])]
print(ba)
ba.clear()
print(ba, bytearray(5), bytearray([1, 2]), bytearray("é", "utf-8"))
for bad in [lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray(b"ab").__setitem__(slice(0, 2, 2), b"xyz"), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(5), lambda: hash(bytearray())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
x = bytearray(b"abcdef")
del x[:2]
print(x, x.__alloc__())
print(list(iter(b"ab")), list(bytearray(b"cd")), type(iter(b"")).__name__, type(iter(bytearray())).__name__)
