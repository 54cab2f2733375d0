# glob: glob/iglob patterns, recursive **, hidden files, escape, translate
import glob, os, tempfile
d = "/tmp/_kr_glob_test"
import shutil
if os.path.exists(d): shutil.rmtree(d)
for p in ["a/x.py", "a/y.txt", "a/b/z.py", "a/b/c/w.py", "a/.h.py", "top.py", "[q].txt"]:
    full = os.path.join(d, p)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    open(full, "w").close()
os.chdir(d)
print(sorted(glob.glob("*.py")), sorted(glob.glob("a/*.py")), sorted(glob.glob("a/*")))
print(sorted(glob.glob("**/*.py", recursive=True)))
print(sorted(glob.glob("**", recursive=True)))
print(sorted(glob.glob("a/**/", recursive=True)))
print(sorted(glob.glob("*/*.py")), sorted(glob.glob("a/.*")), sorted(glob.glob("a/*", include_hidden=True)))
print(glob.glob(glob.escape("[q].txt")), glob.escape("a*b?[c]"), glob.has_magic("a*"), glob.glob("nope*"), glob.glob("top.py"))
print(sorted(glob.iglob("*.py", root_dir="a")), sorted(glob.glob(os.path.join(d, "a", "b", "*.py"))))
print(glob.translate("a/*.py"), glob.translate("**/x?", recursive=True), glob.translate("a/**", recursive=True, include_hidden=True))
os.chdir("/")
shutil.rmtree(d)
