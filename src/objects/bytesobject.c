/* bytes: immutable byte strings (NUL-terminated storage, cached hash), the bytes
 * constructor, the sequence protocol and the buffer protocol. Shared methods live in
 * bytes_methods.c; %-formatting in bytes_format.c. */
#include "Python.h"
#include "unicode_internal.h"
#include "bytes_methods.h"
#include <ctype.h>

#define BYTES_HEADER_SIZE (offsetof(PyBytesObject, ob_sval) + 1)

/* b"" and the 256 one-byte strings: immortal, created at start-up, then read-only. */
static struct {
    PyObject *empty;
    PyObject *chars[256];
} kr_bytes_consts;

static PyObject *bytes_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - BYTES_HEADER_SIZE) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too large");
        return NULL;
    }
    PyBytesObject *op = (PyBytesObject *)PyObject_Malloc(BYTES_HEADER_SIZE + (size_t)size);
    if (op == NULL)
        return PyErr_NoMemory();
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

int _KrBytes_InitSingletons(void)
{
    PyObject *e = bytes_alloc(0);
    if (e == NULL)
        return -1;
    _Py_SetImmortal(e);
    kr_bytes_consts.empty = e;
    for (int i = 0; i < 256; i++) {
        PyObject *c = bytes_alloc(1);
        if (c == NULL)
            return -1;
        PyBytes_AS_STRING(c)[0] = (char)i;
        _Py_SetImmortal(c);
        kr_bytes_consts.chars[i] = c;
    }
    return 0;
}

PyObject *PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size == 0 && kr_bytes_consts.empty != NULL)
        return Py_NewRef(kr_bytes_consts.empty);
    if (size == 1 && str != NULL && kr_bytes_consts.empty != NULL)
        return Py_NewRef(kr_bytes_consts.chars[(unsigned char)str[0]]);
    PyObject *op = bytes_alloc(size);
    if (op == NULL)
        return NULL;
    if (str != NULL)
        memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    else
        memset(PyBytes_AS_STRING(op), 0, (size_t)size);
    return op;
}

PyObject *PyBytes_FromString(const char *str)
{
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str));
}

Py_ssize_t PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL)
        *len = Py_SIZE(obj);
    else if (strlen(*s) != (size_t)Py_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) == newsize)
        return 0;
    if (Py_SIZE(v) == 0 || newsize == 0 || _Py_IsImmortal(v) || Py_REFCNT(v) != 1) {
        PyObject *n = PyBytes_FromStringAndSize(NULL, newsize);
        if (n == NULL) {
            *pv = NULL;
            Py_DECREF(v);
            return -1;
        }
        memcpy(PyBytes_AS_STRING(n), PyBytes_AS_STRING(v), (size_t)Py_MIN(newsize, Py_SIZE(v)));
        Py_DECREF(v);
        *pv = n;
        return 0;
    }
    PyObject *n = (PyObject *)PyObject_Realloc(v, BYTES_HEADER_SIZE + (size_t)newsize);
    if (n == NULL) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(n, newsize);
    ((PyBytesObject *)n)->ob_shash = -1;
    PyBytes_AS_STRING(n)[newsize] = '\0';
    *pv = n;
    return 0;
}

PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
{
    PyObject *u = PyUnicode_FromFormatV(format, vargs);
    if (u == NULL)
        return NULL;
    PyObject *r = _KrUnicode_EncodeUTF8(u, "surrogateescape");
    Py_DECREF(u);
    return r;
}

PyObject *PyBytes_FromFormat(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyBytes_FromFormatV(format, ap);
    va_end(ap);
    return r;
}

static PyObject *bytes_concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0 ||
        (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0 && (PyBuffer_Release(&va), 1))) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name,
                     Py_TYPE(a)->tp_name);
        return NULL;
    }
    PyObject *r;
    if (vb.len == 0 && PyBytes_CheckExact(a))
        r = Py_NewRef(a);
    else if (va.len == 0 && PyBytes_CheckExact(b))
        r = Py_NewRef(b);
    else if (va.len > PY_SSIZE_T_MAX - vb.len)
        r = PyErr_NoMemory();
    else {
        r = PyBytes_FromStringAndSize(NULL, va.len + vb.len);
        if (r != NULL) {
            memcpy(PyBytes_AS_STRING(r), va.buf, (size_t)va.len);
            memcpy(PyBytes_AS_STRING(r) + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
}

void PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL)
        return;
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    PyObject *r = bytes_concat(*pv, w);
    Py_SETREF(*pv, r);
}

void PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

static PyObject *bytes_repeat(PyObject *a, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(a);
    if (n < 0)
        n = 0;
    if (n == 1 && PyBytes_CheckExact(a))
        return Py_NewRef(a);
    if (len && n > PY_SSIZE_T_MAX / len) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    Py_ssize_t total = len * n;
    PyObject *r = PyBytes_FromStringAndSize(NULL, total);
    if (r == NULL || total == 0)
        return r;
    char *d = PyBytes_AS_STRING(r);
    if (len == 1)
        memset(d, PyBytes_AS_STRING(a)[0], (size_t)total);
    else {
        memcpy(d, PyBytes_AS_STRING(a), (size_t)len);
        Py_ssize_t done = len;
        while (done < total) {
            Py_ssize_t c = Py_MIN(done, total - done);
            memcpy(d + done, d, (size_t)c);
            done += c;
        }
    }
    return r;
}

PyObject *PyBytes_Repr(PyObject *op, int smartquotes)
{
    return _KrBytes_Repr(PyBytes_AS_STRING(op), Py_SIZE(op), smartquotes, "", "");
}

static PyObject *bytes_repr(PyObject *op) { return PyBytes_Repr(op, 1); }

static PyObject *bytes_str(PyObject *op)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (interp->config.bytes_warning) {
        if (PyErr_WarnEx(PyExc_BytesWarning, "str() on a bytes instance", 1) < 0)
            return NULL;
    }
    return bytes_repr(op);
}

static Py_hash_t bytes_hash(PyObject *op)
{
    PyBytesObject *b = (PyBytesObject *)op;
    if (b->ob_shash == -1)
        b->ob_shash = _Py_HashBytes(b->ob_sval, Py_SIZE(b));
    return b->ob_shash;
}

static PyObject *bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
        PyInterpreterState *interp = PyInterpreterState_Get();
        if (interp->config.bytes_warning && (op == Py_EQ || op == Py_NE) &&
            (PyUnicode_Check(a) || PyUnicode_Check(b))) {
            if (PyErr_WarnEx(PyExc_BytesWarning, "Comparison between bytes and string", 1) < 0)
                return NULL;
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = la == lb && (a == b || memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)la) == 0);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)Py_MIN(la, lb));
    if (c == 0)
        c = la < lb ? -1 : la > lb ? 1 : 0;
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static Py_ssize_t bytes_length(PyObject *op) { return Py_SIZE(op); }

static PyObject *bytes_item(PyObject *op, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return _PyLong_GetSmallInt((unsigned char)PyBytes_AS_STRING(op)[i]);
}

static PyObject *bytes_subscript(PyObject *op, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(op);
        PyObject *r = bytes_item(op, i);
        return r ? Py_NewRef(r) : NULL;
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(op), &start, &stop, step);
        const char *s = PyBytes_AS_STRING(op);
        if (n <= 0)
            return PyBytes_FromStringAndSize("", 0);
        if (step == 1) {
            if (n == Py_SIZE(op) && PyBytes_CheckExact(op))
                return Py_NewRef(op);
            return PyBytes_FromStringAndSize(s + start, n);
        }
        PyObject *r = PyBytes_FromStringAndSize(NULL, n);
        if (r == NULL)
            return NULL;
        char *d = PyBytes_AS_STRING(r);
        for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
            d[i] = s[j];
        return r;
    }
    PyErr_Format(PyExc_TypeError, "byte indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *bytes_item_new(PyObject *op, Py_ssize_t i)
{
    PyObject *r = bytes_item(op, i);
    return r ? Py_NewRef(r) : NULL;
}

static int bytes_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, op, PyBytes_AS_STRING(op), Py_SIZE(op), 1, flags);
}

static PyBufferProcs bytes_as_buffer = {bytes_getbuffer, NULL};

PyObject *_KrBytes_Format(const char *fmt, Py_ssize_t fmtlen, PyObject *args, int is_bytearray);

static PyObject *bytes_mod(PyObject *self, PyObject *arg)
{
    if (!PyBytes_Check(self))
        Py_RETURN_NOTIMPLEMENTED;
    return _KrBytes_Format(PyBytes_AS_STRING(self), Py_SIZE(self), arg, 0);
}

static PyNumberMethods bytes_as_number = {.nb_remainder = bytes_mod};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item_new,
    .sq_contains = _KrBytes_Contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

/* ---- construction -------------------------------------------------------------------- */

static PyObject *bytes_from_iterable(PyObject *x)
{
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL)
        return NULL;
    KrByteBuf b = {0};
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred())
            goto fail;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        if (_KrByteBuf_PutByte(&b, (int)v) < 0)
            goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    Py_DECREF(it);
    return _KrByteBuf_FinishBytes(&b);
fail:
    Py_DECREF(it);
    _KrByteBuf_Free(&b);
    return NULL;
}

PyObject *PyBytes_FromObject(PyObject *x)
{
    if (PyBytes_CheckExact(x))
        return Py_NewRef(x);
    if (PyObject_CheckBuffer(x))
        return _KrBytes_FromBuffer(x);
    if (PyUnicode_Check(x) || PyLong_Check(x) || !(PyList_Check(x) || PyTuple_Check(x) ||
                                                    Py_TYPE(x)->tp_iter != NULL ||
                                                    PySequence_Check(x))) {
        PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                     Py_TYPE(x)->tp_name);
        return NULL;
    }
    return bytes_from_iterable(x);
}

static PyObject *bytes_new_impl(PyObject *x, PyObject *encoding, PyObject *errors)
{
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return NULL;
        }
        return PyBytes_FromStringAndSize("", 0);
    }
    if (encoding != NULL || errors != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return NULL;
        }
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return NULL;
        }
        const char *enc = PyUnicode_AsUTF8(encoding);
        const char *err = errors ? PyUnicode_AsUTF8(errors) : NULL;
        if (enc == NULL || (errors && err == NULL))
            return NULL;
        return PyUnicode_AsEncodedString(x, enc, err);
    }
    PyObject *meth = _PyObject_LookupSpecial(x, _Py_ID(__bytes__));
    if (meth != NULL) {
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r == NULL)
            return NULL;
        if (!PyBytes_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (PyErr_Occurred())
        return NULL;
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return NULL;
            PyErr_Clear();
        }
        else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            return PyBytes_FromStringAndSize(NULL, size);
        }
    }
    return PyBytes_FromObject(x);
}

static int parse_bytes_args(const char *fname, PyObject *args, PyObject *kwds, PyObject **vals)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    vals[0] = vals[1] = vals[2] = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        vals[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            int found = 0;
            for (int j = 0; j < 3; j++) {
                if (_PyUnicode_EqualToASCIIString(k, names[j])) {
                    if (vals[j] != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "argument for %s() given by name ('%s') and position (%d)",
                                     fname, names[j], j + 1);
                        return -1;
                    }
                    vals[j] = v;
                    found = 1;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                             fname, k);
                return -1;
            }
        }
    }
    for (int j = 1; j < 3; j++) {
        if (vals[j] != NULL && !PyUnicode_Check(vals[j])) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s", fname,
                         names[j], Py_TYPE(vals[j])->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *vals[3];
    if (parse_bytes_args("bytes", args, kwds, vals) < 0)
        return NULL;
    PyObject *b = bytes_new_impl(vals[0], vals[1], vals[2]);
    if (b == NULL || type == &PyBytes_Type)
        return b;
    Py_ssize_t n = Py_SIZE(b);
    PyObject *r = type->tp_alloc(type, n);
    if (r != NULL) {
        ((PyBytesObject *)r)->ob_shash = -1;
        memcpy(PyBytes_AS_STRING(r), PyBytes_AS_STRING(b), (size_t)n + 1);
    }
    Py_DECREF(b);
    return r;
}

static PyObject *bytes_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (type == (PyObject *)&PyBytes_Type && (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) &&
        nargs <= 1)
        return bytes_new_impl(nargs ? args[0] : NULL, NULL, NULL);
    PyObject *tup = _PyTuple_FromArray(args, nargs);
    if (tup == NULL)
        return NULL;
    PyObject *kw = NULL;
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        kw = _PyStack_AsDict(args + nargs, kwnames);
        if (kw == NULL) {
            Py_DECREF(tup);
            return NULL;
        }
    }
    PyObject *r = bytes_new((PyTypeObject *)type, tup, kw);
    Py_DECREF(tup);
    Py_XDECREF(kw);
    return r;
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable) { return _KrBytes_join(sep, iterable); }

/* Escape decoding for bytes literals: returns the bytes and, through
 * first_invalid_escape, where the first unknown escape sequence starts. */
PyObject *_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                                const char **first_invalid_escape)
{
    KrByteBuf b = {0};
    const char *end = s + len;
    if (first_invalid_escape)
        *first_invalid_escape = NULL;
    if (_KrByteBuf_Reserve(&b, len) < 0)
        return NULL;
    while (s < end) {
        if (*s != '\\') {
            b.buf[b.len++] = *s++;
            continue;
        }
        const char *start = s;
        s++;
        if (s >= end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto fail;
        }
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': b.buf[b.len++] = '\\'; break;
        case '\'': b.buf[b.len++] = '\''; break;
        case '"': b.buf[b.len++] = '"'; break;
        case 'b': b.buf[b.len++] = '\b'; break;
        case 'f': b.buf[b.len++] = '\f'; break;
        case 't': b.buf[b.len++] = '\t'; break;
        case 'n': b.buf[b.len++] = '\n'; break;
        case 'r': b.buf[b.len++] = '\r'; break;
        case 'v': b.buf[b.len++] = '\v'; break;
        case 'a': b.buf[b.len++] = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7')
                    v = v * 8 + (*s++ - '0');
            }
            if (v > 0377 && first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = start;
            b.buf[b.len++] = (char)v;
            break;
        }
        case 'x': {
            int h1 = -1, h2 = -1;
            if (s + 1 < end) {
                h1 = isxdigit((unsigned char)s[0]) ? (isdigit((unsigned char)s[0]) ? s[0] - '0' : (tolower((unsigned char)s[0]) - 'a' + 10)) : -1;
                h2 = isxdigit((unsigned char)s[1]) ? (isdigit((unsigned char)s[1]) ? s[1] - '0' : (tolower((unsigned char)s[1]) - 'a' + 10)) : -1;
            }
            if (h1 < 0 || h2 < 0) {
                if (errors == NULL || strcmp(errors, "strict") == 0) {
                    PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd",
                                 (Py_ssize_t)(start - (end - len)));
                    goto fail;
                }
                if (strcmp(errors, "replace") == 0)
                    b.buf[b.len++] = '?';
                else if (strcmp(errors, "ignore") != 0) {
                    PyErr_Format(PyExc_ValueError,
                                 "decoding error; unknown error handling code: %.400s", errors);
                    goto fail;
                }
                /* skip the hex digits that are there */
                if (s < end && isxdigit((unsigned char)*s))
                    s++;
                break;
            }
            b.buf[b.len++] = (char)(h1 * 16 + h2);
            s += 2;
            break;
        }
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = start;
            b.buf[b.len++] = '\\';
            s--;
        }
    }
    return _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* ---- methods specific to bytes -------------------------------------------------------- */

static PyObject *bytes_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *b = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
    if (b == NULL)
        return NULL;
    return Py_BuildValue("(N)", b);
}

static PyObject *bytes_bytes(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

static PyMethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, METH_NOARGS, NULL},
    {"__buffer__", _KrBuffer_DunderBuffer, METH_O, NULL},
    KR_BYTES_COMMON_METHODS
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ----------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq;
} bytesiterobject;

static PyObject *bytes_iter(PyObject *seq)
{
    bytesiterobject *it = PyObject_GC_New(bytesiterobject, &PyBytesIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void bytesiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((bytesiterobject *)op)->seq);
    PyObject_GC_Del(op);
}

static int bytesiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesiterobject *)op)->seq);
    return 0;
}

static PyObject *bytesiter_next(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *s = it->seq;
    if (s == NULL)
        return NULL;
    if (it->index < Py_SIZE(s))
        return _PyLong_GetSmallInt((unsigned char)PyBytes_AS_STRING(s)[it->index++]);
    it->seq = NULL;
    Py_DECREF(s);
    return NULL;
}

static PyObject *bytesiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    bytesiterobject *it = (bytesiterobject *)op;
    Py_ssize_t n = it->seq ? Py_SIZE(it->seq) - it->index : 0;
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyObject *bytesiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *iter = PyDict_GetItemString(PyInterpreterState_Get()->builtins, "iter");
    if (iter == NULL)
        return NULL;
    if (it->seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->seq, it->index);
    return Py_BuildValue("O(())", iter);
}

static PyObject *bytesiter_setstate(PyObject *op, PyObject *state)
{
    bytesiterobject *it = (bytesiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > Py_SIZE(it->seq))
            index = Py_SIZE(it->seq);
        it->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_len, METH_NOARGS, NULL},
    {"__reduce__", bytesiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", bytesiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

static void bytes_dealloc(PyObject *op) { Py_TYPE(op)->tp_free(op); }

static const char bytes_doc[] =
    "bytes(iterable_of_ints) -> bytes\n"
    "bytes(string, encoding[, errors]) -> bytes\n"
    "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
    "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
    "bytes() -> empty bytes object\n\n"
    "Construct an immutable array of bytes from:\n"
    "  - an iterable yielding integers in range(256)\n"
    "  - a text string encoded using the specified encoding\n"
    "  - any object implementing the buffer API.\n"
    "  - an integer";

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = BYTES_HEADER_SIZE,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = bytes_doc,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_base = &PyBaseObject_Type,
    .tp_new = bytes_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = bytes_vectorcall,
};
