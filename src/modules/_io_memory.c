/* In-memory streams: StringIO (text, stored as UCS-4 code points so that writes at any
 * position are simple) and BytesIO. */
#include <string.h>
#include "_io_internal.h"

void _PyIO_Finalize(PyObject *self);

/* ---- StringIO ---------------------------------------------------------------------- */

typedef struct {
    KR_IOBASE_HEAD
    Py_UCS4 *buf;
    Py_ssize_t len, cap, pos;
    int ok, closed;
    int translate_in;   /* newline=None: "\r\n" and "\r" become "\n" on write */
    PyObject *writenl;  /* newline '\r' or '\r\n': "\n" becomes this on write */
    int universal;      /* newline='' or None: any line ending splits lines */
    int nlmode;         /* 0: '\n'; 1: universal; 2: '\r'; 3: '\r\n' */
    int seen;           /* newline kinds seen in writes (for .newlines) */
} stringio;

static int sio_check(stringio *s)
{
    if (!s->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int sio_reserve(stringio *s, Py_ssize_t need)
{
    if (need <= s->cap)
        return 0;
    Py_ssize_t ncap = s->cap ? s->cap : 16;
    while (ncap < need)
        ncap = ncap + (ncap >> 1) + 16;
    Py_UCS4 *nb = PyMem_Realloc(s->buf, (size_t)ncap * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    s->buf = nb;
    s->cap = ncap;
    return 0;
}

/* Writes `text` at the current position (after newline handling); returns 0 or -1. */
static int sio_write_str(stringio *s, PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t nl_len = s->writenl ? PyUnicode_GET_LENGTH(s->writenl) : 1;
    /* upper bound on the output length */
    Py_ssize_t maxout = s->writenl ? n * nl_len : n;
    if (s->pos > s->len) {
        if (sio_reserve(s, s->pos) < 0)
            return -1;
        for (Py_ssize_t i = s->len; i < s->pos; i++)
            s->buf[i] = 0;
        s->len = s->pos;
    }
    if (sio_reserve(s, s->pos + maxout) < 0)
        return -1;
    Py_UCS4 *tmp = PyMem_Malloc((size_t)(maxout ? maxout : 1) * sizeof(Py_UCS4));
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\r') {
            int crlf = i + 1 < n && PyUnicode_READ(kind, data, i + 1) == '\n';
            s->seen |= crlf ? 4 : 1;
            if (s->translate_in) {
                if (crlf)
                    i++;
                tmp[k++] = '\n';
                continue;
            }
        }
        else if (c == '\n') {
            if (!(i > 0 && PyUnicode_READ(kind, data, i - 1) == '\r'))
                s->seen |= 2;
            if (s->writenl != NULL) {
                for (Py_ssize_t j = 0; j < nl_len; j++)
                    tmp[k++] = PyUnicode_READ_CHAR(s->writenl, j);
                continue;
            }
        }
        tmp[k++] = c;
    }
    if (k > 0)
        memcpy(s->buf + s->pos, tmp, (size_t)k * sizeof(Py_UCS4));
    PyMem_Free(tmp);
    s->pos += k;
    if (s->pos > s->len)
        s->len = s->pos;
    return 0;
}

static int sio_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"initial_value", "newline", NULL};
    stringio *s = (stringio *)self;
    PyObject *value = NULL, *newline = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:StringIO", kwlist, &value, &newline))
        return -1;
    const char *nl = "\n";
    if (newline != NULL && newline != Py_None) {
        if (!PyUnicode_Check(newline)) {
            PyErr_Format(PyExc_TypeError, "newline must be str or None, not %.200s",
                         Py_TYPE(newline)->tp_name);
            return -1;
        }
        nl = PyUnicode_AsUTF8(newline);
        if (nl == NULL)
            return -1;
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %R", newline);
            return -1;
        }
    }
    else if (newline == Py_None) {
        nl = NULL;
    }
    if (value != NULL && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "initial_value must be str or None, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    s->translate_in = nl == NULL;
    s->universal = nl == NULL || nl[0] == '\0';
    s->nlmode = nl == NULL || nl[0] == '\0' ? 1 : strcmp(nl, "\n") == 0 ? 0 : strcmp(nl, "\r") == 0 ? 2 : 3;
    if (nl == NULL)
        s->nlmode = 0; /* translated to "\n" on write */
    Py_CLEAR(s->writenl);
    if (nl != NULL && (strcmp(nl, "\r") == 0 || strcmp(nl, "\r\n") == 0)) {
        s->writenl = PyUnicode_FromString(nl);
        if (s->writenl == NULL)
            return -1;
    }
    s->len = s->pos = 0;
    s->seen = 0;
    s->ok = 1;
    s->closed = 0;
    if (value != NULL && value != Py_None && PyUnicode_GET_LENGTH(value) > 0) {
        if (sio_write_str(s, value) < 0)
            return -1;
        s->pos = 0;
    }
    return 0;
}

static PyObject *sio_getvalue(PyObject *self, PyObject *unused)
{
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0)
        return NULL;
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s->buf, s->len);
}

static PyObject *sio_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    stringio *s = (stringio *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (sio_check(s) < 0)
        return NULL;
    Py_ssize_t avail = s->len > s->pos ? s->len - s->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s->buf + s->pos, n);
    if (r != NULL)
        s->pos += n;
    return r;
}

static PyObject *sio_readline_impl(stringio *s, Py_ssize_t limit)
{
    if (sio_check(s) < 0)
        return NULL;
    Py_ssize_t start = s->pos, end = s->pos;
    Py_ssize_t stop = s->len;
    if (start > stop)
        start = end = stop;
    if (limit >= 0 && start + limit < stop)
        stop = start + limit;
    while (end < stop) {
        Py_UCS4 c = s->buf[end++];
        if (s->nlmode == 0 && c == '\n')
            break;
        if (s->nlmode == 1) {
            if (c == '\n')
                break;
            if (c == '\r') {
                if (end < stop && s->buf[end] == '\n')
                    end++;
                break;
            }
        }
        if (s->nlmode == 2 && c == '\r')
            break;
        if (s->nlmode == 3 && c == '\r' && end < stop && s->buf[end] == '\n') {
            end++;
            break;
        }
    }
    s->pos = end;
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s->buf + start, end - start);
}

static PyObject *sio_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &limit))
        return NULL;
    return sio_readline_impl((stringio *)self, limit);
}

static PyObject *sio_iternext(PyObject *self)
{
    PyObject *line = sio_readline_impl((stringio *)self, -1);
    if (line == NULL || PyUnicode_GET_LENGTH(line) > 0)
        return line;
    Py_DECREF(line);
    return NULL;
}

static PyObject *sio_write(PyObject *self, PyObject *arg)
{
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0)
        return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "string argument expected, got '%s'", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    if (n > 0 && sio_write_str(s, arg) < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *sio_seek(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    stringio *s = (stringio *)self;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    Py_ssize_t pos = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && (whence = PyLong_AsInt(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    if (sio_check(s) < 0)
        return NULL;
    if (whence != 0 && whence != 1 && whence != 2) {
        PyErr_Format(PyExc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", whence);
        return NULL;
    }
    if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "Negative seek position %zd", pos);
        return NULL;
    }
    if (whence != 0 && pos != 0) {
        /* StringIO raises a plain OSError here, not UnsupportedOperation. */
        PyErr_SetString(PyExc_OSError,
                        whence == 1 ? "Can't do nonzero cur-relative seeks"
                                    : "Can't do nonzero end-relative seeks");
        return NULL;
    }
    if (whence == 1)
        pos = s->pos;
    else if (whence == 2)
        pos = s->len;
    s->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *sio_tell(PyObject *self, PyObject *unused)
{
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0)
        return NULL;
    return PyLong_FromSsize_t(s->pos);
}

static PyObject *sio_truncate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    stringio *s = (stringio *)self;
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    if (nargs && args[0] != Py_None && !_PyIO_ConvertSsize(args[0], &size))
        return NULL;
    if (sio_check(s) < 0)
        return NULL;
    if (nargs == 0 || args[0] == Py_None)
        size = s->pos;
    if (size < 0) {
        PyErr_Format(PyExc_ValueError, "Negative size value %zd", size);
        return NULL;
    }
    if (size < s->len)
        s->len = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *sio_close(PyObject *self, PyObject *unused)
{
    stringio *s = (stringio *)self;
    s->closed = 1;
    s->iobase_closed = 1;
    PyMem_Free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    Py_RETURN_NONE;
}

static PyObject *sio_true(PyObject *self, PyObject *unused)
{
    if (sio_check((stringio *)self) < 0)
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *sio_get_closed(PyObject *self, void *c)
{
    return PyBool_FromLong(((stringio *)self)->closed);
}

static PyObject *sio_get_false(PyObject *self, void *c)
{
    Py_RETURN_FALSE;
}

static PyObject *sio_get_newlines(PyObject *self, void *c)
{
    stringio *s = (stringio *)self;
    if (!s->translate_in)
        Py_RETURN_NONE;
    static const char *const names[] = {NULL, "\r", "\n", NULL, "\r\n"};
    int count = ((s->seen & 1) != 0) + ((s->seen & 2) != 0) + ((s->seen & 4) != 0);
    if (count == 0)
        Py_RETURN_NONE;
    if (count == 1)
        return PyUnicode_FromString(names[s->seen]);
    PyObject *t = PyTuple_New(count);
    if (t == NULL)
        return NULL;
    int k = 0;
    const int order[3] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        if (s->seen & order[i]) {
            PyObject *v = PyUnicode_FromString(names[order[i]]);
            if (v == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            PyTuple_SET_ITEM(t, k++, v);
        }
    }
    return t;
}

static int mem_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((iobase *)self)->dict);
    return 0;
}

static int mem_clear(PyObject *self)
{
    Py_CLEAR(((iobase *)self)->dict);
    return 0;
}

static void sio_dealloc(PyObject *self)
{
    stringio *s = (stringio *)self;
    PyObject_GC_UnTrack(self);
    if (s->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    PyMem_Free(s->buf);
    Py_CLEAR(s->writenl);
    Py_CLEAR(s->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef sio_methods[] = {
    {"getvalue", sio_getvalue, METH_NOARGS, NULL},
    {"read", _PyCFunction_CAST(sio_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(sio_readline), METH_FASTCALL, NULL},
    {"write", sio_write, METH_O, NULL},
    {"seek", _PyCFunction_CAST(sio_seek), METH_FASTCALL, NULL},
    {"tell", sio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(sio_truncate), METH_FASTCALL, NULL},
    {"close", sio_close, METH_NOARGS, NULL},
    {"readable", sio_true, METH_NOARGS, NULL},
    {"writable", sio_true, METH_NOARGS, NULL},
    {"seekable", sio_true, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef sio_getset[] = {
    {"closed", sio_get_closed, NULL, NULL, NULL},
    {"line_buffering", sio_get_false, NULL, NULL, NULL},
    {"newlines", sio_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyStringIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(stringio),
    .tp_dealloc = sio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
    .tp_traverse = mem_traverse,
    .tp_clear = mem_clear,
    .tp_weaklistoffset = offsetof(stringio, weakreflist),
    .tp_iternext = sio_iternext,
    .tp_methods = sio_methods,
    .tp_getset = sio_getset,
    .tp_base = &_PyTextIOBase_Type,
    .tp_dictoffset = offsetof(stringio, dict),
    .tp_init = sio_init,
    .tp_new = PyType_GenericNew,
};

PyObject *_PyIO_NewStringIO(void)
{
    return PyObject_CallNoArgs((PyObject *)&PyStringIO_Type);
}

/* ---- BytesIO ----------------------------------------------------------------------- */

typedef struct {
    KR_IOBASE_HEAD
    char *buf;
    Py_ssize_t len, cap, pos;
    int closed;
} bytesio;

static int bio_check(bytesio *b)
{
    if (b->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int bio_reserve(bytesio *b, Py_ssize_t need)
{
    if (need <= b->cap)
        return 0;
    Py_ssize_t ncap = b->cap ? b->cap : 32;
    while (ncap < need)
        ncap = ncap + (ncap >> 1) + 32;
    char *nb = PyMem_Realloc(b->buf, (size_t)ncap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = ncap;
    return 0;
}

static int bio_write_bytes(bytesio *b, const char *data, Py_ssize_t n)
{
    if (n == 0)
        return 0; /* nothing to copy (and the buffer may not exist yet) */
    if (bio_reserve(b, b->pos + n) < 0)
        return -1;
    if (b->pos > b->len)
        memset(b->buf + b->len, 0, (size_t)(b->pos - b->len));
    memcpy(b->buf + b->pos, data, (size_t)n);
    b->pos += n;
    if (b->pos > b->len)
        b->len = b->pos;
    return 0;
}

static int bio_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"initial_bytes", NULL};
    bytesio *b = (bytesio *)self;
    PyObject *init = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:BytesIO", kwlist, &init))
        return -1;
    b->len = b->pos = 0;
    b->closed = 0;
    if (init != NULL && init != Py_None) {
        Py_buffer view;
        if (PyObject_GetBuffer(init, &view, PyBUF_SIMPLE) < 0)
            return -1;
        int r = bio_write_bytes(b, view.buf, view.len);
        PyBuffer_Release(&view);
        if (r < 0)
            return -1;
        b->pos = 0;
    }
    return 0;
}

static PyObject *bio_getvalue(PyObject *self, PyObject *unused)
{
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0)
        return NULL;
    return PyBytes_FromStringAndSize(b->buf, b->len);
}

static PyObject *bio_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    bytesio *b = (bytesio *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (bio_check(b) < 0)
        return NULL;
    Py_ssize_t avail = b->len > b->pos ? b->len - b->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    PyObject *r = PyBytes_FromStringAndSize(b->buf ? b->buf + b->pos : "", n);
    if (r != NULL)
        b->pos += n;
    return r;
}

static PyObject *bio_readline_impl(bytesio *b, Py_ssize_t limit)
{
    if (bio_check(b) < 0)
        return NULL;
    Py_ssize_t start = b->pos < b->len ? b->pos : b->len;
    Py_ssize_t stop = b->len;
    if (limit >= 0 && start + limit < stop)
        stop = start + limit;
    const char *nl = stop > start ? memchr(b->buf + start, '\n', (size_t)(stop - start)) : NULL;
    Py_ssize_t end = nl ? (nl - b->buf) + 1 : stop;
    b->pos = end;
    return PyBytes_FromStringAndSize(b->buf ? b->buf + start : "", end - start);
}

static PyObject *bio_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &limit))
        return NULL;
    return bio_readline_impl((bytesio *)self, limit);
}

static PyObject *bio_iternext(PyObject *self)
{
    PyObject *line = bio_readline_impl((bytesio *)self, -1);
    if (line == NULL || PyBytes_GET_SIZE(line) > 0)
        return line;
    Py_DECREF(line);
    return NULL;
}

static PyObject *bio_readinto(PyObject *self, PyObject *arg)
{
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    Py_ssize_t avail = b->len > b->pos ? b->len - b->pos : 0;
    Py_ssize_t n = view.len < avail ? view.len : avail;
    if (n > 0)
        memcpy(view.buf, b->buf + b->pos, (size_t)n);
    b->pos += n;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(n);
}

static PyObject *bio_write(PyObject *self, PyObject *arg)
{
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t n = view.len;
    int r = n > 0 ? bio_write_bytes(b, view.buf, n) : 0;
    PyBuffer_Release(&view);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *bio_seek(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    bytesio *b = (bytesio *)self;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    Py_ssize_t pos = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && (whence = PyLong_AsInt(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    if (bio_check(b) < 0)
        return NULL;
    if (whence == 0) {
        if (pos < 0) {
            PyErr_Format(PyExc_ValueError, "negative seek value %zd", pos);
            return NULL;
        }
    }
    else if (whence == 1) {
        pos = b->pos + pos;
    }
    else if (whence == 2) {
        pos = b->len + pos;
    }
    else {
        PyErr_Format(PyExc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", whence);
        return NULL;
    }
    if (pos < 0)
        pos = 0;
    b->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *bio_tell(PyObject *self, PyObject *unused)
{
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0)
        return NULL;
    return PyLong_FromSsize_t(b->pos);
}

static PyObject *bio_truncate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    bytesio *b = (bytesio *)self;
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    if (nargs && args[0] != Py_None && !_PyIO_ConvertSsize(args[0], &size))
        return NULL;
    if (bio_check(b) < 0)
        return NULL;
    if (nargs == 0 || args[0] == Py_None)
        size = b->pos;
    if (size < 0) {
        PyErr_Format(PyExc_ValueError, "negative size value %zd", size);
        return NULL;
    }
    if (size < b->len)
        b->len = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *bio_close(PyObject *self, PyObject *unused)
{
    bytesio *b = (bytesio *)self;
    b->closed = 1;
    b->iobase_closed = 1;
    PyMem_Free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
    Py_RETURN_NONE;
}

static PyObject *bio_true(PyObject *self, PyObject *unused)
{
    if (bio_check((bytesio *)self) < 0)
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *bio_false(PyObject *self, PyObject *unused)
{
    if (bio_check((bytesio *)self) < 0)
        return NULL;
    Py_RETURN_FALSE;
}

static PyObject *bio_flush(PyObject *self, PyObject *unused)
{
    if (bio_check((bytesio *)self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bio_getbuffer(PyObject *self, PyObject *unused)
{
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0)
        return NULL;
    PyObject *ba = PyByteArray_FromStringAndSize(b->buf, b->len);
    if (ba == NULL)
        return NULL;
    PyObject *mv = PyMemoryView_FromObject(ba);
    Py_DECREF(ba);
    return mv;
}

static PyObject *bio_get_closed(PyObject *self, void *c)
{
    return PyBool_FromLong(((bytesio *)self)->closed);
}

static PyObject *bio_sizeof(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(Py_TYPE(self)->tp_basicsize + ((bytesio *)self)->cap);
}

static void bio_dealloc(PyObject *self)
{
    bytesio *b = (bytesio *)self;
    PyObject_GC_UnTrack(self);
    if (b->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    PyMem_Free(b->buf);
    Py_CLEAR(b->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef bio_methods[] = {
    {"getvalue", bio_getvalue, METH_NOARGS, NULL},
    {"getbuffer", bio_getbuffer, METH_NOARGS, NULL},
    {"read", _PyCFunction_CAST(bio_read), METH_FASTCALL, NULL},
    {"read1", _PyCFunction_CAST(bio_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(bio_readline), METH_FASTCALL, NULL},
    {"readinto", bio_readinto, METH_O, NULL},
    {"readinto1", bio_readinto, METH_O, NULL},
    {"write", bio_write, METH_O, NULL},
    {"seek", _PyCFunction_CAST(bio_seek), METH_FASTCALL, NULL},
    {"tell", bio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(bio_truncate), METH_FASTCALL, NULL},
    {"close", bio_close, METH_NOARGS, NULL},
    {"flush", bio_flush, METH_NOARGS, NULL},
    {"readable", bio_true, METH_NOARGS, NULL},
    {"writable", bio_true, METH_NOARGS, NULL},
    {"seekable", bio_true, METH_NOARGS, NULL},
    {"isatty", bio_false, METH_NOARGS, NULL},
    {"__sizeof__", bio_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef bio_getset[] = {
    {"closed", bio_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyBytesIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(bytesio),
    .tp_dealloc = bio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = mem_traverse,
    .tp_clear = mem_clear,
    .tp_weaklistoffset = offsetof(bytesio, weakreflist),
    .tp_iternext = bio_iternext,
    .tp_methods = bio_methods,
    .tp_getset = bio_getset,
    .tp_base = &_PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(bytesio, dict),
    .tp_init = bio_init,
    .tp_new = PyType_GenericNew,
};
