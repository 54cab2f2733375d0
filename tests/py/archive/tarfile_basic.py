# tarfile: write ustar/gnu/pax (byte-exact), read back, gz compression, append, extract with filters, errors, is_tarfile.
import io
import os
import tarfile
import tempfile
import zlib


def member(name, data=b"", **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mtime = 1600000000
    ti.uname = "user"
    ti.gname = "group"
    ti.uid = 1000
    ti.gid = 1000
    for k, v in kw.items():
        setattr(ti, k, v)
    return ti, io.BytesIO(data)


long_name = "deep/" + "directory_name/" * 8 + "file_with_a_long_name.txt"
entries = [
    ("hello.txt", b"hello tar\n", {}),
    ("data/rows.csv", b"".join(b"%d,%d\n" % (i, i * i) for i in range(300)), {"mode": 0o600}),
    ("data/", b"", {"type": tarfile.DIRTYPE, "mode": 0o755}),
    ("link.txt", b"", {"type": tarfile.SYMTYPE, "linkname": "hello.txt"}),
    ("hard.txt", b"", {"type": tarfile.LNKTYPE, "linkname": "hello.txt"}),
    ("empty.bin", b"", {}),
    (long_name, b"long name body", {}),
    ("ünïcode.txt", b"utf8 name", {}),
]

for fmt, label in ((tarfile.USTAR_FORMAT, "ustar"), (tarfile.GNU_FORMAT, "gnu"), (tarfile.PAX_FORMAT, "pax")):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as tf:
        for name, data, kw in entries:
            if fmt == tarfile.USTAR_FORMAT and name == "ünïcode.txt":
                continue
            ti, f = member(name, data, **kw)
            tf.addfile(ti, f if data else None)
        ti, f = member("float_mtime.txt", b"x", mtime=1600000000.5)
        if fmt == tarfile.PAX_FORMAT:
            tf.addfile(ti, f)
    raw = buf.getvalue()
    print(label, len(raw), zlib.crc32(raw))
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        for ti in tf:
            print(" ", ti.name, ti.size, oct(ti.mode), ti.type, ti.linkname, ti.uid, ti.gname, ti.mtime,
                  ti.isfile(), ti.isdir(), ti.issym(), ti.islnk(), sorted(ti.pax_headers))
        print(" names", tf.getnames() == [m.name for m in tf.getmembers()])
        f = tf.extractfile("data/rows.csv")
        print(" extractfile", f.readline(), f.read(8), len(f.read()))
        print(" via link", tf.extractfile("link.txt").read(), tf.extractfile("hard.txt").read())
        print(" dir file", tf.extractfile("data"))
        try:
            tf.getmember("missing")
        except KeyError as e:
            print(" KeyError:", e)

try:
    with tarfile.open(fileobj=io.BytesIO(), mode="w", format=tarfile.USTAR_FORMAT) as tf:
        ti, f = member("x/" * 80 + "y" * 120, b"z")
        tf.addfile(ti, f)
except ValueError as e:
    print("ValueError:", e)

# Listing.
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as tf:
    for name, data, kw in entries[:4]:
        ti, f = member(name, data, **kw)
        tf.addfile(ti, f if data else None)
buf.seek(0)
with tarfile.open(fileobj=buf) as tf:
    tf.list(verbose=False)
    tf.list()

# gzip-compressed archives, auto-detection and stream modes.
gzbuf = io.BytesIO()
with tarfile.open(fileobj=gzbuf, mode="w:gz") as tf:
    for name, data, kw in entries[:2]:
        ti, f = member(name, data, **kw)
        tf.addfile(ti, f)
print("gz magic", gzbuf.getvalue()[:3])
for mode in ("r", "r:*", "r:gz", "r|gz", "r|*"):
    with tarfile.open(fileobj=io.BytesIO(gzbuf.getvalue()), mode=mode) as tf:
        print(mode, [(m.name, tf.extractfile(m).read()[:12]) for m in tf])
sbuf = io.BytesIO()
with tarfile.open(fileobj=sbuf, mode="w|gz") as tf:
    ti, f = member("streamed.txt", b"streamed data")
    tf.addfile(ti, f)
with tarfile.open(fileobj=io.BytesIO(sbuf.getvalue()), mode="r:gz") as tf:
    print("w|gz", tf.getnames(), tf.extractfile("streamed.txt").read())
try:
    tarfile.open(fileobj=io.BytesIO(gzbuf.getvalue()), mode="r:")
except tarfile.ReadError as e:
    print("ReadError:", e)

for junk, label in ((b"", "empty"), (b"x" * 100, "short"), (b"y" * 1024, "garbage")):
    print(label, tarfile.is_tarfile(io.BytesIO(junk)))
    try:
        tarfile.open(fileobj=io.BytesIO(junk), mode="r:")
    except tarfile.ReadError as e:
        print("ReadError:", e)
try:
    tarfile.open(fileobj=io.BytesIO(b"z" * 600))
except tarfile.ReadError as e:
    print("ReadError:", str(e).splitlines()[0])
for bad_mode in ("q", "r:zz", "a:gz", "x|gz"):
    try:
        tarfile.open(fileobj=io.BytesIO(), mode=bad_mode)
    except (ValueError, tarfile.CompressionError) as e:
        print(type(e).__name__ + ":", e)
try:
    tarfile.open()
except ValueError as e:
    print("ValueError:", e)
print(tarfile.is_tarfile(io.BytesIO(gzbuf.getvalue())))

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub"))
    for rel, body, mode in (("a.txt", b"alpha\n", 0o644), ("sub/b.sh", b"#!/bin/sh\n", 0o755)):
        p = os.path.join(src, rel)
        with open(p, "wb") as f:
            f.write(body)
        os.chmod(p, mode)
        os.utime(p, (1600000000, 1600000000))
    os.utime(os.path.join(src, "sub"), (1600000000, 1600000000))
    os.utime(src, (1600000000, 1600000000))

    def norm(ti):
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        ti.mtime = int(ti.mtime)
        return ti

    path = os.path.join(tmp, "out.tar")
    with tarfile.open(path, "w") as tf:
        tf.add(src, arcname="pkg", filter=norm)
    print("added", os.path.getsize(path))
    with tarfile.open(path) as tf:
        print([(m.name, oct(m.mode), m.size, m.type) for m in tf.getmembers()])
    with tarfile.open(path, "a") as tf:
        ti, f = member("pkg/appended.txt", b"appended\n")
        tf.addfile(ti, f)
    with tarfile.open(path) as tf:
        print("after append", tf.getnames())
        dest = os.path.join(tmp, "dest")
        tf.extractall(dest, filter="data")
        tf.extract("pkg/a.txt", os.path.join(tmp, "one"), filter="fully_trusted")
    for root, dirs, files in sorted(os.walk(tmp)):
        for name in sorted(files):
            if name.endswith(".tar"):
                continue
            p = os.path.join(root, name)
            print(os.path.relpath(p, tmp), oct(os.stat(p).st_mode & 0o777), int(os.stat(p).st_mtime))
    print(tarfile.is_tarfile(path), tarfile.is_tarfile(os.path.join(src, "a.txt")))

    gzpath = os.path.join(tmp, "out.tar.gz")
    with tarfile.open(gzpath, "w:gz") as tf:
        tf.add(os.path.join(src, "a.txt"), arcname="a.txt", filter=norm)
    with tarfile.open(gzpath, "r:*") as tf:
        print("gz file", tf.getnames(), tf.extractfile("a.txt").read())
    try:
        tarfile.open(gzpath, "a:gz")
    except ValueError as e:
        print("ValueError:", e)

    # Filters refuse dangerous members.
    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w") as tf:
        for name, kw in (("../escape.txt", {}), ("/abs.txt", {}), ("abs_link", {"type": tarfile.SYMTYPE, "linkname": "/etc/passwd"}),
                         ("out_link", {"type": tarfile.SYMTYPE, "linkname": "../../outside"}),
                         ("dev", {"type": tarfile.FIFOTYPE}),
                         ("setuid.sh", {"mode": 0o4777})):
            ti, f = member(name, b"data" if "type" not in kw else b"", **kw)
            tf.addfile(ti, f if ti.size else None)
    for flt in ("data", "tar"):
        for m in ("../escape.txt", "/abs.txt", "abs_link", "out_link", "dev", "setuid.sh"):
            evil.seek(0)
            with tarfile.open(fileobj=evil) as tf:
                target = os.path.join(tmp, "filtered_" + flt)
                try:
                    tf.extract(m, target, filter=flt)
                    ti = tf.getmember(m)
                    print(flt, m, "extracted", sorted(os.listdir(target)))
                except tarfile.FilterError as e:
                    print(flt, m, type(e).__name__, str(e).replace(tmp, "TMP"))
    evil.seek(0)
    with tarfile.open(fileobj=evil) as tf:
        try:
            tf.extractall(os.path.join(tmp, "x"), filter="nope")
        except ValueError as e:
            print("ValueError:", e)
        filtered = tarfile.data_filter(tf.getmember("setuid.sh"), tmp)
        print("data_filter mode", oct(filtered.mode), filtered.uid, filtered.uname)
        print("tar_filter mode", oct(tarfile.tar_filter(tf.getmember("setuid.sh"), tmp).mode))

ti = tarfile.TarInfo("info.txt")
print(ti.name, ti.mode, ti.type, ti.size, ti.mtime, ti.uname, ti.path, ti.isreg())
print(len(ti.tobuf()), ti.tobuf()[:20])
print(tarfile.TarInfo.frombuf(ti.tobuf(), "utf-8", "strict").name)
print(tarfile.itn(8 ** 11, 12, tarfile.GNU_FORMAT))
try:
    tarfile.itn(8 ** 11, 12, tarfile.USTAR_FORMAT)
except ValueError as e:
    print("ValueError:", e)
