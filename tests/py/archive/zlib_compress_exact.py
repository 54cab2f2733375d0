# zlib.compress/compressobj output is byte-identical to zlib's at every level, wbits, memLevel, strategy and flush mode.
import zlib
import random

rng = random.Random(1234)


def corpus():
    out = [b"", b"a", b"hello world " * 400]
    out.append(bytes(rng.getrandbits(8) for _ in range(40000)))
    words = [b"alpha", b"beta", b"gamma", b"delta", b"the", b"of", b"and", b"zlib", b"\n", b"  "]
    out.append(b" ".join(rng.choice(words) for _ in range(20000)))
    out.append(bytes(rng.choice(b"ab") for _ in range(40000)))
    out.append(b"\x00" * 150000)
    out.append(bytes(range(256)) * 300)
    s = bytearray()
    while len(s) < 150000:
        if rng.random() < 0.3 and len(s) > 100:
            st = rng.randrange(max(0, len(s) - 40000), len(s) - 10)
            s += s[st:st + rng.randrange(3, 300)]
        else:
            s += bytes(rng.getrandbits(7) for _ in range(rng.randrange(1, 20)))
    out.append(bytes(s))
    return out


def sig(b):
    return f"{len(b)}/{zlib.crc32(b):08x}"


for i, d in enumerate(corpus()):
    print("input", i, len(d))
    print("  levels", [sig(zlib.compress(d, lvl)) for lvl in range(-1, 10)])
    print("  wbits", [sig(zlib.compress(d, 6, wb)) for wb in (9, 12, -15, 31, -9)])
    strat = []
    for st in range(5):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, st)
        strat.append(sig(co.compress(d) + co.flush()))
    print("  strategies", strat)
    mem = []
    for ml in (1, 5, 9):
        co = zlib.compressobj(9, zlib.DEFLATED, 15, ml)
        mem.append(sig(co.compress(d) + co.flush()))
    print("  memLevel", mem)
    co = zlib.compressobj(6)
    parts = []
    pos = k = 0
    while pos < len(d):
        n = rng.randrange(1, 20000)
        parts.append(co.compress(d[pos:pos + n]))
        pos += n
        k += 1
        if k % 3 == 0:
            parts.append(co.flush(zlib.Z_SYNC_FLUSH))
        if k % 7 == 0:
            parts.append(co.flush(zlib.Z_FULL_FLUSH))
        if k % 5 == 0:
            parts.append(co.flush(zlib.Z_PARTIAL_FLUSH))
        if k % 11 == 0:
            parts.append(co.flush(zlib.Z_BLOCK))
    parts.append(co.flush())
    print("  flushes", sig(b"".join(parts)))
    co = zlib.compressobj(0)
    print("  stored stream", sig(co.compress(d[:1000]) + co.flush(zlib.Z_SYNC_FLUSH) + co.compress(d[1000:]) + co.flush()))
    co = zlib.compressobj(6, zdict=d[:5000])
    print("  zdict", sig(co.compress(d) + co.flush()))
    co = zlib.compressobj(5)
    first = co.compress(d[: len(d) // 2])
    dup = co.copy()
    tail = d[len(d) // 2:]
    a = first + co.compress(tail) + co.flush()
    b = first + dup.compress(tail) + dup.flush()
    print("  copy", a == b, sig(a))
    assert zlib.decompress(a) == d
print(zlib.compress(b"hello"), zlib.compress(b"hello", 0), zlib.compress(b"hello", 1, wbits=31))
