# shutil.make_archive/unpack_archive round trips for zip, tar and gztar (uses zipfile/tarfile lazily)
import os, shutil, tempfile
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    os.makedirs("data/sub")
    for n in ("data/a.txt", "data/sub/b.txt"):
        with open(n, "w") as f: f.write(n * 3)
    for fmt in ("zip", "tar", "gztar"):
        name = shutil.make_archive("out_" + fmt, fmt, root_dir="data")
        print(fmt, os.path.basename(name))
        shutil.unpack_archive(name, "x_" + fmt)
        print(sorted(os.path.relpath(os.path.join(d, f), "x_" + fmt) for d, _, fs in os.walk("x_" + fmt) for f in fs))
    name = shutil.make_archive("based", "zip", root_dir=".", base_dir="data")
    import zipfile
    print(sorted(zipfile.ZipFile(name).namelist()))
    os.chdir("/")
