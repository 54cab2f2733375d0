/* The fcntl module: fcntl(), ioctl(), flock() and lockf() on file descriptors, plus the
 * F_* / LOCK_* / FD_* constants of <fcntl.h> and <sys/file.h>. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#if defined(__linux__)
#include <linux/fs.h>
#endif

/* Arguments passed by buffer are copied into a stack buffer of this size, with guard
 * bytes after it so an over-long kernel write cannot run off the end unnoticed. */
#define ARG_MAX_LEN 1024
#define GUARD_LEN 8

static int fd_arg(PyObject *o, int *fd)
{
    *fd = PyObject_AsFileDescriptor(o);
    return *fd < 0 ? -1 : 0;
}

/* "I" in CPython's argument parser: an index-able object reduced modulo 2**32. */
static int uint_mask_arg(PyObject *o, unsigned int *out)
{
    PyObject *idx = PyNumber_Index(o);
    if (idx == NULL)
        return -1;
    unsigned long v = PyLong_AsUnsignedLongMask(idx);
    Py_DECREF(idx);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    *out = (unsigned int)v;
    return 0;
}

/* A C int as Argument Clinic converts it (ioctl's own int argument instead goes through
 * the older "i" parser unit, whose overflow messages differ). */
static int c_int(PyObject *o, int *out)
{
    *out = PyLong_AsInt(o);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* "i" in CPython's argument parser, with its overflow messages. */
static int int_arg(PyObject *o, int *out)
{
    PyObject *idx = PyNumber_Index(o);
    if (idx == NULL)
        return -1;
    long v = PyLong_AsLong(idx);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* str (as UTF-8) or bytes: the read-only argument forms copied in and returned. */
static int readonly_arg(PyObject *o, const char **data, Py_ssize_t *len)
{
    if (PyUnicode_Check(o)) {
        *data = PyUnicode_AsUTF8AndSize(o, len);
        return *data == NULL ? -1 : 1;
    }
    if (PyBytes_Check(o)) {
        *data = PyBytes_AS_STRING(o);
        *len = PyBytes_GET_SIZE(o);
        return 1;
    }
    return 0;
}

/* Repeats a call interrupted by a signal after running the Python handlers, which may
 * raise. Returns the call's result, or -1 with errno set / an exception pending. */
#define RETRY_EINTR(result, call)                                                           \
    do {                                                                                    \
        Py_BEGIN_ALLOW_THREADS                                                              \
        result = (call);                                                                    \
        Py_END_ALLOW_THREADS                                                                \
    } while (result == -1 && errno == EINTR && !(async_err = PyErr_CheckSignals()))

static PyObject *fcntl_fcntl(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fcntl", nargs, 2, 3))
        return NULL;
    int fd, code, async_err = 0;
    if (fd_arg(args[0], &fd) < 0 || c_int(args[1], &code) < 0)
        return NULL;
    PyObject *arg = nargs > 2 ? args[2] : NULL;
    if (PySys_Audit("fcntl.fcntl", "iiO", fd, code, arg ? arg : Py_None) < 0)
        return NULL;
    int ret;
    if (arg != NULL) {
        const char *data;
        Py_ssize_t len;
        int kind = readonly_arg(arg, &data, &len);
        if (kind < 0)
            return NULL;
        if (kind > 0) {
            if (len > ARG_MAX_LEN) {
                PyErr_SetString(PyExc_ValueError, "fcntl string arg too long");
                return NULL;
            }
            char buf[ARG_MAX_LEN + GUARD_LEN];
            memcpy(buf, data, (size_t)len);
            memset(buf + len, 0, GUARD_LEN);
            RETRY_EINTR(ret, fcntl(fd, code, buf));
            if (ret < 0)
                return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
            return PyBytes_FromStringAndSize(buf, len);
        }
    }
    unsigned int value = 0;
    if (arg != NULL && uint_mask_arg(arg, &value) < 0)
        return NULL;
    RETRY_EINTR(ret, fcntl(fd, code, (int)value));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(ret);
}

static PyObject *ioctl_mutable(int fd, unsigned int code, Py_buffer *view)
{
    int ret, async_err = 0;
    char buf[ARG_MAX_LEN + GUARD_LEN];
    char *target = view->buf;
    /* Small buffers go through a copy so a request that writes more than the caller
     * supplied hits our guard bytes rather than the caller's neighbours. */
    if (view->len <= ARG_MAX_LEN) {
        memcpy(buf, view->buf, (size_t)view->len);
        memset(buf + view->len, 0, GUARD_LEN);
        target = buf;
    }
    RETRY_EINTR(ret, ioctl(fd, code, target));
    if (target == buf)
        memcpy(view->buf, buf, (size_t)view->len);
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(ret);
}

static PyObject *ioctl_copy(int fd, unsigned int code, const char *data, Py_ssize_t len)
{
    if (len > ARG_MAX_LEN) {
        PyErr_SetString(PyExc_ValueError, "ioctl string arg too long");
        return NULL;
    }
    int ret, async_err = 0;
    char buf[ARG_MAX_LEN + GUARD_LEN];
    memcpy(buf, data, (size_t)len);
    memset(buf + len, 0, GUARD_LEN);
    RETRY_EINTR(ret, ioctl(fd, code, buf));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return PyBytes_FromStringAndSize(buf, len);
}

static PyObject *fcntl_ioctl(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("ioctl", nargs, 2, 4))
        return NULL;
    int fd, async_err = 0;
    unsigned int code;
    if (fd_arg(args[0], &fd) < 0 || uint_mask_arg(args[1], &code) < 0)
        return NULL;
    PyObject *arg = nargs > 2 ? args[2] : NULL;
    int mutate = 1;
    if (nargs > 3 && (mutate = PyObject_IsTrue(args[3])) < 0)
        return NULL;
    if (PySys_Audit("fcntl.ioctl", "iIO", fd, code, arg ? arg : Py_None) < 0)
        return NULL;
    if (arg != NULL) {
        Py_buffer view;
        if (!PyUnicode_Check(arg) && PyObject_CheckBuffer(arg)) {
            if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) == 0) {
                PyObject *res = mutate ? ioctl_mutable(fd, code, &view)
                                       : ioctl_copy(fd, code, view.buf, view.len);
                PyBuffer_Release(&view);
                return res;
            }
            PyErr_Clear();
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) == 0) {
                PyObject *res = ioctl_copy(fd, code, view.buf, view.len);
                PyBuffer_Release(&view);
                return res;
            }
            PyErr_Clear();
        }
        else if (PyUnicode_Check(arg)) {
            Py_ssize_t len;
            const char *data = PyUnicode_AsUTF8AndSize(arg, &len);
            return data ? ioctl_copy(fd, code, data, len) : NULL;
        }
    }
    int value = 0;
    if (arg != NULL && int_arg(arg, &value) < 0)
        return NULL;
    int ret;
    RETRY_EINTR(ret, ioctl(fd, code, value));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(ret);
}

static PyObject *fcntl_flock(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("flock", nargs, 2, 2))
        return NULL;
    int fd, op, ret, async_err = 0;
    if (fd_arg(args[0], &fd) < 0 || c_int(args[1], &op) < 0)
        return NULL;
    if (PySys_Audit("fcntl.flock", "ii", fd, op) < 0)
        return NULL;
    RETRY_EINTR(ret, flock(fd, op));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static int off_arg(PyObject *o, off_t *out)
{
    PyObject *idx = PyNumber_Index(o);
    if (idx == NULL)
        return -1;
    long v = PyLong_AsLong(idx);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (off_t)v;
    return 0;
}

static PyObject *fcntl_lockf(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("lockf", nargs, 2, 5))
        return NULL;
    int fd, code, whence = 0, ret, async_err = 0;
    if (fd_arg(args[0], &fd) < 0 || c_int(args[1], &code) < 0)
        return NULL;
    PyObject *lenobj = nargs > 2 ? args[2] : NULL;
    PyObject *startobj = nargs > 3 ? args[3] : NULL;
    if (nargs > 4 && c_int(args[4], &whence) < 0)
        return NULL;
    if (PySys_Audit("fcntl.lockf", "iiOOi", fd, code, lenobj ? lenobj : Py_None,
                    startobj ? startobj : Py_None, whence) < 0)
        return NULL;
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN)
        l.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        l.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        l.l_type = F_WRLCK;
    else {
        PyErr_SetString(PyExc_ValueError, "unrecognized lockf argument");
        return NULL;
    }
    off_t len = 0, start = 0;
    if ((lenobj != NULL && off_arg(lenobj, &len) < 0) ||
        (startobj != NULL && off_arg(startobj, &start) < 0))
        return NULL;
    l.l_len = len;
    l.l_start = start;
    l.l_whence = (short)whence;
    RETRY_EINTR(ret, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyMethodDef fcntl_methods[] = {
    {"fcntl", _PyCFunction_CAST(fcntl_fcntl), METH_FASTCALL,
     "fcntl($module, fd, cmd, arg=0, /)\n--\n\n"
     "Run fcntl(2) command `cmd` on `fd`.\n\n"
     "An int `arg` (default 0) is passed as is and the call's int result returned.\n"
     "A str or bytes `arg` (at most 1024 bytes) is copied into a buffer whose\n"
     "address is passed; the buffer's final contents are returned as bytes."},
    {"ioctl", _PyCFunction_CAST(fcntl_ioctl), METH_FASTCALL,
     "ioctl($module, fd, request, arg=0, mutate_flag=True, /)\n--\n\n"
     "Run ioctl(2) `request` on `fd`.\n\n"
     "An int `arg` is passed as is and the int result returned. A writable buffer\n"
     "is updated in place when `mutate_flag` is true (the int result is returned);\n"
     "otherwise a read-only buffer or str (at most 1024 bytes) is copied, and the\n"
     "copy's final contents are returned as bytes."},
    {"flock", _PyCFunction_CAST(fcntl_flock), METH_FASTCALL,
     "flock($module, fd, operation, /)\n--\n\n"
     "Apply or remove a flock(2) advisory lock (LOCK_SH, LOCK_EX, LOCK_UN, | LOCK_NB)."},
    {"lockf", _PyCFunction_CAST(fcntl_lockf), METH_FASTCALL,
     "lockf($module, fd, cmd, len=0, start=0, whence=0, /)\n--\n\n"
     "Lock or unlock a byte range of `fd` with fcntl(2) record locks.\n\n"
     "`cmd` is LOCK_UN, LOCK_SH or LOCK_EX, optionally or-ed with LOCK_NB to fail\n"
     "with OSError (EACCES or EAGAIN) instead of waiting. The range starts at\n"
     "`start` relative to `whence` (0 start of file, 1 current position, 2 end)\n"
     "and spans `len` bytes, 0 meaning up to the end of the file."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fcntlmodule = {
    PyModuleDef_HEAD_INIT, "fcntl",
    "File and I/O control (fcntl(2), ioctl(2)) and advisory locking on file\n"
    "descriptors. Functions accept an int descriptor or any object with fileno().",
    -1, fcntl_methods, NULL, NULL, NULL, NULL,
};

#define C(name) {#name, (long)(name)}
static const struct {
    const char *name;
    long value;
} fcntl_consts[] = {
    C(LOCK_SH), C(LOCK_EX), C(LOCK_NB), C(LOCK_UN),
#ifdef LOCK_MAND
    C(LOCK_MAND), C(LOCK_READ), C(LOCK_WRITE), C(LOCK_RW),
#endif
    C(F_DUPFD), C(F_DUPFD_CLOEXEC), C(F_GETFD), C(F_SETFD), C(F_GETFL), C(F_SETFL),
    C(F_GETLK), C(F_SETLK), C(F_SETLKW), C(F_GETOWN), C(F_SETOWN), C(F_RDLCK), C(F_WRLCK),
    C(F_UNLCK), C(FD_CLOEXEC),
#ifdef F_GETLK64
    C(F_GETLK64), C(F_SETLK64), C(F_SETLKW64),
#endif
#ifdef F_GETSIG
    C(F_GETSIG), C(F_SETSIG),
#endif
#ifdef FASYNC
    C(FASYNC),
#endif
#ifdef F_EXLCK
    C(F_EXLCK), C(F_SHLCK),
#endif
#ifdef F_GETLEASE
    C(F_GETLEASE), C(F_SETLEASE), C(F_NOTIFY),
#endif
#ifdef DN_ACCESS
    C(DN_ACCESS), C(DN_MODIFY), C(DN_CREATE), C(DN_DELETE), C(DN_RENAME), C(DN_ATTRIB),
    C(DN_MULTISHOT),
#endif
#ifdef F_GETOWN_EX
    C(F_GETOWN_EX), C(F_SETOWN_EX), C(F_OWNER_TID), C(F_OWNER_PID), C(F_OWNER_PGRP),
#endif
#ifdef F_GETPIPE_SZ
    C(F_GETPIPE_SZ), C(F_SETPIPE_SZ),
#endif
#ifdef F_OFD_GETLK
    C(F_OFD_GETLK), C(F_OFD_SETLK), C(F_OFD_SETLKW),
#endif
#ifdef F_ADD_SEALS
    C(F_ADD_SEALS), C(F_GET_SEALS), C(F_SEAL_SEAL), C(F_SEAL_SHRINK), C(F_SEAL_GROW),
    C(F_SEAL_WRITE),
#endif
#ifdef F_SEAL_FUTURE_WRITE
    C(F_SEAL_FUTURE_WRITE),
#endif
#ifdef F_GET_RW_HINT
    C(F_GET_RW_HINT), C(F_SET_RW_HINT), C(F_GET_FILE_RW_HINT), C(F_SET_FILE_RW_HINT),
    C(RWH_WRITE_LIFE_NOT_SET), C(RWH_WRITE_LIFE_NONE), C(RWH_WRITE_LIFE_SHORT),
    C(RWH_WRITE_LIFE_MEDIUM), C(RWH_WRITE_LIFE_LONG), C(RWH_WRITE_LIFE_EXTREME),
#endif
#ifdef FICLONE
    C(FICLONE), C(FICLONERANGE),
#endif
    {NULL, 0},
};
#undef C

PyObject *PyInit_fcntl(void)
{
    PyObject *m = PyModule_Create(&fcntlmodule);
    if (m == NULL)
        return NULL;
    for (int i = 0; fcntl_consts[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(m, fcntl_consts[i].name, fcntl_consts[i].value) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
