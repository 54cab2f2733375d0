/* The _io module: open(), the standard streams, and the C helpers other parts use to
 * write to file objects (print, tracebacks, warnings). The classes live in the _io_*.c
 * files. */
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include "_io_internal.h"

/* ---- os.fspath ---------------------------------------------------------------------- */

/* Weak so that the os area may provide the canonical one. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((weak))
#endif
PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path))
        return Py_NewRef(path);
    PyObject *func = _PyObject_LookupSpecial(path, _Py_ID(__fspath__));
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (r != NULL && !(PyUnicode_Check(r) || PyBytes_Check(r))) {
        PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(r)->tp_name);
        Py_CLEAR(r);
    }
    return r;
}

/* ---- open() ---------------------------------------------------------------------------- */

PyObject *_PyIO_Open(PyObject *file, const char *mode, int buffering, const char *encoding,
                     const char *errors, const char *newline, int closefd, PyObject *opener)
{
    if (!PyUnicode_Check(file) && !PyBytes_Check(file) && !PyLong_Check(file)) {
        PyObject *p = PyOS_FSPath(file);
        if (p == NULL)
            return NULL;
        Py_DECREF(p);
    }
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0;
    int text = 0, binary = 0;
    for (const char *s = mode; *s; s++) {
        const char *dup = strchr(mode, *s);
        if (strchr("xrwabt+", *s) == NULL || dup != s) {
            PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
            return NULL;
        }
        switch (*s) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    if (text && binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending != 1) {
        PyErr_SetString(PyExc_ValueError, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (binary && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && newline != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (binary && buffering == 1) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, "
                         "the default buffer size will be used", 1) < 0)
            return NULL;
    }
    char rawmode[6];
    int k = 0;
    rawmode[k++] = creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a';
    if (updating)
        rawmode[k++] = '+';
    rawmode[k] = '\0';
    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "OsOO", file, rawmode,
                                          closefd ? Py_True : Py_False,
                                          opener ? opener : Py_None);
    if (raw == NULL)
        return NULL;
    PyObject *result = raw, *buffer = NULL;
    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        PyObject *tty = PyObject_CallMethod(raw, "isatty", NULL);
        if (tty == NULL)
            goto error;
        int t = PyObject_IsTrue(tty);
        Py_DECREF(tty);
        if (t < 0)
            goto error;
        line_buffering = buffering == 1 || t;
    }
    if (buffering == 1 || buffering < 0)
        buffering = ((fileio *)raw)->blksize > 1 ? ((fileio *)raw)->blksize
                                                  : KR_IO_DEFAULT_BUFFER_SIZE;
    if (buffering == 0) {
        if (binary)
            return raw;
        PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
        goto error;
    }
    PyTypeObject *bt = updating ? &PyBufferedRandom_Type
                     : (creating || writing || appending) ? &PyBufferedWriter_Type
                                                          : &PyBufferedReader_Type;
    buffer = PyObject_CallFunction((PyObject *)bt, "Oi", raw, buffering);
    if (buffer == NULL)
        goto error;
    result = buffer;
    Py_CLEAR(raw);
    if (binary)
        return buffer;
    PyObject *wrapper = _PyIO_MakeTextIO(buffer, encoding, errors, newline, line_buffering, 0);
    if (wrapper == NULL)
        goto error;
    Py_DECREF(buffer);
    result = wrapper;
    PyObject *m = PyUnicode_FromString(mode);
    if (m == NULL || PyObject_SetAttrString(wrapper, "mode", m) < 0) {
        Py_XDECREF(m);
        goto error;
    }
    Py_DECREF(m);
    return wrapper;
error:
    {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *r = PyObject_CallMethod(result, "close", NULL);
        Py_XDECREF(r);
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    Py_DECREF(result);
    return NULL;
}

static PyObject *io_open(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL};
    PyObject *a[8];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "open", kwlist, 1, 8, 0, a) < 0)
        return NULL;
    const char *mode = "r", *enc = NULL, *errs = NULL, *nl = NULL;
    int buffering = -1, closefd = 1;
    if (a[1] != NULL) {
        if (!PyUnicode_Check(a[1])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'mode' must be str, not %.50s",
                         Py_TYPE(a[1])->tp_name);
            return NULL;
        }
        if ((mode = PyUnicode_AsUTF8(a[1])) == NULL)
            return NULL;
    }
    const char **targets[3] = {&enc, &errs, &nl};
    static const char *const names[3] = {"encoding", "errors", "newline"};
    for (int i = 0; i < 3; i++) {
        PyObject *v = a[3 + i];
        if (v == NULL || v == Py_None)
            continue;
        if (!PyUnicode_Check(v)) {
            PyErr_Format(PyExc_TypeError, "open() argument '%s' must be str or None, not %.50s",
                         names[i], Py_TYPE(v)->tp_name);
            return NULL;
        }
        if ((*targets[i] = PyUnicode_AsUTF8(v)) == NULL)
            return NULL;
    }
    if (a[2] && (buffering = PyLong_AsInt(a[2])) == -1 && PyErr_Occurred())
        return NULL;
    if (a[6] && (closefd = PyObject_IsTrue(a[6])) < 0)
        return NULL;
    return _PyIO_Open(a[0], mode, buffering, enc, errs, nl, closefd,
                      (a[7] == NULL || a[7] == Py_None) ? NULL : a[7]);
}

static PyObject *io_text_encoding(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("text_encoding", nargs, 1, 2))
        return NULL;
    if (args[0] != Py_None)
        return Py_NewRef(args[0]);
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return PyUnicode_FromString(interp->config.utf8_mode ? "utf-8" : "locale");
}

static PyObject *io_open_code(PyObject *m, PyObject *path)
{
    if (!PyUnicode_Check(path)) {
        PyErr_Format(PyExc_TypeError, "open_code() argument 'path' must be str, not %.50s",
                     Py_TYPE(path)->tp_name);
        return NULL;
    }
    return _PyIO_Open(path, "rb", -1, NULL, NULL, NULL, 1, NULL);
}

static PyMethodDef io_methods[] = {
    {"open", _PyCFunction_CAST(io_open), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"text_encoding", _PyCFunction_CAST(io_text_encoding), METH_FASTCALL, NULL},
    {"open_code", io_open_code, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef iomodule = {
    PyModuleDef_HEAD_INIT, "_io", "The io module provides the Python interfaces to stream handling.",
    -1, io_methods, NULL, NULL, NULL, NULL,
};

static PyTypeObject *const io_types[] = {
    &_PyIOBase_Type, &_PyRawIOBase_Type, &_PyBufferedIOBase_Type, &_PyTextIOBase_Type,
    &PyFileIO_Type, &PyBufferedReader_Type, &PyBufferedWriter_Type, &PyBufferedRandom_Type,
    &PyTextIOWrapper_Type, &PyStringIO_Type, &PyBytesIO_Type,
};

static int ready_io_types(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(io_types); i++)
        if (!(io_types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(io_types[i]) < 0)
            return -1;
    return 0;
}

PyObject *PyInit__io(void)
{
    if (ready_io_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&iomodule);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(io_types); i++)
        if (PyModule_AddType(m, io_types[i]) < 0)
            goto error;
    PyObject *uo = _PyIO_GetUnsupportedOperation();
    if (uo == NULL || PyModule_AddObjectRef(m, "UnsupportedOperation", uo) < 0 ||
        PyModule_AddObjectRef(m, "BlockingIOError", PyExc_BlockingIOError) < 0 ||
        PyModule_AddIntConstant(m, "DEFAULT_BUFFER_SIZE", KR_IO_DEFAULT_BUFFER_SIZE) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}

/* ---- writing to file objects from C -------------------------------------------------- */

int PyFile_WriteObject(PyObject *obj, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *value = (flags & Py_PRINT_RAW) ? PyObject_Str(obj) : PyObject_Repr(obj);
    if (value == NULL)
        return -1;
    PyObject *r;
    if (Py_IS_TYPE(f, &PyTextIOWrapper_Type))
        r = _PyTextIO_Write((textio *)f, value);
    else
        r = PyObject_CallMethodOneArg(f, _Py_ID(write), value);
    Py_DECREF(value);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        return -1;
    }
    if (PyErr_Occurred())
        return -1;
    PyObject *v = PyUnicode_FromString(s);
    if (v == NULL)
        return -1;
    int r = PyFile_WriteObject(v, f, Py_PRINT_RAW);
    Py_DECREF(v);
    return r;
}

PyObject *PyFile_GetLine(PyObject *f, int n)
{
    PyObject *r = n <= 0 ? PyObject_CallMethodNoArgs(f, _Py_ID(readline))
                         : PyObject_CallMethod(f, "readline", "i", n);
    if (r == NULL)
        return NULL;
    if (!PyBytes_Check(r) && !PyUnicode_Check(r)) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    if (n < 0) {
        Py_ssize_t len = PyObject_Size(r);
        if (len == 0) {
            Py_DECREF(r);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        if (PyUnicode_Check(r) && PyUnicode_READ_CHAR(r, len - 1) == '\n') {
            PyObject *t = PyUnicode_Substring(r, 0, len - 1);
            Py_DECREF(r);
            return t;
        }
        if (PyBytes_Check(r) && PyBytes_AS_STRING(r)[len - 1] == '\n') {
            PyObject *t = PyBytes_FromStringAndSize(PyBytes_AS_STRING(r), len - 1);
            Py_DECREF(r);
            return t;
        }
    }
    return r;
}

PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline,
                        int closefd)
{
    PyObject *fdobj = PyLong_FromLong(fd);
    if (fdobj == NULL)
        return NULL;
    PyObject *f = _PyIO_Open(fdobj, mode, buffering, encoding, errors, newline, closefd, NULL);
    Py_DECREF(fdobj);
    (void)name;
    return f;
}

int PyObject_AsFileDescriptor(PyObject *o)
{
    int fd;
    if (PyLong_Check(o)) {
        fd = PyLong_AsInt(o);
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttr(o, _Py_ID(fileno), &meth) < 0)
            return -1;
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r == NULL)
            return -1;
        if (!PyLong_Check(r)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(r);
            return -1;
        }
        fd = PyLong_AsInt(r);
        Py_DECREF(r);
    }
    if (fd == -1 && PyErr_Occurred())
        return -1;
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

/* ---- standard streams ------------------------------------------------------------------ */

static PyObject *create_stdio(int fd, int write_mode, const char *name, const char *encoding,
                              const char *errors, int unbuffered)
{
    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "isO", fd,
                                          write_mode ? "wb" : "rb", Py_False);
    if (raw == NULL)
        return NULL;
    PyObject *nm = PyUnicode_FromString(name);
    if (nm == NULL || PyObject_SetAttrString(raw, "name", nm) < 0) {
        Py_XDECREF(nm);
        Py_DECREF(raw);
        return NULL;
    }
    PyObject *buffer;
    int line_buffering = 0, write_through = 0;
    if (unbuffered && write_mode) {
        buffer = Py_NewRef(raw);
        write_through = 1;
    }
    else {
        buffer = PyObject_CallFunction(write_mode ? (PyObject *)&PyBufferedWriter_Type
                                                  : (PyObject *)&PyBufferedReader_Type,
                                       "O", raw);
        if (buffer == NULL) {
            Py_DECREF(nm);
            Py_DECREF(raw);
            return NULL;
        }
        if (write_mode)
            line_buffering = fd == 2 || isatty(fd);
    }
    Py_DECREF(raw);
    PyObject *text = _PyIO_MakeTextIO(buffer, encoding, errors, "\n", line_buffering,
                                      write_through);
    Py_DECREF(buffer);
    if (text == NULL) {
        Py_DECREF(nm);
        return NULL;
    }
    PyObject *mode = PyUnicode_FromString(write_mode ? "w" : "r");
    if (mode == NULL || PyObject_SetAttrString(text, "mode", mode) < 0) {
        Py_XDECREF(mode);
        Py_DECREF(nm);
        Py_DECREF(text);
        return NULL;
    }
    Py_DECREF(mode);
    Py_DECREF(nm);
    return text;
}

static int fcntl_check_fd(int fd)
{
    return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

int _PyIO_InitStdio(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (ready_io_types() < 0)
        return -1;
    char encbuf[64] = "utf-8", errbuf[64] = "";
    const char *ioenc = interp->config.ignore_environment ? NULL : getenv("PYTHONIOENCODING");
    if (ioenc != NULL && *ioenc) {
        const char *colon = strchr(ioenc, ':');
        size_t n = colon ? (size_t)(colon - ioenc) : strlen(ioenc);
        if (n > 0 && n < sizeof encbuf) {
            memcpy(encbuf, ioenc, n);
            encbuf[n] = '\0';
        }
        if (colon && colon[1] && strlen(colon + 1) < sizeof errbuf)
            strcpy(errbuf, colon + 1);
    }
    const char *in_out_errors = errbuf[0] ? errbuf : "surrogateescape";
    const char *err_errors = errbuf[0] ? errbuf : "backslashreplace";
    int unbuffered = interp->config.unbuffered;
    static const struct {
        int fd, write;
        const char *name, *attr, *dunder;
    } streams[3] = {
        {0, 0, "<stdin>", "stdin", "__stdin__"},
        {1, 1, "<stdout>", "stdout", "__stdout__"},
        {2, 1, "<stderr>", "stderr", "__stderr__"},
    };
    for (int i = 0; i < 3; i++) {
        PyObject *s;
        /* A closed descriptor gives None, as in CPython. */
        if (fcntl_check_fd(streams[i].fd)) {
            s = create_stdio(streams[i].fd, streams[i].write, streams[i].name, encbuf,
                             i == 2 ? err_errors : in_out_errors, unbuffered);
            if (s == NULL)
                return -1;
        }
        else {
            s = Py_NewRef(Py_None);
        }
        int r = PySys_SetObject(streams[i].attr, s) < 0 || PySys_SetObject(streams[i].dunder, s) < 0;
        Py_DECREF(s);
        if (r)
            return -1;
    }
    return 0;
}

static int flush_one(const char *name)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL || f == Py_None)
        return 0;
    Py_INCREF(f);
    PyObject *closed;
    int rc = 0;
    if (PyObject_GetOptionalAttrString(f, "closed", &closed) < 0) {
        PyErr_Clear();
    }
    else if (closed != NULL) {
        int c = PyObject_IsTrue(closed);
        Py_DECREF(closed);
        if (c > 0) {
            Py_DECREF(f);
            return 0;
        }
    }
    PyObject *r = PyObject_CallMethodNoArgs(f, _Py_ID(flush));
    if (r == NULL) {
        if (strcmp(name, "stdout") == 0) {
            PyErr_WriteUnraisable(f);
            rc = -1;
        }
        else {
            PyErr_Clear();
        }
    }
    Py_XDECREF(r);
    Py_DECREF(f);
    return rc;
}

int _PyIO_FlushStdio(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    int r = flush_one("stdout");
    if (flush_one("stderr") < 0)
        r = -1;
    PyErr_SetRaisedException(exc);
    return r;
}
