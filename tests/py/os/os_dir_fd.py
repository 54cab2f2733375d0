# os functions with dir_fd / fd arguments (openat-style), scandir(fd), fwalk top-down and bottom-up, supports_* sets
import os
import stat
import tempfile

print("supports_dir_fd:", sorted(f.__name__ for f in os.supports_dir_fd))
print("supports_fd:", sorted(f.__name__ for f in os.supports_fd))
print("supports_follow_symlinks:", sorted(f.__name__ for f in os.supports_follow_symlinks))

with tempfile.TemporaryDirectory() as tmp:
    dfd = os.open(tmp, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.mkdir("sub", dir_fd=dfd)
        fd = os.open("sub/f.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=dfd)
        os.write(fd, b"hello")
        os.close(fd)
        print("stat dir_fd:", os.stat("sub/f.txt", dir_fd=dfd).st_size, os.path.exists(os.path.join(tmp, "sub", "f.txt")))
        os.symlink("f.txt", "sub/link", dir_fd=dfd)
        print("readlink dir_fd:", os.readlink("sub/link", dir_fd=dfd))
        print("lstat dir_fd:", stat.S_ISLNK(os.stat("sub/link", dir_fd=dfd, follow_symlinks=False).st_mode))
        os.link("sub/f.txt", "sub/hard", src_dir_fd=dfd, dst_dir_fd=dfd)
        print("link dir_fd:", os.stat("sub/hard", dir_fd=dfd).st_nlink)
        os.rename("sub/hard", "sub/moved", src_dir_fd=dfd, dst_dir_fd=dfd)
        os.replace("sub/moved", "sub/replaced", src_dir_fd=dfd, dst_dir_fd=dfd)
        print("renamed:", sorted(os.listdir(os.path.join(tmp, "sub"))))
        os.chmod("sub/f.txt", 0o600, dir_fd=dfd)
        print("chmod dir_fd:", oct(stat.S_IMODE(os.stat("sub/f.txt", dir_fd=dfd).st_mode)))
        os.utime("sub/f.txt", ns=(1_000_000_000, 2_000_000_000), dir_fd=dfd)
        print("utime dir_fd:", os.stat("sub/f.txt", dir_fd=dfd).st_mtime_ns)
        print("access dir_fd:", os.access("sub/f.txt", os.R_OK, dir_fd=dfd), os.access("nope", os.F_OK, dir_fd=dfd))
        os.mkfifo("sub/fifo", dir_fd=dfd)
        print("mkfifo dir_fd:", stat.S_ISFIFO(os.stat("sub/fifo", dir_fd=dfd).st_mode))
        os.unlink("sub/fifo", dir_fd=dfd)
        os.remove("sub/replaced", dir_fd=dfd)
        try:
            os.unlink("sub/missing", dir_fd=dfd)
        except FileNotFoundError as e:
            print("unlink missing:", e)
        try:
            os.stat("x", dir_fd="bad")
        except TypeError as e:
            print("bad dir_fd:", e)
        with os.scandir(dfd) as it:
            entries = sorted(it, key=lambda e: e.name)
        print("scandir(fd):", [(e.name, e.path, e.is_dir()) for e in entries])
        sfd = os.open("sub", os.O_RDONLY, dir_fd=dfd)
        print("listdir(fd):", sorted(os.listdir(sfd)), [e.is_symlink() for e in os.scandir(sfd) if e.name == "link"])
        print("stat via entry of scandir(fd):", sorted((e.name, e.stat().st_size) for e in os.scandir(sfd)))
        os.close(sfd)
        cwd = os.getcwd()
        os.chdir(dfd)
        print("chdir(fd):", os.path.samefile(".", tmp))
        os.chdir(cwd)
        tfd = os.open("sub/f.txt", os.O_RDWR, dir_fd=dfd)
        os.truncate(tfd, 2)
        print("truncate(fd):", os.fstat(tfd).st_size)
        os.close(tfd)
        os.makedirs(os.path.join(tmp, "sub", "a", "b"))
        open(os.path.join(tmp, "sub", "a", "b", "deep.txt"), "w").close()
        top = [(os.path.relpath(p, tmp), sorted(d), sorted(f), isinstance(fd, int))
               for p, d, f, fd in os.fwalk(tmp)]
        print("fwalk:", top)
        bottom = [os.path.relpath(p, tmp) for p, d, f, fd in os.fwalk(tmp, topdown=False)]
        print("fwalk bottom-up last:", bottom[-1], sorted(bottom))
        rel = [(p, sorted(f)) for p, d, f, fd in os.fwalk("sub", dir_fd=dfd)]
        print("fwalk dir_fd:", sorted(rel))
        print("fwalk bytes:", sorted(p for p, d, f, fd in os.fwalk(os.fsencode(tmp)))[0] == os.fsencode(tmp))
        errs = []
        try:
            list(os.fwalk(os.path.join(tmp, "missing"), onerror=errs.append))
        except FileNotFoundError as e:
            print("fwalk missing top:", type(e).__name__, errs)
        print("rmdir dir_fd:", os.rmdir("sub/a/b", dir_fd=dfd) if os.unlink("sub/a/b/deep.txt", dir_fd=dfd) is None else 0)
    finally:
        os.close(dfd)
