# memoryview: attributes, slicing, casts, tolist/tobytes/hex, release and context manager, writes
m = memoryview(b"abcdef")
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly, m.nbytes, m.obj, m.c_contiguous, m.contiguous, m.suboffsets)
print(m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m.hex(), m.hex(":"), bytes(m[2:]), len(m[1:3]))
c = memoryview(bytearray(range(8))).cast("H")
print(c.format, c.itemsize, c.shape, c.tolist(), c.nbytes)
c2 = memoryview(bytearray(range(8))).cast("B", (2, 4))
print(c2.shape, c2.strides, c2.tolist(), c2[1, 2], c2.ndim)
print(memoryview(b"ab").cast("c").tolist(), memoryview(bytearray(8)).cast("d").tolist(), memoryview(b"\x01\x00\x00\x00\xff\xff\xff\xff").cast("i").tolist())
ba = bytearray(b"hello")
w = memoryview(ba)
w[0] = 72
w[1:3] = b"EY"
print(ba, w.readonly, w.toreadonly().readonly)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
w.release()
ba.append(33)
print(ba)
with memoryview(b"xy") as v:
    print(v.tolist())
try:
    v[0]
except ValueError as e:
    print("ValueError", e)
print(repr(v).startswith("<released memory at 0x"))
for bad in [lambda: m.cast("H", (4,)), lambda: m.cast("x"), lambda: m.cast("B").cast("H").cast("I"), lambda: m[::2].cast("B"), lambda: memoryview(b"abc").cast("H"),
            lambda: hash(memoryview(bytearray(b"a"))), lambda: m.__setitem__(0, 1), lambda: m[0, 0], lambda: m["a"], lambda: m[10], lambda: memoryview(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(memoryview(b"ab") == b"ab", memoryview(b"ab") == memoryview(bytearray(b"ab")), memoryview(b"ab") != b"ac", hash(memoryview(b"ab")) == hash(b"ab"))
print(list(memoryview(b"xyz")), b"".join([memoryview(b"a"), b"b"]))
g = memoryview(bytearray(range(12))).cast("B", (3, 4))
print(g.tolist(), g[2, 3], g.strides, g.c_contiguous, g.f_contiguous, g.tobytes())
g[1, 1] = 99
print(g[1, 1], g.obj[5])
print(type(iter(memoryview(b"a"))).__name__, list(memoryview(b"\x01\x02").cast("b")), memoryview(b"ab").__buffer__(0).tobytes())
