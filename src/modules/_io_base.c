/* The abstract I/O base classes (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase):
 * generic behaviour written in terms of the methods subclasses provide, plus the
 * shared helpers of the _io files. */
#include <string.h>
#include "_io_internal.h"

/* ---- helpers ------------------------------------------------------------------------ */

PyObject *_PyIO_GetUnsupportedOperation(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *cls = PyDict_GetItemString(interp->dict, "io.UnsupportedOperation");
    if (cls != NULL)
        return cls;
    PyObject *bases = PyTuple_Pack(2, PyExc_OSError, PyExc_ValueError);
    if (bases == NULL)
        return NULL;
    cls = PyErr_NewException("io.UnsupportedOperation", bases, NULL);
    Py_DECREF(bases);
    if (cls == NULL)
        return NULL;
    int r = PyDict_SetItemString(interp->dict, "io.UnsupportedOperation", cls);
    Py_DECREF(cls);
    return r < 0 ? NULL : cls;
}

PyObject *_PyIO_Unsupported(const char *what)
{
    PyObject *cls = _PyIO_GetUnsupportedOperation();
    if (cls != NULL)
        PyErr_SetString(cls, what);
    return NULL;
}

PyObject *_PyIO_ClosedError(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int _PyIO_CheckClosed(PyObject *self)
{
    PyObject *v = PyObject_GetAttrString(self, "closed");
    if (v == NULL)
        return -1;
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0)
        return -1;
    if (t) {
        _PyIO_ClosedError();
        return -1;
    }
    return 0;
}

int _PyIO_ConvertSsize(PyObject *arg, void *out)
{
    Py_ssize_t *p = out;
    if (arg == Py_None) {
        *p = -1;
        return 1;
    }
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return 0;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred())
        return 0;
    *p = v;
    return 1;
}

static PyObject *call0(PyObject *self, const char *name)
{
    return PyObject_CallMethod(self, name, NULL);
}

/* ---- _IOBase ------------------------------------------------------------------------- */

static PyObject *iobase_unsupported_seek(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("seek");
}

static PyObject *iobase_tell(PyObject *self, PyObject *unused)
{
    return PyObject_CallMethod(self, "seek", "ii", 0, 1);
}

static PyObject *iobase_truncate(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("truncate");
}

static PyObject *iobase_flush(PyObject *self, PyObject *unused)
{
    if (((iobase *)self)->iobase_closed)
        return _PyIO_ClosedError();
    Py_RETURN_NONE;
}

static PyObject *iobase_close(PyObject *self, PyObject *unused)
{
    iobase *b = (iobase *)self;
    if (b->iobase_closed)
        Py_RETURN_NONE;
    PyObject *r = call0(self, "flush");
    b->iobase_closed = 1;
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *iobase_get_closed(PyObject *self, void *c)
{
    return PyBool_FromLong(((iobase *)self)->iobase_closed);
}

static PyObject *ret_false(PyObject *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static PyObject *iobase_fileno(PyObject *self, PyObject *unused)
{
    return _PyIO_Unsupported("fileno");
}

static PyObject *iobase_isatty(PyObject *self, PyObject *unused)
{
    if (_PyIO_CheckClosed(self) < 0)
        return NULL;
    Py_RETURN_FALSE;
}

static PyObject *iobase_enter(PyObject *self, PyObject *unused)
{
    if (_PyIO_CheckClosed(self) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *iobase_exit(PyObject *self, PyObject *args)
{
    return call0(self, "close");
}

static PyObject *iobase_iter(PyObject *self)
{
    if (_PyIO_CheckClosed(self) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *iobase_iternext(PyObject *self)
{
    PyObject *line = call0(self, "readline");
    if (line == NULL)
        return NULL;
    Py_ssize_t n = PyObject_Size(line);
    if (n <= 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* Generic readline in terms of peek()/read(1). */
static PyObject *iobase_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &limit))
        return NULL;
    PyObject *res = PyByteArray_FromStringAndSize(NULL, 0);
    if (res == NULL)
        return NULL;
    while (limit < 0 || PyByteArray_GET_SIZE(res) < limit) {
        PyObject *b = PyObject_CallMethod(self, "read", "i", 1);
        if (b == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (!PyBytes_Check(b)) {
            PyErr_Format(PyExc_OSError, "read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_DECREF(b);
            Py_DECREF(res);
            return NULL;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(b);
        if (n == 0) {
            Py_DECREF(b);
            break;
        }
        Py_ssize_t old = PyByteArray_GET_SIZE(res);
        if (PyByteArray_Resize(res, old + n) < 0) {
            Py_DECREF(b);
            Py_DECREF(res);
            return NULL;
        }
        memcpy(PyByteArray_AS_STRING(res) + old, PyBytes_AS_STRING(b), (size_t)n);
        int nl = PyBytes_AS_STRING(b)[n - 1] == '\n';
        Py_DECREF(b);
        if (nl)
            break;
    }
    PyObject *r = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(res), PyByteArray_GET_SIZE(res));
    Py_DECREF(res);
    return r;
}

static PyObject *iobase_readlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t hint = -1;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &hint))
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_ssize_t total = 0;
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        if (PyList_Append(list, line) < 0) {
            Py_DECREF(line);
            break;
        }
        total += PyObject_Size(line);
        Py_DECREF(line);
        if (hint > 0 && total >= hint)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *iobase_writelines(PyObject *self, PyObject *lines)
{
    if (_PyIO_CheckClosed(self) < 0)
        return NULL;
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_CallMethod(self, "write", "O", line);
        Py_DECREF(line);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *iobase_check(PyObject *self, const char *meth, const char *msg)
{
    PyObject *r = call0(self, meth);
    if (r == NULL)
        return NULL;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (t < 0)
        return NULL;
    if (!t)
        return _PyIO_Unsupported(msg);
    Py_RETURN_TRUE;
}

static PyObject *iobase_check_readable(PyObject *self, PyObject *u)
{
    return iobase_check(self, "readable", "File or stream is not readable.");
}

static PyObject *iobase_check_writable(PyObject *self, PyObject *u)
{
    return iobase_check(self, "writable", "File or stream is not writable.");
}

static PyObject *iobase_check_seekable(PyObject *self, PyObject *u)
{
    return iobase_check(self, "seekable", "File or stream is not seekable.");
}

static PyObject *iobase_check_closed(PyObject *self, PyObject *u)
{
    if (_PyIO_CheckClosed(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Finaliser shared by all _io types: close the object, reporting failures as
 * unraisable exceptions like CPython's IOBase.__del__. */
void _PyIO_Finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *closed;
    int is_closed = 1;
    if (PyObject_GetOptionalAttrString(self, "closed", &closed) <= 0) {
        PyErr_Clear();
    }
    else {
        is_closed = PyObject_IsTrue(closed);
        Py_DECREF(closed);
        if (is_closed < 0) {
            PyErr_Clear();
            is_closed = 1;
        }
    }
    if (!is_closed) {
        PyObject *r = call0(self, "close");
        if (r == NULL)
            PyErr_WriteUnraisable(self);
        Py_XDECREF(r);
    }
    PyErr_SetRaisedException(exc);
}

static int iobase_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((iobase *)self)->dict);
    return 0;
}

static int iobase_clear(PyObject *self)
{
    Py_CLEAR(((iobase *)self)->dict);
    return 0;
}

static void iobase_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    if (((iobase *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_CLEAR(((iobase *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef iobase_methods[] = {
    {"seek", iobase_unsupported_seek, METH_VARARGS, NULL},
    {"tell", iobase_tell, METH_NOARGS, NULL},
    {"truncate", iobase_truncate, METH_VARARGS, NULL},
    {"flush", iobase_flush, METH_NOARGS, NULL},
    {"close", iobase_close, METH_NOARGS, NULL},
    {"seekable", ret_false, METH_NOARGS, NULL},
    {"readable", ret_false, METH_NOARGS, NULL},
    {"writable", ret_false, METH_NOARGS, NULL},
    {"_checkClosed", iobase_check_closed, METH_VARARGS, NULL},
    {"_checkSeekable", iobase_check_seekable, METH_VARARGS, NULL},
    {"_checkReadable", iobase_check_readable, METH_VARARGS, NULL},
    {"_checkWritable", iobase_check_writable, METH_VARARGS, NULL},
    {"fileno", iobase_fileno, METH_NOARGS, NULL},
    {"isatty", iobase_isatty, METH_NOARGS, NULL},
    {"__enter__", iobase_enter, METH_NOARGS, NULL},
    {"__exit__", iobase_exit, METH_VARARGS, NULL},
    {"readline", _PyCFunction_CAST(iobase_readline), METH_FASTCALL, NULL},
    {"readlines", _PyCFunction_CAST(iobase_readlines), METH_FASTCALL, NULL},
    {"writelines", iobase_writelines, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef iobase_getset[] = {
    {"closed", iobase_get_closed, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_weaklistoffset = offsetof(iobase, weakreflist),
    .tp_iter = iobase_iter,
    .tp_iternext = iobase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_dictoffset = offsetof(iobase, dict),
    .tp_new = PyType_GenericNew,
    .tp_finalize = _PyIO_Finalize,
};

/* ---- _RawIOBase ------------------------------------------------------------------------ */

static PyObject *rawiobase_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (n < 0)
        return call0(self, "readall");
    PyObject *ba = PyByteArray_FromStringAndSize(NULL, n);
    if (ba == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(self, "readinto", "O", ba);
    if (r == NULL || r == Py_None) {
        Py_DECREF(ba);
        return r;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(r, PyExc_ValueError);
    Py_DECREF(r);
    if (got == -1 && PyErr_Occurred()) {
        Py_DECREF(ba);
        return NULL;
    }
    if (got < 0 || got > n) {
        Py_DECREF(ba);
        PyErr_Format(PyExc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(ba), got);
    Py_DECREF(ba);
    return res;
}

static PyObject *rawiobase_readall(PyObject *self, PyObject *unused)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL)
        return NULL;
    for (;;) {
        PyObject *data = PyObject_CallMethod(self, "read", "i", KR_IO_DEFAULT_BUFFER_SIZE);
        if (data == NULL) {
            Py_DECREF(chunks);
            return NULL;
        }
        if (data == Py_None) {
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        if (!PyBytes_Check(data)) {
            Py_DECREF(data);
            Py_DECREF(chunks);
            PyErr_SetString(PyExc_TypeError, "read() should return bytes");
            return NULL;
        }
        if (PyBytes_GET_SIZE(data) == 0) {
            Py_DECREF(data);
            break;
        }
        int r = PyList_Append(chunks, data);
        Py_DECREF(data);
        if (r < 0) {
            Py_DECREF(chunks);
            return NULL;
        }
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *res = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return res;
}

static PyObject *unsupported_readinto(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("readinto");
}

static PyObject *unsupported_write(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("write");
}

static PyObject *unsupported_read(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("read");
}

static PyObject *unsupported_read1(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("read1");
}

static PyObject *unsupported_detach(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("detach");
}

static PyObject *unsupported_readline(PyObject *self, PyObject *a)
{
    return _PyIO_Unsupported("readline");
}

static PyMethodDef rawiobase_methods[] = {
    {"read", _PyCFunction_CAST(rawiobase_read), METH_FASTCALL, NULL},
    {"readall", rawiobase_readall, METH_NOARGS, NULL},
    {"readinto", unsupported_readinto, METH_VARARGS, NULL},
    {"write", unsupported_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyRawIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_methods = rawiobase_methods,
    .tp_base = &_PyIOBase_Type,
    .tp_new = PyType_GenericNew,
    .tp_finalize = _PyIO_Finalize,
};

/* ---- _BufferedIOBase ------------------------------------------------------------------- */

static PyObject *bufiobase_readinto(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    PyObject *data = PyObject_CallMethod(self, "read", "n", view.len);
    if (data == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (!PyBytes_Check(data)) {
        PyBuffer_Release(&view);
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(data);
    if (n > view.len)
        n = view.len;
    memcpy(view.buf, PyBytes_AS_STRING(data), (size_t)n);
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef bufiobase_methods[] = {
    {"detach", unsupported_detach, METH_NOARGS, NULL},
    {"read", unsupported_read, METH_VARARGS, NULL},
    {"read1", unsupported_read1, METH_VARARGS, NULL},
    {"readinto", bufiobase_readinto, METH_O, NULL},
    {"readinto1", bufiobase_readinto, METH_O, NULL},
    {"write", unsupported_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyBufferedIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for buffered I/O.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_methods = bufiobase_methods,
    .tp_base = &_PyIOBase_Type,
    .tp_new = PyType_GenericNew,
    .tp_finalize = _PyIO_Finalize,
};

/* ---- _TextIOBase ---------------------------------------------------------------------- */

static PyObject *ret_none_getter(PyObject *self, void *c)
{
    Py_RETURN_NONE;
}

static PyMethodDef textiobase_methods[] = {
    {"detach", unsupported_detach, METH_NOARGS, NULL},
    {"read", unsupported_read, METH_VARARGS, NULL},
    {"readline", unsupported_readline, METH_VARARGS, NULL},
    {"write", unsupported_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef textiobase_getset[] = {
    {"encoding", ret_none_getter, NULL, NULL, NULL},
    {"newlines", ret_none_getter, NULL, NULL, NULL},
    {"errors", ret_none_getter, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyTextIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for text I/O.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &_PyIOBase_Type,
    .tp_new = PyType_GenericNew,
    .tp_finalize = _PyIO_Finalize,
};
