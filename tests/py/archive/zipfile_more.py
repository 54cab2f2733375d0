# zipfile edge cases: prepended data, appending to a non-zip file, open-for-write handles, force_zip64, warnings, ZipInfo.from_file, unsupported methods.
import io
import os
import tempfile
import warnings
import zipfile
import zlib

DT = (2022, 12, 31, 23, 59, 58)


def zi(name, **kw):
    info = zipfile.ZipInfo(name, DT)
    for k, v in kw.items():
        setattr(info, k, v)
    return info


base = io.BytesIO()
with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
    zf.writestr(zi("a.txt"), b"alpha " * 100)
    zf.writestr(zi("b.txt", compress_type=zipfile.ZIP_DEFLATED), b"beta " * 100)
    with zf.open(zi("c.txt", compress_type=zipfile.ZIP_DEFLATED), "w", force_zip64=True) as w:
        w.write(b"gamma " * 100)
        try:
            zf.writestr(zi("d.txt"), b"x")
        except ValueError as e:
            print("ValueError:", e)
        try:
            zf.open("a.txt")
        except ValueError as e:
            print("ValueError:", e)
        try:
            zf.close()
        except ValueError as e:
            print("ValueError:", e)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        zf.writestr(zi("a.txt"), b"duplicate")
        zf.comment = b"c" * 70000
    print([str(w.message) for w in caught])
data = base.getvalue()
print("zip64 member", len(data), zlib.crc32(data))
with zipfile.ZipFile(io.BytesIO(data)) as zf:
    print([(i.filename, i.compress_type, i.compress_size, i.file_size, i.extract_version, len(i.extra)) for i in zf.infolist()])
    print(zf.read("c.txt")[:12], zf.read("a.txt"), len(zf.comment))
    try:
        zf.comment = "text"
    except TypeError as e:
        print("TypeError:", e)

# An archive after other data (like a self-extractor) still opens.
prefixed = b"#!/bin/sh\necho not really\n" + data
with zipfile.ZipFile(io.BytesIO(prefixed)) as zf:
    print("prefixed", zf.namelist(), zf.read("b.txt")[:10], zf.testzip())
print(zipfile.is_zipfile(io.BytesIO(prefixed)))

# Appending to a file that is not an archive puts one at its end.
plain = io.BytesIO(b"plain text header\n")
with zipfile.ZipFile(plain, "a") as zf:
    zf.writestr(zi("new.txt"), b"new member")
print("appended", len(plain.getvalue()), plain.getvalue()[:18])
with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as zf:
    print(zf.namelist(), zf.read("new.txt"))

for method in (99, 3):
    try:
        with zipfile.ZipFile(io.BytesIO(), "w") as zf:
            zf.writestr(zi("x"), b"x", compress_type=method)
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__ + ":", e)

with tempfile.TemporaryDirectory() as tmp:
    p = os.path.join(tmp, "file.txt")
    with open(p, "w") as f:
        f.write("contents")
    os.chmod(p, 0o640)
    os.utime(p, (1234567890, 1234567890))
    info = zipfile.ZipInfo.from_file(p, "stored/name.txt")
    print(info, info.date_time == __import__("time").localtime(1234567890)[:6], oct(info.external_attr >> 16))
    info = zipfile.ZipInfo.from_file(tmp, "/abs/dir")
    print(info.filename, info.is_dir(), info.file_size, hex(info.external_attr & 0xFFFF))
    with zipfile.ZipFile(os.path.join(tmp, "w.zip"), "w") as zf:
        zf.write(p, "p.txt", compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        zf.mkdir("folder", 0o750)
        print(zf.getinfo("folder/"))
    with zipfile.ZipFile(os.path.join(tmp, "w.zip")) as zf:
        with zf.open("p.txt") as f:
            print(repr(f), f.read())
        print(repr(f))
        print(zf.getinfo("p.txt"))
    print(sorted(os.listdir(tmp)))
