/* Methods shared by bytes and bytearray. Each takes the object itself and reads its data
 * through BDATA/BLEN, so one implementation serves both method tables; results have the
 * type of the receiver's base (bytes or bytearray). */
#include "Python.h"
#include "unicode_internal.h"
#include "bytes_methods.h"
#include <ctype.h>

#define IS_BA(o) PyByteArray_Check(o)
#define BDATA(o) (IS_BA(o) ? PyByteArray_AS_STRING(o) : PyBytes_AS_STRING(o))
#define BLEN(o) Py_SIZE(o)

static inline int b_isspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
static inline int b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int b_isalpha(unsigned char c) { return b_islower(c) || b_isupper(c); }
static inline int b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int b_isalnum(unsigned char c) { return b_isalpha(c) || b_isdigit(c); }
static inline unsigned char b_lower(unsigned char c) { return b_isupper(c) ? c + 32 : c; }
static inline unsigned char b_upper(unsigned char c) { return b_islower(c) ? c - 32 : c; }

PyObject *_KrBytes_New(PyObject *self, const char *s, Py_ssize_t n)
{
    if (IS_BA(self))
        return PyByteArray_FromStringAndSize(s, n);
    return PyBytes_FromStringAndSize(s, n);
}

/* Same content as self: bytes objects can be shared, bytearrays are always copied. */
static PyObject *b_same(PyObject *self)
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return _KrBytes_New(self, BDATA(self), BLEN(self));
}

static PyObject *b_alloc(PyObject *self, Py_ssize_t n, char **out)
{
    PyObject *r = _KrBytes_New(self, NULL, n);
    if (r != NULL)
        *out = BDATA(r);
    return r;
}

/* ---- predicates --------------------------------------------------------------------- */

#define PREDICATE(name, test, empty_result)                                           \
    PyObject *_KrBytes_##name(PyObject *self, PyObject *Py_UNUSED(ignored))            \
    {                                                                                  \
        const unsigned char *p = (const unsigned char *)BDATA(self);                   \
        Py_ssize_t n = BLEN(self);                                                     \
        if (n == 0)                                                                    \
            return Py_NewRef(empty_result);                                            \
        for (Py_ssize_t i = 0; i < n; i++)                                             \
            if (!test(p[i]))                                                           \
                Py_RETURN_FALSE;                                                       \
        Py_RETURN_TRUE;                                                                \
    }
PREDICATE(isalnum, b_isalnum, Py_False)
PREDICATE(isalpha, b_isalpha, Py_False)
PREDICATE(isdigit, b_isdigit, Py_False)
PREDICATE(isspace, b_isspace, Py_False)
static inline int b_isascii_c(unsigned char c) { return c < 128; }
PREDICATE(isascii, b_isascii_c, Py_True)

PyObject *_KrBytes_islower(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    const unsigned char *p = (const unsigned char *)BDATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < BLEN(self); i++) {
        if (b_isupper(p[i]))
            Py_RETURN_FALSE;
        if (b_islower(p[i]))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

PyObject *_KrBytes_isupper(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    const unsigned char *p = (const unsigned char *)BDATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < BLEN(self); i++) {
        if (b_islower(p[i]))
            Py_RETURN_FALSE;
        if (b_isupper(p[i]))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

PyObject *_KrBytes_istitle(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    const unsigned char *p = (const unsigned char *)BDATA(self);
    int cased = 0, prev_cased = 0;
    for (Py_ssize_t i = 0; i < BLEN(self); i++) {
        unsigned char c = p[i];
        if (b_isupper(c)) {
            if (prev_cased)
                Py_RETURN_FALSE;
            prev_cased = cased = 1;
        }
        else if (b_islower(c)) {
            if (!prev_cased)
                Py_RETURN_FALSE;
            prev_cased = cased = 1;
        }
        else
            prev_cased = 0;
    }
    return PyBool_FromLong(cased);
}

/* ---- case conversion ------------------------------------------------------------------ */

#define CASEMAP(name, body)                                                            \
    PyObject *_KrBytes_##name(PyObject *self, PyObject *Py_UNUSED(ignored))            \
    {                                                                                  \
        Py_ssize_t n = BLEN(self);                                                     \
        char *o;                                                                       \
        PyObject *r = b_alloc(self, n, &o);                                            \
        if (r == NULL)                                                                 \
            return NULL;                                                               \
        const unsigned char *p = (const unsigned char *)BDATA(self);                   \
        body;                                                                          \
        return r;                                                                      \
    }
CASEMAP(lower, for (Py_ssize_t i = 0; i < n; i++) o[i] = (char)b_lower(p[i]))
CASEMAP(upper, for (Py_ssize_t i = 0; i < n; i++) o[i] = (char)b_upper(p[i]))
CASEMAP(swapcase, for (Py_ssize_t i = 0; i < n; i++) o[i] = (char)(b_isupper(p[i]) ? b_lower(p[i]) : b_upper(p[i])))
CASEMAP(capitalize, for (Py_ssize_t i = 0; i < n; i++) o[i] = (char)(i == 0 ? b_upper(p[i]) : b_lower(p[i])))
CASEMAP(title, {
    int prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (b_isalpha(c)) {
            o[i] = (char)(prev ? b_lower(c) : b_upper(c));
            prev = 1;
        }
        else {
            o[i] = (char)c;
            prev = 0;
        }
    }
})

/* ---- argument helpers ------------------------------------------------------------------ */

/* A byte argument: bytes-like object or an int in range(256). */
typedef struct {
    Py_buffer view;
    int has_view;
    char byte;
    const char *data;
    Py_ssize_t len;
} subarg;

static int get_subarg(PyObject *arg, subarg *s)
{
    s->has_view = 0;
    if (PyIndex_Check(arg)) {
        Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        s->byte = (char)v;
        s->data = &s->byte;
        s->len = 1;
        return 0;
    }
    if (PyObject_GetBuffer(arg, &s->view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    s->has_view = 1;
    s->data = s->view.buf;
    s->len = s->view.len;
    return 0;
}

static void release_subarg(subarg *s)
{
    if (s->has_view)
        PyBuffer_Release(&s->view);
}

static int get_buf(PyObject *arg, Py_buffer *v)
{
    if (PyObject_GetBuffer(arg, v, PyBUF_SIMPLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                         Py_TYPE(arg)->tp_name);
        }
        return -1;
    }
    return 0;
}

static Py_ssize_t raw_find(const char *s, Py_ssize_t n, const char *sub, Py_ssize_t m,
                           Py_ssize_t start, Py_ssize_t end, int dir)
{
    if (end > n)
        end = n;
    if (end - start < m)
        return -1;
    if (m == 0)
        return dir > 0 ? start : end;
    if (dir > 0) {
        const char *p = s + start, *stop = s + end - m + 1;
        while (p < stop) {
            p = memchr(p, sub[0], (size_t)(stop - p));
            if (p == NULL)
                return -1;
            if (memcmp(p, sub, (size_t)m) == 0)
                return p - s;
            p++;
        }
        return -1;
    }
    for (Py_ssize_t i = end - m; i >= start; i--)
        if (s[i] == sub[0] && memcmp(s + i, sub, (size_t)m) == 0)
            return i;
    return -1;
}

static Py_ssize_t raw_count(const char *s, Py_ssize_t n, const char *sub, Py_ssize_t m,
                            Py_ssize_t start, Py_ssize_t end, Py_ssize_t maxcount)
{
    if (end > n)
        end = n;
    if (end - start < m)
        return 0;
    if (m == 0)
        return Py_MIN(end - start + 1, maxcount);
    Py_ssize_t c = 0;
    while (c < maxcount) {
        Py_ssize_t i = raw_find(s, n, sub, m, start, end, 1);
        if (i < 0)
            break;
        c++;
        start = i + m;
    }
    return c;
}

static int parse_sub_args(const char *name, PyObject *const *args, Py_ssize_t nargs,
                          subarg *sub, Py_ssize_t *start, Py_ssize_t *end)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 3))
        return -1;
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > 1 && !_KrParseSliceArg(args[1], start))
        return -1;
    if (nargs > 2 && !_KrParseSliceArg(args[2], end))
        return -1;
    return get_subarg(args[0], sub);
}

static PyObject *find_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             const char *name, int dir, int raise)
{
    subarg sub;
    Py_ssize_t start, end;
    if (parse_sub_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    Py_ssize_t n = BLEN(self);
    _KrAdjustIndices(&start, &end, n);
    Py_ssize_t r = -1;
    if (start <= n && start <= end)
        r = raw_find(BDATA(self), n, sub.data, sub.len, start, end, dir);
    release_subarg(&sub);
    if (r < 0 && raise) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

PyObject *_KrBytes_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "find", 1, 0);
}
PyObject *_KrBytes_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "rfind", -1, 0);
}
PyObject *_KrBytes_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "index", 1, 1);
}
PyObject *_KrBytes_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "rindex", -1, 1);
}

PyObject *_KrBytes_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    subarg sub;
    Py_ssize_t start, end;
    if (parse_sub_args("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    Py_ssize_t n = BLEN(self);
    _KrAdjustIndices(&start, &end, n);
    Py_ssize_t r = 0;
    if (start <= n && start <= end)
        r = raw_count(BDATA(self), n, sub.data, sub.len, start, end, PY_SSIZE_T_MAX);
    release_subarg(&sub);
    return PyLong_FromSsize_t(r);
}

int _KrBytes_Contains(PyObject *self, PyObject *arg)
{
    subarg sub;
    if (PyIndex_Check(arg)) {
        Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(BDATA(self), (int)v, (size_t)BLEN(self)) != NULL;
    }
    if (PyObject_GetBuffer(arg, &sub.view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    int r = raw_find(BDATA(self), BLEN(self), sub.view.buf, sub.view.len, 0, BLEN(self), 1) >= 0;
    PyBuffer_Release(&sub.view);
    return r;
}

static PyObject *tailmatch(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                           const char *name, int dir)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 3))
        return NULL;
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (nargs > 1 && !_KrParseSliceArg(args[1], &start))
        return NULL;
    if (nargs > 2 && !_KrParseSliceArg(args[2], &end))
        return NULL;
    PyObject *arg = args[0];
    Py_ssize_t n = BLEN(self);
    const char *s = BDATA(self);
    _KrAdjustIndices(&start, &end, n);
    PyObject *items = PyTuple_Check(arg) ? arg : NULL;
    Py_ssize_t count = items ? PyTuple_GET_SIZE(items) : 1;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *it = items ? PyTuple_GET_ITEM(items, k) : arg;
        Py_buffer v;
        if (PyObject_GetBuffer(it, &v, PyBUF_SIMPLE) < 0) {
            PyErr_Clear();
            if (items)
                PyErr_Format(PyExc_TypeError,
                             "a bytes-like object is required, not '%.100s'",
                             Py_TYPE(it)->tp_name);
            else
                PyErr_Format(PyExc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s",
                             name, Py_TYPE(it)->tp_name);
            return NULL;
        }
        int ok = 0;
        Py_ssize_t e = end - v.len;
        if (start <= n && e >= start) {
            Py_ssize_t at = dir > 0 ? e : start;
            ok = memcmp(s + at, v.buf, (size_t)v.len) == 0;
        }
        PyBuffer_Release(&v);
        if (ok)
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

PyObject *_KrBytes_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return tailmatch(self, args, nargs, "startswith", -1);
}
PyObject *_KrBytes_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return tailmatch(self, args, nargs, "endswith", 1);
}

/* ---- strip, padding ----------------------------------------------------------------------- */

static PyObject *do_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          const char *name, int left, int right)
{
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    const unsigned char *s = (const unsigned char *)BDATA(self);
    Py_ssize_t n = BLEN(self), i = 0, j = n;
    if (nargs == 0 || args[0] == Py_None) {
        if (left)
            while (i < j && b_isspace(s[i]))
                i++;
        if (right)
            while (j > i && b_isspace(s[j - 1]))
                j--;
    }
    else {
        Py_buffer v;
        if (get_buf(args[0], &v) < 0)
            return NULL;
        const char *chars = v.buf;
        if (left)
            while (i < j && memchr(chars, s[i], (size_t)v.len))
                i++;
        if (right)
            while (j > i && memchr(chars, s[j - 1], (size_t)v.len))
                j--;
        PyBuffer_Release(&v);
    }
    if (i == 0 && j == n)
        return b_same(self);
    return _KrBytes_New(self, (const char *)s + i, j - i);
}

PyObject *_KrBytes_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip(self, args, nargs, "strip", 1, 1);
}
PyObject *_KrBytes_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip(self, args, nargs, "lstrip", 1, 0);
}
PyObject *_KrBytes_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip(self, args, nargs, "rstrip", 0, 1);
}

static int get_fillchar(PyObject *const *args, Py_ssize_t nargs, const char *name, char *fill)
{
    *fill = ' ';
    if (nargs < 2)
        return 0;
    PyObject *f = args[1];
    if (PyBytes_Check(f) && PyBytes_GET_SIZE(f) == 1)
        *fill = PyBytes_AS_STRING(f)[0];
    else if (PyByteArray_Check(f) && PyByteArray_GET_SIZE(f) == 1)
        *fill = PyByteArray_AS_STRING(f)[0];
    else {
        if (PyBytes_Check(f) || PyByteArray_Check(f))
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %s", name,
                         PyBytes_Check(f) ? "bytes" : "bytearray");
        else
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %.50s", name,
                         Py_TYPE(f)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *pad(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
                     int mode)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 2))
        return NULL;
    Py_ssize_t width = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred())
        return NULL;
    char fill;
    if (get_fillchar(args, nargs, name, &fill) < 0)
        return NULL;
    Py_ssize_t n = BLEN(self);
    if (width <= n)
        return b_same(self);
    Py_ssize_t total = width - n, left;
    if (mode == 0)
        left = 0;
    else if (mode == 1)
        left = total;
    else
        left = total / 2 + (total & width & 1);
    char *o;
    PyObject *r = b_alloc(self, width, &o);
    if (r == NULL)
        return NULL;
    memset(o, fill, (size_t)left);
    memcpy(o + left, BDATA(self), (size_t)n);
    memset(o + left + n, fill, (size_t)(total - left));
    return r;
}

PyObject *_KrBytes_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad(self, args, nargs, "ljust", 0);
}
PyObject *_KrBytes_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad(self, args, nargs, "rjust", 1);
}
PyObject *_KrBytes_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return pad(self, args, nargs, "center", 2);
}

PyObject *_KrBytes_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t n = BLEN(self);
    if (width <= n)
        return b_same(self);
    char *o;
    PyObject *r = b_alloc(self, width, &o);
    if (r == NULL)
        return NULL;
    Py_ssize_t fill = width - n;
    memset(o, '0', (size_t)fill);
    memcpy(o + fill, BDATA(self), (size_t)n);
    if (n > 0 && (o[fill] == '+' || o[fill] == '-')) {
        o[0] = o[fill];
        o[fill] = '0';
    }
    return r;
}

PyObject *_KrBytes_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kw[] = {"tabsize", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "expandtabs", kw, 0, 1, 0, a) < 0)
        return NULL;
    long tab = 8;
    if (a[0]) {
        tab = PyLong_AsLong(a[0]);
        if (tab == -1 && PyErr_Occurred())
            return NULL;
    }
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self);
    KrByteBuf b = {0};
    Py_ssize_t col = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t') {
            if (tab > 0) {
                Py_ssize_t k = tab - col % tab;
                for (Py_ssize_t q = 0; q < k; q++)
                    if (_KrByteBuf_PutByte(&b, ' ') < 0)
                        goto fail;
                col += k;
            }
        }
        else {
            if (_KrByteBuf_PutByte(&b, c) < 0)
                goto fail;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return IS_BA(self) ? _KrByteBuf_FinishByteArray(&b) : _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* ---- split, partition, join, replace ---------------------------------------------------- */

static int append_piece(PyObject *list, PyObject *self, const char *s, Py_ssize_t n)
{
    PyObject *p = _KrBytes_New(self, s, n);
    if (p == NULL)
        return -1;
    int r = PyList_Append(list, p);
    Py_DECREF(p);
    return r;
}

static PyObject *split_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames, int right)
{
    static const char *const kw[] = {"sep", "maxsplit", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, right ? "rsplit" : "split", kw, 0, 2,
                                  0, a) < 0)
        return NULL;
    Py_ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = PyNumber_AsSsize_t(a[1], PyExc_OverflowError);
        if (maxsplit == -1 && PyErr_Occurred())
            return NULL;
    }
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (a[0] == NULL || a[0] == Py_None) {
        if (!right) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && b_isspace((unsigned char)s[i]))
                    i++;
                if (i == n)
                    break;
                Py_ssize_t j = i;
                while (j < n && !b_isspace((unsigned char)s[j]))
                    j++;
                if (append_piece(list, self, s + i, j - i) < 0)
                    goto fail;
                i = j;
            }
            while (i < n && b_isspace((unsigned char)s[i]))
                i++;
            if (i < n && append_piece(list, self, s + i, n - i) < 0)
                goto fail;
        }
        else {
            Py_ssize_t j = n;
            while (maxsplit-- > 0) {
                while (j > 0 && b_isspace((unsigned char)s[j - 1]))
                    j--;
                if (j == 0)
                    break;
                Py_ssize_t i = j;
                while (i > 0 && !b_isspace((unsigned char)s[i - 1]))
                    i--;
                if (append_piece(list, self, s + i, j - i) < 0)
                    goto fail;
                j = i;
            }
            while (j > 0 && b_isspace((unsigned char)s[j - 1]))
                j--;
            if (j > 0 && append_piece(list, self, s, j) < 0)
                goto fail;
            if (PyList_Reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    Py_buffer v;
    if (get_buf(a[0], &v) < 0)
        goto fail;
    if (v.len == 0) {
        PyBuffer_Release(&v);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto fail;
    }
    if (!right) {
        Py_ssize_t i = 0;
        while (maxsplit-- > 0) {
            Py_ssize_t k = raw_find(s, n, v.buf, v.len, i, n, 1);
            if (k < 0)
                break;
            if (append_piece(list, self, s + i, k - i) < 0) {
                PyBuffer_Release(&v);
                goto fail;
            }
            i = k + v.len;
        }
        if (append_piece(list, self, s + i, n - i) < 0) {
            PyBuffer_Release(&v);
            goto fail;
        }
    }
    else {
        Py_ssize_t j = n;
        while (maxsplit-- > 0) {
            Py_ssize_t k = raw_find(s, n, v.buf, v.len, 0, j, -1);
            if (k < 0)
                break;
            if (append_piece(list, self, s + k + v.len, j - k - v.len) < 0) {
                PyBuffer_Release(&v);
                goto fail;
            }
            j = k;
        }
        if (append_piece(list, self, s, j) < 0 || PyList_Reverse(list) < 0) {
            PyBuffer_Release(&v);
            goto fail;
        }
    }
    PyBuffer_Release(&v);
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

PyObject *_KrBytes_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return split_impl(self, args, nargs, kwnames, 0);
}
PyObject *_KrBytes_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return split_impl(self, args, nargs, kwnames, 1);
}

PyObject *_KrBytes_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kw[] = {"keepends", NULL};
    PyObject *a[1];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "splitlines", kw, 0, 1, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0]) {
        keep = PyObject_IsTrue(a[0]);
        if (keep < 0)
            return NULL;
    }
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self), i = 0;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    while (i < n) {
        Py_ssize_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        Py_ssize_t eol = j;
        if (j < n) {
            if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (append_piece(list, self, s + i, eol - i) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static PyObject *partition_impl(PyObject *self, PyObject *arg, int right)
{
    Py_buffer v;
    if (get_buf(arg, &v) < 0)
        return NULL;
    if (v.len == 0) {
        PyBuffer_Release(&v);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self);
    Py_ssize_t k = raw_find(s, n, v.buf, v.len, 0, n, right ? -1 : 1);
    PyObject *a, *b, *c;
    if (k < 0) {
        /* not found: (whole, b'', b'') or, from the right, (b'', b'', whole) */
        PyObject *whole = b_same(self);
        b = _KrBytes_New(self, "", 0);
        a = right ? _KrBytes_New(self, "", 0) : whole;
        c = right ? whole : _KrBytes_New(self, "", 0);
    }
    else {
        a = _KrBytes_New(self, s, k);
        /* bytes hands back the separator object itself; bytearray a fresh copy */
        b = IS_BA(self) ? PyByteArray_FromStringAndSize(v.buf, v.len) : Py_NewRef(arg);
        c = _KrBytes_New(self, s + k + v.len, n - k - v.len);
    }
    PyBuffer_Release(&v);
    PyObject *r = (a && b && c) ? PyTuple_Pack(3, a, b, c) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return r;
}

PyObject *_KrBytes_partition(PyObject *self, PyObject *arg) { return partition_impl(self, arg, 0); }
PyObject *_KrBytes_rpartition(PyObject *self, PyObject *arg) { return partition_impl(self, arg, 1); }

PyObject *_KrBytes_join(PyObject *self, PyObject *iterable)
{
    PyObject *seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    Py_ssize_t cnt = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    KrByteBuf b = {0};
    for (Py_ssize_t i = 0; i < cnt; i++) {
        Py_buffer v;
        if (PyObject_GetBuffer(items[i], &v, PyBUF_SIMPLE) < 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "sequence item %zd: expected a bytes-like object, %.80s found", i,
                         Py_TYPE(items[i])->tp_name);
            goto fail;
        }
        int r = (i > 0 ? _KrByteBuf_Put(&b, BDATA(self), BLEN(self)) : 0);
        if (r == 0)
            r = _KrByteBuf_Put(&b, v.buf, v.len);
        PyBuffer_Release(&v);
        if (r < 0)
            goto fail;
    }
    Py_DECREF(seq);
    return IS_BA(self) ? _KrByteBuf_FinishByteArray(&b) : _KrByteBuf_FinishBytes(&b);
fail:
    Py_DECREF(seq);
    _KrByteBuf_Free(&b);
    return NULL;
}

PyObject *_KrBytes_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("replace", nargs, 2, 3))
        return NULL;
    Py_ssize_t count = -1;
    if (nargs > 2) {
        count = PyNumber_AsSsize_t(args[2], PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred())
            return NULL;
    }
    if (count < 0)
        count = PY_SSIZE_T_MAX;
    Py_buffer from, to;
    if (get_buf(args[0], &from) < 0)
        return NULL;
    if (get_buf(args[1], &to) < 0) {
        PyBuffer_Release(&from);
        return NULL;
    }
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self);
    KrByteBuf b = {0};
    Py_ssize_t i = 0, done = 0;
    int fail = 0;
    if (from.len == 0) {
        for (; i <= n && !fail; i++) {
            if (done < count) {
                fail |= _KrByteBuf_Put(&b, to.buf, to.len) < 0;
                done++;
            }
            if (i < n)
                fail |= _KrByteBuf_PutByte(&b, s[i]) < 0;
        }
    }
    else {
        while (!fail) {
            Py_ssize_t k = done < count ? raw_find(s, n, from.buf, from.len, i, n, 1) : -1;
            if (k < 0) {
                fail |= _KrByteBuf_Put(&b, s + i, n - i) < 0;
                break;
            }
            fail |= _KrByteBuf_Put(&b, s + i, k - i) < 0;
            fail |= _KrByteBuf_Put(&b, to.buf, to.len) < 0;
            i = k + from.len;
            done++;
        }
    }
    PyBuffer_Release(&from);
    PyBuffer_Release(&to);
    if (fail) {
        _KrByteBuf_Free(&b);
        return NULL;
    }
    if (done == 0 && PyBytes_CheckExact(self)) {
        _KrByteBuf_Free(&b);
        return Py_NewRef(self);
    }
    return IS_BA(self) ? _KrByteBuf_FinishByteArray(&b) : _KrByteBuf_FinishBytes(&b);
}

static PyObject *affix(PyObject *self, PyObject *arg, int suffix)
{
    Py_buffer v;
    if (get_buf(arg, &v) < 0)
        return NULL;
    const char *s = BDATA(self);
    Py_ssize_t n = BLEN(self);
    PyObject *r;
    if (v.len > 0 && v.len <= n &&
        memcmp(suffix ? s + n - v.len : s, v.buf, (size_t)v.len) == 0)
        r = _KrBytes_New(self, suffix ? s : s + v.len, n - v.len);
    else
        r = b_same(self);
    PyBuffer_Release(&v);
    return r;
}

PyObject *_KrBytes_removeprefix(PyObject *self, PyObject *arg) { return affix(self, arg, 0); }
PyObject *_KrBytes_removesuffix(PyObject *self, PyObject *arg) { return affix(self, arg, 1); }

/* ---- translate, maketrans --------------------------------------------------------------- */

PyObject *_KrBytes_translate(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const kw[] = {"", "delete", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "translate", kw, 1, 2, 0, a) < 0)
        return NULL;
    Py_buffer table = {0}, del = {0};
    int has_table = 0, has_del = 0;
    if (a[0] != Py_None) {
        if (get_buf(a[0], &table) < 0)
            return NULL;
        has_table = 1;
        if (table.len != 256) {
            PyBuffer_Release(&table);
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (a[1] != NULL) {
        if (get_buf(a[1], &del) < 0) {
            if (has_table)
                PyBuffer_Release(&table);
            return NULL;
        }
        has_del = 1;
    }
    const unsigned char *s = (const unsigned char *)BDATA(self);
    Py_ssize_t n = BLEN(self);
    KrByteBuf b = {0};
    int fail = _KrByteBuf_Reserve(&b, n) < 0;
    for (Py_ssize_t i = 0; i < n && !fail; i++) {
        if (has_del && memchr(del.buf, s[i], (size_t)del.len))
            continue;
        unsigned char c = has_table ? ((unsigned char *)table.buf)[s[i]] : s[i];
        fail = _KrByteBuf_PutByte(&b, c) < 0;
    }
    if (has_table)
        PyBuffer_Release(&table);
    if (has_del)
        PyBuffer_Release(&del);
    if (fail) {
        _KrByteBuf_Free(&b);
        return NULL;
    }
    if (PyBytes_CheckExact(self) && b.len == n && memcmp(b.buf ? b.buf : "", s, (size_t)n) == 0) {
        _KrByteBuf_Free(&b);
        return Py_NewRef(self);
    }
    return IS_BA(self) ? _KrByteBuf_FinishByteArray(&b) : _KrByteBuf_FinishBytes(&b);
}

PyObject *_KrBytes_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("maketrans", nargs, 2, 2))
        return NULL;
    Py_buffer f, t;
    if (get_buf(args[0], &f) < 0)
        return NULL;
    if (get_buf(args[1], &t) < 0) {
        PyBuffer_Release(&f);
        return NULL;
    }
    if (f.len != t.len) {
        PyBuffer_Release(&f);
        PyBuffer_Release(&t);
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    PyObject *r = PyBytes_FromStringAndSize(NULL, 256);
    if (r != NULL) {
        unsigned char *o = (unsigned char *)PyBytes_AS_STRING(r);
        for (int i = 0; i < 256; i++)
            o[i] = (unsigned char)i;
        for (Py_ssize_t i = 0; i < f.len; i++)
            o[((unsigned char *)f.buf)[i]] = ((unsigned char *)t.buf)[i];
    }
    PyBuffer_Release(&f);
    PyBuffer_Release(&t);
    return r;
}

/* ---- decode, hex ---------------------------------------------------------------------- */

PyObject *_KrBytes_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    static const char *const kw[] = {"encoding", "errors", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "decode", kw, 0, 2, 0, a) < 0)
        return NULL;
    const char *enc = NULL, *err = NULL;
    for (int k = 0; k < 2; k++) {
        if (a[k] == NULL)
            continue;
        if (!PyUnicode_Check(a[k])) {
            PyErr_Format(PyExc_TypeError, "decode() argument '%s' must be str, not %.50s",
                         kw[k], Py_TYPE(a[k])->tp_name);
            return NULL;
        }
        const char *v = PyUnicode_AsUTF8(a[k]);
        if (v == NULL)
            return NULL;
        if (k == 0)
            enc = v;
        else
            err = v;
    }
    return PyUnicode_Decode(BDATA(self), BLEN(self), enc, err);
}

PyObject *_KrBytes_Hex(const char *data, Py_ssize_t n, PyObject *sep, PyObject *bytes_per_sep)
{
    static const char hex[] = "0123456789abcdef";
    char sepc = 0;
    Py_ssize_t group = 1;
    if (sep != NULL && sep != Py_None) {
        Py_ssize_t sl;
        const char *sp;
        if (PyUnicode_Check(sep)) {
            sp = PyUnicode_AsUTF8AndSize(sep, &sl);
            if (sp == NULL)
                return NULL;
            if (sl == 1 && !PyUnicode_IS_ASCII(sep))
                sl = 2;
            if (PyUnicode_GET_LENGTH(sep) == 1 && !PyUnicode_IS_ASCII(sep)) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sl = PyUnicode_GET_LENGTH(sep);
        }
        else if (PyBytes_Check(sep)) {
            sp = PyBytes_AS_STRING(sep);
            sl = PyBytes_GET_SIZE(sep);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (sl != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if ((unsigned char)sp[0] >= 128) {
            PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sepc = sp[0];
        if (bytes_per_sep != NULL) {
            group = PyLong_AsSsize_t(bytes_per_sep);
            if (group == -1 && PyErr_Occurred())
                return NULL;
        }
    }
    if (n == 0)
        return _KrUnicode_Empty();
    Py_ssize_t ag = group < 0 ? -group : group;
    if (ag == 0)
        sepc = 0;
    Py_ssize_t nsep = sepc ? (n - 1) / ag : 0;
    PyObject *r = PyUnicode_New(n * 2 + nsep, 127);
    if (r == NULL)
        return NULL;
    char *o = (char *)PyUnicode_DATA(r);
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (sepc && i > 0) {
            /* positive groups count from the right, negative from the left */
            Py_ssize_t k = group > 0 ? (n - i) : i;
            if (k % ag == 0)
                o[pos++] = sepc;
        }
        unsigned char c = (unsigned char)data[i];
        o[pos++] = hex[c >> 4];
        o[pos++] = hex[c & 15];
    }
    return r;
}

PyObject *_KrBytes_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "hex", kw, 0, 2, 0, a) < 0)
        return NULL;
    return _KrBytes_Hex(BDATA(self), BLEN(self), a[0], a[1]);
}

PyObject *_KrBytes_FromHex(PyObject *cls, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(string);
    KrByteBuf b = {0};
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(string, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c') {
            i++;
            continue;
        }
        int hi = c < 128 ? (isxdigit((int)c) ? (isdigit((int)c) ? (int)c - '0' : (tolower((int)c) - 'a' + 10)) : -1) : -1;
        if (hi < 0) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i);
            goto fail;
        }
        if (i + 1 >= n) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
            goto fail;
        }
        Py_UCS4 c2 = PyUnicode_READ_CHAR(string, i + 1);
        int lo = c2 < 128 ? (isxdigit((int)c2) ? (isdigit((int)c2) ? (int)c2 - '0' : (tolower((int)c2) - 'a' + 10)) : -1) : -1;
        if (lo < 0) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
            goto fail;
        }
        if (_KrByteBuf_PutByte(&b, hi * 16 + lo) < 0)
            goto fail;
        i += 2;
    }
    PyObject *r;
    if ((PyTypeObject *)cls == &PyByteArray_Type || PyType_IsSubtype((PyTypeObject *)cls, &PyByteArray_Type))
        r = _KrByteBuf_FinishByteArray(&b);
    else
        r = _KrByteBuf_FinishBytes(&b);
    if (r != NULL && cls != (PyObject *)&PyBytes_Type && cls != (PyObject *)&PyByteArray_Type)
        Py_SETREF(r, PyObject_CallOneArg(cls, r));
    return r;
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

PyObject *_KrBytes_fromhex(PyObject *cls, PyObject *string) { return _KrBytes_FromHex(cls, string); }

/* ---- repr --------------------------------------------------------------------------- */

PyObject *_KrBytes_Repr(const char *data, Py_ssize_t n, int smartquotes, const char *prefix,
                        const char *suffix)
{
    static const char hex[] = "0123456789abcdef";
    char quote = '\'';
    if (smartquotes && memchr(data, '\'', (size_t)n) && !memchr(data, '"', (size_t)n))
        quote = '"';
    KrByteBuf b = {0};
    if (_KrByteBuf_Put(&b, prefix, (Py_ssize_t)strlen(prefix)) < 0 ||
        _KrByteBuf_PutByte(&b, 'b') < 0 || _KrByteBuf_PutByte(&b, quote) < 0)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        char t[4];
        int len = 0;
        if (c == quote || c == '\\') {
            t[len++] = '\\';
            t[len++] = (char)c;
        }
        else if (c == '\t' || c == '\n' || c == '\r') {
            t[len++] = '\\';
            t[len++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        }
        else if (c < ' ' || c >= 0x7f) {
            t[len++] = '\\';
            t[len++] = 'x';
            t[len++] = hex[c >> 4];
            t[len++] = hex[c & 15];
        }
        else
            t[len++] = (char)c;
        if (_KrByteBuf_Put(&b, t, len) < 0)
            goto fail;
    }
    if (_KrByteBuf_PutByte(&b, quote) < 0 ||
        _KrByteBuf_Put(&b, suffix, (Py_ssize_t)strlen(suffix)) < 0)
        goto fail;
    PyObject *r = PyUnicode_DecodeUTF8Stateful(b.buf, b.len, "strict", NULL);
    _KrByteBuf_Free(&b);
    return r;
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* Buffer of any bytes-like object as a new bytes object. */
PyObject *_KrBytes_FromBuffer(PyObject *obj)
{
    Py_buffer v;
    if (PyObject_GetBuffer(obj, &v, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *r = PyBytes_FromStringAndSize(v.buf, v.len);
    PyBuffer_Release(&v);
    return r;
}

/* PEP 688: the Python-level face of the buffer protocol. */
PyObject *_KrBuffer_DunderBuffer(PyObject *self, PyObject *flags)
{
    if (!PyLong_Check(flags)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(flags)->tp_name);
        return NULL;
    }
    int f = PyLong_AsInt(flags);
    if (f == -1 && PyErr_Occurred())
        return NULL;
    if ((f & PyBUF_WRITABLE) && PyBytes_Check(self)) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return NULL;
    }
    return PyMemoryView_FromObject(self);
}

PyObject *_KrBuffer_DunderReleaseBuffer(PyObject *self, PyObject *view)
{
    if (!PyMemoryView_Check(view)) {
        PyErr_SetString(PyExc_TypeError, "expected a memoryview object");
        return NULL;
    }
    return PyObject_CallMethod(view, "release", NULL);
}
