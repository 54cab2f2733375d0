# zlib error messages for corrupt, truncated and misused streams, bad arguments, and fuzzed input (one-shot and streaming).
import zlib
import random


def t(label, f):
    try:
        r = f()
        print(label, "ok", len(r) if isinstance(r, bytes) else r)
    except Exception as e:
        print(label, type(e).__name__, e)


good = zlib.compress(b"The quick brown fox jumps over the lazy dog. " * 50, 6)
raw = zlib.compress(b"The quick brown fox " * 20, 9, -15)
stored = zlib.compress(b"abcdefgh" * 10, 0, -15)
gz = zlib.compress(b"gzip payload " * 30, 6, 31)
cases = {
    "empty": b"",
    "hdrcheck": b"\x78\x9d" + good[2:],
    "method": b"\x79\x5d" + good[2:],
    "window": bytes([0x88, (31 - (0x8800 % 31)) % 31]) + good[2:],
    "blocktype": b"\x78\x9c\x07\x00",
    "storedlen": b"\x78\x9c\x01\x05\x00\x00\x00abcde",
    "trunc": good[:-10],
    "trunc2": good[:2],
    "trunc3": good[:-1],
    "datacheck": good[:-1] + bytes([good[-1] ^ 1]),
    "toomany": b"\x78\x9c" + bytes([0xfd, 0xff, 0xff, 0xff]),
    "fardist": b"\x78\x9c" + bytes([0x63, 0x00, 0x02, 0x00]),
    "gzcrc": gz[:-8] + b"\x00\x00\x00\x00" + gz[-4:],
    "gzlen": gz[:-4] + b"\x01\x00\x00\x00",
    "gzflags": gz[:3] + b"\xe0" + gz[4:],
    "gzmethod": gz[:2] + b"\x07" + gz[3:],
    "trailing": good + b"junk",
}
for name, data in cases.items():
    for wb in (15, 31, 47, -15, 0):
        t(f"{name} wb={wb}", lambda: zlib.decompress(data, wb))

rng = random.Random(5)
for i in range(240):
    src = [good, raw, gz, stored][i % 4]
    wb = [15, -15, 31, -15][i % 4]
    b = bytearray(src)
    for k in range(rng.randrange(1, 4)):
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    t(f"fuzz{i}", lambda: zlib.decompress(bytes(b), wb))
    d = zlib.decompressobj(wb)
    out = b""
    try:
        for j in range(0, len(b), 7):
            out += d.decompress(bytes(b[j:j + 7]))
        out += d.flush()
        print("stream", i, len(out), d.eof, d.unused_data[:10], d.unconsumed_tail[:10])
    except Exception as e:
        print("stream", i, type(e).__name__, e, len(out))

t("bad wbits", lambda: zlib.decompress(good, 5))
t("bad bufsize", lambda: zlib.decompress(good, bufsize=-1))
t("bad level", lambda: zlib.compress(b"x", 12))
t("bad level kw", lambda: zlib.compress(b"x", level=-2))
t("bad compress wbits", lambda: zlib.compress(b"x", wbits=5))
t("wbits 8", lambda: zlib.compress(b"x", wbits=8))
t("raw wbits -8", lambda: zlib.compress(b"x", wbits=-8))
t("compressobj bad", lambda: zlib.compressobj(wbits=5))
t("compressobj method", lambda: zlib.compressobj(method=7))
t("compressobj memLevel", lambda: zlib.compressobj(memLevel=10))
t("compressobj strategy", lambda: zlib.compressobj(strategy=9))
t("compressobj zdict str", lambda: zlib.compressobj(zdict="abc"))
t("decompressobj zdict str", lambda: zlib.decompressobj(zdict="abc"))
t("decompressobj wbits", lambda: zlib.decompressobj(wbits=99))
t("str data", lambda: zlib.compress("text"))
t("str data decompress", lambda: zlib.decompress("text"))
t("no args", lambda: zlib.compress())
t("kw data", lambda: zlib.compress(data=b"abc"))
co = zlib.compressobj()
co.compress(b"a")
co.flush()
t("compress after finish", lambda: co.compress(b"a"))
t("flush after finish", lambda: co.flush())
t("copy after finish", lambda: co.copy())
t("flush no-flush", lambda: co.flush(zlib.Z_NO_FLUSH))
d = zlib.decompressobj()
t("max_length negative", lambda: d.decompress(b"", -1))
t("flush length 0", lambda: d.flush(0))
d.decompress(good)
d.flush()
t("decompress after flush", lambda: d.decompress(b"x"))
t("copy after flush", lambda: d.copy())
print("error class", zlib.error.__module__, zlib.error.__name__, issubclass(zlib.error, Exception))
print("types", type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
