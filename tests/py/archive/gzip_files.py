# gzip: GzipFile/open read/write/append/text modes, headers (mtime, name, xfl), multi-member, seek/tell, errors, compress/decompress.
import gzip
import io
import os
import tempfile
import zlib

payload = b"".join(b"record %05d,value=%d\n" % (i, i * i % 977) for i in range(4000))

print(gzip.compress(b"abc", mtime=0))
print(gzip.compress(b"abc", 1, mtime=7))
print(gzip.compress(b"abc", 0, mtime=0))
print(gzip.compress(b"", 6, mtime=0))
for lvl in range(10):
    blob = gzip.compress(payload, lvl, mtime=0)
    print("level", lvl, len(blob), zlib.crc32(blob), gzip.decompress(blob) == payload)
print("multi", gzip.decompress(gzip.compress(b"one ", mtime=0) + gzip.compress(b"two", mtime=0)))
print("padding", gzip.decompress(gzip.compress(b"x", mtime=0) + b"\0\0\0" + gzip.compress(b"y", mtime=0)))
print("empty", gzip.decompress(b""))

for bad, label in ((b"not gzip data", "plain"), (gzip.compress(b"abc", mtime=0)[:-4], "no trailer"),
                   (gzip.compress(b"abc", mtime=0)[:15], "truncated"),
                   (gzip.compress(b"abc", mtime=0)[:-8] + b"\0\0\0\0" + gzip.compress(b"abc", mtime=0)[-4:], "crc"),
                   (gzip.compress(b"abc", mtime=0)[:-4] + b"\x09\0\0\0", "length"),
                   (b"\x1f\x8b\x07" + bytes(7), "method"), (b"\x1f", "short magic")):
    try:
        gzip.decompress(bad)
        print(label, "no error")
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        print(label, type(e).__name__, e)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.bin.gz")
    with gzip.GzipFile(path, "wb", mtime=123456) as f:
        print("write returns", f.write(payload[:1000]), f.write(memoryview(payload)[1000:]))
        print("tell in write mode", f.tell(), f.writable(), f.readable(), f.seekable())
    with open(path, "rb") as f:
        raw = f.read()
    print("header", raw[:20])
    with gzip.open(path) as f:
        print("mtime before read", f.mtime)
        print("first line", f.readline())
        print("mtime", f.mtime, f.name == path, f.mode)
        print("tell", f.tell())
        f.seek(100)
        print("seek 100", f.read(10), f.tell())
        f.seek(-5, io.SEEK_CUR)
        print("seek back", f.read(5))
        f.seek(0, io.SEEK_END)
        print("end", f.tell(), f.read())
        f.seek(0)
        print("peek", len(f.peek(5)) > 0, "read1", len(f.read1(10)) > 0)
        f.rewind()
        print("lines", sum(1 for _ in f))
    with gzip.open(path, "rb") as f:
        print("all", f.read() == payload)
        print("closed inside", f.closed)
    print("closed after", f.closed)
    try:
        f.read()
    except ValueError as e:
        print("ValueError:", e)

    # Append makes a second member; reading sees both.
    with gzip.open(path, "ab") as f:
        f.write(b"appended\n")
    with gzip.open(path, "rb") as f:
        data = f.read()
    print("append", data.endswith(b"appended\n"), len(data) == len(payload) + 9)

    # Text mode.
    tpath = os.path.join(tmp, "notes.txt.gz")
    with gzip.open(tpath, "wt", encoding="utf-8", newline="\n") as f:
        f.write("héllo\nwörld\n")
    with gzip.open(tpath, "rt", encoding="utf-8") as f:
        print("text", f.readlines())
    with gzip.open(tpath, "rb") as f:
        print("text bytes", f.read())

    # Exclusive creation.
    xpath = os.path.join(tmp, "x.gz")
    with gzip.open(xpath, "xb") as f:
        f.write(b"x")
    try:
        gzip.open(xpath, "xb")
    except FileExistsError:
        print("FileExistsError")

    # Mode errors.
    with gzip.open(path, "rb") as f:
        try:
            f.write(b"x")
        except OSError as e:
            print("OSError:", e)
    with gzip.open(os.path.join(tmp, "w.gz"), "wb") as f:
        for meth in ("read", "read1", "peek"):
            try:
                getattr(f, meth)(1)
            except OSError as e:
                print("OSError:", e)
        try:
            f.rewind()
        except OSError as e:
            print("OSError:", e)
        try:
            f.seek(0, io.SEEK_END)
        except ValueError as e:
            print("ValueError:", e)
        f.write(b"abc")
        print("seek forward", f.seek(10))
        try:
            f.seek(2)
        except OSError as e:
            print("OSError:", e)
    with gzip.open(os.path.join(tmp, "w.gz"), "rb") as f:
        print("zero fill", f.read())

    for args in (("rt", "b"), ("rb", None)):
        pass
    try:
        gzip.open(path, "rbt")
    except ValueError as e:
        print("ValueError:", e)
    try:
        gzip.open(path, "rb", encoding="utf-8")
    except ValueError as e:
        print("ValueError:", e)
    try:
        gzip.open(123.5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        gzip.GzipFile(path, "rt")
    except ValueError as e:
        print("ValueError:", e)
    try:
        gzip.GzipFile(path, "z")
    except ValueError as e:
        print("ValueError:", e)

    # Bad files.
    plain = os.path.join(tmp, "plain.gz")
    with open(plain, "wb") as f:
        f.write(b"hello, not gzip")
    try:
        with gzip.open(plain) as f:
            f.read()
    except gzip.BadGzipFile as e:
        print("BadGzipFile:", e, isinstance(e, OSError))
    trunc = os.path.join(tmp, "trunc.gz")
    with open(trunc, "wb") as f:
        f.write(raw[: len(raw) // 2])
    try:
        with gzip.open(trunc) as f:
            f.read()
    except EOFError as e:
        print("EOFError:", e)
    print("files", sorted(os.listdir(tmp)))

# File objects and names.
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="report.csv.gz") as f:
    f.write(b"a,b\n1,2\n")
print("named header", buf.getvalue()[:24])
g = gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue()))
print("fileobj read", g.read(), g.mtime, g.name, g.mode)
g.close()
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=1) as f:
    f.write(payload)
    f.flush()
    f.write(b"after flush")
print("flush + level 1", len(buf.getvalue()), zlib.crc32(buf.getvalue()))
print(gzip.decompress(buf.getvalue())[-11:])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=0) as f:
    for i in range(0, len(payload), 3000):
        f.write(payload[i:i + 3000])
print("level 0 writes", len(buf.getvalue()), zlib.crc32(buf.getvalue()))
print(gzip.READ, gzip.WRITE, gzip.__all__)
