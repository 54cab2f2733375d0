# print() options, io.StringIO/BytesIO and text files with newline handling.
import io, os, sys
print("a", "b", sep="-", end="!\n")
print(1, 2, 3, sep="")
buf = io.StringIO()
print("to buffer", 42, file=buf)
print(repr(buf.getvalue()))
s = io.StringIO("line1\nline2\r\nline3")
print(s.readline(), s.readlines(), s.tell())
b = io.BytesIO(b"abc\ndef")
print(b.readline(), b.read(), b.tell(), b.seek(1), b.read(2), b.getvalue())
path = "rt_io_tmp.txt"
with open(path, "w", encoding="utf-8") as f:
    print(f.write("héllo\nwörld\r\nend"), f.mode, f.encoding, f.closed)
print(f.closed)
with open(path, encoding="utf-8") as f:
    print(f.readline(), repr(f.read()), f.newlines)
with open(path, encoding="utf-8", newline="") as f:
    print([line for line in f])
with open(path, "rb") as f:
    print(f.read(3), f.tell(), f.seek(0, 2), f.read())
with open(path, "a") as f:
    f.write("!")
with open(path, "r+") as f:
    f.seek(0)
    print(repr(f.read(5)), f.tell())
with open(path) as f:
    f.readline()
    pos = f.tell()
    second = f.readline()
    f.seek(pos)
    print(second == f.readline(), pos)
os.remove(path)
for bad in [("x", "rw"), ("x", "rbt"), ("x", "wb", 0, "utf-8")]:
    try:
        open(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    open("/nonexistent/file")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    io.StringIO().write(1)
except TypeError as e:
    print(e)
print(isinstance(sys.stdout, io.TextIOBase), sys.stdout.encoding)
print(type(sys.stdin).__name__, sys.stderr.errors)
