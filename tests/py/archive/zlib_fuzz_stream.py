# zlib: corrupted streams fed in 64- and 1000-byte chunks fail at the same point with the same message as zlib; one-shot too.
import zlib, random
text = b"".join(b"line %d: the quick brown fox %d\n" % (i, i * 7919 % 1000) for i in range(2000))
srcs = [zlib.compress(text, 6), zlib.compress(text, 1, -15), zlib.compress(text, 9, 31)]
rng = random.Random(11)
for i in range(300):
    src = srcs[i % 3]; wb = [15, -15, 31][i % 3]
    b = bytearray(src)
    for k in range(rng.randrange(1, 3)):
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    for chunk in (64, 1000):
        d = zlib.decompressobj(wb)
        out = 0
        try:
            for j in range(0, len(b), chunk):
                out += len(d.decompress(bytes(b[j:j + chunk])))
            print(i, chunk, out, d.eof)
        except zlib.error as e:
            print(i, chunk, e, out)
    try:
        print(i, len(zlib.decompress(bytes(b), wb)))
    except zlib.error as e:
        print(i, e)
