/* The marshal module: CPython's binary serialisation of core values, byte for byte
 * (type codes, little-endian integers, 15-bit long digits, FLAG_REF back-references for
 * objects with more than one reference from version 3). Code objects are not supported. */
#include "Python.h"
#include <stdint.h>
#include <string.h>

#define MARSHAL_VERSION 4
#define FLAG_REF 0x80
#define MAX_DEPTH 2000

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
    int version;
    int depth;
    int error;          /* 1: unmarshallable, 2: memory/other (exception set) */
    PyObject *refs;     /* dict id(obj) -> index, version >= 3 */
    PyObject *keep;     /* the referenced objects, so their addresses stay unique */
} WFile;

static void w_bytes(WFile *w, const void *p, Py_ssize_t n)
{
    if (w->error)
        return;
    if (w->len + n > w->cap) {
        Py_ssize_t cap = w->cap ? w->cap : 64;
        while (cap < w->len + n)
            cap *= 2;
        char *nb = PyMem_Realloc(w->buf, (size_t)cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            w->error = 2;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, (size_t)n);
    w->len += n;
}

static void w_byte(WFile *w, int c)
{
    char ch = (char)c;
    w_bytes(w, &ch, 1);
}

static void w_long32(WFile *w, long x)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)((unsigned long)x >> (8 * i));
    w_bytes(w, b, 4);
}

static void w_double(WFile *w, double x)
{
    unsigned char b[8];
    memcpy(b, &x, 8); /* little-endian IEEE 754, like the platforms we build on */
    w_bytes(w, b, 8);
}

static void w_sized(WFile *w, const char *p, Py_ssize_t n)
{
    if (n > 0x7fffffff) {
        w->error = 1;
        return;
    }
    w_long32(w, (long)n);
    w_bytes(w, p, n);
}

/* Back-references: 1 if a TYPE_REF was written; otherwise *flag gets FLAG_REF when the
 * object is shared and is now registered. */
static int w_ref(WFile *w, PyObject *v, int *flag)
{
    if (w->version < 3 || w->refs == NULL)
        return 0;
    if (Py_REFCNT(v) == 1 && !(PyUnicode_CheckExact(v) && PyUnicode_CHECK_INTERNED(v)))
        return 0;
    PyObject *id = PyLong_FromVoidPtr(v);
    if (id == NULL) {
        w->error = 2;
        return 1;
    }
    PyObject *idx = PyDict_GetItemWithError(w->refs, id);
    if (idx != NULL) {
        Py_DECREF(id);
        w_byte(w, 'r');
        w_long32(w, PyLong_AsLong(idx));
        return 1;
    }
    PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(w->keep));
    if (index == NULL || PyDict_SetItem(w->refs, id, index) < 0 || PyList_Append(w->keep, v) < 0) {
        Py_XDECREF(index);
        Py_DECREF(id);
        w->error = 2;
        return 1;
    }
    Py_DECREF(index);
    Py_DECREF(id);
    *flag = FLAG_REF;
    return 0;
}

static void w_object(WFile *w, PyObject *v);

static void w_items(WFile *w, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "");
    if (fast == NULL) {
        w->error = 2;
        return;
    }
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast) && !w->error; i++)
        w_object(w, PySequence_Fast_GET_ITEM(fast, i));
    Py_DECREF(fast);
}

static void w_long_object(WFile *w, PyObject *v, int flag)
{
    int overflow;
    long x = PyLong_AsLongAndOverflow(v, &overflow);
    if (!overflow && x >= -0x7fffffffL - 1 && x <= 0x7fffffffL) {
        w_byte(w, 'i' | flag);
        w_long32(w, x);
        return;
    }
    /* Base-2**15 digits, least significant first; the count carries the sign. */
    PyObject *a = PyNumber_Absolute(v);
    if (a == NULL) {
        w->error = 2;
        return;
    }
    int neg = _PyLong_IsNegative((PyLongObject *)v);
    size_t nbits = (size_t)_PyLong_NumBits(a);
    Py_ssize_t ndig = (Py_ssize_t)((nbits + 14) / 15);
    Py_ssize_t nbytes = (Py_ssize_t)((nbits + 7) / 8) + 1;
    unsigned char *raw = PyMem_Calloc((size_t)nbytes + 2, 1);
    if (raw == NULL || _PyLong_AsByteArray((PyLongObject *)a, raw, (size_t)nbytes, 1, 0, 1) < 0) {
        PyMem_Free(raw);
        Py_DECREF(a);
        w->error = 2;
        return;
    }
    w_byte(w, 'l' | flag);
    w_long32(w, neg ? -ndig : ndig);
    for (Py_ssize_t d = 0; d < ndig; d++) {
        unsigned int digit = 0;
        for (int b = 0; b < 15; b++) {
            Py_ssize_t bit = d * 15 + b;
            if (bit / 8 < nbytes && (raw[bit / 8] >> (bit % 8)) & 1)
                digit |= 1u << b;
        }
        unsigned char two[2] = {(unsigned char)(digit & 0xff), (unsigned char)(digit >> 8)};
        w_bytes(w, two, 2);
    }
    PyMem_Free(raw);
    Py_DECREF(a);
}

static void w_object(WFile *w, PyObject *v)
{
    if (w->error)
        return;
    if (++w->depth > MAX_DEPTH) {
        w->error = 3;
        w->depth--;
        return;
    }
    int flag = 0;
    if (v == NULL)
        w_byte(w, '0');
    else if (v == Py_None)
        w_byte(w, 'N');
    else if (v == PyExc_StopIteration)
        w_byte(w, 'S');
    else if (v == Py_Ellipsis)
        w_byte(w, '.');
    else if (v == Py_False)
        w_byte(w, 'F');
    else if (v == Py_True)
        w_byte(w, 'T');
    else if (!w_ref(w, v, &flag)) {
        if (PyLong_CheckExact(v)) {
            w_long_object(w, v, flag);
        }
        else if (PyFloat_CheckExact(v)) {
            if (w->version > 1) {
                w_byte(w, 'g' | flag);
                w_double(w, PyFloat_AS_DOUBLE(v));
            }
            else {
                PyObject *r = PyObject_Repr(v);
                const char *s = r ? PyUnicode_AsUTF8(r) : NULL;
                if (s == NULL) {
                    w->error = 2;
                }
                else {
                    w_byte(w, 'f' | flag);
                    w_byte(w, (int)strlen(s));
                    w_bytes(w, s, (Py_ssize_t)strlen(s));
                }
                Py_XDECREF(r);
            }
        }
        else if (PyComplex_CheckExact(v)) {
            w_byte(w, 'y' | flag);
            w_double(w, PyComplex_RealAsDouble(v));
            w_double(w, PyComplex_ImagAsDouble(v));
        }
        else if (PyBytes_CheckExact(v)) {
            w_byte(w, 's' | flag);
            w_sized(w, PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v));
        }
        else if (PyUnicode_CheckExact(v)) {
            int interned = PyUnicode_CHECK_INTERNED(v) != 0;
            if (w->version >= 4 && PyUnicode_IS_ASCII(v)) {
                Py_ssize_t n = PyUnicode_GET_LENGTH(v);
                if (n < 256) {
                    w_byte(w, (interned ? 'Z' : 'z') | flag);
                    w_byte(w, (int)n);
                    w_bytes(w, PyUnicode_DATA(v), n);
                }
                else {
                    w_byte(w, (interned ? 'A' : 'a') | flag);
                    w_sized(w, PyUnicode_DATA(v), n);
                }
            }
            else {
                PyObject *utf8 = PyUnicode_AsEncodedString(v, "utf8", "surrogatepass");
                if (utf8 == NULL) {
                    w->error = 2;
                }
                else {
                    w_byte(w, (interned && w->version >= 3 ? 't' : 'u') | flag);
                    w_sized(w, PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8));
                    Py_DECREF(utf8);
                }
            }
        }
        else if (PyTuple_CheckExact(v)) {
            Py_ssize_t n = PyTuple_GET_SIZE(v);
            if (w->version >= 4 && n < 256) {
                w_byte(w, ')' | flag);
                w_byte(w, (int)n);
            }
            else {
                w_byte(w, '(' | flag);
                w_long32(w, (long)n);
            }
            w_items(w, v);
        }
        else if (PyList_CheckExact(v)) {
            w_byte(w, '[' | flag);
            w_long32(w, (long)PyList_GET_SIZE(v));
            w_items(w, v);
        }
        else if (PyDict_CheckExact(v)) {
            w_byte(w, '{' | flag);
            Py_ssize_t pos = 0;
            PyObject *key, *value;
            while (!w->error && PyDict_Next(v, &pos, &key, &value)) {
                w_object(w, key);
                w_object(w, value);
            }
            w_byte(w, '0');
        }
        else if (PyAnySet_CheckExact(v)) {
            w_byte(w, (PyFrozenSet_CheckExact(v) ? '>' : '<') | flag);
            w_long32(w, (long)PySet_GET_SIZE(v));
            PyObject *items = PySequence_List(v);
            if (items == NULL)
                w->error = 2;
            else {
                w_items(w, items);
                Py_DECREF(items);
            }
        }
        else if (PySlice_Check(v) && w->version >= 5) {
            PySliceObject *s = (PySliceObject *)v;
            w_byte(w, ':' | flag);
            w_object(w, s->start);
            w_object(w, s->stop);
            w_object(w, s->step);
        }
        else if (PyObject_CheckBuffer(v)) {
            Py_buffer view;
            if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
                w->error = 2;
            }
            else {
                w_byte(w, 's' | flag);
                w_sized(w, view.buf, view.len);
                PyBuffer_Release(&view);
            }
        }
        else {
            w->error = 1;
        }
    }
    w->depth--;
}

static PyObject *marshal_dumps_impl(PyObject *v, int version)
{
    WFile w = {NULL, 0, 0, version, 0, 0, NULL, NULL};
    if (version >= 3) {
        w.refs = PyDict_New();
        w.keep = PyList_New(0);
        if (w.refs == NULL || w.keep == NULL) {
            Py_XDECREF(w.refs);
            Py_XDECREF(w.keep);
            return NULL;
        }
    }
    w_object(&w, v);
    Py_XDECREF(w.refs);
    Py_XDECREF(w.keep);
    if (w.error) {
        PyMem_Free(w.buf);
        if (w.error == 1)
            PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        else if (w.error == 3)
            PyErr_SetString(PyExc_ValueError, "object too deeply nested to marshal");
        return NULL;
    }
    PyObject *r = PyBytes_FromStringAndSize(w.buf ? w.buf : "", w.len);
    PyMem_Free(w.buf);
    return r;
}

/* ---- reading --------------------------------------------------------------------------- */

typedef struct {
    const unsigned char *p, *end;
    int depth;
    PyObject *refs; /* list */
} RFile;

static PyObject *bad_data(const char *why)
{
    PyErr_Format(PyExc_ValueError, "bad marshal data (%s)", why);
    return NULL;
}

static const unsigned char *r_take(RFile *r, Py_ssize_t n)
{
    if (n < 0 || r->end - r->p < n) {
        PyErr_SetString(PyExc_EOFError, "marshal data too short");
        return NULL;
    }
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

static int r_long32(RFile *r, long *out)
{
    const unsigned char *b = r_take(r, 4);
    if (b == NULL)
        return -1;
    unsigned long x = (unsigned long)b[0] | ((unsigned long)b[1] << 8) |
                      ((unsigned long)b[2] << 16) | ((unsigned long)b[3] << 24);
    *out = (long)(int32_t)x;
    return 0;
}

static int r_double(RFile *r, double *out)
{
    const unsigned char *b = r_take(r, 8);
    if (b == NULL)
        return -1;
    memcpy(out, b, 8);
    return 0;
}

static PyObject *r_object(RFile *r);

/* Reserve a reference slot (filled by r_ref_set) so self-references resolve. */
static Py_ssize_t r_ref_reserve(RFile *r, int flag)
{
    if (!flag)
        return -1;
    Py_ssize_t idx = PyList_GET_SIZE(r->refs);
    if (PyList_Append(r->refs, Py_None) < 0)
        return -2;
    return idx;
}

static PyObject *r_ref_set(RFile *r, Py_ssize_t idx, PyObject *v)
{
    if (v != NULL && idx >= 0)
        PyList_SetItem(r->refs, idx, Py_NewRef(v));
    return v;
}

static PyObject *r_sized_bytes(RFile *r)
{
    long n;
    if (r_long32(r, &n) < 0)
        return NULL;
    if (n < 0)
        return bad_data("bytes object size out of range");
    const unsigned char *s = r_take(r, n);
    return s ? PyBytes_FromStringAndSize((const char *)s, n) : NULL;
}

static PyObject *r_long_object(RFile *r)
{
    long n;
    if (r_long32(r, &n) < 0)
        return NULL;
    if (n < -(1L << 30) || n > (1L << 30))
        return bad_data("long size out of range");
    long ndig = n < 0 ? -n : n;
    const unsigned char *digits = r_take(r, 2 * ndig);
    if (digits == NULL)
        return NULL;
    /* Repack the 15-bit digits into little-endian bytes: one linear pass, one int. */
    size_t nbytes = ((size_t)ndig * 15 + 7) / 8;
    unsigned char *buf = PyMem_Malloc(nbytes + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    uint32_t acc = 0;
    int nbits = 0;
    size_t k = 0;
    for (long i = 0; i < ndig; i++) {
        uint32_t digit = digits[2 * i] | ((uint32_t)digits[2 * i + 1] << 8);
        if (digit >= 1u << 15) {
            PyMem_Free(buf);
            return bad_data("digit out of range in long");
        }
        acc |= digit << nbits;
        for (nbits += 15; nbits >= 8; nbits -= 8) {
            buf[k++] = (unsigned char)(acc & 0xff);
            acc >>= 8;
        }
    }
    if (nbits > 0)
        buf[k++] = (unsigned char)acc;
    PyObject *result = _PyLong_FromByteArray(buf, k, 1, 0);
    PyMem_Free(buf);
    if (result != NULL && n < 0)
        Py_SETREF(result, PyNumber_Negative(result));
    return result;
}

static PyObject *r_object_inner(RFile *r)
{
    const unsigned char *cp = r_take(r, 1);
    if (cp == NULL) {
        PyErr_Clear();
        PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        return NULL;
    }
    int code = cp[0] & ~FLAG_REF, flag = cp[0] & FLAG_REF;
    Py_ssize_t idx;
    long n;
    PyObject *v = NULL;
    switch (code) {
    case '0':
        return bad_data("NULL object in marshal data for object");
    case 'N': return Py_NewRef(Py_None);
    case 'S': return Py_NewRef(PyExc_StopIteration);
    case '.': return Py_NewRef(Py_Ellipsis);
    case 'F': return Py_NewRef(Py_False);
    case 'T': return Py_NewRef(Py_True);
    case 'i':
        if (r_long32(r, &n) < 0)
            return NULL;
        v = PyLong_FromLong(n);
        break;
    case 'l':
        v = r_long_object(r);
        break;
    case 'g': {
        double d;
        if (r_double(r, &d) < 0)
            return NULL;
        v = PyFloat_FromDouble(d);
        break;
    }
    case 'f': {
        const unsigned char *len = r_take(r, 1), *s = len ? r_take(r, len[0]) : NULL;
        if (s == NULL)
            return NULL;
        char buf[257];
        memcpy(buf, s, len[0]);
        buf[len[0]] = '\0';
        double d = PyOS_string_to_double(buf, NULL, NULL);
        v = d == -1.0 && PyErr_Occurred() ? NULL : PyFloat_FromDouble(d);
        break;
    }
    case 'y': {
        double re, im;
        if (r_double(r, &re) < 0 || r_double(r, &im) < 0)
            return NULL;
        v = PyComplex_FromDoubles(re, im);
        break;
    }
    case 's':
        v = r_sized_bytes(r);
        break;
    case 'u': case 't': {
        PyObject *b = r_sized_bytes(r);
        if (b == NULL)
            return NULL;
        v = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), "surrogatepass");
        Py_DECREF(b);
        if (v != NULL && code == 't')
            PyUnicode_InternInPlace(&v);
        break;
    }
    case 'a': case 'A': case 'z': case 'Z': {
        Py_ssize_t len;
        if (code == 'z' || code == 'Z') {
            const unsigned char *b = r_take(r, 1);
            if (b == NULL)
                return NULL;
            len = b[0];
        }
        else {
            if (r_long32(r, &n) < 0)
                return NULL;
            if (n < 0)
                return bad_data("string size out of range");
            len = n;
        }
        const unsigned char *s = r_take(r, len);
        if (s == NULL)
            return NULL;
        v = PyUnicode_DecodeASCII((const char *)s, len, NULL);
        if (v != NULL && (code == 'A' || code == 'Z'))
            PyUnicode_InternInPlace(&v);
        break;
    }
    case '(': case ')': {
        if (code == ')') {
            const unsigned char *b = r_take(r, 1);
            if (b == NULL)
                return NULL;
            n = b[0];
        }
        else if (r_long32(r, &n) < 0) {
            return NULL;
        }
        if (n < 0)
            return bad_data("tuple size out of range");
        if ((idx = r_ref_reserve(r, flag)) == -2)
            return NULL;
        v = PyTuple_New(n);
        if (v == NULL)
            return NULL;
        for (long i = 0; i < n; i++) {
            PyObject *item = r_object(r);
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
            PyTuple_SET_ITEM(v, i, item);
        }
        return r_ref_set(r, idx, v);
    }
    case '[': {
        if (r_long32(r, &n) < 0)
            return NULL;
        if (n < 0)
            return bad_data("list size out of range");
        v = PyList_New(0);
        if (v == NULL || (idx = r_ref_reserve(r, flag)) == -2)
            return NULL;
        r_ref_set(r, idx, v);
        for (long i = 0; i < n; i++) {
            PyObject *item = r_object(r);
            if (item == NULL || PyList_Append(v, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(v);
                return NULL;
            }
            Py_DECREF(item);
        }
        return v;
    }
    case '{': {
        v = PyDict_New();
        if (v == NULL || (idx = r_ref_reserve(r, flag)) == -2)
            return NULL;
        r_ref_set(r, idx, v);
        for (;;) {
            if (r->p < r->end && *r->p == '0') {
                r->p++;
                break;
            }
            PyObject *key = r_object(r);
            PyObject *val = key ? r_object(r) : NULL;
            if (val == NULL || PyDict_SetItem(v, key, val) < 0) {
                Py_XDECREF(key);
                Py_XDECREF(val);
                Py_DECREF(v);
                return NULL;
            }
            Py_DECREF(key);
            Py_DECREF(val);
        }
        return v;
    }
    case '<': case '>': {
        if (r_long32(r, &n) < 0)
            return NULL;
        if (n < 0)
            return bad_data("set size out of range");
        if ((idx = r_ref_reserve(r, flag)) == -2)
            return NULL;
        PyObject *items = PyList_New(0);
        if (items == NULL)
            return NULL;
        for (long i = 0; i < n; i++) {
            PyObject *item = r_object(r);
            if (item == NULL || PyList_Append(items, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(items);
                return NULL;
            }
            Py_DECREF(item);
        }
        v = code == '<' ? PySet_New(items) : PyFrozenSet_New(items);
        Py_DECREF(items);
        return r_ref_set(r, idx, v);
    }
    case ':': {
        if ((idx = r_ref_reserve(r, flag)) == -2)
            return NULL;
        PyObject *a = r_object(r), *b = a ? r_object(r) : NULL, *c = b ? r_object(r) : NULL;
        v = c ? PySlice_New(a, b, c) : NULL;
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_XDECREF(c);
        return r_ref_set(r, idx, v);
    }
    case 'r': {
        if (r_long32(r, &n) < 0)
            return NULL;
        if (n < 0 || n >= PyList_GET_SIZE(r->refs))
            return bad_data("invalid reference");
        v = PyList_GET_ITEM(r->refs, n);
        if (v == Py_None)
            return bad_data("invalid reference");
        return Py_NewRef(v);
    }
    case 'c':
        return bad_data("code objects are not supported by Krait's marshal");
    default:
        return bad_data("unknown type code");
    }
    if (v != NULL && flag && PyList_Append(r->refs, v) < 0) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *r_object(RFile *r)
{
    if (++r->depth > MAX_DEPTH) {
        r->depth--;
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded");
        return NULL;
    }
    PyObject *v = r_object_inner(r);
    r->depth--;
    return v;
}

static PyObject *marshal_loads_impl(const char *data, Py_ssize_t len, Py_ssize_t *consumed)
{
    RFile r = {(const unsigned char *)data, (const unsigned char *)data + len, 0, PyList_New(0)};
    if (r.refs == NULL)
        return NULL;
    PyObject *v = r_object(&r);
    Py_DECREF(r.refs);
    if (consumed)
        *consumed = (Py_ssize_t)(r.p - (const unsigned char *)data);
    return v;
}

/* ---- module functions ------------------------------------------------------------------ */

static int parse_version(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t at, int *version)
{
    *version = MARSHAL_VERSION;
    if (nargs > at) {
        long v = PyLong_AsLong(args[at]);
        if (v == -1 && PyErr_Occurred())
            return -1;
        *version = (int)v;
    }
    return 0;
}

static PyObject *marshal_dumps(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    /* allow_code= is accepted and ignored: code objects are rejected either way. */
    if (!_PyArg_CheckPositional("dumps", nargs, 1, 2))
        return NULL;
    int version;
    if (parse_version(args, nargs, 1, &version) < 0)
        return NULL;
    return marshal_dumps_impl(args[0], version);
}

static PyObject *marshal_dump(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    if (!_PyArg_CheckPositional("dump", nargs, 2, 3))
        return NULL;
    int version;
    if (parse_version(args, nargs, 2, &version) < 0)
        return NULL;
    PyObject *b = marshal_dumps_impl(args[0], version);
    if (b == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(args[1], "write", "O", b);
    Py_DECREF(b);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *marshal_loads(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    if (!_PyArg_CheckPositional("loads", nargs, 1, 1))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *v = marshal_loads_impl(view.buf, view.len, NULL);
    PyBuffer_Release(&view);
    return v;
}

static PyObject *marshal_load(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    if (!_PyArg_CheckPositional("load", nargs, 1, 1))
        return NULL;
    /* Read everything that is left, decode one object, and seek back to just after it
     * when the file can seek; otherwise the rest is consumed. */
    PyObject *data = PyObject_CallMethod(args[0], "read", NULL);
    if (data == NULL)
        return NULL;
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(data)->tp_name);
        Py_DECREF(data);
        return NULL;
    }
    Py_ssize_t used = 0;
    PyObject *v = marshal_loads_impl(PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data), &used);
    Py_ssize_t extra = PyBytes_GET_SIZE(data) - used;
    Py_DECREF(data);
    if (v != NULL && extra > 0) {
        PyObject *r = PyObject_CallMethod(args[0], "seek", "ni", -extra, 1);
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    return v;
}

static PyMethodDef marshal_functions[] = {
    {"dumps", _PyCFunction_CAST(marshal_dumps), METH_FASTCALL | METH_KEYWORDS,
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", _PyCFunction_CAST(marshal_dump), METH_FASTCALL | METH_KEYWORDS,
     "Write the value on the open file."},
    {"loads", _PyCFunction_CAST(marshal_loads), METH_FASTCALL | METH_KEYWORDS,
     "Convert the bytes-like object to a value."},
    {"load", _PyCFunction_CAST(marshal_load), METH_FASTCALL | METH_KEYWORDS,
     "Read one value from the open file and return it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef marshalmodule = {
    PyModuleDef_HEAD_INIT, "marshal",
    "This module contains functions that can read and write Python values in\na binary "
    "format. The format is specific to Python, but independent of\nmachine architecture "
    "issues.", 0, marshal_functions, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_marshal(void)
{
    PyObject *m = PyModule_Create(&marshalmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "version", MARSHAL_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
