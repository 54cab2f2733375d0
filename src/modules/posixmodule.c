/* The posix module: the operating-system interface that os.py builds on. Paths are
 * accepted as str, bytes or os.PathLike; functions return str when given str and bytes
 * when given bytes, as CPython's do. Blocking calls release the GIL. */
#include "Python.h"
#include "internal/pycore_signal.h"
#include "structseq.h"
#include "posixmodule.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

extern char **environ;

/* ---- os.fspath ------------------------------------------------------------------ */
PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path))
        return Py_NewRef(path);
    PyObject *func = _PyObject_LookupSpecial(path, _Py_ID(__fspath__));
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *res = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL)
        return NULL;
    if (!(PyUnicode_Check(res) || PyBytes_Check(res))) {
        PyErr_Format(PyExc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

void path_cleanup(path_t *p)
{
    Py_CLEAR(p->bytes);
}

int path_convert(PyObject *o, path_t *p)
{
    p->object = o;
    if (o == Py_None && p->nullable) {
        p->path = NULL;
        return 1;
    }
    if (p->allow_fd && PyLong_Check(o)) {
        int fd = PyLong_AsInt(o);
        if (fd == -1 && PyErr_Occurred())
            return 0;
        p->fd = fd;
        return 1;
    }
    PyObject *fs = PyOS_FSPath(o);
    if (fs == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s: %s should be string, bytes%s or os.PathLike, not %.200s",
                         p->function_name, p->argument_name,
                         p->allow_fd ? ", integer" : "", Py_TYPE(o)->tp_name);
        }
        return 0;
    }
    if (PyUnicode_Check(fs)) {
        p->bytes = PyUnicode_EncodeFSDefault(fs);
        Py_DECREF(fs);
        if (p->bytes == NULL)
            return 0;
    }
    else {
        p->bytes = fs;
        p->narrow = 1;
    }
    if ((Py_ssize_t)strlen(PyBytes_AS_STRING(p->bytes)) != PyBytes_GET_SIZE(p->bytes)) {
        PyErr_Format(PyExc_ValueError, "%s: embedded null character in %s", p->function_name,
                     p->argument_name);
        Py_CLEAR(p->bytes);
        return 0;
    }
    p->path = PyBytes_AS_STRING(p->bytes);
    return 1;
}

int dir_fd_convert(PyObject *o, int *fd)
{
    if (o == Py_None) {
        *fd = AT_FDCWD;
        return 1;
    }
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not %.200s",
                     Py_TYPE(o)->tp_name);
        return 0;
    }
    int v = PyLong_AsInt(o);
    if (v == -1 && PyErr_Occurred())
        return 0;
    *fd = v;
    return 1;
}

PyObject *posix_error_path(path_t *p)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, p->object);
}

PyObject *posix_error_path2(path_t *a, path_t *b)
{
    return PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, a->object, b->object);
}

PyObject *decode_name(const char *name, Py_ssize_t len, int narrow)
{
    if (narrow)
        return PyBytes_FromStringAndSize(name, len);
    return PyUnicode_DecodeFSDefaultAndSize(name, len);
}

/* ---- stat ------------------------------------------------------------------------- */
static PyStructSequence_Field stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {NULL, "integer time of last access"},
    {NULL, "integer time of last modification"},
    {NULL, "integer time of last change"}, /* names set at init: the unnamed marker */
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};
static PyStructSequence_Desc stat_result_desc = {
    "os.stat_result", "stat_result: Result from stat, fstat, or lstat.", stat_result_fields, 10,
};
static PyTypeObject StatResultType;

static PyStructSequence_Field terminal_size_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {NULL, NULL},
};
static PyStructSequence_Desc terminal_size_desc = {
    "os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
    terminal_size_fields, 2,
};
static PyTypeObject TerminalSizeType;

static PyStructSequence_Field times_result_fields[] = {
    {"user", "user time"}, {"system", "system time"}, {"children_user", "user time of children"},
    {"children_system", "system time of children"}, {"elapsed", "elapsed time since an arbitrary point in the past"},
    {NULL, NULL},
};
static PyStructSequence_Desc times_result_desc = {
    "posix.times_result", "times_result: Result from os.times().", times_result_fields, 5,
};
static PyTypeObject TimesResultType;

static PyStructSequence_Field uname_result_fields[] = {
    {"sysname", "operating system name"}, {"nodename", "name of machine on network"},
    {"release", "operating system release"}, {"version", "operating system version"},
    {"machine", "hardware identifier"}, {NULL, NULL},
};
static PyStructSequence_Desc uname_result_desc = {
    "posix.uname_result", "uname_result: Result from os.uname().", uname_result_fields, 5,
};
static PyTypeObject UnameResultType;

static PyObject *ns_object(time_t sec, long nsec)
{
    PyObject *s = PyLong_FromLongLong((long long)sec);
    PyObject *billion = PyLong_FromLong(1000000000L);
    PyObject *n = PyLong_FromLong(nsec);
    PyObject *res = NULL;
    if (s && billion && n) {
        PyObject *t = PyNumber_Multiply(s, billion);
        if (t) {
            res = PyNumber_Add(t, n);
            Py_DECREF(t);
        }
    }
    Py_XDECREF(s);
    Py_XDECREF(billion);
    Py_XDECREF(n);
    return res;
}

static PyObject *stat_to_result(const struct stat *st)
{
    PyObject *v = PyStructSequence_New(&StatResultType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong((long)st->st_mode));
    PyStructSequence_SetItem(v, 1, PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino));
    PyStructSequence_SetItem(v, 2, PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev));
    PyStructSequence_SetItem(v, 3, PyLong_FromLong((long)st->st_nlink));
    PyStructSequence_SetItem(v, 4, PyLong_FromLong((long)st->st_uid));
    PyStructSequence_SetItem(v, 5, PyLong_FromLong((long)st->st_gid));
    PyStructSequence_SetItem(v, 6, PyLong_FromLongLong((long long)st->st_size));
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    for (int i = 0; i < 3; i++) {
        PyStructSequence_SetItem(v, 7 + i, PyLong_FromLongLong((long long)ts[i]->tv_sec));
        PyStructSequence_SetItem(v, 10 + i,
                                 PyFloat_FromDouble((double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9));
        PyStructSequence_SetItem(v, 13 + i, ns_object(ts[i]->tv_sec, ts[i]->tv_nsec));
    }
    PyStructSequence_SetItem(v, 16, PyLong_FromLong((long)st->st_blksize));
    PyStructSequence_SetItem(v, 17, PyLong_FromLongLong((long long)st->st_blocks));
    PyStructSequence_SetItem(v, 18, PyLong_FromUnsignedLongLong((unsigned long long)st->st_rdev));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *do_stat(const char *fname, PyObject *args, PyObject *kwds, int follow_default)
{
    static char *kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    PyObject *pathobj, *dir_fd = Py_None;
    int follow = follow_default;
    path_t path = PATH_T_INIT(fname, "path", 0, 1);
    char fmt[32];
    snprintf(fmt, sizeof fmt, "O|$Op:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &pathobj, &dir_fd, &follow))
        return NULL;
    int dfd;
    if (!dir_fd_convert(dir_fd, &dfd))
        return NULL;
    if (!path_convert(pathobj, &path))
        return NULL;
    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path.path == NULL)
        r = fstat(path.fd, &st);
    else
        r = fstatat(dfd, path.path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : stat_to_result(&st);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_stat(PyObject *m, PyObject *args, PyObject *kwds)
{
    return do_stat("stat", args, kwds, 1);
}

static PyObject *posix_lstat(PyObject *m, PyObject *args, PyObject *kwds)
{
    return do_stat("lstat", args, kwds, 0);
}

static PyObject *posix_fstat(PyObject *m, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstat(fd, &st);
    Py_END_ALLOW_THREADS
    if (r != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return stat_to_result(&st);
}

/* ---- simple path operations ---------------------------------------------------------- */
static PyObject *posix_chdir(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:chdir", kwlist, &pathobj))
        return NULL;
    path_t path = PATH_T_INIT("chdir", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.path ? chdir(path.path) : fchdir(path.fd);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* unlink/remove/rmdir(path, *, dir_fd=None) */
static PyObject *unlinkat_call(PyObject *args, PyObject *kwds, const char *fname, int flags)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    PyObject *pathobj, *dfdobj = Py_None;
    char fmt[32];
    snprintf(fmt, sizeof fmt, "O|$O:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &pathobj, &dfdobj))
        return NULL;
    int dfd;
    if (!dir_fd_convert(dfdobj, &dfd))
        return NULL;
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = unlinkat(dfd, path.path, flags);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_rmdir(PyObject *m, PyObject *a, PyObject *k) { return unlinkat_call(a, k, "rmdir", AT_REMOVEDIR); }
static PyObject *posix_unlink(PyObject *m, PyObject *a, PyObject *k) { return unlinkat_call(a, k, "unlink", 0); }
static PyObject *posix_remove(PyObject *m, PyObject *a, PyObject *k) { return unlinkat_call(a, k, "remove", 0); }

static PyObject *posix_mkdir(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    PyObject *pathobj, *dir_fd = Py_None;
    int mode = 0777;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i$O:mkdir", kwlist, &pathobj, &mode, &dir_fd))
        return NULL;
    int dfd;
    if (!dir_fd_convert(dir_fd, &dfd))
        return NULL;
    path_t path = PATH_T_INIT("mkdir", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mkdirat(dfd, path.path, (mode_t)mode);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static int rename_at(int sfd, const char *a, int dfd, const char *b, int follow)
{
    (void)follow;
    return renameat(sfd, a, dfd, b);
}

static int link_at(int sfd, const char *a, int dfd, const char *b, int follow)
{
    return linkat(sfd, a, dfd, b, follow ? AT_SYMLINK_FOLLOW : 0);
}

static PyObject *two_path_call(PyObject *args, PyObject *kwds, const char *fname,
                               int (*op)(int, const char *, int, const char *, int))
{
    static char *kwlist[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks", NULL};
    PyObject *a, *b, *sfdobj = Py_None, *dfdobj = Py_None;
    int follow = 1, sfd, dfd;
    char fmt[48];
    /* Only link() takes follow_symlinks. */
    snprintf(fmt, sizeof fmt, op == link_at ? "OO|$OOp:%s" : "OO|$OO:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &a, &b, &sfdobj, &dfdobj, &follow))
        return NULL;
    if (!dir_fd_convert(sfdobj, &sfd) || !dir_fd_convert(dfdobj, &dfd))
        return NULL;
    path_t src = PATH_T_INIT(fname, "src", 0, 0), dst = PATH_T_INIT(fname, "dst", 0, 0);
    if (!path_convert(a, &src))
        return NULL;
    if (!path_convert(b, &dst)) {
        path_cleanup(&src);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = op(sfd, src.path, dfd, dst.path, follow);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? posix_error_path2(&src, &dst) : Py_NewRef(Py_None);
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *posix_rename(PyObject *m, PyObject *args, PyObject *kwds) { return two_path_call(args, kwds, "rename", rename_at); }
static PyObject *posix_replace(PyObject *m, PyObject *args, PyObject *kwds) { return two_path_call(args, kwds, "replace", rename_at); }
static PyObject *posix_link(PyObject *m, PyObject *args, PyObject *kwds) { return two_path_call(args, kwds, "link", link_at); }

static PyObject *posix_symlink(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    PyObject *a, *b, *dfd = Py_None;
    int isdir = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|p$O:symlink", kwlist, &a, &b, &isdir, &dfd))
        return NULL;
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t src = PATH_T_INIT("symlink", "src", 0, 0), dst = PATH_T_INIT("symlink", "dst", 0, 0);
    if (!path_convert(a, &src))
        return NULL;
    if (!path_convert(b, &dst)) {
        path_cleanup(&src);
        return NULL;
    }
    int r = symlinkat(src.path, dirfd, dst.path);
    PyObject *res = r != 0 ? posix_error_path2(&src, &dst) : Py_NewRef(Py_None);
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *posix_readlink(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    PyObject *pathobj, *dfd = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:readlink", kwlist, &pathobj, &dfd))
        return NULL;
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t path = PATH_T_INIT("readlink", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    char buf[4096];
    ssize_t n = readlinkat(dirfd, path.path, buf, sizeof buf);
    PyObject *res = n < 0 ? posix_error_path(&path) : decode_name(buf, n, path.narrow);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_getcwd(PyObject *m, PyObject *Py_UNUSED(a))
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_getcwdb(PyObject *m, PyObject *Py_UNUSED(a))
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyBytes_FromString(buf);
}

static PyObject *posix_listdir(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:listdir", kwlist, &pathobj))
        return NULL;
    path_t path = PATH_T_INIT("listdir", "path", 1, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    const char *name = path.path ? path.path : ".";
    DIR *d;
    Py_BEGIN_ALLOW_THREADS
    d = path.path == NULL && path.fd >= 0 ? fdopendir(dup(path.fd)) : opendir(name);
    Py_END_ALLOW_THREADS
    if (d == NULL) {
        PyObject *r = pathobj == Py_None
                          ? PyErr_SetFromErrnoWithFilename(PyExc_OSError, ".")
                          : posix_error_path(&path);
        path_cleanup(&path);
        return r;
    }
    PyObject *list = PyList_New(0);
    struct dirent *ep;
    while (list != NULL) {
        errno = 0;
        ep = readdir(d);
        if (ep == NULL) {
            if (errno != 0) {
                Py_CLEAR(list);
                posix_error_path(&path);
            }
            break;
        }
        if (strcmp(ep->d_name, ".") == 0 || strcmp(ep->d_name, "..") == 0)
            continue;
        PyObject *v = decode_name(ep->d_name, (Py_ssize_t)strlen(ep->d_name), path.narrow);
        if (v == NULL || PyList_Append(list, v) < 0)
            Py_CLEAR(list);
        Py_XDECREF(v);
    }
    closedir(d);
    path_cleanup(&path);
    return list;
}

/* ---- scandir / DirEntry ------------------------------------------------------------------ */
typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *path;
    PyObject *stat;
    PyObject *lstat;
    unsigned char d_type;
    unsigned long long d_ino;
    int dir_fd; /* scandir(fd): names are relative to this descriptor, else AT_FDCWD */
} DirEntry;

static PyTypeObject DirEntryType;

static void DirEntry_dealloc(DirEntry *e)
{
    Py_XDECREF(e->name);
    Py_XDECREF(e->path);
    Py_XDECREF(e->stat);
    Py_XDECREF(e->lstat);
    PyObject_Free(e);
}

static PyObject *DirEntry_fetch_stat(DirEntry *e, int follow)
{
    path_t p = PATH_T_INIT("stat", "path", 0, 0);
    if (!path_convert(e->path, &p))
        return NULL;
    struct stat st;
    int r = fstatat(e->dir_fd, p.path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    PyObject *res = r != 0 ? posix_error_path(&p) : stat_to_result(&st);
    path_cleanup(&p);
    return res;
}

static PyObject *DirEntry_get_lstat(DirEntry *e)
{
    if (e->lstat == NULL)
        e->lstat = DirEntry_fetch_stat(e, 0);
    return Py_XNewRef(e->lstat);
}

static int DirEntry_is_symlink_internal(DirEntry *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_LNK;
    PyObject *st = DirEntry_get_lstat(e);
    if (st == NULL)
        return -1;
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return S_ISLNK(mode);
}

static PyObject *DirEntry_stat(DirEntry *e, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"follow_symlinks", NULL};
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$p:stat", kwlist, &follow))
        return NULL;
    if (!follow)
        return DirEntry_get_lstat(e);
    if (e->stat == NULL) {
        int is_link = DirEntry_is_symlink_internal(e);
        if (is_link < 0)
            return NULL;
        e->stat = is_link ? DirEntry_fetch_stat(e, 1) : DirEntry_get_lstat(e);
    }
    return Py_XNewRef(e->stat);
}

static int DirEntry_test_mode(DirEntry *e, int follow, mode_t mode_bits)
{
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) {
        if (mode_bits == S_IFDIR)
            return e->d_type == DT_DIR;
        return e->d_type == DT_REG;
    }
    PyObject *args = PyTuple_New(0), *kw = Py_BuildValue("{sO}", "follow_symlinks", follow ? Py_True : Py_False);
    PyObject *st = args && kw ? DirEntry_stat(e, args, kw) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kw);
    if (st == NULL) {
        if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return ((mode_t)mode & S_IFMT) == mode_bits;
}

static PyObject *DirEntry_is_dir(DirEntry *e, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"follow_symlinks", NULL};
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$p:is_dir", kwlist, &follow))
        return NULL;
    int r = DirEntry_test_mode(e, follow, S_IFDIR);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_is_file(DirEntry *e, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"follow_symlinks", NULL};
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$p:is_file", kwlist, &follow))
        return NULL;
    int r = DirEntry_test_mode(e, follow, S_IFREG);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_is_symlink(DirEntry *e, PyObject *Py_UNUSED(a))
{
    int r = DirEntry_is_symlink_internal(e);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_is_junction(DirEntry *e, PyObject *Py_UNUSED(a)) { Py_RETURN_FALSE; }

static PyObject *DirEntry_inode(DirEntry *e, PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLongLong(e->d_ino);
}

static PyObject *DirEntry_fspath(DirEntry *e, PyObject *Py_UNUSED(a)) { return Py_NewRef(e->path); }

static PyObject *DirEntry_repr(DirEntry *e) { return PyUnicode_FromFormat("<DirEntry %R>", e->name); }

static PyMethodDef DirEntry_methods[] = {
    {"stat", (PyCFunction)(void (*)(void))DirEntry_stat, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_dir", (PyCFunction)(void (*)(void))DirEntry_is_dir, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_file", (PyCFunction)(void (*)(void))DirEntry_is_file, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_symlink", (PyCFunction)DirEntry_is_symlink, METH_NOARGS, NULL},
    {"is_junction", (PyCFunction)DirEntry_is_junction, METH_NOARGS, NULL},
    {"inode", (PyCFunction)DirEntry_inode, METH_NOARGS, NULL},
    {"__fspath__", (PyCFunction)DirEntry_fspath, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef DirEntry_members[] = {
    {"name", _Py_T_OBJECT, offsetof(DirEntry, name), Py_READONLY, "the entry's base filename"},
    {"path", _Py_T_OBJECT, offsetof(DirEntry, path), Py_READONLY, "the entry's full path name"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject DirEntryType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_dealloc = (destructor)DirEntry_dealloc,
    .tp_repr = (reprfunc)DirEntry_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = DirEntry_methods,
    .tp_members = DirEntry_members,
};

typedef struct {
    PyObject_HEAD
    DIR *dirp;
    PyObject *dirpath; /* str or bytes prefix, same type as results */
    int narrow;
    int dir_fd; /* the caller's descriptor for scandir(fd), else AT_FDCWD */
} ScandirIterator;

static void ScandirIterator_dealloc(ScandirIterator *it)
{
    if (it->dirp)
        closedir(it->dirp);
    Py_XDECREF(it->dirpath);
    PyObject_Free(it);
}

static PyObject *ScandirIterator_next(ScandirIterator *it)
{
    if (it->dirp == NULL)
        return NULL;
    for (;;) {
        errno = 0;
        struct dirent *ep = readdir(it->dirp);
        if (ep == NULL) {
            if (errno != 0)
                PyErr_SetFromErrno(PyExc_OSError);
            closedir(it->dirp);
            it->dirp = NULL;
            return NULL;
        }
        if (strcmp(ep->d_name, ".") == 0 || strcmp(ep->d_name, "..") == 0)
            continue;
        DirEntry *e = PyObject_New(DirEntry, &DirEntryType);
        if (e == NULL)
            return NULL;
        e->stat = e->lstat = NULL;
        e->dir_fd = it->dir_fd;
        e->d_type = ep->d_type;
        e->d_ino = (unsigned long long)ep->d_ino;
        e->name = decode_name(ep->d_name, (Py_ssize_t)strlen(ep->d_name), it->narrow);
        e->path = NULL;
        if (e->name != NULL) {
            PyObject *sep = it->narrow ? PyBytes_FromString("/") : PyUnicode_FromString("/");
            Py_ssize_t plen = PyObject_Size(it->dirpath);
            if (sep != NULL && plen >= 0) {
                if (plen == 0)
                    e->path = Py_NewRef(e->name);
                else {
                    PyObject *last = PySequence_GetItem(it->dirpath, plen - 1);
                    int ends = last && (PyLong_Check(last) ? PyLong_AsLong(last) == '/' :
                                        PyObject_RichCompareBool(last, sep, Py_EQ) == 1);
                    Py_XDECREF(last);
                    PyObject *prefix = ends ? Py_NewRef(it->dirpath) : PyNumber_Add(it->dirpath, sep);
                    if (prefix)
                        e->path = PyNumber_Add(prefix, e->name);
                    Py_XDECREF(prefix);
                }
            }
            Py_XDECREF(sep);
        }
        if (e->name == NULL || e->path == NULL) {
            Py_DECREF(e);
            return NULL;
        }
        return (PyObject *)e;
    }
}

static PyObject *ScandirIterator_close(ScandirIterator *it, PyObject *Py_UNUSED(a))
{
    if (it->dirp) {
        closedir(it->dirp);
        it->dirp = NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *ScandirIterator_enter(PyObject *self, PyObject *Py_UNUSED(a)) { return Py_NewRef(self); }
static PyObject *ScandirIterator_exit(ScandirIterator *it, PyObject *args) { return ScandirIterator_close(it, NULL); }

static PyMethodDef ScandirIterator_methods[] = {
    {"__enter__", (PyCFunction)ScandirIterator_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)ScandirIterator_exit, METH_VARARGS, NULL},
    {"close", (PyCFunction)ScandirIterator_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScandirIteratorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIterator),
    .tp_dealloc = (destructor)ScandirIterator_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)ScandirIterator_next,
    .tp_methods = ScandirIterator_methods,
};

static PyObject *posix_scandir(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:scandir", kwlist, &pathobj))
        return NULL;
    path_t path = PATH_T_INIT("scandir", "path", 1, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    ScandirIterator *it = PyObject_New(ScandirIterator, &ScandirIteratorType);
    if (it == NULL) {
        path_cleanup(&path);
        return NULL;
    }
    it->narrow = path.narrow;
    it->dir_fd = AT_FDCWD;
    if (path.path == NULL && path.fd >= 0) {
        /* Read a duplicate so the caller's descriptor keeps its own position. */
        int fd = fcntl(path.fd, F_DUPFD_CLOEXEC, 0);
        it->dirp = fd < 0 ? NULL : fdopendir(fd);
        if (it->dirp == NULL) {
            if (fd >= 0)
                close(fd);
            it->dirpath = NULL;
            Py_DECREF(it);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        rewinddir(it->dirp);
        it->dir_fd = path.fd;
        it->dirpath = PyUnicode_FromString("");
        if (it->dirpath == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        return (PyObject *)it;
    }
    it->dirp = opendir(path.path ? path.path : ".");
    if (it->dirp == NULL) {
        it->dirpath = NULL;
        Py_DECREF(it);
        PyObject *r = pathobj == Py_None ? PyErr_SetFromErrnoWithFilename(PyExc_OSError, ".")
                                         : posix_error_path(&path);
        path_cleanup(&path);
        return r;
    }
    if (pathobj == Py_None)
        it->dirpath = PyUnicode_FromString(".");
    else if (path.narrow)
        it->dirpath = Py_NewRef(path.bytes);
    else
        it->dirpath = PyUnicode_DecodeFSDefault(path.path);
    path_cleanup(&path);
    if (it->dirpath == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    return (PyObject *)it;
}

/* ---- file descriptors ------------------------------------------------------------------ */
static PyObject *posix_open(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    PyObject *pathobj, *dfd = Py_None;
    int flags, mode = 0777;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|i$O:open", kwlist, &pathobj, &flags, &mode, &dfd))
        return NULL;
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t path = PATH_T_INIT("open", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = openat(dirfd, path.path, flags | O_CLOEXEC, mode);
    Py_END_ALLOW_THREADS
    PyObject *res = fd < 0 ? posix_error_path(&path) : PyLong_FromLong(fd);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_close(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:close", kwlist, &fd))
        return NULL;
    /* close() can wait for a slow device or network file system to flush. */
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = close(fd);
    err = errno;
    Py_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_read(PyObject *m, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "in:read", &fd, &n))
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL)
        return NULL;
    ssize_t got;
    int saved_errno; /* taking the GIL back may clobber errno */
    do {
        Py_BEGIN_ALLOW_THREADS
        got = read(fd, PyBytes_AS_STRING(buf), (size_t)n);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
    } while (got < 0 && errno == EINTR && _KrSignal_Check() == 0);
    if (got < 0) {
        Py_DECREF(buf);
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (got != n && _PyBytes_Resize(&buf, got) < 0)
        return NULL;
    return buf;
}

static PyObject *posix_write(PyObject *m, PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "iy*:write", &fd, &data))
        return NULL;
    ssize_t n;
    int saved_errno; /* taking the GIL back may clobber errno */
    do {
        Py_BEGIN_ALLOW_THREADS
        n = write(fd, data.buf, (size_t)data.len);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
    } while (n < 0 && errno == EINTR && _KrSignal_Check() == 0);
    PyBuffer_Release(&data);
    if (n < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *posix_lseek(PyObject *m, PyObject *args)
{
    int fd, how;
    long long pos;
    if (!PyArg_ParseTuple(args, "iLi:lseek", &fd, &pos, &how))
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLongLong((long long)r);
}

static PyObject *posix_pipe(PyObject *m, PyObject *Py_UNUSED(a))
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *posix_dup(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:dup", &fd))
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_dup2(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "fd2", "inheritable", NULL};
    int fd, fd2, inheritable = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ii|p:dup2", kwlist, &fd, &fd2, &inheritable))
        return NULL;
    int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(r);
}

static PyObject *posix_isatty(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:isatty", &fd))
        return NULL;
    return PyBool_FromLong(isatty(fd));
}

static PyObject *posix_fsync(PyObject *m, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = fsync(fd);
    err = errno;
    Py_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_ftruncate(PyObject *m, PyObject *args)
{
    int fd;
    long long len;
    if (!PyArg_ParseTuple(args, "iL:ftruncate", &fd, &len))
        return NULL;
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = ftruncate(fd, (off_t)len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_truncate(PyObject *m, PyObject *args)
{
    PyObject *pathobj;
    long long len;
    if (!PyArg_ParseTuple(args, "OL:truncate", &pathobj, &len))
        return NULL;
    path_t path = PATH_T_INIT("truncate", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = path.path ? truncate(path.path, (off_t)len) : ftruncate(path.fd, (off_t)len);
    err = errno;
    Py_END_ALLOW_THREADS
    errno = err;
    PyObject *res = r < 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_get_blocking(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:get_blocking", &fd))
        return NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyBool_FromLong(!(flags & O_NONBLOCK));
}

static PyObject *posix_set_blocking(PyObject *m, PyObject *args)
{
    int fd, blocking;
    if (!PyArg_ParseTuple(args, "ip:set_blocking", &fd, &blocking))
        return NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    flags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
    if (fcntl(fd, F_SETFL, flags) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *posix_get_inheritable(PyObject *m, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:get_inheritable", &fd))
        return NULL;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyBool_FromLong(!(flags & FD_CLOEXEC));
}

static PyObject *posix_set_inheritable(PyObject *m, PyObject *args)
{
    int fd, inh;
    if (!PyArg_ParseTuple(args, "ip:set_inheritable", &fd, &inh))
        return NULL;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    flags = inh ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
    if (fcntl(fd, F_SETFD, flags) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

/* ---- permissions and times --------------------------------------------------------------- */
static PyObject *posix_chmod(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    PyObject *pathobj, *dfd = Py_None;
    int mode, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|$Op:chmod", kwlist, &pathobj, &mode, &dfd, &follow))
        return NULL;
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t path = PATH_T_INIT("chmod", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r = path.path ? fchmodat(dirfd, path.path, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                      : fchmod(path.fd, (mode_t)mode);
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *posix_access(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    PyObject *pathobj, *dfd = Py_None;
    int mode, eff = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|$Opp:access", kwlist, &pathobj, &mode, &dfd, &eff, &follow))
        return NULL;
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t path = PATH_T_INIT("access", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r = faccessat(dirfd, path.path, mode, (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW));
    path_cleanup(&path);
    return PyBool_FromLong(r == 0);
}

static PyObject *posix_umask(PyObject *m, PyObject *args)
{
    int mask;
    if (!PyArg_ParseTuple(args, "i:umask", &mask))
        return NULL;
    return PyLong_FromLong((long)umask((mode_t)mask));
}

static int time_arg(PyObject *o, struct timespec *ts)
{
    if (PyFloat_Check(o)) {
        double d = PyFloat_AsDouble(o);
        double whole = (double)(long long)d;
        if (whole > d)
            whole -= 1;
        ts->tv_sec = (time_t)whole;
        ts->tv_nsec = (long)((d - whole) * 1e9);
        return 0;
    }
    long long s = PyLong_AsLongLong(o);
    if (s == -1 && PyErr_Occurred())
        return -1;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = 0;
    return 0;
}

static PyObject *posix_utime(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    PyObject *pathobj, *times = Py_None, *ns = NULL, *dfd = Py_None;
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$OOp:utime", kwlist, &pathobj, &times, &ns, &dfd, &follow))
        return NULL;
    struct timespec ts[2];
    struct timespec *tsp = NULL;
    if (times != Py_None && ns != NULL) {
        PyErr_SetString(PyExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return NULL;
    }
    if (times != Py_None) {
        if (!PyTuple_Check(times) || PyTuple_GET_SIZE(times) != 2) {
            PyErr_SetString(PyExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return NULL;
        }
        if (time_arg(PyTuple_GET_ITEM(times, 0), &ts[0]) < 0 ||
            time_arg(PyTuple_GET_ITEM(times, 1), &ts[1]) < 0)
            return NULL;
        tsp = ts;
    }
    else if (ns != NULL) {
        if (!PyTuple_Check(ns) || PyTuple_GET_SIZE(ns) != 2) {
            PyErr_SetString(PyExc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return NULL;
        }
        for (int i = 0; i < 2; i++) {
            long long v = PyLong_AsLongLong(PyTuple_GET_ITEM(ns, i));
            if (v == -1 && PyErr_Occurred())
                return NULL;
            ts[i].tv_sec = (time_t)(v / 1000000000LL);
            ts[i].tv_nsec = (long)(v % 1000000000LL);
            if (ts[i].tv_nsec < 0) {
                ts[i].tv_nsec += 1000000000L;
                ts[i].tv_sec -= 1;
            }
        }
        tsp = ts;
    }
    int dirfd;
    if (!dir_fd_convert(dfd, &dirfd))
        return NULL;
    path_t path = PATH_T_INIT("utime", "path", 0, 1);
    if (!path_convert(pathobj, &path))
        return NULL;
    int r = path.path ? utimensat(dirfd, path.path, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                      : futimens(path.fd, tsp);
    PyObject *res = r != 0 ? posix_error_path(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* ---- processes ---------------------------------------------------------------------- */
static PyObject *posix_getpid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getpid()); }
static PyObject *posix_getppid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getppid()); }
static PyObject *posix_getuid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getuid()); }
static PyObject *posix_geteuid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)geteuid()); }
static PyObject *posix_getgid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getgid()); }
static PyObject *posix_getegid(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getegid()); }
static PyObject *posix_getpgrp(PyObject *m, PyObject *Py_UNUSED(a)) { return PyLong_FromLong((long)getpgrp()); }

static PyObject *posix_kill(PyObject *m, PyObject *args)
{
    long pid;
    int sig;
    if (!PyArg_ParseTuple(args, "li:kill", &pid, &sig))
        return NULL;
    if (kill((pid_t)pid, sig) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    /* A signal sent to ourselves must be handled before we return. */
    if (_KrSignal_Check() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *posix__exit(PyObject *m, PyObject *args)
{
    int status;
    if (!PyArg_ParseTuple(args, "i:_exit", &status))
        return NULL;
    _exit(status);
}

/* Runs the register_at_fork callables; exceptions are reported, never raised. */
void run_fork_hooks(PyObject *m, const char *attr, int reverse)
{
    PyObject *list = PyObject_GetAttrString(m, attr);
    if (list == NULL || !PyList_Check(list)) {
        PyErr_Clear();
        Py_XDECREF(list);
        return;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t k = 0; k < n && k < PyList_GET_SIZE(list); k++) {
        Py_ssize_t i = reverse ? PyList_GET_SIZE(list) - 1 - k : k;
        PyObject *f = Py_NewRef(PyList_GET_ITEM(list, i));
        PyObject *r = PyObject_CallNoArgs(f);
        if (r == NULL)
            PyErr_WriteUnraisable(f);
        Py_XDECREF(r);
        Py_DECREF(f);
    }
    Py_DECREF(list);
}

static PyObject *posix_fork(PyObject *m, PyObject *Py_UNUSED(a))
{
    run_fork_hooks(m, "_at_fork_before", 1);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    int saved = errno;
    if (pid == 0)
        PyOS_AfterFork_Child();
    run_fork_hooks(m, pid == 0 ? "_at_fork_child" : "_at_fork_parent", 0);
    if (pid < 0) {
        errno = saved;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)pid);
}

static char **seq_to_argv(PyObject *seq, const char *fname, PyObject **keep)
{
    PyObject *fast = PySequence_Fast(seq, "argv must be a tuple or list");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char **argv = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    PyObject *holder = PyList_New(0);
    if (argv == NULL || holder == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        path_t p = PATH_T_INIT(fname, "args", 0, 0);
        if (!path_convert(PySequence_Fast_GET_ITEM(fast, i), &p))
            goto fail;
        if (PyList_Append(holder, p.bytes) < 0) {
            path_cleanup(&p);
            goto fail;
        }
        argv[i] = (char *)p.path;
        path_cleanup(&p);
    }
    Py_DECREF(fast);
    *keep = holder;
    return argv;
fail:
    Py_DECREF(fast);
    Py_XDECREF(holder);
    PyMem_Free(argv);
    return NULL;
}

static PyObject *posix_execv(PyObject *m, PyObject *args)
{
    PyObject *pathobj, *argvobj, *keep = NULL;
    if (!PyArg_ParseTuple(args, "OO:execv", &pathobj, &argvobj))
        return NULL;
    path_t path = PATH_T_INIT("execv", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    char **argv = seq_to_argv(argvobj, "execv", &keep);
    if (argv == NULL) {
        path_cleanup(&path);
        return NULL;
    }
    if (argv[0] == NULL) {
        PyErr_SetString(PyExc_ValueError, "execv() arg 2 must not be empty");
    }
    else {
        fflush(stdout);
        fflush(stderr);
        execv(path.path, argv);
        PyErr_SetFromErrno(PyExc_OSError);
    }
    PyMem_Free(argv);
    Py_XDECREF(keep);
    path_cleanup(&path);
    return NULL;
}

static PyObject *posix_execve(PyObject *m, PyObject *args)
{
    PyObject *pathobj, *argvobj, *envobj, *keep = NULL, *envkeep = NULL;
    if (!PyArg_ParseTuple(args, "OOO:execve", &pathobj, &argvobj, &envobj))
        return NULL;
    path_t path = PATH_T_INIT("execve", "path", 0, 0);
    if (!path_convert(pathobj, &path))
        return NULL;
    char **argv = seq_to_argv(argvobj, "execve", &keep);
    PyObject *items = argv ? PyMapping_Items(envobj) : NULL;
    PyObject *envlist = items ? PyList_New(0) : NULL;
    char **envp = NULL;
    if (envlist != NULL) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
            PyObject *kv = PyList_GET_ITEM(items, i);
            PyObject *k = PyOS_FSPath(PyTuple_GET_ITEM(kv, 0));
            PyObject *v = k ? PyOS_FSPath(PyTuple_GET_ITEM(kv, 1)) : NULL;
            PyObject *kb = k && PyUnicode_Check(k) ? PyUnicode_EncodeFSDefault(k) : Py_XNewRef(k);
            PyObject *vb = v && PyUnicode_Check(v) ? PyUnicode_EncodeFSDefault(v) : Py_XNewRef(v);
            PyObject *entry = kb && vb ? PyBytes_FromFormat("%s=%s", PyBytes_AS_STRING(kb), PyBytes_AS_STRING(vb)) : NULL;
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_XDECREF(kb);
            Py_XDECREF(vb);
            if (entry == NULL || PyList_Append(envlist, entry) < 0) {
                Py_XDECREF(entry);
                Py_CLEAR(envlist);
                break;
            }
            Py_DECREF(entry);
        }
    }
    if (envlist != NULL) {
        envp = PyMem_Calloc((size_t)PyList_GET_SIZE(envlist) + 1, sizeof(char *));
        for (Py_ssize_t i = 0; envp && i < PyList_GET_SIZE(envlist); i++)
            envp[i] = PyBytes_AS_STRING(PyList_GET_ITEM(envlist, i));
        envkeep = envlist;
    }
    if (argv && envp) {
        fflush(stdout);
        fflush(stderr);
        execve(path.path, argv, envp);
        PyErr_SetFromErrno(PyExc_OSError);
    }
    PyMem_Free(argv);
    PyMem_Free(envp);
    Py_XDECREF(keep);
    Py_XDECREF(envkeep);
    Py_XDECREF(items);
    path_cleanup(&path);
    return NULL;
}

static PyObject *posix_waitpid(PyObject *m, PyObject *args)
{
    long pid;
    int options, status = 0;
    if (!PyArg_ParseTuple(args, "li:waitpid", &pid, &options))
        return NULL;
    pid_t r;
    int saved_errno; /* taking the GIL back may clobber errno */
    do {
        Py_BEGIN_ALLOW_THREADS
        r = waitpid((pid_t)pid, &status, options);
        saved_errno = errno;
        Py_END_ALLOW_THREADS
        errno = saved_errno;
    } while (r < 0 && errno == EINTR && _KrSignal_Check() == 0);
    if (r < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return Py_BuildValue("(li)", (long)r, status);
}

static PyObject *posix_waitstatus_to_exitcode(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"status", NULL};
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:waitstatus_to_exitcode", kwlist, &status))
        return NULL;
    if (WIFEXITED(status))
        return PyLong_FromLong(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return PyLong_FromLong(-WTERMSIG(status));
    PyErr_Format(PyExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

#define WAIT_MACRO(name, expr)                                          \
    static PyObject *posix_##name(PyObject *m, PyObject *arg)           \
    {                                                                   \
        int status = PyLong_AsInt(arg);                                 \
        if (status == -1 && PyErr_Occurred())                           \
            return NULL;                                                \
        return expr;                                                    \
    }
WAIT_MACRO(WIFEXITED, PyBool_FromLong(WIFEXITED(status)))
WAIT_MACRO(WEXITSTATUS, PyLong_FromLong(WEXITSTATUS(status)))
WAIT_MACRO(WIFSIGNALED, PyBool_FromLong(WIFSIGNALED(status)))
WAIT_MACRO(WTERMSIG, PyLong_FromLong(WTERMSIG(status)))
WAIT_MACRO(WIFSTOPPED, PyBool_FromLong(WIFSTOPPED(status)))
WAIT_MACRO(WSTOPSIG, PyLong_FromLong(WSTOPSIG(status)))

static PyObject *posix_system(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"command", NULL};
    PyObject *cmdobj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:system", kwlist, &cmdobj))
        return NULL;
    path_t cmd = PATH_T_INIT("system", "command", 0, 0);
    if (!path_convert(cmdobj, &cmd))
        return NULL;
    fflush(stdout);
    fflush(stderr);
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = system(cmd.path);
    Py_END_ALLOW_THREADS
    path_cleanup(&cmd);
    return PyLong_FromLong(r);
}

/* ---- misc -------------------------------------------------------------------------------- */
static PyObject *posix_strerror(PyObject *m, PyObject *args)
{
    int code;
    if (!PyArg_ParseTuple(args, "i:strerror", &code))
        return NULL;
    return PyUnicode_DecodeFSDefault(strerror(code));
}

static PyObject *posix_urandom(PyObject *m, PyObject *args)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:urandom", &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(b);
    Py_ssize_t done = 0;
    while (done < n) {
#if defined(__linux__)
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
#else
        ssize_t r = -1;
        errno = ENOSYS;
#endif
        if (r < 0) {
            if (errno == EINTR)
                continue;
            Py_DECREF(b);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        done += r;
    }
    return b;
}

static PyObject *posix_cpu_count(PyObject *m, PyObject *Py_UNUSED(a))
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        Py_RETURN_NONE;
    return PyLong_FromLong(n);
}

static PyObject *posix_get_terminal_size(PyObject *m, PyObject *args)
{
    int fd = 1;
    if (!PyArg_ParseTuple(args, "|i:get_terminal_size", &fd))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    PyObject *v = PyStructSequence_New(&TerminalSizeType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong(w.ws_col));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong(w.ws_row));
    return v;
}

static PyObject *posix_times(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return PyErr_SetFromErrno(PyExc_OSError);
    double ticks = (double)sysconf(_SC_CLK_TCK);
    PyObject *v = PyStructSequence_New(&TimesResultType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyFloat_FromDouble(t.tms_utime / ticks));
    PyStructSequence_SetItem(v, 1, PyFloat_FromDouble(t.tms_stime / ticks));
    PyStructSequence_SetItem(v, 2, PyFloat_FromDouble(t.tms_cutime / ticks));
    PyStructSequence_SetItem(v, 3, PyFloat_FromDouble(t.tms_cstime / ticks));
    PyStructSequence_SetItem(v, 4, PyFloat_FromDouble(c / ticks));
    return v;
}

static PyObject *posix_uname(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct utsname u;
    if (uname(&u) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    PyObject *v = PyStructSequence_New(&UnameResultType);
    if (v == NULL)
        return NULL;
    const char *parts[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++)
        PyStructSequence_SetItem(v, i, PyUnicode_DecodeFSDefault(parts[i]));
    return v;
}

static PyObject *posix_putenv(PyObject *m, PyObject *args)
{
    PyObject *k, *v;
    if (!PyArg_ParseTuple(args, "OO:putenv", &k, &v))
        return NULL;
    path_t kp = PATH_T_INIT("putenv", "name", 0, 0), vp = PATH_T_INIT("putenv", "value", 0, 0);
    if (!path_convert(k, &kp))
        return NULL;
    if (!path_convert(v, &vp)) {
        path_cleanup(&kp);
        return NULL;
    }
    PyObject *res;
    if (kp.path[0] == '\0' || strchr(kp.path, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        res = NULL;
    }
    else if (setenv(kp.path, vp.path, 1) < 0)
        res = PyErr_SetFromErrno(PyExc_OSError);
    else
        res = Py_NewRef(Py_None);
    path_cleanup(&kp);
    path_cleanup(&vp);
    return res;
}

static PyObject *posix_unsetenv(PyObject *m, PyObject *args)
{
    PyObject *k;
    if (!PyArg_ParseTuple(args, "O:unsetenv", &k))
        return NULL;
    path_t kp = PATH_T_INIT("unsetenv", "name", 0, 0);
    if (!path_convert(k, &kp))
        return NULL;
    PyObject *res;
    if (kp.path[0] == '\0' || strchr(kp.path, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        res = NULL;
    }
    else if (unsetenv(kp.path) < 0)
        res = PyErr_SetFromErrno(PyExc_OSError);
    else
        res = Py_NewRef(Py_None);
    path_cleanup(&kp);
    return res;
}

static PyObject *posix_fspath(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *p;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:fspath", kwlist, &p))
        return NULL;
    return PyOS_FSPath(p);
}

static PyObject *posix_device_encoding(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:device_encoding", kwlist, &fd))
        return NULL;
    if (isatty(fd))
        return PyUnicode_FromString("UTF-8");
    Py_RETURN_NONE;
}

static PyObject *build_environ(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        if (k == NULL || v == NULL) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        if (!PyDict_Contains(d, k) && PyDict_SetItem(d, k, v) < 0) {
            Py_DECREF(k);
            Py_DECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    return d;
}

#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWF(f) ((PyCFunction)(void (*)(void))(f))
static PyMethodDef posix_methods[] = {
    {"stat", KWF(posix_stat), KW, "Perform a stat system call on the given path."},
    {"lstat", KWF(posix_lstat), KW, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", posix_fstat, METH_O, "Perform a stat system call on the given file descriptor."},
    {"chdir", KWF(posix_chdir), KW, "Change the current working directory to the specified path."},
    {"getcwd", posix_getcwd, METH_NOARGS, "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, METH_NOARGS, "Return a bytes string representing the current working directory."},
    {"listdir", KWF(posix_listdir), KW, "Return a list containing the names of the files in the directory."},
    {"scandir", KWF(posix_scandir), KW, "Return an iterator of DirEntry objects for given path."},
    {"mkdir", KWF(posix_mkdir), KW, "Create a directory."},
    {"rmdir", KWF(posix_rmdir), KW, "Remove a directory."},
    {"unlink", KWF(posix_unlink), KW, "Remove a file (same as remove())."},
    {"remove", KWF(posix_remove), KW, "Remove a file (same as unlink())."},
    {"rename", KWF(posix_rename), KW, "Rename a file or directory."},
    {"replace", KWF(posix_replace), KW, "Rename a file or directory, overwriting the destination."},
    {"link", KWF(posix_link), KW, "Create a hard link to a file."},
    {"symlink", KWF(posix_symlink), KW, "Create a symbolic link pointing to src named dst."},
    {"readlink", KWF(posix_readlink), KW, "Return a string representing the path to which the symbolic link points."},
    {"open", KWF(posix_open), KW, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", KWF(posix_close), KW, "Close a file descriptor."},
    {"read", posix_read, METH_VARARGS, "Read from a file descriptor.  Returns a bytes object."},
    {"write", posix_write, METH_VARARGS, "Write a bytes object to a file descriptor."},
    {"lseek", posix_lseek, METH_VARARGS, "Set the position of a file descriptor.  Return the new position."},
    {"pipe", posix_pipe, METH_NOARGS, "Create a pipe."},
    {"dup", posix_dup, METH_VARARGS, "Return a duplicate of a file descriptor."},
    {"dup2", KWF(posix_dup2), KW, "Duplicate file descriptor."},
    {"isatty", posix_isatty, METH_VARARGS, "Return True if the fd is connected to a terminal."},
    {"fsync", posix_fsync, METH_O, "Force write of fd to disk."},
    {"ftruncate", posix_ftruncate, METH_VARARGS, "Truncate a file, specified by file descriptor, to a specific length."},
    {"truncate", posix_truncate, METH_VARARGS, "Truncate a file, specified by path, to a specific length."},
    {"get_blocking", posix_get_blocking, METH_VARARGS, "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, METH_VARARGS, "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", posix_get_inheritable, METH_VARARGS, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, METH_VARARGS, "Set the inheritable flag of the specified file descriptor."},
    {"chmod", KWF(posix_chmod), KW, "Change the access permissions of a file."},
    {"access", KWF(posix_access), KW, "Use the real uid/gid to test for access to a path."},
    {"umask", posix_umask, METH_VARARGS, "Set the current numeric umask and return the previous umask."},
    {"utime", KWF(posix_utime), KW, "Set the access and modified time of path."},
    {"getpid", posix_getpid, METH_NOARGS, "Return the current process id."},
    {"getppid", posix_getppid, METH_NOARGS, "Return the parent's process id."},
    {"getuid", posix_getuid, METH_NOARGS, "Return the current process's user id."},
    {"geteuid", posix_geteuid, METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", posix_getgid, METH_NOARGS, "Return the current process's group id."},
    {"getegid", posix_getegid, METH_NOARGS, "Return the current process's effective group id."},
    {"getpgrp", posix_getpgrp, METH_NOARGS, "Return the current process group id."},
    {"kill", posix_kill, METH_VARARGS, "Kill a process with a signal."},
    {"_exit", posix__exit, METH_VARARGS, "Exit to the system with specified status, without normal exit processing."},
    {"fork", posix_fork, METH_NOARGS, "Fork a child process."},
    {"execv", posix_execv, METH_VARARGS, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, METH_VARARGS, "Execute an executable path with arguments, replacing current process."},
    {"waitpid", posix_waitpid, METH_VARARGS, "Wait for completion of a given child process."},
    {"waitstatus_to_exitcode", KWF(posix_waitstatus_to_exitcode), KW, "Convert a wait status to an exit code."},
    {"WIFEXITED", posix_WIFEXITED, METH_O, NULL},
    {"WEXITSTATUS", posix_WEXITSTATUS, METH_O, NULL},
    {"WIFSIGNALED", posix_WIFSIGNALED, METH_O, NULL},
    {"WTERMSIG", posix_WTERMSIG, METH_O, NULL},
    {"WIFSTOPPED", posix_WIFSTOPPED, METH_O, NULL},
    {"WSTOPSIG", posix_WSTOPSIG, METH_O, NULL},
    {"system", KWF(posix_system), KW, "Execute the command in a subshell."},
    {"strerror", posix_strerror, METH_VARARGS, "Translate an error code to a message string."},
    {"urandom", posix_urandom, METH_VARARGS, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", posix_cpu_count, METH_NOARGS, "Return the number of logical CPUs in the system."},
    {"get_terminal_size", posix_get_terminal_size, METH_VARARGS, "Return the size of the terminal window as (columns, lines)."},
    {"times", posix_times, METH_NOARGS, "Return a collection containing process timing information."},
    {"uname", posix_uname, METH_NOARGS, "Return an object identifying the current operating system."},
    {"putenv", posix_putenv, METH_VARARGS, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, METH_VARARGS, "Delete an environment variable."},
    {"fspath", KWF(posix_fspath), KW, "Return the file system path representation of the object."},
    {"device_encoding", KWF(posix_device_encoding), KW, "Return a string describing the encoding of a terminal's file descriptor."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef posixmodule = {
    PyModuleDef_HEAD_INIT, "posix", "This module provides access to operating system functionality that is\n"
    "standardized by the C Standard and the POSIX standard (a thinly\n"
    "disguised Unix interface).  Refer to the library manual and\n"
    "corresponding Unix manual entries for more information on calls.", -1,
    posix_methods, NULL, NULL, NULL, NULL,
};

static int init_types(void)
{
    if (!(StatResultType.tp_flags & Py_TPFLAGS_READY)) {
        /* The integer timestamps are tuple items without attribute names. */
        for (int i = 7; i < 10; i++)
            stat_result_fields[i].name = PyStructSequence_UnnamedField;
        if (PyStructSequence_InitType2(&StatResultType, &stat_result_desc) < 0 ||
            PyStructSequence_InitType2(&TerminalSizeType, &terminal_size_desc) < 0 ||
            PyStructSequence_InitType2(&TimesResultType, &times_result_desc) < 0 ||
            PyStructSequence_InitType2(&UnameResultType, &uname_result_desc) < 0)
            return -1;
    }
    if (PyType_Ready(&DirEntryType) < 0 || PyType_Ready(&ScandirIteratorType) < 0)
        return -1;
    return 0;
}

PyObject *PyInit_posix(void)
{
    if (init_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&posixmodule);
    if (m == NULL)
        return NULL;
    PyObject *env = build_environ();
    if (env == NULL || PyModule_Add(m, "environ", env) < 0)
        goto fail;
#define ADD_INT(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    ADD_INT(F_OK) ADD_INT(R_OK) ADD_INT(W_OK) ADD_INT(X_OK)
    ADD_INT(O_RDONLY) ADD_INT(O_WRONLY) ADD_INT(O_RDWR) ADD_INT(O_APPEND) ADD_INT(O_CREAT)
    ADD_INT(O_EXCL) ADD_INT(O_TRUNC) ADD_INT(O_NONBLOCK) ADD_INT(O_NOCTTY) ADD_INT(O_CLOEXEC)
    ADD_INT(O_DIRECTORY) ADD_INT(O_NOFOLLOW) ADD_INT(O_SYNC) ADD_INT(O_DSYNC)
    ADD_INT(SEEK_SET) ADD_INT(SEEK_CUR) ADD_INT(SEEK_END)
    ADD_INT(WNOHANG) ADD_INT(WUNTRACED)
#undef ADD_INT
    if (PyModule_AddIntConstant(m, "EX_OK", 0) < 0 ||
        PyModule_AddObjectRef(m, "stat_result", (PyObject *)&StatResultType) < 0 ||
        PyModule_AddObjectRef(m, "terminal_size", (PyObject *)&TerminalSizeType) < 0 ||
        PyModule_AddObjectRef(m, "times_result", (PyObject *)&TimesResultType) < 0 ||
        PyModule_AddObjectRef(m, "uname_result", (PyObject *)&UnameResultType) < 0 ||
        PyModule_AddObjectRef(m, "DirEntry", (PyObject *)&DirEntryType) < 0)
        goto fail;
    if (_KrPosix_ext_init(m) < 0 || _KrPosix_linux_init(m) < 0 || _KrPosix_spawn_init(m) < 0)
        goto fail;
    PyObject *have = PySet_New(NULL);
    if (have == NULL || PyModule_Add(m, "_have_functions", have) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
