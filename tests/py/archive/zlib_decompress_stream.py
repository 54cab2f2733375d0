# zlib decompression: one-shot and streaming with tiny chunks, max_length/unconsumed_tail, unused_data, eof, flush, copy, zdict, wbits variants.
import zlib

text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(3000))
for wb, cwb in ((15, 15), (9, 9), (-15, -15), (31, 31), (47, 31), (47, 15), (0, 15), (44, 12), (-9, -9)):
    c = zlib.compress(text, 6, cwb)
    print("wbits", wb, cwb, zlib.decompress(c, wb) == text, zlib.decompress(bytearray(c), wbits=wb, bufsize=1) == text)

try:
    zlib.decompress(zlib.compress(text, 6, 12), 40)
except zlib.error as e:
    print("zlib.error:", e)

packed = zlib.compress(text, 9)
for chunk in (1, 7, 100, 4096):
    d = zlib.decompressobj()
    out = [d.decompress(packed[i:i + chunk]) for i in range(0, len(packed), chunk)]
    out.append(d.flush())
    print("chunk", chunk, b"".join(out) == text, d.eof, d.unused_data, d.unconsumed_tail)

# max_length: output is cut and the rest of the input waits in unconsumed_tail.
d = zlib.decompressobj()
got = []
data = packed + b"TRAILER"
pieces = 0
while not d.eof:
    part = d.decompress(data, 5000)
    pieces += 1
    assert len(part) <= 5000
    got.append(part)
    data = d.unconsumed_tail
print("max_length pieces", pieces, b"".join(got) == text, d.unused_data, d.unconsumed_tail)
print("after eof", d.decompress(b"more"), d.unused_data)
print("flush after eof", d.flush(), d.eof)

d = zlib.decompressobj()
first = d.decompress(packed[:50], 10)
print("first", first, len(d.unconsumed_tail))
print("flush drains tail", len(first + d.flush()) > 10)

# copy() forks the decoder state.
d = zlib.decompressobj()
a = d.decompress(packed[: len(packed) // 2])
e = d.copy()
rest = packed[len(packed) // 2:]
print("copy", a + d.decompress(rest) == text, a + e.decompress(rest) == text)

# Multiple streams back to back.
two = zlib.compress(b"first stream") + zlib.compress(b"second stream")
d = zlib.decompressobj()
print(d.decompress(two), d.eof, d.unused_data[:2])
d2 = zlib.decompressobj()
print(d2.decompress(d.unused_data), d2.eof, d2.unused_data)
print(zlib.decompress(two))

# Preset dictionaries.
zdict = b"the quick brown fox jumps over the lazy dog"
co = zlib.compressobj(zdict=zdict)
withdict = co.compress(text[:2000]) + co.flush()
print("zdict header", withdict[:6])
print("zdict round trip", zlib.decompressobj(zdict=zdict).decompress(withdict) == text[:2000])
try:
    zlib.decompress(withdict)
except zlib.error as e:
    print("zlib.error:", e)
try:
    zlib.decompressobj(zdict=b"wrong").decompress(withdict)
except zlib.error as e:
    print("zlib.error:", e)
try:
    zlib.decompressobj().decompress(withdict)
except zlib.error as e:
    print("no zdict:", e)
raw = zlib.compressobj(wbits=-15, zdict=zdict)
rawdata = raw.compress(zdict + b"!") + raw.flush()
print("raw zdict", len(rawdata), zlib.decompressobj(wbits=-15, zdict=zdict).decompress(rawdata))

# Truncated streams through decompressobj: no error, eof stays False.
d = zlib.decompressobj()
part = d.decompress(packed[:-20])
print("truncated", len(part) > 0, d.eof, len(d.flush()) >= 0, d.eof)

# Big outputs grow the output buffer.
big = bytes(5 * 1024 * 1024)
print("big", len(zlib.decompress(zlib.compress(big))), len(zlib.compress(big)))
d = zlib.decompressobj(wbits=-15)
raw = zlib.compress(big, 1, -15)
print("big stream", sum(len(d.decompress(raw[i:i + 999])) for i in range(0, len(raw), 999)))
