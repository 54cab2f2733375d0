# zipfile.Path: iterdir, joinpath, implied directories, names/suffixes, open/read_text/read_bytes, errors.
import zipfile, io
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as zf:
    zf.writestr(zipfile.ZipInfo("a.txt"), "alpha")
    zf.writestr(zipfile.ZipInfo("dir/b.txt"), "beta")
    zf.writestr(zipfile.ZipInfo("dir/sub/c.tar.gz"), b"gamma")
    zf.writestr(zipfile.ZipInfo("empty/"), b"")
b.name = "mem.zip"
zf = zipfile.ZipFile(b)
root = zipfile.Path(zf)
print(repr(root), str(root), root.name, root.is_dir(), root.exists())
print(sorted(str(p) for p in root.iterdir()))
d = root / "dir"
print(repr(d), d.is_dir(), d.is_file(), d.exists(), d.name)
print(sorted(p.name for p in d.iterdir()))
c = d / "sub" / "c.tar.gz"
print(repr(c), c.name, c.suffix, c.suffixes, c.stem, c.read_bytes(), c.is_file(), repr(c.parent), repr(c.parent.parent))
print((root / "a.txt").read_text(), (root / "a.txt").open().read(), (root / "a.txt").open("rb").read())
print((root / "missing").exists(), (root / "empty").is_dir())
try:
    (root / "missing").open()
except FileNotFoundError as e:
    print("FileNotFoundError", e)
try:
    d.open()
except IsADirectoryError as e:
    print("IsADirectoryError", e)
try:
    list((root / "a.txt").iterdir())
except ValueError as e:
    print("ValueError", e)
print(root / "a.txt" == zipfile.Path(zf, "a.txt"), (root / "dir").match("d*"))
