# shutil (copytree options, rmtree onexc, move, which, disk_usage, chown, archive registry) and filecmp (cmp, cmpfiles, dircmp reports)
import filecmp
import os
import shutil
import stat
import tempfile


def tree(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            out.append(os.path.normpath(os.path.join(rel, name)))
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    for name, text in [("src/a.txt", "A"), ("src/b.log", "B"), ("src/sub/c.txt", "C"),
                       ("src/sub/deep/d.txt", "D"), ("src/__pycache__/x.pyc", "X")]:
        write(name, text)
    os.symlink("a.txt", "src/link.txt")
    shutil.copytree("src", "dst", ignore=shutil.ignore_patterns("*.log", "__pycache__"))
    print("copytree ignore:", tree("dst"), os.path.islink("dst/link.txt"))
    shutil.copytree("src", "dst_links", symlinks=True)
    print("copytree symlinks:", os.path.islink("dst_links/link.txt"), os.readlink("dst_links/link.txt"))
    try:
        shutil.copytree("src", "dst")
    except FileExistsError as e:
        print("copytree exists:", type(e).__name__, e.errno)
    write("dst/extra.txt", "E")
    shutil.copytree("src", "dst", dirs_exist_ok=True)
    print("dirs_exist_ok:", tree("dst"))
    seen = []
    shutil.copytree("src", "dst_cb", ignore=lambda d, names: seen.append((os.path.relpath(d, "src"), sorted(names))) or [])
    print("ignore callback calls:", sorted(seen))

    print("cmp same/diff:", filecmp.cmp("src/a.txt", "dst/a.txt"), filecmp.cmp("src/a.txt", "src/sub/c.txt"),
          filecmp.cmp("src/a.txt", "dst/a.txt", shallow=False))
    print("cmpfiles:", filecmp.cmpfiles("src", "dst", ["a.txt", "b.log", "missing", "sub"]))
    write("dst/sub/c.txt", "changed")
    d = filecmp.dircmp("src", "dst")
    print("left_only", d.left_only, "right_only", d.right_only, "common_dirs", d.common_dirs)
    print("same", d.same_files, "diff", d.diff_files, "funny", d.funny_files, sorted(d.subdirs))
    d.report()
    print("--- full closure")
    filecmp.dircmp("src", "dst", ignore=[]).report_full_closure()
    print("--- partial closure")
    filecmp.dircmp("src", "dst", hide=[]).report_partial_closure()
    print("DEFAULT_IGNORES:", filecmp.DEFAULT_IGNORES)
    try:
        filecmp.dircmp("src", "dst").nonexistent
    except AttributeError as e:
        print("AttributeError:", e)
    filecmp.clear_cache()

    errors = []
    shutil.rmtree("no-such-dir", onexc=lambda func, path, exc: errors.append((func.__name__, path, type(exc).__name__)))
    print("rmtree onexc:", errors)
    shutil.rmtree("dst/sub")
    shutil.rmtree("nope", ignore_errors=True)
    try:
        shutil.rmtree("nope")
    except FileNotFoundError as e:
        print("rmtree missing:", type(e).__name__, e.filename)
    try:
        shutil.rmtree("src/link.txt")
    except OSError as e:
        print("rmtree symlink:", e)
    try:
        shutil.rmtree("src/a.txt")
    except NotADirectoryError as e:
        print("rmtree file:", type(e).__name__, e.filename)

    os.mkdir("target")
    print("move into dir:", shutil.move("dst/a.txt", "target"), tree("target"))
    print("move rename:", shutil.move("target/a.txt", "target/renamed.txt"))
    print("move dir:", shutil.move("dst_cb", "target"), tree("target")[:3])
    try:
        shutil.move("src", "src/sub")
    except shutil.Error as e:
        print("move into itself:", e)
    write("target/dup.txt", "1")
    write("other/dup.txt", "2")
    try:
        shutil.move("other/dup.txt", "target")
    except shutil.Error as e:
        print("move exists:", e)

    os.makedirs("bin")
    write("bin/tool", "#!/bin/sh\n")
    os.chmod("bin/tool", 0o755)
    write("bin/data", "x")
    print("which:", shutil.which("tool", path="bin"), shutil.which("data", path="bin"),
          shutil.which("data", mode=os.F_OK, path="bin"), shutil.which("bin/tool"), shutil.which("nope-xyz"))
    print("which bytes:", shutil.which(b"tool", path="bin"))
    du = shutil.disk_usage(".")
    print("disk_usage:", type(du).__name__, du._fields, du.total >= du.used >= 0, du.free >= 0)
    for kw in ({}, {"user": "no-such-user-xyz"}, {"group": "no-such-group-xyz"}):
        try:
            shutil.chown("bin/data", **kw)
        except (ValueError, LookupError) as e:
            print("chown", kw, type(e).__name__, e)
    shutil.chown("bin/data", user=os.getuid(), group=os.getgid())
    print("copymode/copystat:", shutil.copymode("bin/tool", "bin/data"), oct(stat.S_IMODE(os.stat("bin/data").st_mode)))
    print("copy2 keeps mtime:", os.stat(shutil.copy2("bin/tool", "bin/tool2")).st_mtime == os.stat("bin/tool").st_mtime)
    try:
        shutil.copyfile("bin/tool", "bin/tool")
    except shutil.SameFileError as e:
        print("SameFileError:", e)
    print("archive formats:", [n for n, _ in shutil.get_archive_formats() if n in ("tar", "gztar", "zip")])
    print("unpack formats:", [(n, e) for n, e, _ in shutil.get_unpack_formats() if n in ("tar", "gztar", "zip")])
    for call in (lambda: shutil.make_archive("x", "bad"), lambda: shutil.unpack_archive("x.foo"),
                 lambda: shutil.unpack_archive("x.zip", format="bad"),
                 lambda: shutil.register_archive_format("mine", 1)):
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
    shutil.register_archive_format("mine", lambda base, base_dir, **kw: base + ".mine", description="mine")
    print("custom format:", shutil.make_archive("out", "mine", root_dir="bin") .endswith("out.mine"),
          ("mine", "mine") in shutil.get_archive_formats())
    shutil.unregister_archive_format("mine")
    os.chdir("/")
