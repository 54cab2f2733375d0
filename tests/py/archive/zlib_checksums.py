# zlib.crc32/adler32: known vectors, running values, start values masked to 32 bits, large and odd-sized inputs, buffer types.
import zlib


vectors = [b"", b"a", b"abc", b"message digest", b"hello world", b"123456789",
           bytes(range(256)), b"\xff" * 10000, bytes(6000) + b"\x01", b"The quick brown fox jumps over the lazy dog"]
for v in vectors:
    print(len(v), zlib.crc32(v), zlib.adler32(v), hex(zlib.crc32(v, 0xffffffff)), zlib.adler32(v, 12345))
big = bytes((i * 7 + i // 13) & 0xff for i in range(300000))
print("big", zlib.crc32(big), zlib.adler32(big))
crc = adl = None
for i in range(0, len(big), 7777):
    crc = zlib.crc32(big[i:i + 7777], *(() if crc is None else (crc,)))
    adl = zlib.adler32(big[i:i + 7777], *(() if adl is None else (adl,)))
print("running", crc == zlib.crc32(big), adl == zlib.adler32(big))
print("masked start", zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**32 + 5), zlib.adler32(b"abc", 2**40 + 7))
print("buffers", zlib.crc32(bytearray(b"abc")), zlib.crc32(memoryview(b"xabcx")[1:4]), zlib.adler32(bytearray(b"abc")))
for bad in ("abc", 5, None):
    try:
        zlib.crc32(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    zlib.adler32(b"x", "y")
except TypeError as e:
    print("TypeError:", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED,
      zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED,
      zlib.Z_DEFAULT_STRATEGY, zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION), zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION.count("."))
