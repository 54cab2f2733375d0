# pathlib.Path on disk: glob patterns (**, trailing /, hidden, case), walk, symlinks, resolve(strict), touch/mkdir errors, read/write options
import os
import tempfile
from pathlib import Path, PosixPath, UnsupportedOperation


def rel(root, paths):
    return sorted(p.relative_to(root).as_posix() for p in paths)


with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    for d in ("a/b/c", "d/e", "f"):
        (root / d).mkdir(parents=True)
    for f in ("x.py", "a/y.py", "a/b/z.py", "a/b/c/w.py", "d/e/v.py", "d/u.txt", "f/.hid.py", ".hidden", "A.PY"):
        (root / f).write_text(f, encoding="utf-8")
    (root / "link").symlink_to("a")
    for pat in ["**/*.py", "*", "**", "*/", "**/", "a/**", "*/*.py", "a/*/*.py", "**/b/*",
                ".*", "a/..", "a/b", "a*", "[!a-d]*", "?.py", "link/**/*.py", "d/**/e", "**/*.txt"]:
        print(pat, rel(root, root.glob(pat)))
    print("recurse_symlinks", rel(root, root.glob("**/*.py", recurse_symlinks=True)))
    print("case_insensitive", rel(root, root.glob("*.py", case_sensitive=False)))
    print("rglob", rel(root, root.rglob("*.py")))
    print("rglob dir/", rel(root, root.rglob("*/")))
    print("glob returns paths of this class:", {type(p).__name__ for p in root.glob("*")})
    for bad in ("", "/abs"):
        try:
            list(root.glob(bad))
        except (ValueError, NotImplementedError) as e:
            print("glob", repr(bad), type(e).__name__, str(e).replace(tmp, "TMP"))

    walked = [(p.relative_to(root).as_posix(), sorted(ds), sorted(fs)) for p, ds, fs in root.walk()]
    print("walk", sorted(walked))
    bottom_up = [p.relative_to(root).as_posix() for p, ds, fs in (root / "a").walk(top_down=False)]
    print("walk bottom-up ends with top:", bottom_up[-1])

    link = root / "link"
    print("symlink:", link.is_symlink(), link.is_dir(), link.readlink(), link.resolve() == (root / "a").resolve())
    print("lstat is link:", os.path.islink(link), link.lstat().st_size == len("a"))
    dangling = root / "dangling"
    dangling.symlink_to("nowhere")
    print("dangling exists:", dangling.exists(), dangling.exists(follow_symlinks=False), dangling.is_symlink())
    try:
        dangling.resolve(strict=True)
    except FileNotFoundError as e:
        print("resolve strict:", type(e).__name__, e.errno)
    print("resolve non-strict name:", dangling.resolve().name)
    hard = root / "hard.py"
    hard.hardlink_to(root / "x.py")
    print("hardlink samefile:", hard.samefile(root / "x.py"), hard.stat().st_nlink)

    try:
        (root / "x.py").touch(exist_ok=False)
    except FileExistsError as e:
        print("touch exist_ok=False:", type(e).__name__)
    try:
        (root / "x.py").mkdir(exist_ok=True)
    except FileExistsError as e:
        print("mkdir over file:", type(e).__name__)
    (root / "mode").mkdir(mode=0o700)
    print("mkdir mode:", oct((root / "mode").stat().st_mode & 0o777))
    (root / "mode").chmod(0o750)
    print("chmod:", oct((root / "mode").stat().st_mode & 0o777))

    t = root / "nl.txt"
    print("write_text newline:", t.write_text("a\nb\n", encoding="utf-8", newline="\r\n"), t.read_bytes())
    print("read_text newline='':", repr(t.read_text(encoding="utf-8", newline="")))
    print("read_text default:", repr(t.read_text(encoding="utf-8")))
    print("write_bytes memoryview:", t.write_bytes(memoryview(b"xyz")), t.read_bytes())
    try:
        t.write_text(b"bytes")
    except TypeError as e:
        print("write_text bytes:", e)
    try:
        t.write_bytes("str")
    except TypeError as e:
        print("write_bytes str:", type(e).__name__)
    print("latin-1 round trip:", t.write_text("é", encoding="latin-1"), t.read_bytes())
    with t.open("rb") as f:
        print("open rb:", f.read())

    print("iterdir relative:", sorted(str(p) for p in Path(tmp).iterdir())[:0] == [],
          sorted(p.name for p in (root / "a").iterdir()))
    old = os.getcwd()
    os.chdir(root / "a")
    try:
        print("relative iterdir:", sorted(str(p) for p in Path().iterdir()))
        print("relative glob:", sorted(str(p) for p in Path(".").glob("*/*.py")))
        print("absolute:", Path("b").absolute() == root.resolve() / "a" / "b" or Path("b").absolute() == root / "a" / "b")
        print("cwd:", Path.cwd().name)
    finally:
        os.chdir(old)
    print("home is absolute:", Path.home().is_absolute(), Path("~").expanduser() == Path.home())
    print("expanduser no tilde:", Path("x/~").expanduser())
    print("as_uri:", (root / "a b").as_uri().startswith("file:///"), (root / "a b").as_uri().endswith("/a%20b"))
    print("from_uri:", Path.from_uri((root / "a b").as_uri()) == root / "a b")
    print("fspath/str/bytes:", os.fspath(root / "x") == str(root / "x"), bytes(Path("a/b")))
    print("PosixPath:", type(Path("x")).__name__, isinstance(Path("x"), PosixPath))
    try:
        (root / "missing").stat()
    except FileNotFoundError as e:
        print("stat missing:", e.strerror, Path(e.filename).name)
    try:
        (root / "missing").rmdir()
    except FileNotFoundError as e:
        print("rmdir missing:", type(e).__name__)
    try:
        (root / "missing").rename(root / "other")
    except FileNotFoundError as e:
        print("rename missing:", type(e).__name__, Path(e.filename).name, Path(e.filename2).name)
    print("is_mount root:", Path("/").is_mount(), (root / "a").is_mount())
    print("kinds:", (root / "a").is_fifo(), (root / "a").is_socket(), Path("/dev/null").is_char_device(),
          (root / "a").is_block_device(), (root / "a").is_junction())
    try:
        print("owner is str:", isinstance((root / "x.py").owner(), str))
    except UnsupportedOperation as e:
        print("owner is str:", True)
