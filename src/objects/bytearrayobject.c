/* bytearray: a mutable, over-allocating byte buffer with CPython's growth policy and a
 * movable logical start (so deleting from the front is cheap). Shared methods live in
 * bytes_methods.c. */
#include "Python.h"
#include "unicode_internal.h"
#include "bytes_methods.h"

#define BA(o) ((PyByteArrayObject *)(o))

/* Storage seen through PyByteArray_AS_STRING by an empty bytearray; never written. */
char _PyByteArray_empty_string[1] = "";

char *PyByteArray_AsString(PyObject *self) { return PyByteArray_AS_STRING(self); }
Py_ssize_t PyByteArray_Size(PyObject *self) { return PyByteArray_GET_SIZE(self); }

static int check_exports(PyObject *self)
{
    if (BA(self)->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

int PyByteArray_Resize(PyObject *self, Py_ssize_t requested)
{
    PyByteArrayObject *b = BA(self);
    Py_ssize_t alloc = b->ob_alloc;
    Py_ssize_t offset = b->ob_start - b->ob_bytes;
    Py_ssize_t size = requested;
    if (requested < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", requested);
        return -1;
    }
    if (requested == Py_SIZE(self))
        return 0;
    if (check_exports(self) < 0)
        return -1;
    if (size + offset + 1 <= alloc) {
        if (size < alloc / 2)
            alloc = size + 1;
        else {
            Py_SET_SIZE(self, size);
            b->ob_start[size] = '\0';
            return 0;
        }
    }
    else {
        if (size <= alloc + (alloc >> 3))
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
        else
            alloc = size + 1;
    }
    if (alloc > PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    char *sval;
    if (offset > 0) {
        sval = PyMem_Malloc((size_t)alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(sval, b->ob_start, (size_t)Py_MIN(requested, Py_SIZE(self)));
        PyMem_Free(b->ob_bytes);
    }
    else {
        sval = PyMem_Realloc(b->ob_bytes, (size_t)alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    b->ob_bytes = b->ob_start = sval;
    Py_SET_SIZE(self, size);
    b->ob_alloc = alloc;
    b->ob_bytes[size] = '\0';
    return 0;
}

PyObject *PyByteArray_FromStringAndSize(const char *s, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    PyByteArrayObject *b = PyObject_New(PyByteArrayObject, &PyByteArray_Type);
    if (b == NULL)
        return NULL;
    Py_SET_SIZE(b, 0);
    b->ob_bytes = b->ob_start = NULL;
    b->ob_alloc = 0;
    b->ob_exports = 0;
    if (size > 0) {
        b->ob_bytes = PyMem_Malloc((size_t)size + 1);
        if (b->ob_bytes == NULL) {
            Py_DECREF(b);
            return PyErr_NoMemory();
        }
        b->ob_start = b->ob_bytes;
        b->ob_alloc = size + 1;
        Py_SET_SIZE(b, size);
        if (s != NULL)
            memcpy(b->ob_bytes, s, (size_t)size);
        else
            memset(b->ob_bytes, 0, (size_t)size);
        b->ob_bytes[size] = '\0';
    }
    return (PyObject *)b;
}

PyObject *PyByteArray_FromObject(PyObject *o)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, o);
}

static void bytearray_dealloc(PyObject *self)
{
    PyMem_Free(BA(self)->ob_bytes);
    Py_TYPE(self)->tp_free(self);
}

/* The empty bytearray keeps no storage; PyByteArray_AS_STRING must still be valid. */
static char *ba_data(PyObject *self)
{
    return BA(self)->ob_start ? BA(self)->ob_start : (char *)"";
}

static int bytearray_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    if (PyBuffer_FillInfo(view, self, ba_data(self), Py_SIZE(self), 0, flags) < 0)
        return -1;
    BA(self)->ob_exports++;
    return 0;
}

static void bytearray_releasebuffer(PyObject *self, Py_buffer *view)
{
    BA(self)->ob_exports--;
}

static PyBufferProcs bytearray_as_buffer = {bytearray_getbuffer, bytearray_releasebuffer};

/* ---- init ------------------------------------------------------------------------- */

static int ba_assign_bytes(PyObject *self, const char *s, Py_ssize_t n)
{
    if (PyByteArray_Resize(self, n) < 0)
        return -1;
    if (n)
        memcpy(BA(self)->ob_start, s, (size_t)n);
    return 0;
}

static int bytearray_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    PyObject *vals[3] = {NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "bytearray() takes at most 3 arguments (%zd given)", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        vals[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            int found = 0;
            for (int j = 0; j < 3; j++)
                if (_PyUnicode_EqualToASCIIString(k, names[j])) {
                    if (vals[j] != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "argument for bytearray() given by name ('%s') and position (%d)",
                                     names[j], j + 1);
                        return -1;
                    }
                    vals[j] = v;
                    found = 1;
                }
            if (!found) {
                PyErr_Format(PyExc_TypeError,
                             "bytearray() got an unexpected keyword argument '%S'", k);
                return -1;
            }
        }
    }
    for (int j = 1; j < 3; j++)
        if (vals[j] != NULL && !PyUnicode_Check(vals[j])) {
            PyErr_Format(PyExc_TypeError, "bytearray() argument '%s' must be str, not %.50s",
                         names[j], Py_TYPE(vals[j])->tp_name);
            return -1;
        }
    PyObject *x = vals[0], *enc = vals[1], *err = vals[2];
    if (Py_SIZE(self) != 0 && PyByteArray_Resize(self, 0) < 0)
        return -1;
    if (x == NULL) {
        if (enc != NULL || err != NULL) {
            PyErr_SetString(PyExc_TypeError, enc ? "encoding without a string argument"
                                                 : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (PyUnicode_Check(x)) {
        if (enc == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        const char *e = PyUnicode_AsUTF8(enc), *r = err ? PyUnicode_AsUTF8(err) : NULL;
        if (e == NULL || (err && r == NULL))
            return -1;
        PyObject *b = PyUnicode_AsEncodedString(x, e, r);
        if (b == NULL)
            return -1;
        int rc = ba_assign_bytes(self, PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
        Py_DECREF(b);
        return rc;
    }
    if (enc != NULL || err != NULL) {
        PyErr_SetString(PyExc_TypeError, enc ? "encoding without a string argument"
                                             : "errors without a string argument");
        return -1;
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t n = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        }
        else {
            if (n < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return -1;
            }
            if (PyByteArray_Resize(self, n) < 0)
                return -1;
            if (n)
                memset(BA(self)->ob_start, 0, (size_t)n);
            return 0;
        }
    }
    if (PyObject_CheckBuffer(x)) {
        Py_buffer v;
        if (PyObject_GetBuffer(x, &v, PyBUF_SIMPLE) < 0)
            return -1;
        int rc = ba_assign_bytes(self, v.buf, v.len);
        PyBuffer_Release(&v);
        return rc;
    }
    if (PyLong_Check(x) || !(Py_TYPE(x)->tp_iter != NULL || PySequence_Check(x))) {
        PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                     Py_TYPE(x)->tp_name);
        return -1;
    }
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred())
            goto fail;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            goto fail;
        }
        Py_ssize_t n = Py_SIZE(self);
        if (PyByteArray_Resize(self, n + 1) < 0)
            goto fail;
        BA(self)->ob_start[n] = (char)v;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
fail:
    Py_DECREF(it);
    return -1;
}

/* ---- sequence protocol ------------------------------------------------------------------ */

static Py_ssize_t ba_length(PyObject *self) { return Py_SIZE(self); }

static PyObject *ba_concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0)
        goto type_error;
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&va);
        goto type_error;
    }
    PyObject *r = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len)
        PyErr_NoMemory();
    else {
        r = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
        if (r != NULL) {
            memcpy(ba_data(r), va.buf, (size_t)va.len);
            memcpy(ba_data(r) + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
type_error:
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name,
                 Py_TYPE(a)->tp_name);
    return NULL;
}

static PyObject *ba_iconcat(PyObject *self, PyObject *other)
{
    Py_buffer v;
    if (PyObject_GetBuffer(other, &v, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(other)->tp_name,
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(self);
    if (v.len > PY_SSIZE_T_MAX - n) {
        PyBuffer_Release(&v);
        return PyErr_NoMemory();
    }
    if (PyByteArray_Resize(self, n + v.len) < 0) {
        PyBuffer_Release(&v);
        return NULL;
    }
    if (v.len > 0) /* an empty bytearray may have no buffer at all */
        memcpy(BA(self)->ob_start + n, v.buf, (size_t)v.len);
    PyBuffer_Release(&v);
    return Py_NewRef(self);
}

static PyObject *ba_repeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t n = Py_SIZE(self);
    if (count < 0)
        count = 0;
    if (n && count > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    PyObject *r = PyByteArray_FromStringAndSize(NULL, n * count);
    if (r == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < count; i++)
        memcpy(ba_data(r) + i * n, ba_data(self), (size_t)n);
    return r;
}

static PyObject *ba_irepeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t n = Py_SIZE(self);
    if (count < 0)
        count = 0;
    if (n && count > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    if (PyByteArray_Resize(self, n * count) < 0)
        return NULL;
    char *d = ba_data(self);
    for (Py_ssize_t i = 1; i < count; i++)
        memcpy(d + i * n, d, (size_t)n);
    return Py_NewRef(self);
}

static PyObject *ba_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)ba_data(self)[i]);
}

static int get_byte_value(PyObject *v, int *out)
{
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (x < 0 || x > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* Replace self[lo:hi] by bytes; deleting from the front just moves the logical start. */
static int setslice_linear(PyObject *self, Py_ssize_t lo, Py_ssize_t hi, const char *bytes,
                           Py_ssize_t needed)
{
    Py_ssize_t avail = hi - lo, n = Py_SIZE(self);
    Py_ssize_t growth = needed - avail;
    PyByteArrayObject *b = BA(self);
    if (growth < 0) {
        if (check_exports(self) < 0)
            return -1;
        if (lo == 0) {
            b->ob_start -= growth;
            Py_SET_SIZE(self, n + growth);
            /* PyByteArray_Resize may shrink the allocation */
            if (needed)
                memcpy(b->ob_start, bytes, (size_t)needed);
            b->ob_start[Py_SIZE(self)] = '\0';
            if (Py_SIZE(self) < b->ob_alloc / 2) {
                Py_ssize_t sz = Py_SIZE(self);
                Py_SET_SIZE(self, sz + 1);
                return PyByteArray_Resize(self, sz);
            }
            return 0;
        }
        memmove(b->ob_start + lo + needed, b->ob_start + hi, (size_t)(n - hi));
        if (PyByteArray_Resize(self, n + growth) < 0)
            return -1;
    }
    else if (growth > 0) {
        if (n > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (PyByteArray_Resize(self, n + growth) < 0)
            return -1;
        memmove(BA(self)->ob_start + lo + needed, BA(self)->ob_start + hi, (size_t)(n - hi));
    }
    if (needed > 0)
        memcpy(BA(self)->ob_start + lo, bytes, (size_t)needed);
    return 0;
}

static int ba_ass_item(PyObject *self, Py_ssize_t i, PyObject *v)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (v == NULL)
        return setslice_linear(self, i, i + 1, NULL, 0);
    int x;
    if (get_byte_value(v, &x) < 0)
        return -1;
    BA(self)->ob_start[i] = (char)x;
    return 0;
}

static PyObject *ba_subscript(PyObject *self, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return ba_item(self, i);
    }
    if (PySlice_Check(index)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(index, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (n <= 0)
            return PyByteArray_FromStringAndSize(NULL, 0);
        if (step == 1)
            return PyByteArray_FromStringAndSize(ba_data(self) + start, n);
        PyObject *r = PyByteArray_FromStringAndSize(NULL, n);
        if (r == NULL)
            return NULL;
        char *s = ba_data(self), *d = ba_data(r);
        for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
            d[i] = s[j];
        return r;
    }
    PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 Py_TYPE(index)->tp_name);
    return NULL;
}

static int ba_ass_subscript(PyObject *self, PyObject *index, PyObject *values)
{
    Py_ssize_t start, stop, step, slicelen;
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        return ba_ass_item(self, i, values);
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    if (PySlice_Unpack(index, &start, &stop, &step) < 0)
        return -1;
    slicelen = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    /* Values as a private bytes copy (also covers assigning self to a slice of self). */
    PyObject *bytes = NULL;
    const char *src = NULL;
    Py_ssize_t needed = 0;
    if (values != NULL) {
        if (PyObject_CheckBuffer(values)) {
            bytes = _KrBytes_FromBuffer(values);
        }
        else if (PyUnicode_Check(values) || PyLong_Check(values) ||
                 !(Py_TYPE(values)->tp_iter != NULL || PySequence_Check(values))) {
            PyErr_Format(PyExc_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        else {
            PyObject *tmp = PyByteArray_FromObject(values);
            if (tmp == NULL)
                return -1;
            bytes = PyBytes_FromStringAndSize(ba_data(tmp), Py_SIZE(tmp));
            Py_DECREF(tmp);
        }
        if (bytes == NULL)
            return -1;
        src = PyBytes_AS_STRING(bytes);
        needed = PyBytes_GET_SIZE(bytes);
    }
    int r;
    if (step == 1) {
        if (stop < start)
            stop = start;
        r = setslice_linear(self, start, stop, src, needed);
    }
    else if (values == NULL) {
        if (slicelen <= 0)
            r = 0;
        else if (check_exports(self) < 0)
            r = -1;
        else {
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (slicelen - 1) - 1;
                step = -step;
            }
            char *d = BA(self)->ob_start;
            Py_ssize_t n = Py_SIZE(self), w = start, cur;
            Py_ssize_t k = 0;
            for (cur = start; cur < n; cur++) {
                if (k < slicelen && cur == start + k * step) {
                    k++;
                    continue;
                }
                d[w++] = d[cur];
            }
            r = PyByteArray_Resize(self, n - slicelen);
        }
    }
    else {
        if (needed != slicelen) {
            PyErr_Format(PyExc_ValueError,
                         "attempt to assign bytes of size %zd to extended slice of size %zd",
                         needed, slicelen);
            r = -1;
        }
        else {
            char *d = BA(self)->ob_start;
            for (Py_ssize_t i = 0, j = start; i < slicelen; i++, j += step)
                d[j] = src[i];
            r = 0;
        }
    }
    Py_XDECREF(bytes);
    return r;
}

static PyObject *ba_item_slot(PyObject *self, Py_ssize_t i) { return ba_item(self, i); }

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = ba_length,
    .sq_concat = ba_concat,
    .sq_repeat = ba_repeat,
    .sq_item = ba_item_slot,
    .sq_ass_item = ba_ass_item,
    .sq_contains = _KrBytes_Contains,
    .sq_inplace_concat = ba_iconcat,
    .sq_inplace_repeat = ba_irepeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = ba_length,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

PyObject *_KrBytes_Format(const char *fmt, Py_ssize_t fmtlen, PyObject *args, int is_bytearray);

static PyObject *ba_mod(PyObject *self, PyObject *args)
{
    if (!PyByteArray_Check(self))
        Py_RETURN_NOTIMPLEMENTED;
    /* format from a private copy: conversions may run code that mutates self */
    PyObject *copy = PyBytes_FromStringAndSize(ba_data(self), Py_SIZE(self));
    if (copy == NULL)
        return NULL;
    PyObject *r = _KrBytes_Format(PyBytes_AS_STRING(copy), PyBytes_GET_SIZE(copy), args, 1);
    Py_DECREF(copy);
    return r;
}

static PyNumberMethods bytearray_as_number = {.nb_remainder = ba_mod};

static PyObject *ba_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s(", name);
    return _KrBytes_Repr(ba_data(self), Py_SIZE(self), 1, prefix, ")");
}

static PyObject *ba_str(PyObject *self)
{
    if (PyInterpreterState_Get()->config.bytes_warning) {
        if (PyErr_WarnEx(PyExc_BytesWarning, "str() on a bytearray instance", 1) < 0)
            return NULL;
    }
    return ba_repr(self);
}

static PyObject *ba_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_CheckBuffer(a) || !PyObject_CheckBuffer(b)) {
        if (PyUnicode_Check(a) || PyUnicode_Check(b)) {
            if (PyInterpreterState_Get()->config.bytes_warning && (op == Py_EQ || op == Py_NE)) {
                if (PyErr_WarnEx(PyExc_BytesWarning, "Comparison between bytearray and string", 1) < 0)
                    return NULL;
            }
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyBuffer_Release(&va);
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *r;
    if ((op == Py_EQ || op == Py_NE) && va.len != vb.len)
        r = PyBool_FromLong(op == Py_NE);
    else {
        int c = memcmp(va.buf, vb.buf, (size_t)Py_MIN(va.len, vb.len));
        if (c == 0)
            c = va.len < vb.len ? -1 : va.len > vb.len ? 1 : 0;
        switch (op) {
        case Py_LT: r = PyBool_FromLong(c < 0); break;
        case Py_LE: r = PyBool_FromLong(c <= 0); break;
        case Py_EQ: r = PyBool_FromLong(c == 0); break;
        case Py_NE: r = PyBool_FromLong(c != 0); break;
        case Py_GT: r = PyBool_FromLong(c > 0); break;
        default: r = PyBool_FromLong(c >= 0); break;
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
}

/* ---- mutating methods --------------------------------------------------------------- */

static PyObject *ba_append(PyObject *self, PyObject *arg)
{
    int x;
    if (get_byte_value(arg, &x) < 0)
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    if (PyByteArray_Resize(self, n + 1) < 0)
        return NULL;
    BA(self)->ob_start[n] = (char)x;
    Py_RETURN_NONE;
}

static PyObject *ba_extend(PyObject *self, PyObject *arg)
{
    if (PyObject_CheckBuffer(arg)) {
        PyObject *r = ba_iconcat(self, arg);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
        Py_RETURN_NONE;
    }
    if (PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                         Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    KrByteBuf b = {0};
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int x;
        int r = get_byte_value(item, &x);
        Py_DECREF(item);
        if (r < 0 || _KrByteBuf_PutByte(&b, x) < 0)
            goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    Py_DECREF(it);
    Py_ssize_t n = Py_SIZE(self);
    if (PyByteArray_Resize(self, n + b.len) < 0) {
        _KrByteBuf_Free(&b);
        return NULL;
    }
    if (b.len)
        memcpy(BA(self)->ob_start + n, b.buf, (size_t)b.len);
    _KrByteBuf_Free(&b);
    Py_RETURN_NONE;
fail:
    Py_DECREF(it);
    _KrByteBuf_Free(&b);
    return NULL;
}

static PyObject *ba_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (where == -1 && PyErr_Occurred())
        return NULL;
    int x;
    if (get_byte_value(args[1], &x) < 0)
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    if (PyByteArray_Resize(self, n + 1) < 0)
        return NULL;
    char *d = BA(self)->ob_start;
    memmove(d + where + 1, d + where, (size_t)(n - where));
    d[where] = (char)x;
    Py_RETURN_NONE;
}

static PyObject *ba_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    Py_ssize_t n = Py_SIZE(self), where = -1;
    if (nargs) {
        where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (where == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (where < 0)
        where += n;
    if (where < 0 || where >= n) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    if (check_exports(self) < 0)
        return NULL;
    char *d = BA(self)->ob_start;
    int v = (unsigned char)d[where];
    memmove(d + where, d + where + 1, (size_t)(n - where - 1));
    if (PyByteArray_Resize(self, n - 1) < 0)
        return NULL;
    return PyLong_FromLong(v);
}

static PyObject *ba_remove(PyObject *self, PyObject *arg)
{
    int x;
    if (get_byte_value(arg, &x) < 0)
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    char *d = ba_data(self);
    char *p = memchr(d, x, (size_t)n);
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (setslice_linear(self, p - d, p - d + 1, NULL, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *ba_clear(PyObject *self, PyObject *Py_UNUSED(x))
{
    if (PyByteArray_Resize(self, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *ba_copy(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyByteArray_FromStringAndSize(ba_data(self), Py_SIZE(self));
}

static PyObject *ba_reverse(PyObject *self, PyObject *Py_UNUSED(x))
{
    char *d = ba_data(self);
    for (Py_ssize_t i = 0, j = Py_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    Py_RETURN_NONE;
}

static PyObject *ba_alloc(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyLong_FromSsize_t(BA(self)->ob_alloc);
}

static PyObject *ba_sizeof(PyObject *self, PyObject *Py_UNUSED(x))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyByteArrayObject) + BA(self)->ob_alloc);
}

static PyObject *ba_reduce_common(PyObject *self, int proto)
{
    PyObject *state;
    PyObject *dict = NULL;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL)
        dict = Py_NewRef(Py_None);
    if (proto < 3) {
        PyObject *latin = PyUnicode_DecodeLatin1(ba_data(self), Py_SIZE(self), NULL);
        if (latin == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        state = Py_BuildValue("(O(Ns)N)", (PyObject *)Py_TYPE(self), latin, "latin-1", dict);
    }
    else {
        PyObject *b = PyBytes_FromStringAndSize(ba_data(self), Py_SIZE(self));
        if (b == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        state = Py_BuildValue("(O(N)N)", (PyObject *)Py_TYPE(self), b, dict);
    }
    return state;
}

static PyObject *ba_reduce(PyObject *self, PyObject *Py_UNUSED(x)) { return ba_reduce_common(self, 2); }

static PyObject *ba_reduce_ex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int proto = 0;
    if (nargs > 0) {
        proto = PyLong_AsInt(args[0]);
        if (proto == -1 && PyErr_Occurred())
            return NULL;
    }
    return ba_reduce_common(self, proto);
}

static PyMethodDef bytearray_methods[] = {
    {"__alloc__", ba_alloc, METH_NOARGS, NULL},
    {"__buffer__", _KrBuffer_DunderBuffer, METH_O, NULL},
    {"__release_buffer__", _KrBuffer_DunderReleaseBuffer, METH_O, NULL},
    {"__reduce__", ba_reduce, METH_NOARGS, NULL},
    {"__reduce_ex__", _PyCFunction_CAST(ba_reduce_ex), METH_FASTCALL, NULL},
    {"__sizeof__", ba_sizeof, METH_NOARGS, NULL},
    {"append", ba_append, METH_O, NULL},
    {"clear", ba_clear, METH_NOARGS, NULL},
    {"copy", ba_copy, METH_NOARGS, NULL},
    {"extend", ba_extend, METH_O, NULL},
    {"insert", _PyCFunction_CAST(ba_insert), METH_FASTCALL, NULL},
    {"pop", _PyCFunction_CAST(ba_pop), METH_FASTCALL, NULL},
    {"remove", ba_remove, METH_O, NULL},
    {"reverse", ba_reverse, METH_NOARGS, NULL},
    KR_BYTES_COMMON_METHODS
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq;
} baiterobject;

static PyObject *ba_iter(PyObject *seq)
{
    baiterobject *it = PyObject_GC_New(baiterobject, &PyByteArrayIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void baiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((baiterobject *)op)->seq);
    PyObject_GC_Del(op);
}

static int baiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((baiterobject *)op)->seq);
    return 0;
}

static PyObject *baiter_next(PyObject *op)
{
    baiterobject *it = (baiterobject *)op;
    PyObject *s = it->seq;
    if (s == NULL)
        return NULL;
    if (it->index < Py_SIZE(s))
        return PyLong_FromLong((unsigned char)ba_data(s)[it->index++]);
    it->seq = NULL;
    Py_DECREF(s);
    return NULL;
}

static PyObject *baiter_len(PyObject *op, PyObject *Py_UNUSED(x))
{
    baiterobject *it = (baiterobject *)op;
    Py_ssize_t n = it->seq ? Py_SIZE(it->seq) - it->index : 0;
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyObject *baiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    baiterobject *it = (baiterobject *)op;
    PyObject *iter = PyDict_GetItemString(PyInterpreterState_Get()->builtins, "iter");
    if (iter == NULL)
        return NULL;
    if (it->seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->seq, it->index);
    return Py_BuildValue("O(())", iter);
}

static PyObject *baiter_setstate(PyObject *op, PyObject *state)
{
    baiterobject *it = (baiterobject *)op;
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

static PyMethodDef baiter_methods[] = {
    {"__length_hint__", baiter_len, METH_NOARGS, NULL},
    {"__reduce__", baiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", baiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(baiterobject),
    .tp_dealloc = baiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = baiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = baiter_next,
    .tp_methods = baiter_methods,
};

static PyObject *bytearray_alloc_obj(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_SET_SIZE(self, 0);
    BA(self)->ob_bytes = BA(self)->ob_start = NULL;
    BA(self)->ob_alloc = 0;
    BA(self)->ob_exports = 0;
    return self;
}

static const char bytearray_doc[] =
    "bytearray(iterable_of_ints) -> bytearray\n"
    "bytearray(string, encoding[, errors]) -> bytearray\n"
    "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
    "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
    "bytearray() -> empty bytes array\n\n"
    "Construct a mutable bytearray object from:\n"
    "  - an iterable yielding integers in range(256)\n"
    "  - a text string encoded using the specified encoding\n"
    "  - a bytes or a buffer object\n"
    "  - any object implementing the buffer API.\n"
    "  - an integer";

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = ba_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = ba_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = bytearray_doc,
    .tp_richcompare = ba_richcompare,
    .tp_iter = ba_iter,
    .tp_methods = bytearray_methods,
    .tp_base = &PyBaseObject_Type,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytearray_alloc_obj,
    .tp_free = PyObject_Free,
};
