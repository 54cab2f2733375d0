/* The _struct module: conversion between Python values and C structs packed in bytes.
 * A format is compiled once into a flat list of fields (one per value, except s/p which
 * take one value for the whole run) and cached per format string. */
#include "Python.h"
#include <float.h>
#include <math.h>
#include <string.h>

typedef struct {
    PyObject *error;
    PyObject *cache; /* dict: format -> Struct */
} StructState;

typedef struct {
    char code;
    Py_ssize_t offset;
    Py_ssize_t size; /* item size; for s/p the string length */
} Field;

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;
    Py_ssize_t nfields;
    Field *fields;
    PyObject *format; /* str */
    char order;       /* '@' native, '<' little standard, '>' big standard, '=' native standard */
    PyObject *weakreflist;
} StructObject;

typedef struct {
    PyObject_HEAD
    StructObject *so;
    Py_buffer buf;
    Py_ssize_t index;
} UnpackIterObject;

static PyTypeObject Struct_Type, UnpackIter_Type;
static struct PyModuleDef structmodule;

static StructState *get_state(void)
{
    PyObject *name = PyUnicode_FromString("_struct");
    if (name == NULL)
        return NULL;
    PyObject *m = PyImport_GetModule(name);
    Py_DECREF(name);
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ImportError, "_struct module is not loaded");
        return NULL;
    }
    StructState *st = PyModule_GetState(m);
    Py_DECREF(m); /* sys.modules keeps the module (and its state) alive */
    return st;
}

static void struct_error(const char *fmt, ...)
{
    StructState *st = get_state();
    if (st == NULL)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    PyErr_SetString(st->error, msg);
}

static int host_little(void)
{
    const uint16_t probe = 1;
    return *(const unsigned char *)&probe == 1;
}

/* ---- format compilation ---------------------------------------------------------------- */

/* Item size for a code, or 0 if the code is not valid in this mode. */
static Py_ssize_t code_size(char c, int native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L':
        return native ? (Py_ssize_t)sizeof(long) : 4;
    case 'q': case 'Q': case 'd':
        return 8;
    case 'n': case 'N':
        return native ? (Py_ssize_t)sizeof(size_t) : 0;
    case 'P':
        return native ? (Py_ssize_t)sizeof(void *) : 0;
    default:
        return 0;
    }
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/* Two passes over the format: the first sizes and validates, the second lays out fields. */
static int compile_format(StructObject *so, const char *fmt, Py_ssize_t len)
{
    const char *p = fmt, *end = fmt + len;
    char order = '@';
    if (p < end && (*p == '@' || *p == '=' || *p == '<' || *p == '>' || *p == '!')) {
        order = *p == '!' ? '>' : *p;
        p++;
    }
    int native = order == '@';
    const char *body = p;
    Py_ssize_t size = 0, nfields = 0;
    for (int pass = 0; pass < 2; pass++) {
        Py_ssize_t nf = 0;
        size = 0;
        for (p = body; p < end; p++) {
            char c = *p;
            if (is_space(c))
                continue;
            Py_ssize_t count = 1;
            if (is_digit(c)) {
                count = 0;
                while (p < end && is_digit(*p)) {
                    if (count > (PY_SSIZE_T_MAX - 9) / 10) {
                        struct_error("total struct size too long");
                        return -1;
                    }
                    count = count * 10 + (*p - '0');
                    p++;
                }
                if (p >= end) {
                    struct_error("repeat count given without format specifier");
                    return -1;
                }
                c = *p;
            }
            Py_ssize_t isz = code_size(c, native);
            if (isz == 0) {
                struct_error("bad char in struct format");
                return -1;
            }
            if (native && c != 's' && c != 'p' && c != 'x' && isz > 1)
                size = (size + isz - 1) / isz * isz;
            if (c == 's' || c == 'p') {
                if (pass)
                    so->fields[nf] = (Field){c, size, count};
                nf++;
                if (size > PY_SSIZE_T_MAX - count) {
                    struct_error("total struct size too long");
                    return -1;
                }
                size += count;
            }
            else if (c == 'x') {
                if (size > PY_SSIZE_T_MAX - count) {
                    struct_error("total struct size too long");
                    return -1;
                }
                size += count;
            }
            else {
                if (count > (PY_SSIZE_T_MAX - size) / isz) {
                    struct_error("total struct size too long");
                    return -1;
                }
                if (pass)
                    for (Py_ssize_t k = 0; k < count; k++)
                        so->fields[nf + k] = (Field){c, size + k * isz, isz};
                nf += count;
                size += count * isz;
            }
        }
        if (pass == 0) {
            nfields = nf;
            if ((size_t)nfields > (size_t)PY_SSIZE_T_MAX / sizeof(Field)) {
                PyErr_NoMemory();
                return -1;
            }
            so->fields = PyMem_Malloc(sizeof(Field) * (size_t)(nfields ? nfields : 1));
            if (so->fields == NULL) {
                PyErr_NoMemory();
                return -1;
            }
        }
    }
    so->size = size;
    so->nfields = nfields;
    so->order = order;
    return 0;
}

static StructObject *struct_from_format(PyTypeObject *type, PyObject *format)
{
    PyObject *text;
    if (PyUnicode_Check(format)) {
        text = PyUnicode_AsASCIIString(format);
        if (text == NULL)
            return NULL;
    }
    else if (PyBytes_Check(format)) {
        text = Py_NewRef(format);
    }
    else {
        PyErr_Format(PyExc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.200s",
                     Py_TYPE(format)->tp_name);
        return NULL;
    }
    StructObject *so = (StructObject *)type->tp_alloc(type, 0);
    if (so == NULL) {
        Py_DECREF(text);
        return NULL;
    }
    so->fields = NULL;
    so->format = PyUnicode_DecodeASCII(PyBytes_AS_STRING(text), PyBytes_GET_SIZE(text), NULL);
    if (so->format == NULL || compile_format(so, PyBytes_AS_STRING(text), PyBytes_GET_SIZE(text)) < 0) {
        Py_DECREF(text);
        Py_DECREF(so);
        return NULL;
    }
    Py_DECREF(text);
    return so;
}

/* Borrowed-style lookup returning a new reference to a cached compiled Struct. */
static StructObject *cached_struct(PyObject *format)
{
    if (PyObject_TypeCheck(format, &Struct_Type))
        return (StructObject *)Py_NewRef(format);
    StructState *st = get_state();
    if (st == NULL)
        return NULL;
    if (st->cache == NULL && (st->cache = PyDict_New()) == NULL)
        return NULL;
    PyObject *hit = NULL;
    if (PyUnicode_Check(format) || PyBytes_Check(format)) {
        hit = PyDict_GetItemWithError(st->cache, format);
        if (hit == NULL && PyErr_Occurred())
            return NULL;
    }
    if (hit != NULL)
        return (StructObject *)Py_NewRef(hit);
    StructObject *so = struct_from_format(&Struct_Type, format);
    if (so == NULL)
        return NULL;
    /* The cache is bounded by clearing it wholesale, which keeps the common case cheap. */
    if (PyDict_GET_SIZE(st->cache) >= 100)
        PyDict_Clear(st->cache);
    if (PyDict_SetItem(st->cache, format, (PyObject *)so) < 0) {
        Py_DECREF(so);
        return NULL;
    }
    return so;
}

/* ---- value conversion ------------------------------------------------------------------ */

static void put_uint(unsigned char *dst, uint64_t v, Py_ssize_t n, int little)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)(v >> (8 * i));
        dst[little ? i : n - 1 - i] = b;
    }
}

static uint64_t get_uint(const unsigned char *src, Py_ssize_t n, int little)
{
    uint64_t v = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        v |= (uint64_t)src[little ? i : n - 1 - i] << (8 * i);
    return v;
}

static PyObject *as_integer(PyObject *v)
{
    if (PyLong_Check(v))
        return Py_NewRef(v);
    if (Py_TYPE(v)->tp_as_number != NULL && Py_TYPE(v)->tp_as_number->nb_index != NULL)
        return PyNumber_Index(v);
    struct_error("required argument is not an integer");
    return NULL;
}

static int range_error(char code, int is_signed, Py_ssize_t size)
{
    if (is_signed) {
        long long hi = (long long)((~0ULL >> 1) >> (64 - 8 * size));
        struct_error("'%c' format requires %lld <= number <= %lld", code, -hi - 1, hi);
    }
    else {
        unsigned long long hi = ~0ULL >> (64 - 8 * size);
        struct_error("'%c' format requires 0 <= number <= %llu", code, hi);
    }
    return -1;
}

static int pack_int(const Field *f, PyObject *v, unsigned char *dst, int little)
{
    PyObject *n = as_integer(v);
    if (n == NULL)
        return -1;
    int is_signed = f->code == 'b' || f->code == 'h' || f->code == 'i' || f->code == 'l' ||
                    f->code == 'q' || f->code == 'n';
    uint64_t bits;
    if (f->code == 'P') {
        /* Pointers accept the full signed and unsigned 64-bit range, like PyLong_AsVoidPtr. */
        int overflow = 0;
        long long s = PyLong_AsLongLongAndOverflow(n, &overflow);
        if (overflow > 0) {
            unsigned long long u = PyLong_AsUnsignedLongLong(n);
            if (u == (unsigned long long)-1 && PyErr_Occurred()) {
                Py_DECREF(n);
                PyErr_Clear();
                struct_error("int too large to convert");
                return -1;
            }
            bits = u;
        }
        else if (overflow < 0) {
            Py_DECREF(n);
            struct_error("int too large to convert");
            return -1;
        }
        else {
            if (s == -1 && PyErr_Occurred()) {
                Py_DECREF(n);
                return -1;
            }
            bits = (uint64_t)s;
        }
    }
    else if (is_signed) {
        int overflow = 0;
        long long s = PyLong_AsLongLongAndOverflow(n, &overflow);
        if (s == -1 && PyErr_Occurred()) {
            Py_DECREF(n);
            return -1;
        }
        long long hi = (long long)((~0ULL >> 1) >> (64 - 8 * f->size));
        if (overflow || s > hi || s < -hi - 1) {
            Py_DECREF(n);
            return range_error(f->code, 1, f->size);
        }
        bits = (uint64_t)s;
    }
    else {
        if (_PyLong_Sign(n) < 0) {
            Py_DECREF(n);
            return range_error(f->code, 0, f->size);
        }
        unsigned long long u = PyLong_AsUnsignedLongLong(n);
        if (u == (unsigned long long)-1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                Py_DECREF(n);
                return -1;
            }
            PyErr_Clear();
            Py_DECREF(n);
            return range_error(f->code, 0, f->size);
        }
        if (f->size < 8 && u > (~0ULL >> (64 - 8 * f->size))) {
            Py_DECREF(n);
            return range_error(f->code, 0, f->size);
        }
        bits = u;
    }
    Py_DECREF(n);
    put_uint(dst, bits, f->size, little);
    return 0;
}

static int get_double(PyObject *v, double *out)
{
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    if (!PyFloat_Check(v) && (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL))) {
        struct_error("required argument is not a float");
        return -1;
    }
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

/* IEEE 754 binary16 with round-half-even; the scaled values are exact so rint() rounds once. */
static int pack_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    double ax = fabs(x);
    if (isinf(ax)) {
        *out = sign | 0x7c00;
        return 0;
    }
    if (ax < ldexp(1.0, -14)) {
        double m = rint(ldexp(ax, 24));
        *out = sign | (uint16_t)m;
        return 0;
    }
    int e;
    double f = frexp(ax, &e);
    double r = rint(ldexp(f, 11));
    int exp = e - 1;
    if (r >= 2048.0) {
        r = 1024.0;
        exp++;
    }
    if (exp + 15 >= 31) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
        return -1;
    }
    *out = sign | (uint16_t)((exp + 15) << 10) | (uint16_t)((int)r - 1024);
    return 0;
}

static double unpack_half(uint16_t h)
{
    int e = (h >> 10) & 31, m = h & 1023;
    double v;
    if (e == 0)
        v = ldexp((double)m, -24);
    else if (e == 31)
        v = m ? NAN : INFINITY;
    else
        v = ldexp((double)(m + 1024), e - 25);
    return (h & 0x8000) ? -v : v;
}

static int pack_field(const StructObject *so, const Field *f, PyObject *v, unsigned char *base)
{
    unsigned char *dst = base + f->offset;
    int little = so->order == '<' || ((so->order == '@' || so->order == '=') && host_little());
    switch (f->code) {
    case 'c':
        if (!PyBytes_Check(v) || PyBytes_GET_SIZE(v) != 1) {
            struct_error("char format requires a bytes object of length 1");
            return -1;
        }
        *dst = (unsigned char)PyBytes_AS_STRING(v)[0];
        return 0;
    case 's':
    case 'p': {
        const char *data;
        Py_ssize_t n;
        if (PyBytes_Check(v)) {
            data = PyBytes_AS_STRING(v);
            n = PyBytes_GET_SIZE(v);
        }
        else if (PyByteArray_Check(v)) {
            data = PyByteArray_AS_STRING(v);
            n = PyByteArray_GET_SIZE(v);
        }
        else {
            struct_error("argument for '%c' must be a bytes object", f->code);
            return -1;
        }
        if (f->code == 's') {
            if (n > f->size)
                n = f->size;
            memcpy(dst, data, (size_t)n);
            memset(dst + n, 0, (size_t)(f->size - n));
        }
        else if (f->size > 0) {
            /* Pascal strings: a length byte (capped at 255) then the text. */
            if (n > f->size - 1)
                n = f->size - 1;
            memcpy(dst + 1, data, (size_t)n);
            memset(dst + 1 + n, 0, (size_t)(f->size - 1 - n));
            *dst = (unsigned char)(n > 255 ? 255 : n);
        }
        return 0;
    }
    case '?': {
        int t = PyObject_IsTrue(v);
        if (t < 0)
            return -1;
        *dst = (unsigned char)t;
        return 0;
    }
    case 'e': {
        double x;
        uint16_t h;
        if (get_double(v, &x) < 0 || pack_half(x, &h) < 0)
            return -1;
        put_uint(dst, h, 2, little);
        return 0;
    }
    case 'f': {
        double x;
        if (get_double(v, &x) < 0)
            return -1;
        float y = (float)x;
        if (so->order != '@' && isinf(y) && !isinf(x)) {
            PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        put_uint(dst, bits, 4, little);
        return 0;
    }
    case 'd': {
        double x;
        if (get_double(v, &x) < 0)
            return -1;
        uint64_t bits;
        memcpy(&bits, &x, 8);
        put_uint(dst, bits, 8, little);
        return 0;
    }
    default:
        return pack_int(f, v, dst, little);
    }
}

static PyObject *unpack_field(const StructObject *so, const Field *f, const unsigned char *base)
{
    const unsigned char *src = base + f->offset;
    int little = so->order == '<' || ((so->order == '@' || so->order == '=') && host_little());
    switch (f->code) {
    case 'c':
        return PyBytes_FromStringAndSize((const char *)src, 1);
    case 's':
        return PyBytes_FromStringAndSize((const char *)src, f->size);
    case 'p': {
        Py_ssize_t n = f->size ? src[0] : 0;
        if (f->size && n > f->size - 1)
            n = f->size - 1;
        return PyBytes_FromStringAndSize((const char *)src + 1, n);
    }
    case '?':
        return PyBool_FromLong(*src != 0);
    case 'e':
        return PyFloat_FromDouble(unpack_half((uint16_t)get_uint(src, 2, little)));
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(src, 4, little);
        float y;
        memcpy(&y, &bits, 4);
        return PyFloat_FromDouble(y);
    }
    case 'd': {
        uint64_t bits = get_uint(src, 8, little);
        double x;
        memcpy(&x, &bits, 8);
        return PyFloat_FromDouble(x);
    }
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
        uint64_t u = get_uint(src, f->size, little);
        if (f->size < 8 && (u >> (8 * f->size - 1)) & 1)
            u |= ~0ULL << (8 * f->size);
        return PyLong_FromLongLong((long long)u);
    }
    default:
        return PyLong_FromUnsignedLongLong(get_uint(src, f->size, little));
    }
}

/* ---- packing and unpacking ------------------------------------------------------------- */

static int pack_values(StructObject *so, const char *what, PyObject *const *args, Py_ssize_t nargs,
                       unsigned char *dst)
{
    if (nargs != so->nfields) {
        struct_error("%s expected %zd items for packing (got %zd)", what, so->nfields, nargs);
        return -1;
    }
    memset(dst, 0, (size_t)so->size);
    for (Py_ssize_t i = 0; i < so->nfields; i++)
        if (pack_field(so, &so->fields[i], args[i], dst) < 0)
            return -1;
    return 0;
}

static PyObject *unpack_values(StructObject *so, const unsigned char *src)
{
    PyObject *t = PyTuple_New(so->nfields);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < so->nfields; i++) {
        PyObject *v = unpack_field(so, &so->fields[i], src);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyObject *do_pack(StructObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *res = PyBytes_FromStringAndSize(NULL, so->size);
    if (res == NULL)
        return NULL;
    if (pack_values(so, "pack", args, nargs, (unsigned char *)PyBytes_AS_STRING(res)) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *do_unpack(StructObject *so, PyObject *buffer)
{
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *res = NULL;
    if (view.len != so->size)
        struct_error("unpack requires a buffer of %zd bytes", so->size);
    else
        res = unpack_values(so, view.buf);
    PyBuffer_Release(&view);
    return res;
}

static PyObject *do_unpack_from(StructObject *so, PyObject *buffer, Py_ssize_t offset)
{
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *res = NULL;
    if (offset < 0) {
        if (offset + view.len < 0) {
            struct_error("offset %zd out of range for %zd-byte buffer", offset, view.len);
            goto done;
        }
        offset += view.len;
        if (view.len - offset < so->size) {
            struct_error("not enough data to unpack %zd bytes at offset %zd", so->size, offset - view.len);
            goto done;
        }
    }
    else if (view.len - offset < so->size) {
        struct_error("unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at "
                     "offset %zd (actual buffer size is %zd)",
                     (size_t)so->size + (size_t)offset, so->size, offset, view.len);
        goto done;
    }
    res = unpack_values(so, (const unsigned char *)view.buf + offset);
done:
    PyBuffer_Release(&view);
    return res;
}

static PyObject *do_pack_into(StructObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        struct_error("pack_into expected buffer argument");
        return NULL;
    }
    if (nargs < 2) {
        struct_error("pack_into expected offset argument");
        return NULL;
    }
    Py_ssize_t offset = PyNumber_AsSsize_t(args[1], PyExc_IndexError);
    if (offset == -1 && PyErr_Occurred())
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_WRITABLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_BufferError) || PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "argument must be read-write bytes-like object, not %.100s",
                         Py_TYPE(args[0])->tp_name);
        }
        return NULL;
    }
    if (nargs - 2 != so->nfields) {
        struct_error("pack_into expected %zd items for packing (got %zd)", so->nfields, nargs - 2);
        goto fail;
    }
    if (offset < 0) {
        if (offset + so->size > 0) {
            struct_error("no space to pack %zd bytes at offset %zd", so->size, offset);
            goto fail;
        }
        if (offset + view.len < 0) {
            struct_error("offset %zd out of range for %zd-byte buffer", offset, view.len);
            goto fail;
        }
        offset += view.len;
    }
    if (view.len - offset < so->size) {
        struct_error("pack_into requires a buffer of at least %zu bytes for packing %zd bytes at "
                     "offset %zd (actual buffer size is %zd)",
                     (size_t)so->size + (size_t)offset, so->size, offset, view.len);
        goto fail;
    }
    /* Pack into scratch space first so a failing item leaves the target untouched. */
    unsigned char *tmp = PyMem_Malloc((size_t)(so->size ? so->size : 1));
    if (tmp == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    if (pack_values(so, "pack_into", args + 2, nargs - 2, tmp) < 0) {
        PyMem_Free(tmp);
        goto fail;
    }
    memcpy((unsigned char *)view.buf + offset, tmp, (size_t)so->size);
    PyMem_Free(tmp);
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
fail:
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *do_iter_unpack(StructObject *so, PyObject *buffer)
{
    if (so->size == 0) {
        struct_error("cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    UnpackIterObject *it = PyObject_GC_New(UnpackIterObject, &UnpackIter_Type);
    if (it == NULL)
        return NULL;
    it->so = NULL;
    it->index = 0;
    if (PyObject_GetBuffer(buffer, &it->buf, PyBUF_SIMPLE) < 0) {
        it->buf.obj = NULL;
        Py_DECREF(it);
        return NULL;
    }
    if (it->buf.len % so->size != 0) {
        struct_error("iterative unpacking requires a buffer of a multiple of %zd bytes", so->size);
        Py_DECREF(it);
        return NULL;
    }
    it->so = (StructObject *)Py_NewRef(so);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* Shared parsing of (buffer, offset=0) for unpack_from. */
static int parse_unpack_from(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                             PyObject **buffer, Py_ssize_t *offset)
{
    PyObject *vals[2] = {NULL, NULL};
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 2 arguments (%zd given)", fname, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        vals[i] = args[i];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        int slot = PyUnicode_CompareWithASCIIString(key, "buffer") == 0 ? 0
                 : PyUnicode_CompareWithASCIIString(key, "offset") == 0 ? 1 : -1;
        if (slot < 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
            return -1;
        }
        if (vals[slot] != NULL) {
            PyErr_Format(PyExc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                         fname, slot ? "offset" : "buffer", slot + 1);
            return -1;
        }
        vals[slot] = args[nargs + i];
    }
    if (vals[0] == NULL) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument 'buffer' (pos 1)", fname);
        return -1;
    }
    *buffer = vals[0];
    *offset = 0;
    if (vals[1] != NULL) {
        *offset = PyNumber_AsSsize_t(vals[1], PyExc_OverflowError);
        if (*offset == -1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* ---- Struct type ----------------------------------------------------------------------- */

static PyObject *Struct_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", NULL};
    PyObject *format;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Struct", kwlist, &format))
        return NULL;
    return (PyObject *)struct_from_format(type, format);
}

static void Struct_dealloc(PyObject *self)
{
    StructObject *so = (StructObject *)self;
    if (so->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    PyMem_Free(so->fields);
    Py_XDECREF(so->format);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
}

static PyObject *Struct_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Struct(%R)", ((StructObject *)self)->format);
}

static PyObject *Struct_pack(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_pack((StructObject *)self, args, nargs);
}

static PyObject *Struct_pack_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_pack_into((StructObject *)self, args, nargs);
}

static PyObject *Struct_unpack(PyObject *self, PyObject *buffer)
{
    return do_unpack((StructObject *)self, buffer);
}

static PyObject *Struct_unpack_from(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *buffer;
    Py_ssize_t offset;
    if (parse_unpack_from("unpack_from", args, nargs, kwnames, &buffer, &offset) < 0)
        return NULL;
    return do_unpack_from((StructObject *)self, buffer, offset);
}

static PyObject *Struct_iter_unpack(PyObject *self, PyObject *buffer)
{
    return do_iter_unpack((StructObject *)self, buffer);
}

static PyObject *Struct_sizeof(PyObject *self, PyObject *unused)
{
    StructObject *so = (StructObject *)self;
    return PyLong_FromSsize_t((Py_ssize_t)(Py_TYPE(self)->tp_basicsize + (so->nfields + 1) * (Py_ssize_t)sizeof(Field)));
}

static PyObject *Struct_get_format(PyObject *self, void *closure)
{
    return Py_NewRef(((StructObject *)self)->format);
}

static PyObject *Struct_get_size(PyObject *self, void *closure)
{
    return PyLong_FromSsize_t(((StructObject *)self)->size);
}

static PyMethodDef Struct_methods[] = {
    {"iter_unpack", Struct_iter_unpack, METH_O, "Return an iterator yielding tuples."},
    {"pack", _PyCFunction_CAST(Struct_pack), METH_FASTCALL, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", _PyCFunction_CAST(Struct_pack_into), METH_FASTCALL, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", Struct_unpack, METH_O, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", _PyCFunction_CAST(Struct_unpack_from), METH_FASTCALL | METH_KEYWORDS, "Return a tuple containing values unpacked according to the format string."},
    {"__sizeof__", Struct_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Struct_getset[] = {
    {"format", Struct_get_format, NULL, "struct format string", NULL},
    {"size", Struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Struct_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_dealloc = Struct_dealloc,
    .tp_repr = Struct_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.",
    .tp_weaklistoffset = offsetof(StructObject, weakreflist),
    .tp_methods = Struct_methods,
    .tp_getset = Struct_getset,
    .tp_new = Struct_new,
};

/* ---- unpack iterator ------------------------------------------------------------------- */

static void UnpackIter_dealloc(PyObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(it->so);
    if (it->buf.obj != NULL)
        PyBuffer_Release(&it->buf);
    PyObject_GC_Del(self);
}

static int UnpackIter_traverse(PyObject *self, visitproc visit, void *arg)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    Py_VISIT(it->so);
    Py_VISIT(it->buf.obj);
    return 0;
}

static PyObject *UnpackIter_next(PyObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (it->so == NULL)
        return NULL;
    if (it->index >= it->buf.len) {
        Py_CLEAR(it->so);
        PyBuffer_Release(&it->buf);
        it->buf.obj = NULL;
        it->buf.len = 0;
        return NULL;
    }
    PyObject *res = unpack_values(it->so, (const unsigned char *)it->buf.buf + it->index);
    it->index += it->so->size;
    return res;
}

static PyObject *UnpackIter_length_hint(PyObject *self, PyObject *unused)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (it->so == NULL)
        return PyLong_FromLong(0);
    return PyLong_FromSsize_t((it->buf.len - it->index) / it->so->size);
}

static PyMethodDef UnpackIter_methods[] = {
    {"__length_hint__", UnpackIter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject UnpackIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIterObject),
    .tp_dealloc = UnpackIter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = UnpackIter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = UnpackIter_next,
    .tp_methods = UnpackIter_methods,
};

/* ---- module functions ------------------------------------------------------------------ */

static PyObject *mod_pack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *so = cached_struct(args[0]);
    if (so == NULL)
        return NULL;
    PyObject *res = do_pack(so, args + 1, nargs - 1);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_pack_into(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *so = cached_struct(args[0]);
    if (so == NULL)
        return NULL;
    PyObject *res = do_pack_into(so, args + 1, nargs - 1);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_unpack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "unpack expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    StructObject *so = cached_struct(args[0]);
    if (so == NULL)
        return NULL;
    PyObject *res = do_unpack(so, args[1]);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_unpack_from(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "unpack_from() missing required argument 'format' (pos 1)");
        return NULL;
    }
    PyObject *buffer;
    Py_ssize_t offset;
    if (parse_unpack_from("unpack_from", args + 1, nargs - 1, kwnames, &buffer, &offset) < 0)
        return NULL;
    StructObject *so = cached_struct(args[0]);
    if (so == NULL)
        return NULL;
    PyObject *res = do_unpack_from(so, buffer, offset);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_iter_unpack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "iter_unpack expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    StructObject *so = cached_struct(args[0]);
    if (so == NULL)
        return NULL;
    PyObject *res = do_iter_unpack(so, args[1]);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_calcsize(PyObject *m, PyObject *format)
{
    StructObject *so = cached_struct(format);
    if (so == NULL)
        return NULL;
    PyObject *res = PyLong_FromSsize_t(so->size);
    Py_DECREF(so);
    return res;
}

static PyObject *mod_clearcache(PyObject *m, PyObject *unused)
{
    StructState *st = PyModule_GetState(m);
    if (st != NULL && st->cache != NULL)
        PyDict_Clear(st->cache);
    Py_RETURN_NONE;
}

static PyMethodDef struct_functions[] = {
    {"_clearcache", mod_clearcache, METH_NOARGS, "Clear the internal cache."},
    {"calcsize", mod_calcsize, METH_O, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", _PyCFunction_CAST(mod_iter_unpack), METH_FASTCALL, "Return an iterator yielding tuples unpacked from the given bytes."},
    {"pack", _PyCFunction_CAST(mod_pack), METH_FASTCALL, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", _PyCFunction_CAST(mod_pack_into), METH_FASTCALL, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", _PyCFunction_CAST(mod_unpack), METH_FASTCALL, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", _PyCFunction_CAST(mod_unpack_from), METH_FASTCALL | METH_KEYWORDS, "Return a tuple containing values unpacked according to the format string."},
    {NULL, NULL, 0, NULL},
};

static int struct_traverse(PyObject *m, visitproc visit, void *arg)
{
    StructState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_VISIT(st->error);
        Py_VISIT(st->cache);
    }
    return 0;
}

static int struct_clear(PyObject *m)
{
    StructState *st = PyModule_GetState(m);
    if (st != NULL) {
        Py_CLEAR(st->error);
        Py_CLEAR(st->cache);
    }
    return 0;
}

static void struct_free(void *m)
{
    struct_clear((PyObject *)m);
}

static struct PyModuleDef structmodule = {
    PyModuleDef_HEAD_INIT, "_struct", "Functions to convert between Python values and C structs.",
    sizeof(StructState), struct_functions, NULL, struct_traverse, struct_clear, struct_free,
};

PyObject *PyInit__struct(void)
{
    if (!(Struct_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Struct_Type) < 0)
        return NULL;
    if (!(UnpackIter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&UnpackIter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&structmodule);
    if (m == NULL)
        return NULL;
    StructState *st = PyModule_GetState(m);
    st->error = PyErr_NewException("struct.error", NULL, NULL);
    st->cache = PyDict_New();
    if (st->error == NULL || st->cache == NULL || PyModule_AddObjectRef(m, "error", st->error) < 0 ||
        PyModule_AddType(m, &Struct_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
