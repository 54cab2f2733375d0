/* The array module: compact sequences of one C numeric type (or code points), with the
 * buffer protocol. Element conversion, range-error messages, growth policy and sizes are
 * CPython 3.13's. */
#include "Python.h"
#include <stddef.h>
#include <string.h>
#include <limits.h>
#include <wchar.h>

typedef struct arrayobject arrayobject;

typedef struct {
    char typecode;
    int itemsize;
    PyObject *(*getitem)(arrayobject *, Py_ssize_t);
    int (*setitem)(arrayobject *, Py_ssize_t, PyObject *);
    const char *format;
} arraydescr;

struct arrayobject {
    PyObject_VAR_HEAD
    char *ob_item;
    Py_ssize_t allocated;
    const arraydescr *ob_descr;
    PyObject *weakreflist;
    Py_ssize_t ob_exports;
};

static PyTypeObject Array_Type, ArrayIter_Type;
#define array_Check(op) PyObject_TypeCheck((op), &Array_Type)

/* ---- element conversions --------------------------------------------------------------- */

/* A C long from an index-able object, with the range check of the given type name. */
static int get_long_in(PyObject *v, long lo, long hi, const char *lo_msg, const char *hi_msg,
                       long *out)
{
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (x < lo) {
        PyErr_SetString(PyExc_OverflowError, lo_msg);
        return -1;
    }
    if (x > hi) {
        PyErr_SetString(PyExc_OverflowError, hi_msg);
        return -1;
    }
    *out = x;
    return 0;
}

/* Unsigned conversions go through __index__ and reject negatives with CPython's text. */
static int get_ulong(PyObject *v, unsigned long *out)
{
    PyObject *n = PyNumber_Index(v);
    if (n == NULL)
        return -1;
    if (_PyLong_IsNegative((PyLongObject *)n)) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    unsigned long x = PyLong_AsUnsignedLong(n);
    Py_DECREF(n);
    if (x == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

#define ITEM(a, type, i) (((type *)(a)->ob_item)[i])

#define SIGNED_CODE(name, ctype, lo, hi, lomsg, himsg)                                      \
    static PyObject *name##_get(arrayobject *a, Py_ssize_t i)                               \
    {                                                                                        \
        return PyLong_FromLong((long)ITEM(a, ctype, i));                                     \
    }                                                                                        \
    static int name##_set(arrayobject *a, Py_ssize_t i, PyObject *v)                        \
    {                                                                                        \
        long x;                                                                              \
        if (get_long_in(v, lo, hi, lomsg, himsg, &x) < 0)                                    \
            return -1;                                                                       \
        if (i >= 0)                                                                          \
            ITEM(a, ctype, i) = (ctype)x;                                                    \
        return 0;                                                                            \
    }

SIGNED_CODE(b, signed char, SCHAR_MIN, SCHAR_MAX, "signed char is less than minimum",
            "signed char is greater than maximum")
SIGNED_CODE(B, unsigned char, 0, UCHAR_MAX, "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum")
SIGNED_CODE(h, short, SHRT_MIN, SHRT_MAX, "signed short integer is less than minimum",
            "signed short integer is greater than maximum")
SIGNED_CODE(H, unsigned short, 0, USHRT_MAX, "unsigned short is less than minimum",
            "unsigned short is greater than maximum")
SIGNED_CODE(i, int, INT_MIN, INT_MAX, "signed integer is less than minimum",
            "signed integer is greater than maximum")
SIGNED_CODE(l, long, LONG_MIN, LONG_MAX, "", "")

static PyObject *I_get(arrayobject *a, Py_ssize_t i)
{
    return PyLong_FromUnsignedLong(ITEM(a, unsigned int, i));
}
static int I_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    unsigned long x;
    if (get_ulong(v, &x) < 0)
        return -1;
    if (x > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "unsigned int is greater than maximum");
        return -1;
    }
    if (i >= 0)
        ITEM(a, unsigned int, i) = (unsigned int)x;
    return 0;
}
static PyObject *L_get(arrayobject *a, Py_ssize_t i)
{
    return PyLong_FromUnsignedLong(ITEM(a, unsigned long, i));
}
static int L_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    unsigned long x;
    if (get_ulong(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEM(a, unsigned long, i) = x;
    return 0;
}

/* q/Q convert like struct's native long long codes. */
static int get_llong(PyObject *v, int is_unsigned, unsigned long long *out)
{
    PyObject *n = PyNumber_Index(v);
    if (n == NULL)
        return -1;
    int neg = _PyLong_IsNegative((PyLongObject *)n);
    int overflow = 0;
    unsigned long long x = 0;
    if (is_unsigned) {
        if (neg) {
            Py_DECREF(n);
            PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
            return -1;
        }
        x = PyLong_AsUnsignedLongLong(n);
        overflow = x == (unsigned long long)-1 && PyErr_Occurred();
    }
    else {
        long long s = PyLong_AsLongLongAndOverflow(n, &overflow);
        if (s == -1 && PyErr_Occurred()) {
            Py_DECREF(n);
            return -1;
        }
        x = (unsigned long long)s;
    }
    Py_DECREF(n);
    if (overflow) {
        PyErr_Clear();
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    *out = x;
    return 0;
}
static PyObject *q_get(arrayobject *a, Py_ssize_t i)
{
    return PyLong_FromLongLong(ITEM(a, long long, i));
}
static int q_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    unsigned long long x;
    if (get_llong(v, 0, &x) < 0)
        return -1;
    if (i >= 0)
        ITEM(a, long long, i) = (long long)x;
    return 0;
}
static PyObject *Q_get(arrayobject *a, Py_ssize_t i)
{
    return PyLong_FromUnsignedLongLong(ITEM(a, unsigned long long, i));
}
static int Q_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    unsigned long long x;
    if (get_llong(v, 1, &x) < 0)
        return -1;
    if (i >= 0)
        ITEM(a, unsigned long long, i) = x;
    return 0;
}

static int get_double(PyObject *v, double *out)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(v)->tp_name);
        }
        return -1;
    }
    *out = x;
    return 0;
}
static PyObject *f_get(arrayobject *a, Py_ssize_t i)
{
    return PyFloat_FromDouble((double)ITEM(a, float, i));
}
static int f_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    double x;
    if (get_double(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEM(a, float, i) = (float)x;
    return 0;
}
static PyObject *d_get(arrayobject *a, Py_ssize_t i)
{
    return PyFloat_FromDouble(ITEM(a, double, i));
}
static int d_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    double x;
    if (get_double(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEM(a, double, i) = x;
    return 0;
}

/* 'u' is wchar_t (4 bytes here) and 'w' is Py_UCS4: both hold one code point per item. */
static PyObject *w_get(arrayobject *a, Py_ssize_t i)
{
    Py_UCS4 c = ITEM(a, Py_UCS4, i);
    if (c > 0x10ffff) {
        PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                     (unsigned)c);
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)c);
}
static int w_set(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    if (!PyUnicode_Check(v) || PyUnicode_GET_LENGTH(v) != 1) {
        PyErr_SetString(PyExc_TypeError, "array item must be unicode character");
        return -1;
    }
    if (i >= 0)
        ITEM(a, Py_UCS4, i) = PyUnicode_READ_CHAR(v, 0);
    return 0;
}

_Static_assert(sizeof(wchar_t) == sizeof(Py_UCS4), "'u' arrays assume a 4-byte wchar_t");

static const arraydescr descriptors[] = {
    {'b', 1, b_get, b_set, "b"},
    {'B', 1, B_get, B_set, "B"},
    {'u', sizeof(wchar_t), w_get, w_set, "w"},
    {'w', 4, w_get, w_set, "w"},
    {'h', sizeof(short), h_get, h_set, "h"},
    {'H', sizeof(short), H_get, H_set, "H"},
    {'i', sizeof(int), i_get, i_set, "i"},
    {'I', sizeof(int), I_get, I_set, "I"},
    {'l', sizeof(long), l_get, l_set, "l"},
    {'L', sizeof(long), L_get, L_set, "L"},
    {'q', sizeof(long long), q_get, q_set, "q"},
    {'Q', sizeof(long long), Q_get, Q_set, "Q"},
    {'f', sizeof(float), f_get, f_set, "f"},
    {'d', sizeof(double), d_get, d_set, "d"},
    {0, 0, NULL, NULL, NULL},
};

static int is_unicode_code(const arraydescr *d)
{
    return d->typecode == 'u' || d->typecode == 'w';
}

/* ---- storage --------------------------------------------------------------------------- */

static int array_resize(arrayobject *a, Py_ssize_t newsize)
{
    if (a->ob_exports > 0 && newsize != Py_SIZE(a)) {
        PyErr_SetString(PyExc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (a->allocated >= newsize && Py_SIZE(a) < newsize + 16 && a->ob_item != NULL) {
        Py_SET_SIZE(a, newsize);
        return 0;
    }
    if (newsize == 0) {
        PyMem_Free(a->ob_item);
        a->ob_item = NULL;
        Py_SET_SIZE(a, 0);
        a->allocated = 0;
        return 0;
    }
    /* Over-allocate by 1/16 plus a little, like list but gentler. */
    Py_ssize_t alloc = (newsize >> 4) + (Py_SIZE(a) < 8 ? 3 : 7) + newsize;
    if (alloc > PY_SSIZE_T_MAX / a->ob_descr->itemsize) {
        PyErr_NoMemory();
        return -1;
    }
    char *items = PyMem_Realloc(a->ob_item, (size_t)(alloc * a->ob_descr->itemsize));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    a->ob_item = items;
    Py_SET_SIZE(a, newsize);
    a->allocated = alloc;
    return 0;
}

static PyObject *newarray(PyTypeObject *type, Py_ssize_t size, const arraydescr *descr)
{
    if (size < 0 || size > PY_SSIZE_T_MAX / descr->itemsize)
        return PyErr_NoMemory();
    arrayobject *a = (arrayobject *)type->tp_alloc(type, 0);
    if (a == NULL)
        return NULL;
    a->ob_descr = descr;
    Py_SET_SIZE(a, size);
    a->allocated = size;
    if (size > 0) {
        a->ob_item = PyMem_Calloc((size_t)size, (size_t)descr->itemsize);
        if (a->ob_item == NULL) {
            Py_DECREF(a);
            return PyErr_NoMemory();
        }
    }
    return (PyObject *)a;
}

static int ins1(arrayobject *a, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(a);
    if (a->ob_descr->setitem(a, -1, v) < 0) /* validate before resizing */
        return -1;
    if (array_resize(a, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    int sz = a->ob_descr->itemsize;
    if (where != n)
        memmove(a->ob_item + (where + 1) * sz, a->ob_item + where * sz, (size_t)((n - where) * sz));
    return a->ob_descr->setitem(a, where, v);
}

static int append_bytes(arrayobject *a, const char *buf, Py_ssize_t len)
{
    int sz = a->ob_descr->itemsize;
    if (len % sz != 0) {
        PyErr_SetString(PyExc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    Py_ssize_t n = Py_SIZE(a), add = len / sz;
    if (add == 0)
        return 0;
    if (array_resize(a, n + add) < 0)
        return -1;
    memcpy(a->ob_item + n * sz, buf, (size_t)len);
    return 0;
}

static int extend_iterable(arrayobject *a, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *v;
    while ((v = PyIter_Next(it)) != NULL) {
        int rc = ins1(a, Py_SIZE(a), v);
        Py_DECREF(v);
        if (rc < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int extend_array(arrayobject *a, arrayobject *b)
{
    if (a->ob_descr != b->ob_descr) {
        PyErr_SetString(PyExc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    Py_ssize_t n = Py_SIZE(a), m = Py_SIZE(b);
    int sz = a->ob_descr->itemsize;
    if (m == 0)
        return 0;
    if (array_resize(a, n + m) < 0)
        return -1;
    memcpy(a->ob_item + n * sz, b->ob_item, (size_t)(m * sz));
    return 0;
}

static int from_unicode(arrayobject *a, PyObject *s)
{
    Py_ssize_t n = Py_SIZE(a), m = PyUnicode_GET_LENGTH(s);
    if (array_resize(a, n + m) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < m; i++)
        ITEM(a, Py_UCS4, n + i) = PyUnicode_READ_CHAR(s, i);
    return 0;
}

/* ---- construction ---------------------------------------------------------------------- */

static PyObject *array_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &Array_Type && !_PyArg_NoKeywords("array.array", kwds))
        return NULL;
    PyObject *tcobj, *init = NULL;
    if (!PyArg_UnpackTuple(args, "array", 1, 2, &tcobj, &init))
        return NULL;
    if (!PyUnicode_Check(tcobj) || PyUnicode_GET_LENGTH(tcobj) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "array() argument 1 must be a unicode character, not %.50s",
                     Py_TYPE(tcobj)->tp_name);
        return NULL;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(tcobj, 0);
    const arraydescr *d = descriptors;
    while (d->typecode && (Py_UCS4)d->typecode != c)
        d++;
    if (!d->typecode) {
        PyErr_SetString(PyExc_ValueError,
                        "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    if (d->typecode == 'u' &&
        PyErr_WarnEx(PyExc_DeprecationWarning,
                     "The 'u' type code is deprecated and will be removed in Python 3.16", 1) < 0)
        return NULL;
    if (init != NULL && PyUnicode_Check(init) && !is_unicode_code(d)) {
        PyErr_Format(PyExc_TypeError,
                     "cannot use a str to initialize an array with typecode '%c'", d->typecode);
        return NULL;
    }
    if (init != NULL && array_Check(init) && is_unicode_code(((arrayobject *)init)->ob_descr) &&
        !is_unicode_code(d)) {
        PyErr_Format(PyExc_TypeError,
                     "cannot use a unicode array to initialize an array with typecode '%c'",
                     d->typecode);
        return NULL;
    }
    arrayobject *a = (arrayobject *)newarray(type, 0, d);
    if (a == NULL || init == NULL)
        return (PyObject *)a;
    int rc;
    if (PyUnicode_Check(init))
        rc = from_unicode(a, init);
    else if (PyBytes_Check(init) || PyByteArray_Check(init)) {
        Py_buffer view;
        rc = PyObject_GetBuffer(init, &view, PyBUF_SIMPLE);
        if (rc == 0) {
            rc = append_bytes(a, view.buf, view.len);
            PyBuffer_Release(&view);
        }
    }
    else if (array_Check(init) && ((arrayobject *)init)->ob_descr == d)
        rc = extend_array(a, (arrayobject *)init);
    else
        rc = extend_iterable(a, init);
    if (rc < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return (PyObject *)a;
}

/* ---- sequence protocol ----------------------------------------------------------------- */

static Py_ssize_t array_length(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *array_item(PyObject *self, Py_ssize_t i)
{
    arrayobject *a = (arrayobject *)self;
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "array index out of range");
        return NULL;
    }
    return a->ob_descr->getitem(a, i);
}

static PyObject *slice_of(arrayobject *a, Py_ssize_t start, Py_ssize_t step, Py_ssize_t len)
{
    arrayobject *r = (arrayobject *)newarray(&Array_Type, len, a->ob_descr);
    if (r == NULL)
        return NULL;
    int sz = a->ob_descr->itemsize;
    if (step == 1 && len > 0)
        memcpy(r->ob_item, a->ob_item + start * sz, (size_t)(len * sz));
    else
        for (Py_ssize_t i = 0, j = start; i < len; i++, j += step)
            memcpy(r->ob_item + i * sz, a->ob_item + j * sz, (size_t)sz);
    return (PyObject *)r;
}

static PyObject *array_subscr(PyObject *self, PyObject *item)
{
    arrayobject *a = (arrayobject *)self;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(a);
        return array_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(a), &start, &stop, step);
        return slice_of(a, start, step, len);
    }
    PyErr_SetString(PyExc_TypeError, "array indices must be integers");
    return NULL;
}

static int array_ass_subscr(PyObject *self, PyObject *item, PyObject *value)
{
    arrayobject *a = (arrayobject *)self;
    int sz = a->ob_descr->itemsize;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += Py_SIZE(a);
        if (i < 0 || i >= Py_SIZE(a)) {
            PyErr_SetString(PyExc_IndexError, value ? "array assignment index out of range"
                                                    : "array assignment index out of range");
            return -1;
        }
        if (value != NULL)
            return a->ob_descr->setitem(a, i, value);
        memmove(a->ob_item + i * sz, a->ob_item + (i + 1) * sz,
                (size_t)((Py_SIZE(a) - i - 1) * sz));
        return array_resize(a, Py_SIZE(a) - 1);
    }
    if (!PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(a), &start, &stop, step);
    arrayobject *src = NULL;
    Py_ssize_t m = 0;
    if (value != NULL) {
        if (!array_Check(value)) {
            PyErr_Format(PyExc_TypeError, "can only assign array (not \"%.200s\") to array slice",
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        src = (arrayobject *)value;
        if (src->ob_descr != a->ob_descr) {
            PyErr_BadArgument();
            return -1;
        }
        m = Py_SIZE(src);
    }
    /* Copy the source first: a[::] = a must read the old contents. */
    char *copy = NULL;
    if (m > 0) {
        copy = PyMem_Malloc((size_t)(m * sz));
        if (copy == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(copy, src->ob_item, (size_t)(m * sz));
    }
    int rc = 0;
    if (step == 1) {
        Py_ssize_t n = Py_SIZE(a), delta = m - len;
        if (delta > 0 && array_resize(a, n + delta) < 0) {
            rc = -1;
        }
        else {
            if (n > stop) /* an empty array has no buffer at all */
                memmove(a->ob_item + (start + m) * sz, a->ob_item + stop * sz,
                        (size_t)((n - stop) * sz));
            if (m > 0)
                memcpy(a->ob_item + start * sz, copy, (size_t)(m * sz));
            if (delta < 0)
                rc = array_resize(a, n + delta);
        }
    }
    else if (value == NULL) {
        /* delete every step-th item, compacting the rest */
        if (step < 0) {
            start = start + step * (len - 1);
            step = -step;
        }
        Py_ssize_t w = start, n = Py_SIZE(a);
        for (Py_ssize_t r = start, k = 0; r < n; r++) {
            if (k < len && r == start + k * step) {
                k++;
                continue;
            }
            memmove(a->ob_item + w * sz, a->ob_item + r * sz, (size_t)sz);
            w++;
        }
        rc = array_resize(a, n - len);
    }
    else if (m != len) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign array of size %zd to extended slice of size %zd", m, len);
        rc = -1;
    }
    else {
        for (Py_ssize_t i = 0, j = start; i < len; i++, j += step)
            memcpy(a->ob_item + j * sz, copy + i * sz, (size_t)sz);
    }
    PyMem_Free(copy);
    return rc;
}

static int array_contains(PyObject *self, PyObject *v)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *x = array_item(self, i);
        if (x == NULL)
            return -1;
        int eq = PyObject_RichCompareBool(x, v, Py_EQ);
        Py_DECREF(x);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static PyObject *array_concat(PyObject *self, PyObject *other)
{
    arrayobject *a = (arrayobject *)self;
    if (!array_Check(other)) {
        PyErr_Format(PyExc_TypeError, "can only append array (not \"%.200s\") to array",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    arrayobject *b = (arrayobject *)other;
    if (a->ob_descr != b->ob_descr) {
        PyErr_BadArgument();
        return NULL;
    }
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    int sz = a->ob_descr->itemsize;
    arrayobject *r = (arrayobject *)newarray(&Array_Type, Py_SIZE(a) + Py_SIZE(b), a->ob_descr);
    if (r == NULL)
        return NULL;
    if (Py_SIZE(a))
        memcpy(r->ob_item, a->ob_item, (size_t)(Py_SIZE(a) * sz));
    if (Py_SIZE(b))
        memcpy(r->ob_item + Py_SIZE(a) * sz, b->ob_item, (size_t)(Py_SIZE(b) * sz));
    return (PyObject *)r;
}

static PyObject *array_repeat(PyObject *self, Py_ssize_t n)
{
    arrayobject *a = (arrayobject *)self;
    if (n < 0)
        n = 0;
    Py_ssize_t len = Py_SIZE(a);
    if (len != 0 && n > PY_SSIZE_T_MAX / len)
        return PyErr_NoMemory();
    arrayobject *r = (arrayobject *)newarray(&Array_Type, len * n, a->ob_descr);
    if (r == NULL)
        return NULL;
    size_t chunk = (size_t)(len * a->ob_descr->itemsize);
    for (Py_ssize_t i = 0; chunk > 0 && i < n; i++)
        memcpy(r->ob_item + i * chunk, a->ob_item, chunk);
    return (PyObject *)r;
}

static PyObject *array_inplace_concat(PyObject *self, PyObject *other)
{
    if (!array_Check(other)) {
        PyErr_Format(PyExc_TypeError, "can only extend array with array (not \"%.200s\")",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    if (extend_array((arrayobject *)self, (arrayobject *)other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *array_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    arrayobject *a = (arrayobject *)self;
    Py_ssize_t len = Py_SIZE(a);
    if (len == 0 || n == 1)
        return Py_NewRef(self);
    if (n <= 0) {
        if (array_resize(a, 0) < 0)
            return NULL;
        return Py_NewRef(self);
    }
    if (n > PY_SSIZE_T_MAX / len)
        return PyErr_NoMemory();
    if (array_resize(a, len * n) < 0)
        return NULL;
    size_t chunk = (size_t)(len * a->ob_descr->itemsize);
    for (Py_ssize_t i = 1; i < n; i++)
        memcpy(a->ob_item + i * chunk, a->ob_item, chunk);
    return Py_NewRef(self);
}

/* ---- methods --------------------------------------------------------------------------- */

static PyObject *array_append(PyObject *self, PyObject *v)
{
    if (ins1((arrayobject *)self, Py_SIZE(self), v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_extend(PyObject *self, PyObject *v)
{
    int rc = array_Check(v) ? extend_array((arrayobject *)self, (arrayobject *)v)
                            : extend_iterable((arrayobject *)self, v);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (ins1((arrayobject *)self, i, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    arrayobject *a = (arrayobject *)self;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    Py_ssize_t i = -1;
    if (nargs == 1) {
        i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
    }
    if (Py_SIZE(a) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0)
        i += Py_SIZE(a);
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject *v = a->ob_descr->getitem(a, i);
    if (v == NULL)
        return NULL;
    int sz = a->ob_descr->itemsize;
    memmove(a->ob_item + i * sz, a->ob_item + (i + 1) * sz, (size_t)((Py_SIZE(a) - i - 1) * sz));
    if (array_resize(a, Py_SIZE(a) - 1) < 0) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

/* Index of the first item equal to v in [start, stop), -1 if none, -2 on error. */
static Py_ssize_t find(PyObject *self, PyObject *v, Py_ssize_t start, Py_ssize_t stop)
{
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *x = array_item(self, i);
        if (x == NULL)
            return -2;
        int eq = PyObject_RichCompareBool(x, v, Py_EQ);
        Py_DECREF(x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

static PyObject *array_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    Py_ssize_t n = Py_SIZE(self), start = 0, stop = PY_SSIZE_T_MAX;
    for (int k = 1; k < nargs; k++) {
        Py_ssize_t *p = k == 1 ? &start : &stop;
        *p = PyNumber_AsSsize_t(args[k], NULL);
        if (*p == -1 && PyErr_Occurred())
            return NULL;
        if (*p < 0) {
            *p += n;
            if (*p < 0)
                *p = 0;
        }
    }
    Py_ssize_t i = find(self, args[0], start, stop);
    if (i == -2)
        return NULL;
    if (i < 0) {
        PyErr_SetString(PyExc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return PyLong_FromSsize_t(i);
}

static PyObject *array_remove(PyObject *self, PyObject *v)
{
    Py_ssize_t i = find(self, v, 0, Py_SIZE(self));
    if (i == -2)
        return NULL;
    if (i < 0) {
        PyErr_SetString(PyExc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    arrayobject *a = (arrayobject *)self;
    int sz = a->ob_descr->itemsize;
    memmove(a->ob_item + i * sz, a->ob_item + (i + 1) * sz, (size_t)((Py_SIZE(a) - i - 1) * sz));
    if (array_resize(a, Py_SIZE(a) - 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_count(PyObject *self, PyObject *v)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *x = array_item(self, i);
        if (x == NULL)
            return NULL;
        int eq = PyObject_RichCompareBool(x, v, Py_EQ);
        Py_DECREF(x);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *array_reverse(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    int sz = a->ob_descr->itemsize;
    char tmp[16];
    for (Py_ssize_t i = 0, j = Py_SIZE(a) - 1; i < j; i++, j--) {
        memcpy(tmp, a->ob_item + i * sz, (size_t)sz);
        memcpy(a->ob_item + i * sz, a->ob_item + j * sz, (size_t)sz);
        memcpy(a->ob_item + j * sz, tmp, (size_t)sz);
    }
    Py_RETURN_NONE;
}

static PyObject *array_byteswap(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    int sz = a->ob_descr->itemsize;
    if (sz != 1 && sz != 2 && sz != 4 && sz != 8) {
        PyErr_SetString(PyExc_RuntimeError, "don't know how to byteswap this array type");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++) {
        char *p = a->ob_item + i * sz;
        for (int k = 0; k < sz / 2; k++) {
            char c = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = c;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *array_buffer_info(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    return Py_BuildValue("(Nn)", PyLong_FromVoidPtr(a->ob_item), Py_SIZE(a));
}

static PyObject *array_tobytes(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    return PyBytes_FromStringAndSize(a->ob_item, Py_SIZE(a) * a->ob_descr->itemsize);
}

static PyObject *array_frombytes(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    int rc = append_bytes((arrayobject *)self, view.buf, view.len);
    PyBuffer_Release(&view);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_tolist(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(Py_SIZE(self));
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *v = array_item(self, i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, v);
    }
    return list;
}

static PyObject *array_fromlist(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "arg must be list");
        return NULL;
    }
    arrayobject *a = (arrayobject *)self;
    Py_ssize_t n = Py_SIZE(a);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (ins1(a, Py_SIZE(a), PyList_GET_ITEM(list, i)) < 0) {
            array_resize(a, n); /* all or nothing */
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *array_tounicode(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    if (!is_unicode_code(a->ob_descr)) {
        PyErr_SetString(PyExc_ValueError,
                        "tounicode() may only be called on unicode type arrays ('u' or 'w')");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        if (ITEM(a, Py_UCS4, i) > 0x10ffff)
            return w_get(a, i);
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, a->ob_item, Py_SIZE(a));
}

static PyObject *array_fromunicode(PyObject *self, PyObject *arg)
{
    arrayobject *a = (arrayobject *)self;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "fromunicode() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!is_unicode_code(a->ob_descr)) {
        PyErr_SetString(PyExc_ValueError,
                        "fromunicode() may only be called on unicode type arrays ('u' or 'w')");
        return NULL;
    }
    if (from_unicode(a, arg) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_tofile(PyObject *self, PyObject *f)
{
    PyObject *b = array_tobytes(self, NULL);
    if (b == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(f, "write", "O", b);
    Py_DECREF(b);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *array_fromfile(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromfile", nargs, 2, 2))
        return NULL;
    arrayobject *a = (arrayobject *)self;
    Py_ssize_t n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative count");
        return NULL;
    }
    int sz = a->ob_descr->itemsize;
    if (n > PY_SSIZE_T_MAX / sz)
        return PyErr_NoMemory();
    PyObject *b = PyObject_CallMethod(args[0], "read", "n", n * sz);
    if (b == NULL)
        return NULL;
    if (!PyBytes_Check(b)) {
        Py_DECREF(b);
        PyErr_SetString(PyExc_TypeError, "read() didn't return bytes");
        return NULL;
    }
    Py_ssize_t got = PyBytes_GET_SIZE(b);
    Py_ssize_t whole = got - got % sz;
    int rc = append_bytes(a, PyBytes_AS_STRING(b), whole);
    Py_DECREF(b);
    if (rc < 0)
        return NULL;
    if (got != n * sz) {
        PyErr_SetString(PyExc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_copy(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    return slice_of(a, 0, 1, Py_SIZE(a));
}

static PyObject *array_deepcopy(PyObject *self, PyObject *memo)
{
    return array_copy(self, NULL);
}

static PyObject *array_sizeof(PyObject *self, PyObject *unused)
{
    arrayobject *a = (arrayobject *)self;
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(self)->tp_basicsize +
                              a->allocated * a->ob_descr->itemsize);
}

/* Pickles as _array_reconstructor(cls, typecode, machine format code, bytes). The machine
 * format codes are CPython's (little-endian machines), so pickles interchange. */
static int mformat_code(const arraydescr *d)
{
    switch (d->typecode) {
    case 'b': return 1;
    case 'B': return 0;
    case 'h': return 4;
    case 'H': return 2;
    case 'i': return 8;
    case 'I': return 6;
    case 'l': case 'q': return 12;
    case 'L': case 'Q': return 10;
    case 'f': return 14;
    case 'd': return 16;
    default: return 20; /* UTF-32 little-endian */
    }
}

static PyObject *array_reduce_ex(PyObject *self, PyObject *protocol)
{
    arrayobject *a = (arrayobject *)self;
    PyObject *mod = PyImport_ImportModule("array");
    if (mod == NULL)
        return NULL;
    PyObject *recon = PyObject_GetAttrString(mod, "_array_reconstructor");
    Py_DECREF(mod);
    if (recon == NULL)
        return NULL;
    PyObject *dict;
    if (PyObject_GetOptionalAttrString(self, "__dict__", &dict) < 0) {
        Py_DECREF(recon);
        return NULL;
    }
    PyObject *bytes = array_tobytes(self, NULL);
    if (bytes == NULL) {
        Py_DECREF(recon);
        Py_XDECREF(dict);
        return NULL;
    }
    PyObject *r = Py_BuildValue("(N(OCiN)O)", recon, (PyObject *)Py_TYPE(self),
                                a->ob_descr->typecode, mformat_code(a->ob_descr), bytes,
                                dict ? dict : Py_None);
    Py_XDECREF(dict);
    return r;
}

static PyObject *array_reconstructor(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_array_reconstructor", nargs, 4, 4))
        return NULL;
    if (!PyType_Check(args[0]) || !PyType_IsSubtype((PyTypeObject *)args[0], &Array_Type)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be a type object, not array");
        return NULL;
    }
    PyObject *targs = PyTuple_Pack(2, args[1], args[3]);
    if (targs == NULL)
        return NULL;
    PyObject *r = array_new((PyTypeObject *)args[0], targs, NULL);
    Py_DECREF(targs);
    return r;
}

static PyObject *array_get_typecode(PyObject *self, void *closure)
{
    char tc = ((arrayobject *)self)->ob_descr->typecode;
    return PyUnicode_FromStringAndSize(&tc, 1);
}

static PyObject *array_get_itemsize(PyObject *self, void *closure)
{
    return PyLong_FromLong(((arrayobject *)self)->ob_descr->itemsize);
}

static PyGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef array_methods[] = {
    {"append", array_append, METH_O, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, METH_NOARGS,
     "Return a tuple (address, length) giving the current memory address and the length in "
     "items of the buffer used to hold array's contents."},
    {"byteswap", array_byteswap, METH_NOARGS, "Byteswap all items of the array."},
    {"count", array_count, METH_O, "Return number of occurrences of v in the array."},
    {"extend", array_extend, METH_O, "Append items to the end of the array."},
    {"frombytes", array_frombytes, METH_O, "Appends items from the string, interpreting it as "
     "an array of machine values, as if it had been read from a file using the fromfile() "
     "method."},
    {"fromfile", _PyCFunction_CAST(array_fromfile), METH_FASTCALL,
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, METH_O, "Append items to array from list."},
    {"fromunicode", array_fromunicode, METH_O, "Extends this array with data from the unicode string ustr."},
    {"index", _PyCFunction_CAST(array_index), METH_FASTCALL,
     "Return index of first occurrence of v in the array."},
    {"insert", _PyCFunction_CAST(array_insert), METH_FASTCALL,
     "Insert a new item v into the array before position i."},
    {"pop", _PyCFunction_CAST(array_pop), METH_FASTCALL,
     "Return the i-th element and delete it from the array."},
    {"remove", array_remove, METH_O, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, METH_NOARGS, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes, METH_NOARGS,
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_tofile, METH_O, "Write all items (as machine values) to the file object f."},
    {"tolist", array_tolist, METH_NOARGS, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, METH_NOARGS, "Extends this array with data from the unicode string ustr."},
    {"__copy__", array_copy, METH_NOARGS, "Return a copy of the array."},
    {"__deepcopy__", array_deepcopy, METH_O, "Return a copy of the array."},
    {"__reduce_ex__", array_reduce_ex, METH_O, "Return state information for pickling."},
    {"__sizeof__", array_sizeof, METH_NOARGS, "Size of the array in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyObject *array_repr(PyObject *self)
{
    arrayobject *a = (arrayobject *)self;
    char tc = a->ob_descr->typecode;
    const char *name = _PyType_Name(Py_TYPE(self));
    if (Py_SIZE(a) == 0)
        return PyUnicode_FromFormat("%s('%c')", name, tc);
    PyObject *body = is_unicode_code(a->ob_descr) ? array_tounicode(self, NULL)
                                                  : array_tolist(self, NULL);
    if (body == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("%s('%c', %R)", name, tc, body);
    Py_DECREF(body);
    return r;
}

static PyObject *array_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!array_Check(v) || !array_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t n = Py_SIZE(v), m = Py_SIZE(w);
    if (n != m && (op == Py_EQ || op == Py_NE))
        return PyBool_FromLong(op == Py_NE);
    /* Find the first differing item, then compare it (or the lengths). */
    Py_ssize_t i = 0;
    for (; i < n && i < m; i++) {
        PyObject *x = array_item(v, i), *y = x ? array_item(w, i) : NULL;
        if (y == NULL) {
            Py_XDECREF(x);
            return NULL;
        }
        int eq = PyObject_RichCompareBool(x, y, Py_EQ);
        if (eq == 0) {
            PyObject *r = op == Py_EQ ? Py_NewRef(Py_False)
                          : op == Py_NE ? Py_NewRef(Py_True)
                                        : PyObject_RichCompare(x, y, op);
            Py_DECREF(x);
            Py_DECREF(y);
            return r;
        }
        Py_DECREF(x);
        Py_DECREF(y);
        if (eq < 0)
            return NULL;
    }
    int res;
    switch (op) {
    case Py_LT: res = n < m; break;
    case Py_LE: res = n <= m; break;
    case Py_EQ: res = n == m; break;
    case Py_NE: res = n != m; break;
    case Py_GT: res = n > m; break;
    default: res = n >= m; break;
    }
    return PyBool_FromLong(res);
}

static int array_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    arrayobject *a = (arrayobject *)self;
    static char empty[1];
    view->buf = a->ob_item ? (void *)a->ob_item : (void *)empty;
    view->obj = Py_NewRef(self);
    view->len = Py_SIZE(a) * a->ob_descr->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = a->ob_descr->itemsize;
    view->suboffsets = NULL;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &((PyVarObject *)a)->ob_size : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : NULL;
    view->format = (flags & PyBUF_FORMAT) ? (char *)a->ob_descr->format : NULL;
    view->internal = NULL;
    a->ob_exports++;
    return 0;
}

static void array_releasebuffer(PyObject *self, Py_buffer *view)
{
    ((arrayobject *)self)->ob_exports--;
}

static int array_traverse(PyObject *self, visitproc visit, void *arg)
{
    return 0;
}

static void array_dealloc(PyObject *self)
{
    arrayobject *a = (arrayobject *)self;
    PyObject_GC_UnTrack(self);
    if (a->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    PyMem_Free(a->ob_item);
    Py_TYPE(self)->tp_free(self);
}

/* ---- iterator -------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    arrayobject *ao;
} ArrayIterObject;

static PyObject *array_iter(PyObject *self)
{
    ArrayIterObject *it = PyObject_GC_New(ArrayIterObject, &ArrayIter_Type);
    if (it == NULL)
        return NULL;
    it->ao = (arrayobject *)Py_NewRef(self);
    it->index = 0;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *arrayiter_next(PyObject *self)
{
    ArrayIterObject *it = (ArrayIterObject *)self;
    if (it->ao == NULL)
        return NULL;
    if (it->index < Py_SIZE(it->ao))
        return it->ao->ob_descr->getitem(it->ao, it->index++);
    Py_CLEAR(it->ao);
    return NULL;
}

static int arrayiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)((ArrayIterObject *)self)->ao);
    return 0;
}

static void arrayiter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF((PyObject *)((ArrayIterObject *)self)->ao);
    PyObject_GC_Del(self);
}

static PyTypeObject ArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(ArrayIterObject),
    .tp_dealloc = arrayiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = arrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = arrayiter_next,
};

static PySequenceMethods array_as_sequence = {
    .sq_length = array_length,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static PyMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = array_subscr,
    .mp_ass_subscript = array_ass_subscr,
};

static PyBufferProcs array_as_buffer = {
    .bf_getbuffer = array_getbuffer,
    .bf_releasebuffer = array_releasebuffer,
};

static PyTypeObject Array_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.array",
    .tp_basicsize = sizeof(arrayobject),
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_as_buffer = &array_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are "
              "restricted by typecode, and\ninitialized from the optional initializer value, "
              "which must be a bytes\nor bytearray object, a Unicode string, or iterable over "
              "elements of the\nappropriate type.",
    .tp_traverse = array_traverse,
    .tp_richcompare = array_richcompare,
    .tp_weaklistoffset = offsetof(arrayobject, weakreflist),
    .tp_iter = array_iter,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_new = array_new,
};

static PyMethodDef array_functions[] = {
    {"_array_reconstructor", _PyCFunction_CAST(array_reconstructor), METH_FASTCALL,
     "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef arraymodule = {
    PyModuleDef_HEAD_INIT, "array",
    "This module defines an object type which can efficiently represent\nan array of basic "
    "values: characters, integers, floating-point\nnumbers.", 0, array_functions,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit_array(void)
{
    if (!(Array_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Array_Type) < 0)
        return NULL;
    if (!(ArrayIter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&ArrayIter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&arraymodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "array", (PyObject *)&Array_Type) < 0 ||
        PyModule_AddObjectRef(m, "ArrayType", (PyObject *)&Array_Type) < 0 ||
        PyModule_AddStringConstant(m, "typecodes", "bBuwhHiIlLqQfd") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
