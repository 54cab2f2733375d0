/* FileIO: raw unbuffered I/O on a file descriptor. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "_io_internal.h"
#include "internal/pycore_signal.h"

void _PyIO_Finalize(PyObject *self);

static PyObject *fileio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    fileio *f = (fileio *)type->tp_alloc(type, 0);
    if (f == NULL)
        return NULL;
    f->fd = -1;
    f->seekable = -1;
    f->closefd = 1;
    f->blksize = KR_IO_DEFAULT_BUFFER_SIZE;
    return (PyObject *)f;
}

static int set_name(PyObject *self, PyObject *name)
{
    return PyObject_SetAttrString(self, "name", name);
}

static int fileio_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    fileio *f = (fileio *)self;
    PyObject *nameobj, *opener = Py_None;
    const char *mode = "r";
    int closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|spO:FileIO", kwlist, &nameobj, &mode,
                                     &closefd, &opener))
        return -1;
    if (f->fd >= 0) {
        if (f->closefd)
            close(f->fd);
        f->fd = -1;
    }
    if (PyFloat_Check(nameobj)) {
        PyErr_SetString(PyExc_TypeError, "integer argument expected, got float");
        return -1;
    }
    int fd = -1;
    if (PyLong_Check(nameobj)) {
        fd = PyLong_AsInt(nameobj);
        if (fd == -1 && PyErr_Occurred())
            return -1;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
    }
    int rwa = 0, plus = 0, flags = 0;
    f->readable = f->writable = f->appending = f->created = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->created = 1;
            f->writable = 1;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->readable = 1;
            break;
        case 'w':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->writable = 1;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->writable = 1;
            f->appending = 1;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus)
                goto bad_mode;
            f->readable = f->writable = 1;
            plus = 1;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa)
        goto bad_mode;
    if (f->readable && f->writable)
        flags |= O_RDWR;
    else if (f->readable)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    flags |= O_CLOEXEC;

    if (fd >= 0) {
        f->fd = fd;
        f->closefd = closefd;
    }
    else {
        f->closefd = 1;
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        if (opener == Py_None) {
            PyObject *path = PyOS_FSPath(nameobj);
            if (path == NULL)
                return -1;
            PyObject *bpath = PyUnicode_Check(path) ? PyUnicode_EncodeFSDefault(path) : Py_NewRef(path);
            Py_DECREF(path);
            if (bpath == NULL)
                return -1;
            if (!PyBytes_Check(bpath)) {
                Py_DECREF(bpath);
                PyErr_SetString(PyExc_TypeError, "expected str, bytes or os.PathLike object");
                return -1;
            }
            if ((Py_ssize_t)strlen(PyBytes_AS_STRING(bpath)) != PyBytes_GET_SIZE(bpath)) {
                Py_DECREF(bpath);
                PyErr_SetString(PyExc_ValueError, "embedded null byte");
                return -1;
            }
            /* open() can block (FIFOs, network file systems); bpath stays ours and is
             * immutable while the GIL is released. */
            int err;
            do {
                Py_BEGIN_ALLOW_THREADS
                fd = open(PyBytes_AS_STRING(bpath), flags, 0666);
                err = errno;
                Py_END_ALLOW_THREADS
                errno = err;
            } while (fd < 0 && err == EINTR && _KrSignal_Check() == 0);
            Py_DECREF(bpath);
            if (fd < 0) {
                if (!PyErr_Occurred())
                    PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
                return -1;
            }
        }
        else {
            PyObject *r = PyObject_CallFunction(opener, "Oi", nameobj, flags);
            if (r == NULL)
                return -1;
            fd = PyLong_AsInt(r);
            Py_DECREF(r);
            if (fd == -1 && PyErr_Occurred())
                return -1;
            if (fd < 0) {
                PyErr_Format(PyExc_ValueError, "opener returned %d", fd);
                return -1;
            }
        }
        f->fd = fd;
    }
    struct stat st;
    if (fstat(f->fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
            if (fd >= 0 && f->closefd && !PyLong_Check(nameobj))
                close(f->fd);
            f->fd = -1;
            return -1;
        }
        if (st.st_blksize > 1)
            f->blksize = (int)st.st_blksize;
    }
    else if (errno == EBADF) {
        PyErr_SetFromErrno(PyExc_OSError);
        f->fd = -1;
        return -1;
    }
    if (set_name(self, nameobj) < 0)
        return -1;
    if (f->appending)
        lseek(f->fd, 0, SEEK_END);
    f->iobase_closed = 0;
    return 0;
bad_mode:
    PyErr_SetString(PyExc_ValueError,
                    "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

static int check_open(fileio *f)
{
    if (f->fd < 0) {
        /* FileIO's message has no final period, unlike the other layers'. */
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static PyObject *err_mode(const char *action)
{
    PyErr_Format(_PyIO_GetUnsupportedOperation(), "File not open for %s", action);
    return NULL;
}

/* write(2) runs without the GIL, so `data` must belong to the caller for the whole call
 * (a bytes object it holds, a buffer export it holds, or memory under a lock it holds).
 * The file object itself is kept alive here because C callers reach it through borrowed
 * pointers, and another thread may close it between two writes. */
Py_ssize_t _PyFileIO_WriteAll(fileio *f, const char *data, Py_ssize_t n)
{
    Py_ssize_t done = 0, result = 0;
    Py_INCREF(f);
    while (done < n) {
        int fd = f->fd;
        if (fd < 0) {
            check_open(f);
            result = -1;
            goto out;
        }
        ssize_t w;
        int err;
        Py_BEGIN_ALLOW_THREADS
        w = write(fd, data + done, (size_t)(n - done));
        err = errno;
        Py_END_ALLOW_THREADS
        if (w < 0) {
            /* Signal handlers run with the GIL, then the write resumes where it was. */
            if (err == EINTR) {
                if (_KrSignal_Check() < 0) {
                    result = -1;
                    goto out;
                }
                continue;
            }
            if (err == EAGAIN)
                break;
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            result = -1;
            goto out;
        }
        done += w;
        /* A signal can cut a write short without EINTR: run its handler before blocking
         * again, possibly for a long time. */
        if (done < n && _KrSignal_Pending() && _KrSignal_Check() < 0) {
            result = -1;
            goto out;
        }
    }
    result = done;
out:
    Py_DECREF(f);
    return result;
}

/* read(2) without the GIL: the caller owns `buf` (a fresh bytes object or a buffer export
 * it holds). Returns the count, -2 with an exception set, -3 when a non-blocking fd has no
 * data. */
static ssize_t read_retry(int fd, char *buf, size_t n)
{
    for (;;) {
        ssize_t r;
        int err;
        Py_BEGIN_ALLOW_THREADS
        r = read(fd, buf, n);
        err = errno;
        Py_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (err == EINTR) {
            if (_KrSignal_Check() < 0)
                return -2;
            continue;
        }
        if (err == EAGAIN)
            return -3;
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -2;
    }
}

static PyObject *fileio_readall(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    Py_ssize_t cap = KR_IO_DEFAULT_BUFFER_SIZE;
    struct stat st;
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos)
            cap = (Py_ssize_t)(st.st_size - pos) + 1;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, cap);
    if (res == NULL)
        return NULL;
    Py_ssize_t len = 0;
    for (;;) {
        if (len >= cap) {
            cap = cap + (cap >> 1) + KR_IO_DEFAULT_BUFFER_SIZE;
            if (_PyBytes_Resize(&res, cap) < 0)
                return NULL;
        }
        ssize_t r = read_retry(f->fd, PyBytes_AS_STRING(res) + len, (size_t)(cap - len));
        if (r == -2) {
            Py_DECREF(res);
            return NULL;
        }
        if (r == -3) {
            if (len == 0) {
                Py_DECREF(res);
                Py_RETURN_NONE;
            }
            break;
        }
        if (r == 0)
            break;
        len += r;
    }
    if (_PyBytes_Resize(&res, len) < 0)
        return NULL;
    return res;
}

static PyObject *fileio_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    fileio *f = (fileio *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (check_open(f) < 0)
        return NULL;
    if (!f->readable)
        return err_mode("reading");
    if (n < 0)
        return fileio_readall(self, NULL);
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL)
        return NULL;
    ssize_t r = read_retry(f->fd, PyBytes_AS_STRING(res), (size_t)n);
    if (r == -2) {
        Py_DECREF(res);
        return NULL;
    }
    if (r == -3) {
        Py_DECREF(res);
        Py_RETURN_NONE;
    }
    if (r != n && _PyBytes_Resize(&res, r) < 0)
        return NULL;
    return res;
}

static PyObject *fileio_readinto(PyObject *self, PyObject *arg)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    if (!f->readable)
        return err_mode("reading");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    ssize_t r = read_retry(f->fd, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    if (r == -2)
        return NULL;
    if (r == -3)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(r);
}

static PyObject *fileio_write(PyObject *self, PyObject *arg)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    if (!f->writable)
        return err_mode("writing");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t n = _PyFileIO_WriteAll(f, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *fileio_seek(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    fileio *f = (fileio *)self;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    if (check_open(f) < 0)
        return NULL;
    if (PyFloat_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    long long pos = PyLong_AsLongLong(args[0]);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && (whence = PyLong_AsInt(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    f->seekable = 1;
    return PyLong_FromLongLong((long long)r);
}

static PyObject *fileio_tell(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLongLong((long long)r);
}

static PyObject *fileio_truncate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    fileio *f = (fileio *)self;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    if (check_open(f) < 0)
        return NULL;
    if (!f->writable)
        return err_mode("writing");
    long long size;
    if (nargs == 0 || args[0] == Py_None) {
        off_t r = lseek(f->fd, 0, SEEK_CUR);
        if (r < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
        size = r;
    }
    else {
        size = PyLong_AsLongLong(args[0]);
        if (size == -1 && PyErr_Occurred())
            return NULL;
    }
    if (ftruncate(f->fd, (off_t)size) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLongLong(size);
}

static PyObject *fileio_close(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (f->fd < 0) {
        f->iobase_closed = 1;
        Py_RETURN_NONE;
    }
    int fd = f->fd;
    f->fd = -1;
    f->iobase_closed = 1;
    if (f->closefd) {
        /* close() may wait for buffered data to reach a slow device. */
        int rc, err;
        Py_BEGIN_ALLOW_THREADS
        rc = close(fd);
        err = errno;
        Py_END_ALLOW_THREADS
        if (rc < 0 && err != EINTR) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
    }
    Py_RETURN_NONE;
}

static PyObject *fileio_seekable(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return PyBool_FromLong(f->seekable);
}

static PyObject *fileio_readable(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(f->readable);
}

static PyObject *fileio_writable(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(f->writable);
}

static PyObject *fileio_fileno(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    return PyLong_FromLong(f->fd);
}

static PyObject *fileio_isatty(PyObject *self, PyObject *unused)
{
    fileio *f = (fileio *)self;
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(isatty(f->fd));
}

static const char *mode_string(fileio *f)
{
    if (f->created)
        return f->readable ? "xb+" : "xb";
    if (f->appending)
        return f->readable ? "ab+" : "ab";
    if (f->readable)
        return f->writable ? "rb+" : "rb";
    return "wb";
}

static PyObject *fileio_get_mode(PyObject *self, void *c)
{
    return PyUnicode_FromString(mode_string((fileio *)self));
}

static PyObject *fileio_get_closed(PyObject *self, void *c)
{
    return PyBool_FromLong(((fileio *)self)->fd < 0);
}

static PyObject *fileio_get_closefd(PyObject *self, void *c)
{
    return PyBool_FromLong(((fileio *)self)->closefd);
}

static PyObject *fileio_get_blksize(PyObject *self, void *c)
{
    return PyLong_FromLong(((fileio *)self)->blksize);
}

static PyObject *fileio_repr(PyObject *self)
{
    fileio *f = (fileio *)self;
    if (f->fd < 0)
        return PyUnicode_FromFormat("<%s [closed]>", Py_TYPE(self)->tp_name);
    PyObject *name;
    if (PyObject_GetOptionalAttrString(self, "name", &name) < 0)
        return NULL;
    PyObject *r;
    if (name == NULL) {
        r = PyUnicode_FromFormat("<%s fd=%d mode='%s' closefd=%s>", Py_TYPE(self)->tp_name,
                                 f->fd, mode_string(f), f->closefd ? "True" : "False");
    }
    else {
        if (Py_ReprEnter(self) > 0) {
            Py_DECREF(name);
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                         Py_TYPE(self)->tp_name);
            return NULL;
        }
        r = PyUnicode_FromFormat("<%s name=%R mode='%s' closefd=%s>", Py_TYPE(self)->tp_name,
                                 name, mode_string(f), f->closefd ? "True" : "False");
        Py_ReprLeave(self);
        Py_DECREF(name);
    }
    return r;
}

static int fileio_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((fileio *)self)->dict);
    return 0;
}

static int fileio_clear(PyObject *self)
{
    Py_CLEAR(((fileio *)self)->dict);
    return 0;
}

static void fileio_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    fileio *f = (fileio *)self;
    if (f->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    if (f->fd >= 0 && f->closefd)
        close(f->fd);
    Py_CLEAR(f->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef fileio_methods[] = {
    {"read", _PyCFunction_CAST(fileio_read), METH_FASTCALL, NULL},
    {"readall", fileio_readall, METH_NOARGS, NULL},
    {"readinto", fileio_readinto, METH_O, NULL},
    {"write", fileio_write, METH_O, NULL},
    {"seek", _PyCFunction_CAST(fileio_seek), METH_FASTCALL, NULL},
    {"tell", fileio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(fileio_truncate), METH_FASTCALL, NULL},
    {"close", fileio_close, METH_NOARGS, NULL},
    {"seekable", fileio_seekable, METH_NOARGS, NULL},
    {"readable", fileio_readable, METH_NOARGS, NULL},
    {"writable", fileio_writable, METH_NOARGS, NULL},
    {"fileno", fileio_fileno, METH_NOARGS, NULL},
    {"isatty", fileio_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef fileio_getset[] = {
    {"closed", fileio_get_closed, NULL, NULL, NULL},
    {"closefd", fileio_get_closefd, NULL, NULL, NULL},
    {"mode", fileio_get_mode, NULL, NULL, NULL},
    {"_blksize", fileio_get_blksize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyFileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(fileio),
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Raw I/O on a file descriptor.",
    .tp_traverse = fileio_traverse,
    .tp_clear = fileio_clear,
    .tp_weaklistoffset = offsetof(fileio, weakreflist),
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
    .tp_base = &_PyRawIOBase_Type,
    .tp_dictoffset = offsetof(fileio, dict),
    .tp_init = fileio_init,
    .tp_new = fileio_new,
    .tp_finalize = _PyIO_Finalize,
};
