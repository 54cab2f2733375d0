/* The less common parts of the posix module: special files (fifos, device nodes),
 * file-system statistics, ownership, process groups and sessions, scheduling, vectored
 * and positional I/O, and the configuration-name tables (sysconf/confstr/pathconf). */
#include "Python.h"
#include "structseq.h"
#include "posixmodule.h"

#include <fcntl.h>
#include <grp.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sysexits.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <sys/syscall.h>
#include <dlfcn.h>
#include <linux/limits.h>
#include <utmp.h>
#include <unistd.h>

#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWF(f) ((PyCFunction)(void (*)(void))(f))

static PyObject *none_or_errno(int r)
{
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

/* Negative descriptors are refused up front, as CPython's fd converter does. */
static int fd_check(int fd)
{
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
        return -1;
    }
    return 0;
}

static int fildes_converter(PyObject *o, void *out)
{
    int fd = PyObject_AsFileDescriptor(o);
    if (fd < 0)
        return 0;
    *(int *)out = fd;
    return 1;
}

/* ---- special files ------------------------------------------------------------------- */
static PyObject *posix_mkfifo(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    PyObject *pathobj, *dfdobj = Py_None;
    int mode = 0666, dfd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i$O:mkfifo", kwlist, &pathobj, &mode, &dfdobj))
        return NULL;
    if (!dir_fd_convert(dfdobj, &dfd))
        return NULL;
    path_t path = PATH_T_INIT("mkfifo", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mkfifoat(dfd, path.path, (mode_t)mode);
    Py_END_ALLOW_THREADS
    path_cleanup(&path);
    return none_or_errno(r);
}

static PyObject *posix_mknod(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "device", "dir_fd", NULL};
    PyObject *pathobj, *dfdobj = Py_None;
    int mode = 0600, dfd;
    unsigned long long device = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|iK$O:mknod", kwlist, &pathobj, &mode, &device, &dfdobj))
        return NULL;
    if (!dir_fd_convert(dfdobj, &dfd))
        return NULL;
    path_t path = PATH_T_INIT("mknod", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mknodat(dfd, path.path, (mode_t)mode, (dev_t)device);
    Py_END_ALLOW_THREADS
    path_cleanup(&path);
    return none_or_errno(r);
}

static int dev_arg(PyObject *o, unsigned long long *out)
{
    if (!PyLong_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    *out = PyLong_AsUnsignedLongLong(o);
    if (*out == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *posix_major(PyObject *m, PyObject *arg)
{
    unsigned long long d;
    if (dev_arg(arg, &d) < 0)
        return NULL;
    return PyLong_FromUnsignedLong((unsigned long)major((dev_t)d));
}

static PyObject *posix_minor(PyObject *m, PyObject *arg)
{
    unsigned long long d;
    if (dev_arg(arg, &d) < 0)
        return NULL;
    return PyLong_FromUnsignedLong((unsigned long)minor((dev_t)d));
}

static PyObject *posix_makedev(PyObject *m, PyObject *args)
{
    unsigned int maj, min;
    if (!PyArg_ParseTuple(args, "II:makedev", &maj, &min))
        return NULL;
    return PyLong_FromUnsignedLongLong((unsigned long long)makedev(maj, min));
}

/* ---- statvfs --------------------------------------------------------------------------- */
static PyStructSequence_Field statvfs_fields[] = {
    {"f_bsize", NULL}, {"f_frsize", NULL}, {"f_blocks", NULL}, {"f_bfree", NULL},
    {"f_bavail", NULL}, {"f_files", NULL}, {"f_ffree", NULL}, {"f_favail", NULL},
    {"f_flag", NULL}, {"f_namemax", NULL}, {"f_fsid", NULL}, {NULL, NULL},
};
static PyStructSequence_Desc statvfs_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n"
    "See os.statvfs for more information.",
    statvfs_fields, 10,
};
static PyTypeObject StatvfsResultType;

static PyObject *statvfs_to_result(const struct statvfs *st)
{
    PyObject *v = PyStructSequence_New(&StatvfsResultType);
    if (v == NULL)
        return NULL;
    unsigned long long vals[11] = {
        st->f_bsize, st->f_frsize, st->f_blocks, st->f_bfree, st->f_bavail, st->f_files,
        st->f_ffree, st->f_favail, st->f_flag, st->f_namemax, st->f_fsid,
    };
    for (int i = 0; i < 11; i++)
        PyStructSequence_SetItem(v, i, PyLong_FromUnsignedLongLong(vals[i]));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *posix_statvfs(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:statvfs", kwlist, &pathobj))
        return NULL;
    path_t path = PATH_T_INIT("statvfs", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    struct statvfs st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.path ? statvfs(path.path, &st) : fstatvfs(path.fd, &st);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : statvfs_to_result(&st);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_fstatvfs(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:fstatvfs", &fd))
        return NULL;
    struct statvfs st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstatvfs(fd, &st);
    Py_END_ALLOW_THREADS
    if (r != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return statvfs_to_result(&st);
}

/* ---- syncing --------------------------------------------------------------------------- */
static PyObject *posix_sync(PyObject *m, PyObject *Py_UNUSED(a))
{
    Py_BEGIN_ALLOW_THREADS
    sync();
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *posix_fdatasync(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    int fd, r;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&:fdatasync", kwlist, fildes_converter, &fd))
        return NULL;
    if (fd_check(fd) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = fdatasync(fd);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

/* ---- descriptors ------------------------------------------------------------------------- */
static PyObject *posix_pipe2(PyObject *m, PyObject *args)
{
    int flags, fds[2];
    if (!PyArg_ParseTuple(args, "i:pipe2", &flags))
        return NULL;
    if (pipe2(fds, flags) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *posix_openpty(PyObject *m, PyObject *Py_UNUSED(a))
{
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    /* New descriptors are non-inheritable, as everywhere else in the module. */
    fcntl(master, F_SETFD, FD_CLOEXEC);
    fcntl(slave, F_SETFD, FD_CLOEXEC);
    return Py_BuildValue("(ii)", master, slave);
}

static PyObject *posix_closerange(PyObject *m, PyObject *args)
{
    int lo, hi;
    if (!PyArg_ParseTuple(args, "ii:closerange", &lo, &hi))
        return NULL;
    if (lo < 0)
        lo = 0;
    Py_BEGIN_ALLOW_THREADS
    for (int fd = lo; fd < hi; fd++)
        close(fd);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *posix_fchdir(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    return none_or_errno(fchdir(fd));
}

static PyObject *posix_fchmod(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "mode", NULL};
    int fd, mode;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ii:fchmod", kwlist, &fd, &mode))
        return NULL;
    return none_or_errno(fchmod(fd, (mode_t)mode));
}

static PyObject *posix_ttyname(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:ttyname", &fd))
        return NULL;
    char buf[256];
    int r = ttyname_r(fd, buf, sizeof buf);
    if (r != 0) {
        errno = r;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_ctermid(PyObject *m, PyObject *Py_UNUSED(a))
{
    char buf[L_ctermid];
    return PyUnicode_DecodeFSDefault(ctermid(buf));
}

static PyObject *posix_lockf(PyObject *m, PyObject *args)
{
    int fd, cmd;
    long long len;
    if (!PyArg_ParseTuple(args, "iiL:lockf", &fd, &cmd, &len))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = lockf(fd, cmd, (off_t)len);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyObject *posix_pread(PyObject *m, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    long long off;
    if (!PyArg_ParseTuple(args, "inL:pread", &fd, &n, &off))
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL)
        return NULL;
    ssize_t got;
    Py_BEGIN_ALLOW_THREADS
    got = pread(fd, PyBytes_AS_STRING(buf), (size_t)n, (off_t)off);
    Py_END_ALLOW_THREADS
    if (got < 0) {
        Py_DECREF(buf);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (got != n && _PyBytes_Resize(&buf, got) < 0)
        return NULL;
    return buf;
}

static PyObject *posix_pwrite(PyObject *m, PyObject *args)
{
    int fd;
    Py_buffer data;
    long long off;
    if (!PyArg_ParseTuple(args, "iy*L:pwrite", &fd, &data, &off))
        return NULL;
    ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = pwrite(fd, data.buf, (size_t)data.len, (off_t)off);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    if (n < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromSsize_t(n);
}

/* Fills iov from a sequence of buffers; returns the count or -1. */
static Py_ssize_t buffers_to_iov(PyObject *seq, int writable, struct iovec **iov,
                                 Py_buffer **bufs)
{
    PyObject *fast = PySequence_Fast(seq, writable ? "readv() arg 2 must be a sequence"
                                                   : "writev() arg 2 must be a sequence");
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    *iov = PyMem_Calloc((size_t)n + 1, sizeof(struct iovec));
    *bufs = PyMem_Calloc((size_t)n + 1, sizeof(Py_buffer));
    if (*iov == NULL || *bufs == NULL) {
        PyMem_Free(*iov);
        PyMem_Free(*bufs);
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(fast, i), &(*bufs)[i],
                               writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
            for (Py_ssize_t j = 0; j < i; j++)
                PyBuffer_Release(&(*bufs)[j]);
            PyMem_Free(*iov);
            PyMem_Free(*bufs);
            Py_DECREF(fast);
            return -1;
        }
        (*iov)[i].iov_base = (*bufs)[i].buf;
        (*iov)[i].iov_len = (size_t)(*bufs)[i].len;
    }
    Py_DECREF(fast);
    return n;
}

static PyObject *vector_io(PyObject *args, int reading)
{
    int fd;
    PyObject *seq;
    if (!PyArg_ParseTuple(args, reading ? "iO:readv" : "iO:writev", &fd, &seq))
        return NULL;
    struct iovec *iov;
    Py_buffer *bufs;
    Py_ssize_t n = buffers_to_iov(seq, reading, &iov, &bufs);
    if (n < 0)
        return NULL;
    ssize_t r;
    Py_BEGIN_ALLOW_THREADS
    r = reading ? readv(fd, iov, (int)n) : writev(fd, iov, (int)n);
    Py_END_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++)
        PyBuffer_Release(&bufs[i]);
    PyMem_Free(iov);
    PyMem_Free(bufs);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromSsize_t(r);
}

static PyObject *posix_readv(PyObject *m, PyObject *args) { return vector_io(args, 1); }
static PyObject *posix_writev(PyObject *m, PyObject *args) { return vector_io(args, 0); }

static PyObject *posix_sendfile(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"out_fd", "in_fd", "offset", "count", NULL};
    int out_fd, in_fd;
    PyObject *offobj;
    Py_ssize_t count;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iiOn:sendfile", kwlist, &out_fd, &in_fd, &offobj, &count))
        return NULL;
    ssize_t r;
    if (offobj == Py_None) {
        Py_BEGIN_ALLOW_THREADS
        r = sendfile(out_fd, in_fd, NULL, (size_t)count);
        Py_END_ALLOW_THREADS
    }
    else {
        long long o = PyLong_AsLongLong(offobj);
        if (o == -1 && PyErr_Occurred())
            return NULL;
        off_t off = (off_t)o;
        Py_BEGIN_ALLOW_THREADS
        r = sendfile(out_fd, in_fd, &off, (size_t)count);
        Py_END_ALLOW_THREADS
    }
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromSsize_t(r);
}

static PyObject *posix_copy_file_range(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"src", "dst", "count", "offset_src", "offset_dst", NULL};
    int src, dst;
    Py_ssize_t count;
    PyObject *os_o = Py_None, *od_o = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iin|OO:copy_file_range", kwlist, &src, &dst,
                                     &count, &os_o, &od_o))
        return NULL;
    off_t os_v = 0, od_v = 0;
    if (os_o != Py_None) {
        os_v = (off_t)PyLong_AsLongLong(os_o);
        if (os_v == -1 && PyErr_Occurred())
            return NULL;
    }
    if (od_o != Py_None) {
        od_v = (off_t)PyLong_AsLongLong(od_o);
        if (od_v == -1 && PyErr_Occurred())
            return NULL;
    }
    ssize_t r;
    Py_BEGIN_ALLOW_THREADS
    r = copy_file_range(src, os_o == Py_None ? NULL : &os_v, dst, od_o == Py_None ? NULL : &od_v,
                        (size_t)count, 0);
    Py_END_ALLOW_THREADS
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromSsize_t(r);
}

static PyObject *posix_posix_fallocate(PyObject *m, PyObject *args)
{
    int fd;
    long long off, len;
    if (!PyArg_ParseTuple(args, "iLL:posix_fallocate", &fd, &off, &len))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = posix_fallocate(fd, (off_t)off, (off_t)len);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        errno = r;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_posix_fadvise(PyObject *m, PyObject *args)
{
    int fd, advice;
    long long off, len;
    if (!PyArg_ParseTuple(args, "iLLi:posix_fadvise", &fd, &off, &len, &advice))
        return NULL;
    int r = posix_fadvise(fd, (off_t)off, (off_t)len, advice);
    if (r != 0) {
        errno = r;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* ---- ownership --------------------------------------------------------------------------- */
static int id_arg(PyObject *o, long *out)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

static PyObject *do_chown(PyObject *args, PyObject *kwds, const char *fname, int follow_default)
{
    static char *kwlist[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    PyObject *pathobj, *uo, *go, *dfdobj = Py_None;
    int follow = follow_default, dfd;
    char fmt[40];
    snprintf(fmt, sizeof fmt, "OOO|$Op:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &pathobj, &uo, &go, &dfdobj, &follow))
        return NULL;
    long uid, gid;
    if (id_arg(uo, &uid) < 0 || id_arg(go, &gid) < 0 || !dir_fd_convert(dfdobj, &dfd))
        return NULL;
    path_t path = PATH_T_INIT(fname, "path", 0, follow_default);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL)
        r = fchown(path.fd, (uid_t)uid, (gid_t)gid);
    else
        r = fchownat(dfd, path.path, (uid_t)uid, (gid_t)gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_chown(PyObject *m, PyObject *args, PyObject *kwds) { return do_chown(args, kwds, "chown", 1); }
static PyObject *posix_lchown(PyObject *m, PyObject *args, PyObject *kwds) { return do_chown(args, kwds, "lchown", 0); }

static PyObject *posix_fchown(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "uid", "gid", NULL};
    int fd;
    long uid, gid;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ill:fchown", kwlist, &fd, &uid, &gid))
        return NULL;
    return none_or_errno(fchown(fd, (uid_t)uid, (gid_t)gid));
}

static PyObject *posix_chroot(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:chroot", kwlist, &pathobj))
        return NULL;
    path_t path = PATH_T_INIT("chroot", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    PyObject *res = chroot(path.path) != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* ---- users and groups -------------------------------------------------------------------- */
static PyObject *posix_getgroups(PyObject *m, PyObject *Py_UNUSED(a))
{
    int n = getgroups(0, NULL);
    if (n < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    gid_t *g = PyMem_Calloc((size_t)n + 1, sizeof(gid_t));
    if (g == NULL)
        return PyErr_NoMemory();
    n = getgroups(n, g);
    PyObject *list = n < 0 ? PyErr_SetFromErrno(PyExc_OSError) : PyList_New(n);
    for (int i = 0; list != NULL && i < n; i++) {
        PyObject *v = PyLong_FromLong((long)g[i]);
        if (v == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, v);
    }
    PyMem_Free(g);
    return list;
}

static PyObject *posix_getlogin(PyObject *m, PyObject *Py_UNUSED(a))
{
    errno = 0;
    char *name = getlogin();
    if (name == NULL) {
        if (errno)
            return PyErr_SetFromErrno(PyExc_OSError);
        PyErr_SetString(PyExc_OSError, "unable to determine login name");
        return NULL;
    }
    return PyUnicode_DecodeFSDefault(name);
}

#define ID_SETTER(pyname, call)                                          \
    static PyObject *posix_##pyname(PyObject *m, PyObject *args)        \
    {                                                                    \
        long id;                                                         \
        if (!PyArg_ParseTuple(args, "l:" #pyname, &id))                  \
            return NULL;                                                 \
        return none_or_errno(call);                                      \
    }
ID_SETTER(setuid, setuid((uid_t)id))
ID_SETTER(setgid, setgid((gid_t)id))
ID_SETTER(seteuid, seteuid((uid_t)id))
ID_SETTER(setegid, setegid((gid_t)id))

#define ID_SETTER2(pyname, call)                                          \
    static PyObject *posix_##pyname(PyObject *m, PyObject *args)        \
    {                                                                    \
        long a, b;                                                       \
        if (!PyArg_ParseTuple(args, "ll:" #pyname, &a, &b))              \
            return NULL;                                                 \
        return none_or_errno(call);                                      \
    }
ID_SETTER2(setreuid, setreuid((uid_t)a, (uid_t)b))
ID_SETTER2(setregid, setregid((gid_t)a, (gid_t)b))

static PyObject *posix_getresuid(PyObject *m, PyObject *Py_UNUSED(a))
{
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return Py_BuildValue("(lll)", (long)r, (long)e, (long)s);
}

static PyObject *posix_getresgid(PyObject *m, PyObject *Py_UNUSED(a))
{
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return Py_BuildValue("(lll)", (long)r, (long)e, (long)s);
}

/* ---- process groups, sessions, priorities -------------------------------------------------- */
static PyObject *posix_getpgid(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:getpgid", &pid))
        return NULL;
    pid_t r = getpgid((pid_t)pid);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong((long)r);
}

static PyObject *posix_setpgid(PyObject *m, PyObject *args)
{
    long pid, pgrp;
    if (!PyArg_ParseTuple(args, "ll:setpgid", &pid, &pgrp))
        return NULL;
    return none_or_errno(setpgid((pid_t)pid, (pid_t)pgrp));
}

static PyObject *posix_setpgrp(PyObject *m, PyObject *Py_UNUSED(a)) { return none_or_errno(setpgid(0, 0)); }

static PyObject *posix_getsid(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:getsid", &pid))
        return NULL;
    pid_t r = getsid((pid_t)pid);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong((long)r);
}

static PyObject *posix_setsid(PyObject *m, PyObject *Py_UNUSED(a))
{
    return setsid() < 0 ? PyErr_SetFromErrno(PyExc_OSError) : Py_NewRef(Py_None);
}

static PyObject *posix_killpg(PyObject *m, PyObject *args)
{
    long pgid;
    int sig;
    if (!PyArg_ParseTuple(args, "li:killpg", &pgid, &sig))
        return NULL;
    if (killpg((pid_t)pgid, sig) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    if (PyErr_CheckSignals() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *posix_nice(PyObject *m, PyObject *args)
{
    int inc;
    if (!PyArg_ParseTuple(args, "i:nice", &inc))
        return NULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_getpriority(PyObject *m, PyObject *args)
{
    int which, who;
    if (!PyArg_ParseTuple(args, "ii:getpriority", &which, &who))
        return NULL;
    errno = 0;
    int r = getpriority(which, (id_t)who);
    if (r == -1 && errno != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_setpriority(PyObject *m, PyObject *args)
{
    int which, who, prio;
    if (!PyArg_ParseTuple(args, "iii:setpriority", &which, &who, &prio))
        return NULL;
    return none_or_errno(setpriority(which, (id_t)who, prio));
}

static PyObject *posix_getloadavg(PyObject *m, PyObject *Py_UNUSED(a))
{
    double l[3];
    if (getloadavg(l, 3) != 3) {
        PyErr_SetString(PyExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    return Py_BuildValue("(ddd)", l[0], l[1], l[2]);
}

static PyObject *posix_sched_yield(PyObject *m, PyObject *Py_UNUSED(a))
{
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = sched_yield();
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

static PyObject *posix_sched_getaffinity(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:sched_getaffinity", &pid))
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    PyObject *res = PySet_New(NULL);
    for (int cpu = 0; res != NULL && cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &set))
            continue;
        PyObject *v = PyLong_FromLong(cpu);
        if (v == NULL || PySet_Add(res, v) < 0)
            Py_CLEAR(res);
        Py_XDECREF(v);
    }
    return res;
}

static PyObject *posix_sched_setaffinity(PyObject *m, PyObject *args)
{
    long pid;
    PyObject *cpus;
    if (!PyArg_ParseTuple(args, "lO:sched_setaffinity", &pid, &cpus))
        return NULL;
    PyObject *it = PyObject_GetIter(cpus);
    if (it == NULL)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        long cpu = PyLong_AsLong(item);
        Py_DECREF(item);
        if (cpu == -1 && PyErr_Occurred())
            break;
        if (cpu < 0) {
            PyErr_SetString(PyExc_ValueError, "negative CPU number");
            break;
        }
        if (cpu >= CPU_SETSIZE) {
            PyErr_SetString(PyExc_ValueError, "CPU number too large");
            break;
        }
        CPU_SET((int)cpu, &set);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return none_or_errno(sched_setaffinity((pid_t)pid, sizeof set, &set));
}

static PyObject *priority_bound(PyObject *args, PyObject *kwds, int max)
{
    static char *kwlist[] = {"policy", NULL};
    int policy;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, max ? "i:sched_get_priority_max" : "i:sched_get_priority_min",
                                     kwlist, &policy))
        return NULL;
    int r = max ? sched_get_priority_max(policy) : sched_get_priority_min(policy);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_sched_get_priority_max(PyObject *m, PyObject *a, PyObject *k) { return priority_bound(a, k, 1); }
static PyObject *posix_sched_get_priority_min(PyObject *m, PyObject *a, PyObject *k) { return priority_bound(a, k, 0); }

static PyObject *posix_sched_getscheduler(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:sched_getscheduler", &pid))
        return NULL;
    int r = sched_getscheduler((pid_t)pid);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

/* ---- waiting ----------------------------------------------------------------------------- */
static PyObject *posix_wait(PyObject *m, PyObject *Py_UNUSED(a))
{
    int status = 0;
    pid_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = wait(&status);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return Py_BuildValue("(li)", (long)r, status);
}

static PyObject *rusage_object(const struct rusage *ru)
{
    /* resource.struct_rusage when the resource module exists, else a plain tuple. */
    PyObject *mod = PyImport_ImportModule("resource");
    PyObject *tup = Py_BuildValue("(ddllllllllllllll)",
        ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6,
        ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6,
        ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss, ru->ru_minflt, ru->ru_majflt,
        ru->ru_nswap, ru->ru_inblock, ru->ru_oublock, ru->ru_msgsnd, ru->ru_msgrcv,
        ru->ru_nsignals, ru->ru_nvcsw, ru->ru_nivcsw);
    if (mod == NULL) {
        PyErr_Clear();
        return tup;
    }
    PyObject *cls = PyObject_GetAttrString(mod, "struct_rusage");
    Py_DECREF(mod);
    if (cls == NULL || tup == NULL) {
        PyErr_Clear();
        Py_XDECREF(cls);
        return tup;
    }
    PyObject *res = PyObject_CallOneArg(cls, tup);
    Py_DECREF(cls);
    Py_DECREF(tup);
    return res;
}

static PyObject *wait_with_rusage(pid_t pid, int options, int use_wait4)
{
    int status = 0;
    struct rusage ru;
    pid_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = use_wait4 ? wait4(pid, &status, options, &ru) : wait3(&status, options, &ru);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (r == 0)
        memset(&ru, 0, sizeof ru);
    PyObject *ro = rusage_object(&ru);
    if (ro == NULL)
        return NULL;
    return Py_BuildValue("(liN)", (long)r, status, ro);
}

static PyObject *posix_wait3(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"options", NULL};
    int options;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:wait3", kwlist, &options))
        return NULL;
    return wait_with_rusage(-1, options, 0);
}

static PyObject *posix_wait4(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"pid", "options", NULL};
    long pid;
    int options;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "li:wait4", kwlist, &pid, &options))
        return NULL;
    return wait_with_rusage((pid_t)pid, options, 1);
}

static PyObject *posix_abort(PyObject *m, PyObject *Py_UNUSED(a))
{
    abort();
}

/* ---- configuration names ------------------------------------------------------------------- */
typedef struct {
    const char *name;
    int value;
} conf_name;

static const conf_name sysconf_table[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX}, {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK}, {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX}, {"SC_PAGESIZE", _SC_PAGESIZE}, {"SC_PAGE_SIZE", _SC_PAGESIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF}, {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES}, {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
    {"SC_LINE_MAX", _SC_LINE_MAX}, {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
    {"SC_IOV_MAX", _SC_IOV_MAX}, {"SC_VERSION", _SC_VERSION}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX}, {"SC_JOB_CONTROL", _SC_JOB_CONTROL},
    {"SC_SAVED_IDS", _SC_SAVED_IDS}, {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX},
    {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX}, {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
    {"SC_RTSIG_MAX", _SC_RTSIG_MAX}, {"SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX},
    {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN}, {"SC_THREADS", _SC_THREADS},
    {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
    {NULL, 0},
};

static const conf_name confstr_table[] = {
    {"CS_PATH", _CS_PATH}, {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION}, {NULL, 0},
};

static const conf_name pathconf_table[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON},
    {"PC_MAX_INPUT", _PC_MAX_INPUT}, {"PC_NAME_MAX", _PC_NAME_MAX},
    {"PC_PATH_MAX", _PC_PATH_MAX}, {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_NO_TRUNC", _PC_NO_TRUNC},
    {"PC_VDISABLE", _PC_VDISABLE}, {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
    {NULL, 0},
};

static int conf_lookup(PyObject *o, const conf_name *table, int *out)
{
    if (PyLong_Check(o)) {
        int v = PyLong_AsInt(o);
        if (v == -1 && PyErr_Occurred())
            return -1;
        *out = v;
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    const char *s = PyUnicode_AsUTF8(o);
    if (s == NULL)
        return -1;
    for (const conf_name *c = table; c->name; c++) {
        if (strcmp(c->name, s) == 0) {
            *out = c->value;
            return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError, "unrecognized configuration name");
    return -1;
}

static PyObject *conf_dict(const conf_name *table)
{
    PyObject *d = PyDict_New();
    for (const conf_name *c = table; d != NULL && c->name; c++) {
        PyObject *v = PyLong_FromLong(c->value);
        if (v == NULL || PyDict_SetItemString(d, c->name, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

static PyObject *posix_sysconf(PyObject *m, PyObject *arg)
{
    int name;
    if (conf_lookup(arg, sysconf_table, &name) < 0)
        return NULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_confstr(PyObject *m, PyObject *arg)
{
    int name;
    if (conf_lookup(arg, confstr_table, &name) < 0)
        return NULL;
    char buf[1024];
    errno = 0;
    size_t n = confstr(name, buf, sizeof buf);
    if (n == 0) {
        if (errno)
            return PyErr_SetFromErrno(PyExc_OSError);
        Py_RETURN_NONE;
    }
    if (n > sizeof buf) {
        char *big = PyMem_Malloc(n);
        if (big == NULL)
            return PyErr_NoMemory();
        confstr(name, big, n);
        PyObject *r = PyUnicode_DecodeFSDefaultAndSize(big, (Py_ssize_t)n - 1);
        PyMem_Free(big);
        return r;
    }
    return PyUnicode_DecodeFSDefaultAndSize(buf, (Py_ssize_t)n - 1);
}

static PyObject *posix_fpathconf(PyObject *m, PyObject *args)
{
    PyObject *fdo, *nameo;
    if (!PyArg_ParseTuple(args, "OO:fpathconf", &fdo, &nameo))
        return NULL;
    int name;
    if (conf_lookup(nameo, pathconf_table, &name) < 0)
        return NULL;
    int fd = PyObject_AsFileDescriptor(fdo);
    if (fd < 0)
        return NULL;
    errno = 0;
    long r = fpathconf(fd, name);
    if (r == -1 && errno != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_pathconf(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "name", NULL};
    PyObject *pathobj, *nameo;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:pathconf", kwlist, &pathobj, &nameo))
        return NULL;
    int name;
    if (conf_lookup(nameo, pathconf_table, &name) < 0)
        return NULL;
    path_t path = PATH_T_INIT("pathconf", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    errno = 0;
    long r = path.path ? pathconf(path.path, name) : fpathconf(path.fd, name);
    PyObject *res = (r == -1 && errno != 0) ? posix_error_path(&path) : PyLong_FromLong(r);
    path_cleanup(&path);
    return res;
}

/* ---- wait-status macros that posixmodule.c lacks --------------------------------------------- */
static PyObject *posix_WCOREDUMP(PyObject *m, PyObject *arg)
{
    int status = PyLong_AsInt(arg);
    if (status == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(WCOREDUMP(status));
}

static PyObject *posix_WIFCONTINUED(PyObject *m, PyObject *arg)
{
    int status = PyLong_AsInt(arg);
    if (status == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(WIFCONTINUED(status));
}

/* ---- fork hooks: register_at_fork keeps its lists on the module (module state) ----------- */
static PyObject *posix_register_at_fork(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"before", "after_in_child", "after_in_parent", NULL};
    PyObject *cb[3] = {NULL, NULL, NULL};
    static const char *const attrs[3] = {"_at_fork_before", "_at_fork_child", "_at_fork_parent"};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOO:register_at_fork", kwlist, &cb[0], &cb[1], &cb[2]))
        return NULL;
    if (!cb[0] && !cb[1] && !cb[2]) {
        PyErr_SetString(PyExc_TypeError, "At least one argument is required.");
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        if (cb[i] && !PyCallable_Check(cb[i])) {
            static const char *const names[3] = {"before", "after_in_child", "after_in_parent"};
            PyErr_Format(PyExc_TypeError, "'%s' must be callable, not %s", names[i],
                         Py_TYPE(cb[i])->tp_name);
            return NULL;
        }
    }
    for (int i = 0; i < 3; i++) {
        if (!cb[i])
            continue;
        PyObject *list = PyObject_GetAttrString(m, attrs[i]);
        if (list == NULL)
            return NULL;
        int r = PyList_Append(list, cb[i]);
        Py_DECREF(list);
        if (r < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- random bytes, memory files, event descriptors ------------------------------------ */
static PyObject *posix_getrandom(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"size", "flags", NULL};
    Py_ssize_t size;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "n|i:getrandom", kwlist, &size, &flags))
        return NULL;
    if (size < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, size);
    if (b == NULL)
        return NULL;
    ssize_t n;
    for (;;) {
        n = getrandom(PyBytes_AS_STRING(b), (size_t)size, (unsigned int)flags);
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            Py_DECREF(b);
            return NULL;
        }
    }
    if (n < 0) {
        Py_DECREF(b);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (n != size && _PyBytes_Resize(&b, n) < 0)
        return NULL;
    return b;
}

static PyObject *posix_memfd_create(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "flags", NULL};
    PyObject *nameobj;
    unsigned int flags = MFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|I:memfd_create", kwlist, &nameobj, &flags))
        return NULL;
    path_t name = PATH_T_INIT("memfd_create", "name", 0, 0);
    if (!path_convert(nameobj, &name))
        return NULL;
    int fd = memfd_create(name.path, flags);
    path_cleanup(&name);
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(fd);
}

static PyObject *posix_eventfd(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"initval", "flags", NULL};
    unsigned int initval;
    int flags = EFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "I|i:eventfd", kwlist, &initval, &flags))
        return NULL;
    int fd = eventfd(initval, flags);
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(fd);
}

static PyObject *posix_eventfd_read(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&:eventfd_read", kwlist, fildes_converter, &fd))
        return NULL;
    eventfd_t v;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = eventfd_read(fd, &v);
    Py_END_ALLOW_THREADS
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromUnsignedLongLong((unsigned long long)v);
}

static PyObject *posix_eventfd_write(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "value", NULL};
    int fd;
    unsigned long long v;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&K:eventfd_write", kwlist, fildes_converter, &fd, &v))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = eventfd_write(fd, (eventfd_t)v);
    Py_END_ALLOW_THREADS
    return none_or_errno(r);
}

/* ---- pseudo-terminals ------------------------------------------------------------------- */
static PyObject *posix_posix_openpt(PyObject *m, PyObject *args)
{
    int oflag;
    if (!PyArg_ParseTuple(args, "i:posix_openpt", &oflag))
        return NULL;
    int fd = posix_openpt(oflag | O_CLOEXEC);
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(fd);
}

static PyObject *posix_grantpt(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    return none_or_errno(grantpt(fd));
}

static PyObject *posix_unlockpt(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    return none_or_errno(unlockpt(fd));
}

static PyObject *posix_ptsname(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    char buf[128];
    int r = ptsname_r(fd, buf, sizeof buf);
    if (r != 0) {
        errno = r;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_login_tty(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    return none_or_errno(login_tty(fd));
}

/* ---- groups ---------------------------------------------------------------------------- */
static PyObject *posix_setgroups(PyObject *m, PyObject *arg)
{
    PyObject *fast = PySequence_Fast(arg, "setgroups argument must be a sequence");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    gid_t *g = PyMem_Calloc((size_t)n + 1, sizeof(gid_t));
    if (g == NULL) {
        Py_DECREF(fast);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PySequence_Fast_GET_ITEM(fast, i));
        if (v == -1 && PyErr_Occurred()) {
            PyMem_Free(g);
            Py_DECREF(fast);
            return NULL;
        }
        g[i] = (gid_t)v;
    }
    Py_DECREF(fast);
    int r = setgroups((size_t)n, g);
    PyMem_Free(g);
    return none_or_errno(r);
}

static PyObject *posix_initgroups(PyObject *m, PyObject *args)
{
    PyObject *userobj;
    long gid;
    if (!PyArg_ParseTuple(args, "Ol:initgroups", &userobj, &gid))
        return NULL;
    path_t user = PATH_T_INIT("initgroups", "username", 0, 0);
    if (!path_convert(userobj, &user))
        return NULL;
    int r = initgroups(user.path, (gid_t)gid);
    path_cleanup(&user);
    return none_or_errno(r);
}

static PyObject *posix_getgrouplist(PyObject *m, PyObject *args)
{
    const char *user;
    long basegid;
    if (!PyArg_ParseTuple(args, "sl:getgrouplist", &user, &basegid))
        return NULL;
    int n = 64;
    gid_t *g = NULL;
    for (;;) {
        gid_t *ng = PyMem_Realloc(g, (size_t)n * sizeof(gid_t));
        if (ng == NULL) {
            PyMem_Free(g);
            return PyErr_NoMemory();
        }
        g = ng;
        int count = n;
        if (getgrouplist(user, (gid_t)basegid, g, &count) >= 0) {
            n = count;
            break;
        }
        if (n > 65536) {
            PyMem_Free(g);
            errno = EINVAL;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        n = count > n ? count : n * 2;
    }
    PyObject *list = PyList_New(n);
    for (int i = 0; list != NULL && i < n; i++) {
        PyObject *v = PyLong_FromLong((long)g[i]);
        if (v == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, v);
    }
    PyMem_Free(g);
    return list;
}

/* ---- waitid ----------------------------------------------------------------------------- */
static PyStructSequence_Field waitid_fields[] = {
    {"si_pid", NULL}, {"si_uid", NULL}, {"si_signo", NULL}, {"si_status", NULL},
    {"si_code", NULL}, {NULL, NULL},
};
static PyStructSequence_Desc waitid_desc = {
    "posix.waitid_result",
    "waitid_result: Result from waitid.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (si_pid, si_uid, si_signo, si_status, si_code),\n"
    "or via the attributes si_pid, si_uid, and so on.\n\n"
    "See os.waitid for more information.",
    waitid_fields, 5,
};
static PyTypeObject WaitidResultType;

static PyObject *posix_waitid(PyObject *m, PyObject *args)
{
    int idtype, options;
    long id;
    if (!PyArg_ParseTuple(args, "ili:waitid", &idtype, &id, &options))
        return NULL;
    siginfo_t si;
    si.si_pid = 0;
    int r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = waitid((idtype_t)idtype, (id_t)id, &si, options);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (si.si_pid == 0)
        Py_RETURN_NONE;
    PyObject *v = PyStructSequence_New(&WaitidResultType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong((long)si.si_pid));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong((long)si.si_uid));
    PyStructSequence_SetItem(v, 2, PyLong_FromLong((long)si.si_signo));
    PyStructSequence_SetItem(v, 3, PyLong_FromLong((long)si.si_status));
    PyStructSequence_SetItem(v, 4, PyLong_FromLong((long)si.si_code));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *posix_pidfd_open(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"pid", "flags", NULL};
    long pid;
    unsigned int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "l|I:pidfd_open", kwlist, &pid, &flags))
        return NULL;
#if defined(SYS_pidfd_open)
    long fd = syscall(SYS_pidfd_open, (pid_t)pid, flags);
#else
    long fd = -1;
    errno = ENOSYS;
#endif
    if (fd < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(fd);
}

/* ---- extended attributes ------------------------------------------------------------------ */
static PyObject *posix_getxattr(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "attribute", "follow_symlinks", NULL};
    PyObject *pathobj, *attrobj;
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$p:getxattr", kwlist, &pathobj, &attrobj, &follow))
        return NULL;
    path_t path = PATH_T_INIT("getxattr", "path", 0, 1), attr = PATH_T_INIT("getxattr", "attribute", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    if (!path_convert(attrobj, &attr)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *res = NULL;
    for (size_t cap = 128;; cap *= 4) {
        PyObject *buf = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)cap);
        if (buf == NULL)
            break;
        ssize_t n;
        if (path.path == NULL)
            n = fgetxattr(path.fd, attr.path, PyBytes_AS_STRING(buf), cap);
        else if (follow)
            n = getxattr(path.path, attr.path, PyBytes_AS_STRING(buf), cap);
        else
            n = lgetxattr(path.path, attr.path, PyBytes_AS_STRING(buf), cap);
        if (n >= 0) {
            if (_PyBytes_Resize(&buf, n) == 0)
                res = buf;
            break;
        }
        Py_DECREF(buf);
        if (errno != ERANGE || cap > (1u << 24)) {
            posix_error_path(&path);
            break;
        }
    }
    path_cleanup(&path);
    path_cleanup(&attr);
    return res;
}

static PyObject *posix_setxattr(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "attribute", "value", "flags", "follow_symlinks", NULL};
    PyObject *pathobj, *attrobj;
    Py_buffer value;
    int flags = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOy*|i$p:setxattr", kwlist, &pathobj, &attrobj,
                                     &value, &flags, &follow))
        return NULL;
    path_t path = PATH_T_INIT("setxattr", "path", 0, 1), attr = PATH_T_INIT("setxattr", "attribute", 0, 0);
    PyObject *res = NULL;
    if (path_convert(pathobj, &path)) {
        if (path_convert(attrobj, &attr)) {
            int r;
            if (path.path == NULL)
                r = fsetxattr(path.fd, attr.path, value.buf, (size_t)value.len, flags);
            else if (follow)
                r = setxattr(path.path, attr.path, value.buf, (size_t)value.len, flags);
            else
                r = lsetxattr(path.path, attr.path, value.buf, (size_t)value.len, flags);
            res = r < 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
            path_cleanup(&attr);
        }
        path_cleanup(&path);
    }
    PyBuffer_Release(&value);
    return res;
}

static PyObject *posix_removexattr(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "attribute", "follow_symlinks", NULL};
    PyObject *pathobj, *attrobj;
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$p:removexattr", kwlist, &pathobj, &attrobj, &follow))
        return NULL;
    path_t path = PATH_T_INIT("removexattr", "path", 0, 1), attr = PATH_T_INIT("removexattr", "attribute", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    if (!path_convert(attrobj, &attr)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = path.path == NULL ? fremovexattr(path.fd, attr.path)
            : follow ? removexattr(path.path, attr.path) : lremovexattr(path.path, attr.path);
    PyObject *res = r < 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    path_cleanup(&attr);
    return res;
}

static PyObject *posix_listxattr(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "follow_symlinks", NULL};
    PyObject *pathobj = Py_None;
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O$p:listxattr", kwlist, &pathobj, &follow))
        return NULL;
    path_t path = PATH_T_INIT("listxattr", "path", 1, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    const char *name = path.path ? path.path : (path.fd >= 0 ? NULL : ".");
    PyObject *res = NULL;
    for (size_t cap = 256;; cap *= 4) {
        char *buf = PyMem_Malloc(cap);
        if (buf == NULL) {
            PyErr_NoMemory();
            break;
        }
        ssize_t n = name == NULL ? flistxattr(path.fd, buf, cap)
                    : follow ? listxattr(name, buf, cap) : llistxattr(name, buf, cap);
        if (n >= 0) {
            res = PyList_New(0);
            for (ssize_t i = 0; res != NULL && i < n;) {
                size_t len = strlen(buf + i);
                PyObject *s = PyUnicode_DecodeFSDefaultAndSize(buf + i, (Py_ssize_t)len);
                if (s == NULL || PyList_Append(res, s) < 0)
                    Py_CLEAR(res);
                Py_XDECREF(s);
                i += (ssize_t)len + 1;
            }
            PyMem_Free(buf);
            break;
        }
        PyMem_Free(buf);
        if (errno != ERANGE || cap > (1u << 24)) {
            posix_error_path(&path);
            break;
        }
    }
    path_cleanup(&path);
    return res;
}

PyMethodDef _KrPosix_ext_methods[] = {
    {"mkfifo", KWF(posix_mkfifo), KW, "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", KWF(posix_mknod), KW, "Create a node in the file system."},
    {"major", posix_major, METH_O, "Extracts a device major number from a raw device number."},
    {"minor", posix_minor, METH_O, "Extracts a device minor number from a raw device number."},
    {"makedev", posix_makedev, METH_VARARGS, "Composes a raw device number from the major and minor device numbers."},
    {"statvfs", KWF(posix_statvfs), KW, "Perform a statvfs system call on the given path."},
    {"fstatvfs", posix_fstatvfs, METH_VARARGS, "Perform an fstatvfs system call on the given fd."},
    {"sync", posix_sync, METH_NOARGS, "Force write of everything to disk."},
    {"fdatasync", KWF(posix_fdatasync), KW, "Force write of fd to disk without forcing update of metadata."},
    {"pipe2", posix_pipe2, METH_VARARGS, "Create a pipe with flags set atomically."},
    {"openpty", posix_openpty, METH_NOARGS, "Open a pseudo-terminal."},
    {"closerange", posix_closerange, METH_VARARGS, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"fchdir", posix_fchdir, METH_O, "Change to the directory of the given file descriptor."},
    {"fchmod", KWF(posix_fchmod), KW, "Change the access permissions of the file given by file descriptor fd."},
    {"ttyname", posix_ttyname, METH_VARARGS, "Return the name of the terminal device connected to 'fd'."},
    {"ctermid", posix_ctermid, METH_NOARGS, "Return the name of the controlling terminal for this process."},
    {"lockf", posix_lockf, METH_VARARGS, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"pread", posix_pread, METH_VARARGS, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", posix_pwrite, METH_VARARGS, "Write bytes to a file descriptor starting at a particular offset."},
    {"readv", posix_readv, METH_VARARGS, "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", posix_writev, METH_VARARGS, "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"sendfile", KWF(posix_sendfile), KW, "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", KWF(posix_copy_file_range), KW, "Copy count bytes from one file descriptor to another."},
    {"posix_fallocate", posix_posix_fallocate, METH_VARARGS, "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", posix_posix_fadvise, METH_VARARGS, "Announce an intention to access data in a specific pattern."},
    {"chown", KWF(posix_chown), KW, "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", KWF(posix_lchown), KW, "Change the owner and group id of path to the numeric uid and gid, without following symlinks."},
    {"fchown", KWF(posix_fchown), KW, "Change the owner and group id of the file specified by file descriptor."},
    {"chroot", KWF(posix_chroot), KW, "Change root directory to path."},
    {"getgroups", posix_getgroups, METH_NOARGS, "Return list of supplemental group IDs for the process."},
    {"getlogin", posix_getlogin, METH_NOARGS, "Return the actual login name."},
    {"setuid", posix_setuid, METH_VARARGS, "Set the current process's user id."},
    {"setgid", posix_setgid, METH_VARARGS, "Set the current process's group id."},
    {"seteuid", posix_seteuid, METH_VARARGS, "Set the current process's effective user id."},
    {"setegid", posix_setegid, METH_VARARGS, "Set the current process's effective group id."},
    {"setreuid", posix_setreuid, METH_VARARGS, "Set the current process's real and effective user ids."},
    {"setregid", posix_setregid, METH_VARARGS, "Set the current process's real and effective group ids."},
    {"getresuid", posix_getresuid, METH_NOARGS, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", posix_getresgid, METH_NOARGS, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"getpgid", posix_getpgid, METH_VARARGS, "Call the system call getpgid(), and return the result."},
    {"setpgid", posix_setpgid, METH_VARARGS, "Call the system call setpgid(pid, pgrp)."},
    {"setpgrp", posix_setpgrp, METH_NOARGS, "Make the current process the leader of its process group."},
    {"getsid", posix_getsid, METH_VARARGS, "Call the system call getsid(pid) and return the result."},
    {"setsid", posix_setsid, METH_NOARGS, "Call the system call setsid()."},
    {"killpg", posix_killpg, METH_VARARGS, "Kill a process group with a signal."},
    {"nice", posix_nice, METH_VARARGS, "Add increment to the priority of process and return the new priority."},
    {"getpriority", posix_getpriority, METH_VARARGS, "Return program scheduling priority."},
    {"setpriority", posix_setpriority, METH_VARARGS, "Set program scheduling priority."},
    {"getloadavg", posix_getloadavg, METH_NOARGS, "Return average recent system load information."},
    {"sched_yield", posix_sched_yield, METH_NOARGS, "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", posix_sched_getaffinity, METH_VARARGS, "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_setaffinity", posix_sched_setaffinity, METH_VARARGS, "Set the CPU affinity of the process identified by pid to mask."},
    {"sched_get_priority_max", KWF(posix_sched_get_priority_max), KW, "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", KWF(posix_sched_get_priority_min), KW, "Get the minimum scheduling priority for policy."},
    {"sched_getscheduler", posix_sched_getscheduler, METH_VARARGS, "Get the scheduling policy for the process identified by pid."},
    {"wait", posix_wait, METH_NOARGS, "Wait for completion of a child process."},
    {"wait3", KWF(posix_wait3), KW, "Wait for completion of a child process."},
    {"wait4", KWF(posix_wait4), KW, "Wait for completion of a specific child process."},
    {"abort", posix_abort, METH_NOARGS, "Abort the interpreter immediately."},
    {"sysconf", posix_sysconf, METH_O, "Return an integer-valued system configuration variable."},
    {"confstr", posix_confstr, METH_O, "Return a string-valued system configuration variable."},
    {"fpathconf", posix_fpathconf, METH_VARARGS, "Return the configuration limit name for the file descriptor fd."},
    {"pathconf", KWF(posix_pathconf), KW, "Return the configuration limit name for the file or directory path."},
    {"WCOREDUMP", posix_WCOREDUMP, METH_O, "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", posix_WIFCONTINUED, METH_O, "Return True if a particular process was continued from a job control stop."},
    {"register_at_fork", KWF(posix_register_at_fork), KW, "Register callables to be called when forking a new process."},
    {"getrandom", KWF(posix_getrandom), KW, "Obtain a series of random bytes."},
    {"memfd_create", KWF(posix_memfd_create), KW, NULL},
    {"eventfd", KWF(posix_eventfd), KW, "Creates and returns an event notification file descriptor."},
    {"eventfd_read", KWF(posix_eventfd_read), KW, "Read eventfd value"},
    {"eventfd_write", KWF(posix_eventfd_write), KW, "Write eventfd value."},
    {"posix_openpt", posix_posix_openpt, METH_VARARGS, "Open and return a file descriptor for a master pseudo-terminal device."},
    {"grantpt", posix_grantpt, METH_O, "Grant access to the slave pseudo-terminal device."},
    {"unlockpt", posix_unlockpt, METH_O, "Unlock a pseudo-terminal master/slave pair."},
    {"ptsname", posix_ptsname, METH_O, "Return the name of the slave pseudo-terminal device."},
    {"login_tty", posix_login_tty, METH_O, "Prepare the tty of which fd is a file descriptor for a new login session."},
    {"setgroups", posix_setgroups, METH_O, "Set the groups of the current process to list."},
    {"initgroups", posix_initgroups, METH_VARARGS, "Initialize the group access list."},
    {"getgrouplist", posix_getgrouplist, METH_VARARGS, "Returns a list of groups to which a user belongs."},
    {"waitid", posix_waitid, METH_VARARGS, "Returns the result of waiting for a process or processes."},
    {"pidfd_open", KWF(posix_pidfd_open), KW, "Return a file descriptor referring to the process *pid*."},
    {"getxattr", KWF(posix_getxattr), KW, "Return the value of extended attribute attribute on path."},
    {"setxattr", KWF(posix_setxattr), KW, "Set extended attribute attribute on path to value."},
    {"removexattr", KWF(posix_removexattr), KW, "Remove extended attribute attribute on path."},
    {"listxattr", KWF(posix_listxattr), KW, "Return a list of extended attributes on path."},
    {NULL, NULL, 0, NULL},
};

int _KrPosix_ext_init(PyObject *m)
{
    if (!(StatvfsResultType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StatvfsResultType, &statvfs_desc) < 0)
        return -1;
    if (!(WaitidResultType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&WaitidResultType, &waitid_desc) < 0)
        return -1;
    if (PyModule_AddObjectRef(m, "waitid_result", (PyObject *)&WaitidResultType) < 0)
        return -1;
    if (PyModule_AddFunctions(m, _KrPosix_ext_methods) < 0 ||
        PyModule_AddObjectRef(m, "statvfs_result", (PyObject *)&StatvfsResultType) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_Add(m, "sysconf_names", conf_dict(sysconf_table)) < 0 ||
        PyModule_Add(m, "confstr_names", conf_dict(confstr_table)) < 0 ||
        PyModule_Add(m, "pathconf_names", conf_dict(pathconf_table)) < 0 ||
        PyModule_Add(m, "_at_fork_before", PyList_New(0)) < 0 ||
        PyModule_Add(m, "_at_fork_child", PyList_New(0)) < 0 ||
        PyModule_Add(m, "_at_fork_parent", PyList_New(0)) < 0)
        return -1;
#define ADD_INT(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    ADD_INT(O_ACCMODE) ADD_INT(O_ASYNC) ADD_INT(O_DIRECT) ADD_INT(O_FSYNC) ADD_INT(O_NDELAY)
    ADD_INT(O_NOATIME) ADD_INT(O_PATH) ADD_INT(O_RSYNC) ADD_INT(O_TMPFILE) ADD_INT(O_LARGEFILE)
    ADD_INT(F_LOCK) ADD_INT(F_TEST) ADD_INT(F_TLOCK) ADD_INT(F_ULOCK)
    ADD_INT(WCONTINUED) ADD_INT(WEXITED) ADD_INT(WNOWAIT) ADD_INT(WSTOPPED)
    ADD_INT(P_ALL) ADD_INT(P_PID) ADD_INT(P_PGID)
    ADD_INT(CLD_EXITED) ADD_INT(CLD_KILLED) ADD_INT(CLD_DUMPED) ADD_INT(CLD_TRAPPED)
    ADD_INT(CLD_STOPPED) ADD_INT(CLD_CONTINUED)
    ADD_INT(PRIO_PROCESS) ADD_INT(PRIO_PGRP) ADD_INT(PRIO_USER)
    ADD_INT(SCHED_OTHER) ADD_INT(SCHED_FIFO) ADD_INT(SCHED_RR) ADD_INT(SCHED_BATCH)
    ADD_INT(SCHED_IDLE) ADD_INT(SCHED_RESET_ON_FORK)
    ADD_INT(SEEK_DATA) ADD_INT(SEEK_HOLE)
    ADD_INT(ST_RDONLY) ADD_INT(ST_NOSUID) ADD_INT(ST_NODEV) ADD_INT(ST_NOEXEC)
    ADD_INT(ST_SYNCHRONOUS) ADD_INT(ST_MANDLOCK) ADD_INT(ST_WRITE) ADD_INT(ST_APPEND)
    ADD_INT(ST_NOATIME) ADD_INT(ST_NODIRATIME) ADD_INT(ST_RELATIME)
    ADD_INT(POSIX_FADV_NORMAL) ADD_INT(POSIX_FADV_SEQUENTIAL) ADD_INT(POSIX_FADV_RANDOM)
    ADD_INT(POSIX_FADV_NOREUSE) ADD_INT(POSIX_FADV_WILLNEED) ADD_INT(POSIX_FADV_DONTNEED)
    ADD_INT(NGROUPS_MAX) ADD_INT(TMP_MAX)
    ADD_INT(GRND_NONBLOCK) ADD_INT(GRND_RANDOM)
    ADD_INT(MFD_CLOEXEC) ADD_INT(MFD_ALLOW_SEALING) ADD_INT(MFD_HUGETLB)
    ADD_INT(EFD_CLOEXEC) ADD_INT(EFD_NONBLOCK) ADD_INT(EFD_SEMAPHORE)
    ADD_INT(XATTR_CREATE) ADD_INT(XATTR_REPLACE) ADD_INT(XATTR_SIZE_MAX)
    ADD_INT(RTLD_LAZY) ADD_INT(RTLD_NOW) ADD_INT(RTLD_GLOBAL) ADD_INT(RTLD_LOCAL)
    ADD_INT(RTLD_NODELETE) ADD_INT(RTLD_NOLOAD) ADD_INT(RTLD_DEEPBIND)
    ADD_INT(EX_USAGE) ADD_INT(EX_DATAERR) ADD_INT(EX_NOINPUT) ADD_INT(EX_NOUSER)
    ADD_INT(EX_NOHOST) ADD_INT(EX_UNAVAILABLE) ADD_INT(EX_SOFTWARE) ADD_INT(EX_OSERR)
    ADD_INT(EX_OSFILE) ADD_INT(EX_CANTCREAT) ADD_INT(EX_IOERR) ADD_INT(EX_TEMPFAIL)
    ADD_INT(EX_PROTOCOL) ADD_INT(EX_NOPERM) ADD_INT(EX_CONFIG)
#undef ADD_INT
    return 0;
}
