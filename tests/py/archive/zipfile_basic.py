# zipfile: write/read/append stored and deflated archives (byte-exact), ZipInfo, printdir, extract(all), testzip, errors, unseekable output.
import io
import os
import tempfile
import zipfile
import zlib

DT = (2021, 3, 4, 5, 6, 8)
text = b"".join(b"row %d: some text that repeats a bit\n" % i for i in range(500))


def info(name, **kw):
    zi = zipfile.ZipInfo(name, DT)
    for k, v in kw.items():
        setattr(zi, k, v)
    return zi


buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(info("readme.txt"), "hello zip\n")
    zf.writestr(info("data/rows.txt"), text)
    zf.writestr(info("data/stored.bin", compress_type=zipfile.ZIP_STORED), bytes(range(256)))
    zf.writestr(info("data/fast.txt"), text, compresslevel=1)
    zf.writestr(info("data/best.txt"), text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    zf.writestr(info("ünïcode/名前.txt"), "unicode name")
    zf.writestr(info("empty/"), b"")
    zf.mkdir(info("made/", external_attr=(0o40755 << 16) | 0x10, CRC=0))
    with zf.open(info("streamed.txt"), "w") as w:
        for i in range(10):
            w.write(b"chunk %d\n" % i)
    zf.comment = b"archive comment"
raw = buf.getvalue()
print("archive", len(raw), zlib.crc32(raw), zipfile.is_zipfile(io.BytesIO(raw)))

with zipfile.ZipFile(io.BytesIO(raw)) as zf:
    print(zf.namelist())
    for zi in zf.infolist():
        print(zi, zi.CRC, zi.date_time, zi.flag_bits, zi.create_system, zi.extract_version, zi.header_offset, zi.is_dir())
    zf.printdir()
    print("comment", zf.comment)
    print("read", zf.read("readme.txt"), zf.read("data/rows.txt") == text, zf.read("ünïcode/名前.txt"))
    print("testzip", zf.testzip())
    with zf.open("data/rows.txt") as f:
        print("ext file", f.name, f.mode, f.readline(), f.read(10), f.seekable())
        print("tell", f.tell())
        f.seek(100)
        print("seek", f.read(12), f.tell())
        f.seek(-10, os.SEEK_END)
        print("seek end", f.read())
        f.seek(5)
        print("seek back", f.read(5), f.peek(3)[:3], f.read1(4))
        print("lines", sum(1 for _ in f))
    with zf.open(zf.getinfo("data/stored.bin")) as f:
        print("stored chunks", [len(f.read(100)) for _ in range(4)])
    try:
        zf.getinfo("missing.txt")
    except KeyError as e:
        print("KeyError:", e)
    try:
        zf.read("nope")
    except KeyError as e:
        print("KeyError:", e)
    try:
        zf.writestr("x", b"y")
    except ValueError as e:
        print("ValueError:", e)
    try:
        zf.open("readme.txt", "a")
    except ValueError as e:
        print("ValueError:", e)
print("closed repr", repr(zf))
try:
    zf.read("readme.txt")
except ValueError as e:
    print("ValueError:", e)

# Corruption: CRC mismatch and bad headers.
bad = bytearray(raw)
pos = raw.index(b"hello zip")
bad[pos] ^= 0x20
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as zf:
    print("testzip bad", zf.testzip())
    try:
        zf.read("readme.txt")
    except zipfile.BadZipFile as e:
        print("BadZipFile:", e)
bad = bytearray(raw)
bad[0:4] = b"XXXX"
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as zf:
    try:
        zf.read("readme.txt")
    except zipfile.BadZipFile as e:
        print("BadZipFile:", e)
for junk in (b"", b"not a zip file at all", raw[:-30]):
    print("is_zipfile", zipfile.is_zipfile(io.BytesIO(junk)))
    try:
        zipfile.ZipFile(io.BytesIO(junk))
    except zipfile.BadZipFile as e:
        print("BadZipFile:", e)
try:
    zipfile.ZipFile(io.BytesIO(), "q")
except ValueError as e:
    print("ValueError:", e)
try:
    zipfile.ZipFile(io.BytesIO(), "w", compression=99)
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    zipfile.ZipInfo("old", (1979, 1, 1, 0, 0, 0))
except ValueError as e:
    print("ValueError:", e)
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is zipfile.BadZipFile)

# Unseekable output uses data descriptors.
class Unseekable(io.RawIOBase):
    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


out = Unseekable()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(info("a.txt"), text)
    zf.writestr(info("b.txt", compress_type=zipfile.ZIP_STORED), b"stored")
stream = bytes(out.data)
print("unseekable", len(stream), zlib.crc32(stream))
with zipfile.ZipFile(io.BytesIO(stream)) as zf:
    print([(zi.filename, zi.flag_bits, zi.file_size) for zi in zf.infolist()], zf.read("a.txt") == text)

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub"))
    for rel, body in (("one.txt", b"1\n"), ("sub/two.txt", b"two\n" * 100)):
        p = os.path.join(src, rel)
        with open(p, "wb") as f:
            f.write(body)
        os.chmod(p, 0o644)
        os.utime(p, (1600000000, 1600000000))
    os.utime(os.path.join(src, "sub"), (1600000000, 1600000000))
    path = os.path.join(tmp, "files.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(os.path.join(src, "one.txt"), "one.txt")
        zf.write(os.path.join(src, "sub"), "sub")
        zf.write(os.path.join(src, "sub", "two.txt"), "sub/two.txt", compress_type=zipfile.ZIP_STORED)
        print(repr(zf).replace(tmp, "TMP"))
    with open(path, "rb") as f:
        data = f.read()
    print("file archive", len(data), zlib.crc32(data))
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(info("added.txt"), b"appended")
        zf.writestr(info("../evil.txt"), b"should stay inside")
        zf.writestr(info("/abs/path.txt"), b"absolute")
    with zipfile.ZipFile(path) as zf:
        zf.printdir()
        out = os.path.join(tmp, "out")
        zf.extractall(out)
        target = zf.extract("one.txt", os.path.join(tmp, "single"))
        print("extract returns", os.path.relpath(target, tmp))
    found = []
    for root, dirs, files in os.walk(tmp):
        for name in files:
            found.append(os.path.relpath(os.path.join(root, name), tmp))
    print(sorted(found))
    with open(os.path.join(out, "evil.txt"), "rb") as f:
        print(f.read())
    print("is_zipfile path", zipfile.is_zipfile(path), zipfile.is_zipfile(os.path.join(src, "one.txt")))
    zipfile.ZipFile(os.path.join(tmp, "x.zip"), "x").close()
    try:
        zipfile.ZipFile(os.path.join(tmp, "x.zip"), "x")
    except FileExistsError:
        print("FileExistsError")
    with zipfile.ZipFile(os.path.join(tmp, "x.zip")) as zf:
        print("empty archive", zf.namelist(), os.path.getsize(os.path.join(tmp, "x.zip")))
