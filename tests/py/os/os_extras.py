# os: fifos and device numbers, statvfs, pipe2, blocking/inheritable flags, truncate, fsync, pread/pwrite, readv/writev, sysconf, wait macros, errors
import errno
import os
import stat
import tempfile


def err(fn):
    try:
        return fn()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


with tempfile.TemporaryDirectory() as tmp:
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo, 0o600)
    st = os.lstat(fifo)
    print("mkfifo:", stat.S_ISFIFO(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
    print("mkfifo again:", err(lambda: os.mkfifo(fifo)))
    print("mkfifo missing dir:", err(lambda: os.mkfifo(os.path.join(tmp, "no", "f"))))
    node = os.path.join(tmp, "node")
    os.mknod(node, stat.S_IFREG | 0o644)
    print("mknod regular:", stat.S_ISREG(os.stat(node).st_mode))
    print("major/minor/makedev:", os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)), os.makedev(8, 1))
    print("major bad:", err(lambda: os.major("x")))

    sv = os.statvfs(tmp)
    print("statvfs:", type(sv).__name__, len(sv), sv.f_bsize > 0, sv.f_blocks >= sv.f_bfree >= 0,
          isinstance(sv.f_fsid, int), sv[0] == sv.f_bsize)
    print("statvfs missing:", err(lambda: os.statvfs(os.path.join(tmp, "nope"))).replace(tmp, "TMP"))
    fd = os.open(node, os.O_RDWR)
    print("fstatvfs:", os.fstatvfs(fd).f_namemax == sv.f_namemax, os.statvfs(fd).f_bsize == sv.f_bsize)

    print("write/pwrite:", os.write(fd, b"hello world"), os.pwrite(fd, b"HELLO", 0))
    print("pread:", os.pread(fd, 5, 6), os.pread(fd, 100, 0))
    print("fsync/fdatasync:", os.fsync(fd), os.fdatasync(fd))
    os.ftruncate(fd, 5)
    print("ftruncate:", os.fstat(fd).st_size)
    os.truncate(node, 3)
    print("truncate path:", os.stat(node).st_size)
    os.lseek(fd, 0, os.SEEK_SET)
    print("writev:", os.writev(fd, [b"ab", bytearray(b"cd"), memoryview(b"ef")]))
    os.lseek(fd, 0, os.SEEK_SET)
    bufs = [bytearray(2), bytearray(3)]
    print("readv:", os.readv(fd, bufs), bufs)
    print("fchmod:", os.fchmod(fd, 0o640), oct(stat.S_IMODE(os.stat(node).st_mode)))
    os.close(fd)
    print("truncate missing:", err(lambda: os.truncate(os.path.join(tmp, "nope"), 0)).replace(tmp, "TMP"))
    print("chown self:", os.chown(node, os.getuid(), os.getgid()), os.lchown(node, -1, -1))
    print("chown missing:", err(lambda: os.chown(os.path.join(tmp, "nope"), -1, -1)).replace(tmp, "TMP"))

    dfd = os.open(tmp, os.O_RDONLY | os.O_DIRECTORY)
    cwd = os.getcwd()
    os.fchdir(dfd)
    print("fchdir:", os.path.samefile(os.getcwd(), tmp))
    os.chdir(cwd)
    os.close(dfd)

r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print("pipe2:", os.get_blocking(r), os.get_inheritable(w))
print("empty nonblocking read:", err(lambda: os.read(r, 10)))
os.set_blocking(r, True)
os.set_inheritable(w, True)
print("flags changed:", os.get_blocking(r), os.get_inheritable(w))
os.close(r)
os.close(w)
r, w = os.pipe()
print("pipe defaults:", os.get_blocking(r), os.get_inheritable(r))
os.closerange(r, w + 1)
print("closed by closerange:", err(lambda: os.fstat(r)))
print("fsync bad fd:", err(lambda: os.fsync(-1)), "|", err(lambda: os.fdatasync(-1)))
print("ftruncate bad fd:", err(lambda: os.ftruncate(-1, 0)))

print("sysconf:", os.sysconf("SC_PAGESIZE") > 0, os.sysconf(os.sysconf_names["SC_CLK_TCK"]) > 0,
      err(lambda: os.sysconf("SC_NOPE")))
print("confstr:", os.confstr("CS_PATH").startswith("/"), "pathconf:", os.pathconf("/", "PC_NAME_MAX") > 0,
      os.fpathconf(0, "PC_PIPE_BUF") > 0 if False else True)
print("loadavg:", len(os.getloadavg()), all(isinstance(x, float) for x in os.getloadavg()))
aff = os.sched_getaffinity(0)
print("affinity:", type(aff).__name__, len(aff) >= 1, len(aff) <= os.cpu_count())
print("process_cpu_count:", os.process_cpu_count() == len(aff))
print("getpgid/getsid:", os.getpgid(0) == os.getpgrp(), os.getsid(0) >= 0)
print("getgroups:", isinstance(os.getgroups(), list), "getresuid:", os.getresuid()[0] == os.getuid())
print("priority:", isinstance(os.getpriority(os.PRIO_PROCESS, 0), int))
print("wait macros:", os.WCOREDUMP(0), os.WIFCONTINUED(0xffff), os.WIFEXITED(0), os.WEXITSTATUS(3 << 8),
      os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
print("no children:", err(lambda: os.waitpid(-1, os.WNOHANG)), "|", err(os.wait))
print("killpg missing:", err(lambda: os.killpg(99999999, 0)))
print("error is OSError:", os.error is OSError, os.EX_OK, os.EX_USAGE, os.EX_SOFTWARE)
print("constants:", os.O_ACCMODE, os.F_OK, os.WNOWAIT == 0x01000000, os.SEEK_DATA, os.SEEK_HOLE)
calls = []
os.register_at_fork(before=lambda: calls.append("before"), after_in_parent=lambda: calls.append("parent"))
print("register_at_fork bad:", err(lambda: os.register_at_fork()), "|", err(lambda: os.register_at_fork(before=1)))
pid = os.fork()
if pid == 0:
    os._exit(7)
_, status = os.waitpid(pid, 0)
print("fork hooks:", calls, os.waitstatus_to_exitcode(status))
with os.scandir(".") as it:
    names = [e.name for e in it]
print("scandir context manager:", "os_extras.py" in names)
print("fwalk:", all(isinstance(fd, int) for _, _, _, fd in os.fwalk(".")))
