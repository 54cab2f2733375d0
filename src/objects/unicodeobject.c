/* str: the PEP 393 compact representation, creation, interning, hashing, comparison,
 * concatenation, repr, indexing and the type object. Methods live in unicode_methods.c,
 * codecs in unicode_codecs.c, the builder in unicode_writer.c. */
#include "Python.h"
#include "internal/pycore_ids.h"
#include "unicode_internal.h"

struct _Py_global_strings _Py_global_ids;

/* The empty string and the 256 one-character Latin-1 strings are created once at start-up
 * and are immortal; afterwards this table is only read. */
static struct {
    PyObject *empty;
    PyObject *latin1[256];
} kr_unicode_consts;

/* ---- allocation ------------------------------------------------------------------ */

static PyObject *unicode_alloc(Py_ssize_t size, Py_UCS4 maxchar)
{
    int kind, ascii = 0;
    size_t struct_size;
    if (maxchar < 128) {
        kind = PyUnicode_1BYTE_KIND;
        ascii = 1;
    }
    else if (maxchar < 256)
        kind = PyUnicode_1BYTE_KIND;
    else if (maxchar < 0x10000)
        kind = PyUnicode_2BYTE_KIND;
    else {
        if (maxchar > KR_MAX_UNICODE) {
            PyErr_SetString(PyExc_SystemError,
                            "invalid maximum character passed to PyUnicode_New");
            return NULL;
        }
        kind = PyUnicode_4BYTE_KIND;
    }
    struct_size = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if ((size_t)size > (PY_SSIZE_T_MAX - struct_size) / (size_t)kind - 1)
        return PyErr_NoMemory();
    PyObject *obj = (PyObject *)PyObject_Malloc(struct_size + ((size_t)size + 1) * (size_t)kind);
    if (obj == NULL)
        return PyErr_NoMemory();
    PyObject_Init(obj, &PyUnicode_Type);
    PyASCIIObject *a = (PyASCIIObject *)obj;
    a->length = size;
    a->hash = -1;
    a->state.interned = SSTATE_NOT_INTERNED;
    a->state.kind = (unsigned)kind;
    a->state.compact = 1;
    a->state.ascii = (unsigned)ascii;
    a->state.statically_allocated = 0;
    if (!ascii) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)obj;
        c->utf8 = NULL;
        c->utf8_length = 0;
    }
    PyUnicode_WRITE(kind, PyUnicode_DATA(obj), size, 0);
    return obj;
}

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0 && kr_unicode_consts.empty != NULL)
        return Py_NewRef(kr_unicode_consts.empty);
    return unicode_alloc(size, maxchar);
}

PyObject *_KrUnicode_Empty(void) { return Py_NewRef(kr_unicode_consts.empty); }

PyObject *_KrUnicode_Char(Py_UCS4 ch)
{
    if (ch < 256)
        return Py_NewRef(kr_unicode_consts.latin1[ch]);
    PyObject *s = unicode_alloc(1, ch);
    if (s == NULL)
        return NULL;
    PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, ch);
    return s;
}

int _KrUnicode_Resize(PyObject **p, Py_ssize_t length)
{
    PyObject *s = *p;
    Py_ssize_t old = PyUnicode_GET_LENGTH(s);
    if (length == old)
        return 0;
    if (length == 0) {
        Py_SETREF(*p, _KrUnicode_Empty());
        return 0;
    }
    if (s == kr_unicode_consts.empty || _Py_IsImmortal(s) || Py_REFCNT(s) != 1 ||
        !PyUnicode_CheckExact(s)) {
        Py_UCS4 maxc = KR_STR_MAXCHAR(s);
        PyObject *n = unicode_alloc(length, maxc);
        if (n == NULL)
            return -1;
        _KrUnicode_CopyChars(n, 0, s, 0, Py_MIN(old, length));
        Py_SETREF(*p, n);
        return 0;
    }
    int kind = PyUnicode_KIND(s);
    size_t struct_size = PyUnicode_IS_ASCII(s) ? sizeof(PyASCIIObject)
                                              : sizeof(PyCompactUnicodeObject);
    if ((size_t)length > (PY_SSIZE_T_MAX - struct_size) / (size_t)kind - 1) {
        PyErr_NoMemory();
        return -1;
    }
    if (!PyUnicode_IS_ASCII(s)) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)s;
        if (c->utf8 != NULL) {
            PyObject_Free(c->utf8);
            c->utf8 = NULL;
            c->utf8_length = 0;
        }
    }
    PyObject *n = (PyObject *)PyObject_Realloc(s, struct_size + ((size_t)length + 1) * (size_t)kind);
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    ((PyASCIIObject *)n)->length = length;
    ((PyASCIIObject *)n)->hash = -1;
    PyUnicode_WRITE(kind, PyUnicode_DATA(n), length, 0);
    *p = n;
    return 0;
}

static void unicode_dealloc(PyObject *op)
{
    if (!PyUnicode_IS_COMPACT(op))
        PyObject_Free(((PyUnicodeObject *)op)->data);
    if (!PyUnicode_IS_ASCII(op) || !PyUnicode_IS_COMPACT(op)) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)op;
        if (c->utf8 != NULL)
            PyObject_Free(c->utf8);
    }
    Py_TYPE(op)->tp_free(op);
}

/* ---- creation from code points ------------------------------------------------------ */

PyObject *_KrUnicode_FromUCS1(const Py_UCS1 *u, Py_ssize_t n)
{
    if (n == 0)
        return _KrUnicode_Empty();
    if (n == 1)
        return _KrUnicode_Char(u[0]);
    Py_UCS1 maxc = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        maxc |= u[i];
    PyObject *s = unicode_alloc(n, maxc & 0x80 ? 0xff : 0x7f);
    if (s == NULL)
        return NULL;
    memcpy(PyUnicode_DATA(s), u, (size_t)n);
    return s;
}

PyObject *_KrUnicode_FromUCS2(const Py_UCS2 *u, Py_ssize_t n)
{
    if (n == 0)
        return _KrUnicode_Empty();
    Py_UCS2 maxc = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (u[i] > maxc)
            maxc = u[i];
    if (n == 1)
        return _KrUnicode_Char(maxc);
    PyObject *s = unicode_alloc(n, maxc);
    if (s == NULL)
        return NULL;
    int kind = PyUnicode_KIND(s);
    void *d = PyUnicode_DATA(s);
    if (kind == 2)
        memcpy(d, u, (size_t)n * 2);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            ((Py_UCS1 *)d)[i] = (Py_UCS1)u[i];
    return s;
}

PyObject *_KrUnicode_FromUCS4(const Py_UCS4 *u, Py_ssize_t n)
{
    if (n == 0)
        return _KrUnicode_Empty();
    Py_UCS4 maxc = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (u[i] > maxc)
            maxc = u[i];
    if (maxc > KR_MAX_UNICODE) {
        PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                     (unsigned)maxc);
        return NULL;
    }
    if (n == 1)
        return _KrUnicode_Char(maxc);
    PyObject *s = unicode_alloc(n, maxc);
    if (s == NULL)
        return NULL;
    int kind = PyUnicode_KIND(s);
    void *d = PyUnicode_DATA(s);
    if (kind == 4)
        memcpy(d, u, (size_t)n * 4);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            PyUnicode_WRITE(kind, d, i, u[i]);
    return s;
}

PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND: return _KrUnicode_FromUCS1(buffer, size);
    case PyUnicode_2BYTE_KIND: return _KrUnicode_FromUCS2(buffer, size);
    case PyUnicode_4BYTE_KIND: return _KrUnicode_FromUCS4(buffer, size);
    default:
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
}

PyObject *_PyUnicode_FromASCII(const char *s, Py_ssize_t n)
{
    return _KrUnicode_FromUCS1((const Py_UCS1 *)s, n);
}

PyObject *PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > KR_MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return _KrUnicode_Char((Py_UCS4)ordinal);
}

PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u == NULL) {
        if (size > 0) {
            PyErr_SetString(PyExc_SystemError, "NULL string with positive size");
            return NULL;
        }
        return _KrUnicode_Empty();
    }
    return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
}

PyObject *PyUnicode_FromString(const char *u)
{
    size_t n = strlen(u);
    if (n > (size_t)PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)n, NULL, NULL);
}

/* ---- helpers on existing strings ---------------------------------------------------- */

void _KrUnicode_CopyChars(PyObject *to, Py_ssize_t to_start, PyObject *from,
                          Py_ssize_t from_start, Py_ssize_t n)
{
    if (n <= 0)
        return;
    int tk = PyUnicode_KIND(to), fk = PyUnicode_KIND(from);
    char *td = PyUnicode_DATA(to);
    const char *fd = PyUnicode_DATA(from);
    if (tk == fk) {
        memmove(td + to_start * tk, fd + from_start * fk, (size_t)(n * tk));
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyUnicode_WRITE(tk, td, to_start + i, PyUnicode_READ(fk, fd, from_start + i));
}

Py_UCS4 _KrUnicode_FindMaxChar(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    if (PyUnicode_IS_ASCII(s))
        return 0x7f;
    int kind = PyUnicode_KIND(s);
    const void *d = PyUnicode_DATA(s);
    Py_UCS4 m = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (c > m)
            m = c;
    }
    return m;
}

Py_UCS4 _PyUnicode_MaxChar(PyObject *s)
{
    return _KrUnicode_FindMaxChar(s, 0, PyUnicode_GET_LENGTH(s));
}

Py_ssize_t PyUnicode_GetLength(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(s);
}

Py_UCS4 PyUnicode_ReadChar(PyObject *s, Py_ssize_t i)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (i < 0 || i >= PyUnicode_GET_LENGTH(s)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(s, i);
}

PyObject *PyUnicode_Substring(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    if (end > len)
        end = len;
    if (start >= end)
        return _KrUnicode_Empty();
    if (start == 0 && end == len && PyUnicode_CheckExact(s))
        return Py_NewRef(s);
    int kind = PyUnicode_KIND(s);
    const char *d = (const char *)PyUnicode_DATA(s) + start * kind;
    if (PyUnicode_IS_ASCII(s)) {
        if (end - start == 1)
            return _KrUnicode_Char((Py_UCS1)d[0]);
        PyObject *r = unicode_alloc(end - start, 0x7f);
        if (r != NULL)
            memcpy(PyUnicode_DATA(r), d, (size_t)(end - start));
        return r;
    }
    return PyUnicode_FromKindAndData(kind, d, end - start);
}

PyObject *_KrUnicode_Slice(PyObject *s, Py_ssize_t start, Py_ssize_t step, Py_ssize_t n)
{
    if (n <= 0)
        return _KrUnicode_Empty();
    if (step == 1)
        return PyUnicode_Substring(s, start, start + n);
    int kind = PyUnicode_KIND(s);
    const void *d = PyUnicode_DATA(s);
    if (kind == PyUnicode_1BYTE_KIND && n > 1) {
        const Py_UCS1 *p = (const Py_UCS1 *)d;
        Py_UCS1 bits = 0;
        if (!PyUnicode_IS_ASCII(s))
            for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
                bits |= p[j];
        PyObject *r = unicode_alloc(n, bits & 0x80 ? 0xff : 0x7f);
        if (r == NULL)
            return NULL;
        Py_UCS1 *o = PyUnicode_DATA(r);
        for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
            o[i] = p[j];
        return r;
    }
    Py_UCS4 maxc = 0;
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step) {
        Py_UCS4 c = PyUnicode_READ(kind, d, j);
        if (c > maxc)
            maxc = c;
    }
    if (n == 1)
        return _KrUnicode_Char(maxc);
    PyObject *r = unicode_alloc(n, maxc);
    if (r == NULL)
        return NULL;
    int rk = PyUnicode_KIND(r);
    void *rd = PyUnicode_DATA(r);
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
        PyUnicode_WRITE(rk, rd, i, PyUnicode_READ(kind, d, j));
    return r;
}

PyObject *_PyUnicode_Copy(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return _KrUnicode_Empty();
    PyObject *r = unicode_alloc(n, KR_STR_MAXCHAR(s));
    if (r == NULL)
        return NULL;
    memcpy(PyUnicode_DATA(r), PyUnicode_DATA(s), (size_t)(n * PyUnicode_KIND(s)));
    return r;
}

PyObject *PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj))
        return Py_NewRef(obj);
    if (PyUnicode_Check(obj))
        return _PyUnicode_Copy(obj);
    PyErr_Format(PyExc_TypeError, "Can't convert '%.100s' object to str implicitly",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

/* ---- UTF-8 ------------------------------------------------------------------------ */

const char *PyUnicode_AsUTF8AndSize(PyObject *s, Py_ssize_t *size)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        if (size)
            *size = -1;
        return NULL;
    }
    if (PyUnicode_IS_ASCII(s)) {
        if (size)
            *size = PyUnicode_GET_LENGTH(s);
        return (const char *)PyUnicode_DATA(s);
    }
    PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)s;
    if (c->utf8 == NULL) {
        PyObject *b = _KrUnicode_EncodeUTF8(s, "strict");
        if (b == NULL) {
            if (size)
                *size = -1;
            return NULL;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(b);
        char *buf = PyObject_Malloc((size_t)n + 1);
        if (buf == NULL) {
            Py_DECREF(b);
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(buf, PyBytes_AS_STRING(b), (size_t)n + 1);
        Py_DECREF(b);
        c->utf8 = buf;
        c->utf8_length = n;
    }
    if (size)
        *size = c->utf8_length;
    return c->utf8;
}

const char *PyUnicode_AsUTF8(PyObject *s) { return PyUnicode_AsUTF8AndSize(s, NULL); }

PyObject *PyUnicode_AsUTF8String(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return NULL;
    }
    return _KrUnicode_EncodeUTF8(s, "strict");
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *PyUnicode_EncodeFSDefault(PyObject *s)
{
    return _KrUnicode_EncodeUTF8(s, "surrogateescape");
}

/* ---- PyUnicode_FromFormat --------------------------------------------------------- */

static int fmt_write_padded(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t width,
                            Py_ssize_t precision, int left)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (precision >= 0 && len > precision)
        len = precision;
    if (!left && width > len && _KrUnicodeWriter_Fill(w, ' ', width - len) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteSubstring(w, str, 0, len) < 0)
        return -1;
    if (left && width > len && _KrUnicodeWriter_Fill(w, ' ', width - len) < 0)
        return -1;
    return 0;
}

static int fmt_write_cstr(_PyUnicodeWriter *w, const char *s, Py_ssize_t width,
                          Py_ssize_t precision, int left)
{
    Py_ssize_t n = (Py_ssize_t)strlen(s);
    if (precision >= 0 && n > precision)
        n = precision;
    Py_ssize_t consumed = n;
    PyObject *u = PyUnicode_DecodeUTF8Stateful(s, n, "replace", &consumed);
    if (u == NULL)
        return -1;
    int r = fmt_write_padded(w, u, width, -1, left);
    Py_DECREF(u);
    return r;
}

/* The fully qualified name of a type: "module.QualName", without "builtins.". */
static PyObject *type_fully_qualified_name(PyTypeObject *t, char sep)
{
    PyObject *qual, *mod = NULL;
    if (t->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyHeapTypeObject *ht = (PyHeapTypeObject *)t;
        qual = Py_NewRef(ht->ht_qualname ? ht->ht_qualname : ht->ht_name);
        PyObject *d = t->tp_dict;
        if (d != NULL) {
            mod = PyDict_GetItemWithError(d, _Py_ID(__module__));
            Py_XINCREF(mod);
        }
    }
    else {
        const char *dot = strrchr(t->tp_name, '.');
        if (dot == NULL)
            return PyUnicode_FromString(t->tp_name);
        qual = PyUnicode_FromString(dot + 1);
        if (qual == NULL)
            return NULL;
        mod = PyUnicode_FromStringAndSize(t->tp_name, dot - t->tp_name);
    }
    if (qual == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    if (mod == NULL || !PyUnicode_Check(mod) ||
        _PyUnicode_EqualToASCIIString(mod, "builtins") ||
        _PyUnicode_EqualToASCIIString(mod, "__main__")) {
        Py_XDECREF(mod);
        if (PyErr_Occurred())
            PyErr_Clear();
        return qual;
    }
    PyObject *r = PyUnicode_FromFormat("%U%c%U", mod, (int)sep, qual);
    Py_DECREF(mod);
    Py_DECREF(qual);
    return r;
}

static const char *fmt_parse_one(_PyUnicodeWriter *w, const char *f, va_list *vargs)
{
    const char *start = f;
    int left = 0, zero = 0, alt = 0;
    Py_ssize_t width = -1, precision = -1;
    f++; /* skip '%' */
    for (;;) {
        if (*f == '-')
            left = 1;
        else if (*f == '0')
            zero = 1;
        else if (*f == '#')
            alt = 1;
        else
            break;
        f++;
    }
    if (*f == '*') {
        width = va_arg(*vargs, int);
        if (width < 0) {
            left = 1;
            width = -width;
        }
        f++;
    }
    else if (*f >= '0' && *f <= '9') {
        width = 0;
        while (*f >= '0' && *f <= '9')
            width = width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            precision = va_arg(*vargs, int);
            if (precision < 0)
                precision = -1;
            f++;
        }
        else {
            precision = 0;
            while (*f >= '0' && *f <= '9')
                precision = precision * 10 + (*f++ - '0');
        }
    }
    int size = 0; /* 0 int, 1 long, 2 long long, 3 size_t, 4 ptrdiff, 5 intmax */
    if (*f == 'l') {
        if (f[1] == 'l') {
            size = 2;
            f += 2;
        }
        else {
            size = 1;
            f++;
        }
    }
    else if (*f == 'z') {
        size = 3;
        f++;
    }
    else if (*f == 't') {
        size = 4;
        f++;
    }
    else if (*f == 'j') {
        size = 5;
        f++;
    }
    char c = *f;
    switch (c) {
    case '%':
        if (_PyUnicodeWriter_WriteChar(w, '%') < 0)
            return NULL;
        return f + 1;
    case 'c': {
        int ch = va_arg(*vargs, int);
        if (ch < 0 || ch > KR_MAX_UNICODE) {
            PyErr_SetString(PyExc_OverflowError,
                            "character argument not in range(0x110000)");
            return NULL;
        }
        PyObject *u = _KrUnicode_Char((Py_UCS4)ch);
        if (u == NULL)
            return NULL;
        int r = fmt_write_padded(w, u, width, -1, left);
        Py_DECREF(u);
        return r < 0 ? NULL : f + 1;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        char spec[32], buf[128];
        char *p = spec;
        *p++ = '%';
        if (left)
            *p++ = '-';
        if (zero && !left)
            *p++ = '0';
        if (alt)
            *p++ = '#';
        *p = '\0';
        int n;
        char conv = c == 'i' ? 'd' : c;
        int isunsigned = (c != 'd' && c != 'i');
        char sfmt[48];
        /* Width and precision apply to the digits as in printf. */
        snprintf(sfmt, sizeof(sfmt), "%s%s%s%s%s%c", spec,
                 width >= 0 ? "*" : "", precision >= 0 ? ".*" : "",
                 size == 1 ? "l" : size == 2 ? "ll" : size == 3 ? "z" : size == 4 ? "t" : size == 5 ? "j" : "",
                 "", conv);
        int wi = (int)(width >= 0 ? (width > 100 ? 100 : width) : 0);
        int pi = (int)(precision >= 0 ? (precision > 100 ? 100 : precision) : 0);
#define KR_FMT_CALL(T)                                                                   \
    do {                                                                                 \
        T v = va_arg(*vargs, T);                                                         \
        if (width >= 0 && precision >= 0) n = snprintf(buf, sizeof buf, sfmt, wi, pi, v); \
        else if (width >= 0) n = snprintf(buf, sizeof buf, sfmt, wi, v);                 \
        else if (precision >= 0) n = snprintf(buf, sizeof buf, sfmt, pi, v);              \
        else n = snprintf(buf, sizeof buf, sfmt, v);                                      \
    } while (0)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
        if (!isunsigned) {
            switch (size) {
            case 0: KR_FMT_CALL(int); break;
            case 1: KR_FMT_CALL(long); break;
            case 2: KR_FMT_CALL(long long); break;
            case 3: KR_FMT_CALL(Py_ssize_t); break;
            case 4: KR_FMT_CALL(ptrdiff_t); break;
            default: KR_FMT_CALL(intmax_t); break;
            }
        }
        else {
            switch (size) {
            case 0: KR_FMT_CALL(unsigned int); break;
            case 1: KR_FMT_CALL(unsigned long); break;
            case 2: KR_FMT_CALL(unsigned long long); break;
            case 3: KR_FMT_CALL(size_t); break;
            case 4: KR_FMT_CALL(ptrdiff_t); break;
            default: KR_FMT_CALL(uintmax_t); break;
            }
        }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#undef KR_FMT_CALL
        if (n < 0)
            n = 0;
        if (n >= (int)sizeof(buf))
            n = (int)sizeof(buf) - 1;
        if (_PyUnicodeWriter_WriteASCIIString(w, buf, n) < 0)
            return NULL;
        return f + 1;
    }
    case 'p': {
        void *ptr = va_arg(*vargs, void *);
        char buf[64];
        int n = snprintf(buf, sizeof buf, "%p", ptr);
        PyObject *u;
        if (n >= 2 && buf[1] != 'x')
            u = PyUnicode_FromFormat("0x%s", buf);
        else
            u = PyUnicode_FromString(buf);
        if (u == NULL)
            return NULL;
        int r = fmt_write_padded(w, u, width, -1, left);
        Py_DECREF(u);
        return r < 0 ? NULL : f + 1;
    }
    case 's': {
        if (size == 1) {
            PyErr_SetString(PyExc_SystemError, "%ls is not supported");
            return NULL;
        }
        const char *s = va_arg(*vargs, const char *);
        if (s == NULL)
            s = "(null)";
        return fmt_write_cstr(w, s, width, precision, left) < 0 ? NULL : f + 1;
    }
    case 'U': {
        PyObject *o = va_arg(*vargs, PyObject *);
        if (o == NULL || !PyUnicode_Check(o)) {
            PyErr_SetString(PyExc_SystemError, "%U requires a str argument");
            return NULL;
        }
        return fmt_write_padded(w, o, width, precision, left) < 0 ? NULL : f + 1;
    }
    case 'V': {
        PyObject *o = va_arg(*vargs, PyObject *);
        const char *s = va_arg(*vargs, const char *);
        if (o != NULL)
            return fmt_write_padded(w, o, width, precision, left) < 0 ? NULL : f + 1;
        return fmt_write_cstr(w, s ? s : "(null)", width, precision, left) < 0 ? NULL : f + 1;
    }
    case 'S': case 'R': case 'A': {
        PyObject *o = va_arg(*vargs, PyObject *);
        PyObject *u = c == 'S' ? PyObject_Str(o) : c == 'R' ? PyObject_Repr(o) : PyObject_ASCII(o);
        if (u == NULL)
            return NULL;
        int r = fmt_write_padded(w, u, width, precision, left);
        Py_DECREF(u);
        return r < 0 ? NULL : f + 1;
    }
    case 'T': case 'N': {
        PyObject *o = va_arg(*vargs, PyObject *);
        PyTypeObject *t;
        if (c == 'T')
            t = Py_TYPE(o);
        else {
            if (!PyType_Check(o)) {
                PyErr_Format(PyExc_TypeError, "%%N argument must be a type, not %.100s",
                             Py_TYPE(o)->tp_name);
                return NULL;
            }
            t = (PyTypeObject *)o;
        }
        PyObject *u = type_fully_qualified_name(t, alt ? ':' : '.');
        if (u == NULL)
            return NULL;
        int r = fmt_write_padded(w, u, width, precision, left);
        Py_DECREF(u);
        return r < 0 ? NULL : f + 1;
    }
    default:
        /* Unknown unit: copy the rest of the format verbatim, as CPython does. */
        if (_PyUnicodeWriter_WriteASCIIString(w, start, (Py_ssize_t)strlen(start)) < 0)
            return NULL;
        return start + strlen(start);
    }
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = (Py_ssize_t)strlen(format) + 16;
    w.overallocate = 1;
    va_list ap;
    va_copy(ap, vargs);
    const char *f = format;
    while (*f) {
        if (*f == '%') {
            f = fmt_parse_one(&w, f, &ap);
            if (f == NULL)
                goto fail;
        }
        else {
            const char *p = f;
            while (*p && *p != '%')
                p++;
            if (_KrUnicodeWriter_WriteUTF8(&w, f, p - f) < 0)
                goto fail;
            f = p;
        }
    }
    va_end(ap);
    return _PyUnicodeWriter_Finish(&w);
fail:
    va_end(ap);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_FromFormat(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return r;
}

/* ---- interning ---------------------------------------------------------------------- */

/* Start-up interns every method, slot and member name of every built-in type; sizing the
 * table for that from the start spares the rehashing a growing table would do. */
#define KR_INTERNED_INITIAL 2000

static PyObject *interned_table(void)
{
    if (_PyRuntime.interned == NULL)
        _PyRuntime.interned = _PyDict_NewPresized(KR_INTERNED_INITIAL);
    return _PyRuntime.interned;
}

void _PyUnicode_InternImmortal(PyObject **p)
{
    PyObject *s = *p;
    if (s == NULL || !PyUnicode_CheckExact(s))
        return;
    if (PyUnicode_CHECK_INTERNED(s))
        return;
    PyObject *table = interned_table();
    if (table == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *t;
    int r = PyDict_SetDefaultRef(table, s, s, &t);
    if (r < 0) {
        PyErr_Clear();
        return;
    }
    if (r == 1) {
        /* t is a new reference to the string already interned. */
        Py_SETREF(*p, t);
        return;
    }
    Py_DECREF(t);
    /* Interned strings live as long as the runtime: the table owns them for good. */
    _Py_SetImmortal(s);
    ((PyASCIIObject *)s)->state.interned = SSTATE_INTERNED_IMMORTAL;
}

void PyUnicode_InternInPlace(PyObject **p) { _PyUnicode_InternImmortal(p); }

PyObject *PyUnicode_InternFromString(const char *cp)
{
    /* Nearly every caller passes an ASCII identifier from a C table: build the compact
     * ASCII str in one step (no UTF-8 decoding) and hash it while the bytes are hot. */
    size_t n = 0;
    unsigned char high = 0;
    while (cp[n] != '\0') {
        high |= (unsigned char)cp[n];
        n++;
    }
    if (high >= 0x80 || n > (size_t)PY_SSIZE_T_MAX / 2) {
        PyObject *s = PyUnicode_FromString(cp);
        if (s == NULL)
            return NULL;
        PyUnicode_InternInPlace(&s);
        return s;
    }
    if (n <= 1 && kr_unicode_consts.empty != NULL)
        return Py_NewRef(n == 0 ? kr_unicode_consts.empty
                                : kr_unicode_consts.latin1[(unsigned char)cp[0]]);
    PyObject *s = unicode_alloc((Py_ssize_t)n, 0x7f);
    if (s == NULL)
        return NULL;
    memcpy(PyUnicode_1BYTE_DATA(s), cp, n);
    ((PyASCIIObject *)s)->hash = _Py_HashBytes(cp, (Py_ssize_t)n);
    PyUnicode_InternInPlace(&s);
    return s;
}

int _KrBytes_InitSingletons(void);

int _PyUnicode_InitGlobalObjects(void)
{
    if (_KrBytes_InitSingletons() < 0)
        return -1;
    PyObject *e = unicode_alloc(0, 0);
    if (e == NULL)
        return -1;
    _Py_SetImmortal(e);
    kr_unicode_consts.empty = e;
    for (int i = 0; i < 256; i++) {
        PyObject *c = unicode_alloc(1, (Py_UCS4)i < 128 ? 0x7f : 0xff);
        if (c == NULL)
            return -1;
        PyUnicode_1BYTE_DATA(c)[0] = (Py_UCS1)i;
        /* CPython's static one-character strings carry their UTF-8 form from the start,
         * which shows in sys.getsizeof(). */
        if (i >= 128 && PyUnicode_AsUTF8(c) == NULL)
            return -1;
        _Py_SetImmortal(c);
        kr_unicode_consts.latin1[i] = c;
    }
    _PyUnicode_InternImmortal(&kr_unicode_consts.empty);
    /* As in CPython 3.13, the one-character strings are interned too (marshal shows it). */
    for (int i = 0; i < 256; i++)
        _PyUnicode_InternImmortal(&kr_unicode_consts.latin1[i]);
#define KR_MAKE_ID(name)                                          \
    do {                                                          \
        PyObject *s_ = PyUnicode_InternFromString(#name);         \
        if (s_ == NULL)                                           \
            return -1;                                            \
        _Py_global_ids.id_##name = s_;                            \
    } while (0);
    KR_IDENTIFIERS(KR_MAKE_ID)
#undef KR_MAKE_ID
    return 0;
}

/* ---- hashing and comparison ---------------------------------------------------------- */

Py_hash_t _PyUnicode_Hash(PyObject *s)
{
    PyASCIIObject *a = (PyASCIIObject *)s;
    if (a->hash != -1)
        return a->hash;
    a->hash = _Py_HashBytes(PyUnicode_DATA(s), a->length * PyUnicode_KIND(s));
    return a->hash;
}

static Py_hash_t unicode_hash(PyObject *s) { return _PyUnicode_Hash(s); }

int _PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (n != PyUnicode_GET_LENGTH(b))
        return 0;
    if (PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)(n * PyUnicode_KIND(a))) == 0;
}

static int unicode_compare(PyObject *a, PyObject *b)
{
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    Py_ssize_t n = Py_MIN(la, lb);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 x = PyUnicode_READ(ka, da, i), y = PyUnicode_READ(kb, db, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

int PyUnicode_Compare(PyObject *a, PyObject *b)
{
    if (PyUnicode_Check(a) && PyUnicode_Check(b))
        return unicode_compare(a, b);
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s", Py_TYPE(a)->tp_name,
                 Py_TYPE(b)->tp_name);
    return -1;
}

int PyUnicode_CompareWithASCIIString(PyObject *u, const char *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t i;
    for (i = 0; i < n && s[i]; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (c != (unsigned char)s[i])
            return c < (unsigned char)s[i] ? -1 : 1;
    }
    if (i < n)
        return 1;
    if (s[i])
        return -1;
    return 0;
}

int _PyUnicode_EqualToASCIIString(PyObject *u, const char *s)
{
    if (!PyUnicode_IS_ASCII(u)) {
        return 0;
    }
    size_t n = strlen(s);
    return (size_t)PyUnicode_GET_LENGTH(u) == n && memcmp(PyUnicode_DATA(u), s, n) == 0;
}

int PyUnicode_EqualToUTF8(PyObject *u, const char *s)
{
    if (!PyUnicode_Check(u))
        return 0;
    Py_ssize_t n;
    const char *d;
    if (PyUnicode_IS_ASCII(u)) {
        d = PyUnicode_DATA(u);
        n = PyUnicode_GET_LENGTH(u);
    }
    else {
        d = PyUnicode_AsUTF8AndSize(u, &n);
        if (d == NULL) {
            PyErr_Clear();
            return 0;
        }
    }
    return strlen(s) == (size_t)n && memcmp(d, s, (size_t)n) == 0;
}

PyObject *PyUnicode_RichCompare(PyObject *a, PyObject *b, int op)
{
    if (!PyUnicode_Check(a) || !PyUnicode_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (a == b) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE: Py_RETURN_TRUE;
        default: Py_RETURN_FALSE;
        }
    }
    if (op == Py_EQ || op == Py_NE) {
        int eq = _PyUnicode_Equal(a, b);
        if ((op == Py_EQ) == eq)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    int c = unicode_compare(a, b);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- concatenation, repetition, join ------------------------------------------------ */

PyObject *PyUnicode_Concat(PyObject *a, PyObject *b)
{
    if (!PyUnicode_Check(a)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(a)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(b)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(b)->tp_name);
        return NULL;
    }
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    if (la == 0)
        return PyUnicode_CheckExact(b) ? Py_NewRef(b) : _PyUnicode_Copy(b);
    if (lb == 0)
        return PyUnicode_CheckExact(a) ? Py_NewRef(a) : _PyUnicode_Copy(a);
    if (la > PY_SSIZE_T_MAX - lb) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    Py_UCS4 ma = KR_STR_MAXCHAR(a), mb = KR_STR_MAXCHAR(b);
    PyObject *r = unicode_alloc(la + lb, Py_MAX(ma, mb));
    if (r == NULL)
        return NULL;
    _KrUnicode_CopyChars(r, 0, a, 0, la);
    _KrUnicode_CopyChars(r, la, b, 0, lb);
    return r;
}

/* Can left grow in place to hold right after it? Only when nobody else can observe it:
 * an exact, uninterned, mortal str with a single reference, whose storage is already
 * wide enough for right's characters (an ASCII str also needs an ASCII right, since
 * the two layouts differ). */
static inline int unicode_can_grow_in_place(PyObject *left, PyObject *right)
{
    return PyUnicode_CheckExact(left) && Py_REFCNT(left) == 1 && !_Py_IsImmortal(left) &&
           !PyUnicode_CHECK_INTERNED(left) && PyUnicode_IS_COMPACT(left) &&
           KR_STR_MAXCHAR(right) <= KR_STR_MAXCHAR(left);
}

int _KrUnicode_AppendInPlace(PyObject **pleft, PyObject *right)
{
    PyObject *left = *pleft;
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        PyObject *bad = PyUnicode_Check(left) ? right : left;
        if (PyUnicode_Check(left))
            PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                         Py_TYPE(bad)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(bad)->tp_name);
        Py_CLEAR(*pleft);
        return -1;
    }
    Py_ssize_t la = PyUnicode_GET_LENGTH(left), lb = PyUnicode_GET_LENGTH(right);
    if (lb == 0 && PyUnicode_CheckExact(left))
        return 0;
    if (la > 0 && lb > 0 && unicode_can_grow_in_place(left, right)) {
        if (la > PY_SSIZE_T_MAX - lb) {
            PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
            Py_CLEAR(*pleft);
            return -1;
        }
        if (_KrUnicode_Resize(pleft, la + lb) < 0) {
            Py_CLEAR(*pleft);
            return -1;
        }
        _KrUnicode_CopyChars(*pleft, la, right, 0, lb);
        return 0;
    }
    PyObject *r = PyUnicode_Concat(left, right);
    Py_SETREF(*pleft, r);
    return r == NULL ? -1 : 0;
}

void PyUnicode_Append(PyObject **pleft, PyObject *right)
{
    PyObject *left = *pleft;
    if (left == NULL)
        return;
    if (right == NULL || !PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        Py_CLEAR(*pleft);
        return;
    }
    (void)_KrUnicode_AppendInPlace(pleft, right);
}

void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

PyObject *_KrUnicode_Repeat(PyObject *s, Py_ssize_t n)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (n <= 0 || len == 0)
        return _KrUnicode_Empty();
    if (n == 1)
        return PyUnicode_CheckExact(s) ? Py_NewRef(s) : _PyUnicode_Copy(s);
    if (len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    Py_ssize_t total = len * n;
    PyObject *r = unicode_alloc(total, KR_STR_MAXCHAR(s));
    if (r == NULL)
        return NULL;
    int kind = PyUnicode_KIND(s);
    char *d = PyUnicode_DATA(r);
    Py_ssize_t nbytes = len * kind, tot = total * kind;
    memcpy(d, PyUnicode_DATA(s), (size_t)nbytes);
    Py_ssize_t done = nbytes;
    while (done < tot) {
        Py_ssize_t chunk = Py_MIN(done, tot - done);
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    return r;
}

PyObject *_PyUnicode_JoinArray(PyObject *sep, PyObject *const *items, Py_ssize_t n)
{
    if (n == 0)
        return _KrUnicode_Empty();
    if (sep == NULL)
        sep = kr_unicode_consts.latin1[' '];
    if (n == 1 && PyUnicode_CheckExact(items[0]))
        return Py_NewRef(items[0]);
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    Py_UCS4 maxc = seplen ? KR_STR_MAXCHAR(sep) : 0;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = items[i];
        if (!PyUnicode_Check(it)) {
            PyErr_Format(PyExc_TypeError,
                         "sequence item %zd: expected str instance, %.80s found", i,
                         Py_TYPE(it)->tp_name);
            return NULL;
        }
        Py_ssize_t l = PyUnicode_GET_LENGTH(it);
        if (total > PY_SSIZE_T_MAX - l - (i ? seplen : 0)) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += l + (i ? seplen : 0);
        if (l) {
            Py_UCS4 m = KR_STR_MAXCHAR(it);
            if (m > maxc)
                maxc = m;
        }
    }
    PyObject *r = PyUnicode_New(total, maxc);
    if (r == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    if (PyUnicode_KIND(r) == PyUnicode_1BYTE_KIND) {
        /* every piece is one byte per character too: plain copies */
        char *rd = PyUnicode_DATA(r);
        const char *sd = seplen ? PyUnicode_DATA(sep) : NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i && seplen) {
                if (seplen == 1)
                    rd[pos] = sd[0];
                else
                    memcpy(rd + pos, sd, (size_t)seplen);
                pos += seplen;
            }
            Py_ssize_t l = PyUnicode_GET_LENGTH(items[i]);
            memcpy(rd + pos, PyUnicode_DATA(items[i]), (size_t)l);
            pos += l;
        }
        return r;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            _KrUnicode_CopyChars(r, pos, sep, 0, seplen);
            pos += seplen;
        }
        Py_ssize_t l = PyUnicode_GET_LENGTH(items[i]);
        _KrUnicode_CopyChars(r, pos, items[i], 0, l);
        pos += l;
    }
    return r;
}

PyObject *PyUnicode_Join(PyObject *sep, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "can only join an iterable");
    if (fast == NULL)
        return NULL;
    PyObject *r = _PyUnicode_JoinArray(sep, PySequence_Fast_ITEMS(fast),
                                       PySequence_Fast_GET_SIZE(fast));
    Py_DECREF(fast);
    return r;
}

/* ---- search primitives ------------------------------------------------------------- */

void _KrAdjustIndices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

int _KrParseSliceArg(PyObject *o, Py_ssize_t *out)
{
    if (o == NULL || o == Py_None)
        return 1;
    return _PyEval_SliceIndex(o, out) ? 1 : 0;
}

static inline int match_at(int k1, const void *d1, Py_ssize_t i, int k2, const void *d2,
                           Py_ssize_t m)
{
    if (k1 == k2)
        return memcmp((const char *)d1 + i * k1, d2, (size_t)(m * k1)) == 0;
    for (Py_ssize_t j = 0; j < m; j++)
        if (PyUnicode_READ(k1, d1, i + j) != PyUnicode_READ(k2, d2, j))
            return 0;
    return 1;
}

/* Index of the first (direction > 0) or last code point ch in d[start:end], or -1. */
static Py_ssize_t find_char(int kind, const void *d, Py_ssize_t start, Py_ssize_t end,
                            Py_UCS4 ch, int direction)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        if (ch > 0xff)
            return -1;
        const Py_UCS1 *p = (const Py_UCS1 *)d;
        if (direction > 0) {
            const Py_UCS1 *hit = memchr(p + start, (int)ch, (size_t)(end - start));
            return hit ? hit - p : -1;
        }
        for (Py_ssize_t i = end - 1; i >= start; i--)
            if (p[i] == ch)
                return i;
        return -1;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        if (ch > 0xffff)
            return -1;
        const Py_UCS2 *p = (const Py_UCS2 *)d;
        if (direction > 0) {
            for (Py_ssize_t i = start; i < end; i++)
                if (p[i] == ch)
                    return i;
        }
        else {
            for (Py_ssize_t i = end - 1; i >= start; i--)
                if (p[i] == ch)
                    return i;
        }
        return -1;
    }
    const Py_UCS4 *p = (const Py_UCS4 *)d;
    if (direction > 0) {
        for (Py_ssize_t i = start; i < end; i++)
            if (p[i] == ch)
                return i;
    }
    else {
        for (Py_ssize_t i = end - 1; i >= start; i--)
            if (p[i] == ch)
                return i;
    }
    return -1;
}

Py_ssize_t _KrUnicode_FindIn(PyObject *s, Py_ssize_t start, Py_ssize_t end, PyObject *sub,
                             int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub);
    if (end - start < m)
        return -1;
    if (m == 0)
        return direction > 0 ? start : end;
    int k1 = PyUnicode_KIND(s), k2 = PyUnicode_KIND(sub);
    const void *d1 = PyUnicode_DATA(s), *d2 = PyUnicode_DATA(sub);
    if (m == 1)
        return find_char(k1, d1, start, end, PyUnicode_READ(k2, d2, 0), direction);
    if (k2 > k1 && _KrUnicode_FindMaxChar(sub, 0, m) > KR_KIND_MAX(k1))
        return -1;
    Py_UCS4 first = PyUnicode_READ(k2, d2, 0);
    if (direction > 0) {
        if (k1 == 1 && k2 == 1) {
            const Py_UCS1 *p = (const Py_UCS1 *)d1 + start;
            const Py_UCS1 *stop = (const Py_UCS1 *)d1 + end - m + 1;
            const Py_UCS1 *rest = (const Py_UCS1 *)d2 + 1;
            while (p < stop) {
                p = memchr(p, (int)first, (size_t)(stop - p));
                if (p == NULL)
                    return -1;
                if (memcmp(p + 1, rest, (size_t)m - 1) == 0)
                    return p - (const Py_UCS1 *)d1;
                p++;
            }
            return -1;
        }
        for (Py_ssize_t i = start; i <= end - m; i++)
            if (PyUnicode_READ(k1, d1, i) == first && match_at(k1, d1, i, k2, d2, m))
                return i;
    }
    else {
        for (Py_ssize_t i = end - m; i >= start; i--)
            if (PyUnicode_READ(k1, d1, i) == first && match_at(k1, d1, i, k2, d2, m))
                return i;
    }
    return -1;
}

/* Occurrences of ch in d[start:end], at most maxcount. */
static Py_ssize_t count_char(int kind, const void *d, Py_ssize_t start, Py_ssize_t end,
                             Py_UCS4 ch, Py_ssize_t maxcount)
{
    Py_ssize_t count = 0;
    if (maxcount < end - start) {
        /* a limit: stop at it */
        Py_ssize_t i = start;
        while (count < maxcount) {
            i = find_char(kind, d, i, end, ch, 1);
            if (i < 0)
                break;
            count++;
            i++;
        }
        return count;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        if (ch > 0xff)
            return 0;
        const Py_UCS1 *p = (const Py_UCS1 *)d;
        Py_ssize_t i = start;
        /* eight bytes at a time: a byte of x is zero where the text matches; the high
         * bit of each byte of z is set exactly for those zero bytes (no carries cross
         * bytes since the low seven bits are added separately) */
        const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL, bcast = 0x0101010101010101ULL * ch;
        for (; i + 8 <= end; i += 8) {
            uint64_t x;
            memcpy(&x, p + i, 8);
            x ^= bcast;
            uint64_t z = ~(((x & low7) + low7) | x | low7);
#if defined(__GNUC__)
            count += __builtin_popcountll(z);
#else
            for (; z; z &= z - 1)
                count++;
#endif
        }
        for (; i < end; i++)
            count += p[i] == ch;
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = (const Py_UCS2 *)d;
        for (Py_ssize_t i = start; i < end; i++)
            count += p[i] == ch;
    }
    else {
        const Py_UCS4 *p = (const Py_UCS4 *)d;
        for (Py_ssize_t i = start; i < end; i++)
            count += p[i] == ch;
    }
    return count;
}

Py_ssize_t _KrUnicode_CountIn(PyObject *s, Py_ssize_t start, Py_ssize_t end, PyObject *sub,
                              Py_ssize_t maxcount)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub), count = 0;
    if (end - start < m)
        return 0;
    if (m == 0) {
        Py_ssize_t c = end - start + 1;
        return c < maxcount ? c : maxcount;
    }
    if (m == 1)
        return count_char(PyUnicode_KIND(s), PyUnicode_DATA(s), start, end,
                          PyUnicode_READ_CHAR(sub, 0), maxcount);
    while (count < maxcount) {
        Py_ssize_t i = _KrUnicode_FindIn(s, start, end, sub, 1);
        if (i < 0)
            break;
        count++;
        start = i + m;
    }
    return count;
}

int _KrUnicode_Tailmatch(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                         int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s), m = PyUnicode_GET_LENGTH(sub);
    _KrAdjustIndices(&start, &end, len);
    end -= m;
    if (end < start)
        return 0;
    if (m == 0)
        return 1;
    Py_ssize_t at = direction > 0 ? end : start;
    return match_at(PyUnicode_KIND(s), PyUnicode_DATA(s), at, PyUnicode_KIND(sub),
                    PyUnicode_DATA(sub), m);
}

Py_ssize_t PyUnicode_Find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                          int direction)
{
    if (!PyUnicode_Check(s) || !PyUnicode_Check(sub)) {
        PyErr_BadArgument();
        return -2;
    }
    _KrAdjustIndices(&start, &end, PyUnicode_GET_LENGTH(s));
    if (start > end)
        return -1;
    return _KrUnicode_FindIn(s, start, end, sub, direction);
}

Py_ssize_t PyUnicode_FindChar(PyObject *s, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end,
                              int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (end > len)
        end = len;
    if (start < 0)
        start = 0;
    int kind = PyUnicode_KIND(s);
    const void *d = PyUnicode_DATA(s);
    if (direction > 0) {
        for (Py_ssize_t i = start; i < end; i++)
            if (PyUnicode_READ(kind, d, i) == ch)
                return i;
    }
    else {
        for (Py_ssize_t i = end - 1; i >= start; i--)
            if (PyUnicode_READ(kind, d, i) == ch)
                return i;
    }
    return -1;
}

int PyUnicode_Contains(PyObject *container, PyObject *element)
{
    if (!PyUnicode_Check(element)) {
        PyErr_Format(PyExc_TypeError,
                     "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(element)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(container)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(container)->tp_name);
        return -1;
    }
    return _KrUnicode_FindIn(container, 0, PyUnicode_GET_LENGTH(container), element, 1) >= 0;
}

/* ---- repr ------------------------------------------------------------------------ */

PyObject *_PyUnicode_EscapeRepr(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *d = PyUnicode_DATA(s);
    Py_ssize_t squote = 0, dquote = 0, outlen = 2;
    Py_UCS4 maxc = 127;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        Py_ssize_t inc;
        if (c == '\'') {
            squote++;
            inc = 1;
        }
        else if (c == '"') {
            dquote++;
            inc = 1;
        }
        else if (c == '\\' || c == '\t' || c == '\r' || c == '\n')
            inc = 2;
        else if (c < ' ' || c == 0x7f)
            inc = 4;
        else if (c < 0x7f)
            inc = 1;
        else if (_PyUnicode_IsPrintable(c)) {
            inc = 1;
            if (c > maxc)
                maxc = c;
        }
        else if (c < 0x100)
            inc = 4;
        else if (c < 0x10000)
            inc = 6;
        else
            inc = 10;
        if (outlen > PY_SSIZE_T_MAX - inc - 2) {
            PyErr_SetString(PyExc_OverflowError, "string is too long to generate repr");
            return NULL;
        }
        outlen += inc;
    }
    Py_UCS4 quote = '\'';
    int escape_quote = 0;
    if (squote) {
        if (dquote) {
            escape_quote = 1;
            outlen += squote;
        }
        else
            quote = '"';
    }
    PyObject *r = PyUnicode_New(outlen, maxc);
    if (r == NULL)
        return NULL;
    int rk = PyUnicode_KIND(r);
    void *rd = PyUnicode_DATA(r);
    Py_ssize_t o = 0;
    static const char hex[] = "0123456789abcdef";
    PyUnicode_WRITE(rk, rd, o++, quote);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if ((c == quote && escape_quote) || c == '\\') {
            PyUnicode_WRITE(rk, rd, o++, '\\');
            PyUnicode_WRITE(rk, rd, o++, c);
        }
        else if (c == quote) {
            PyUnicode_WRITE(rk, rd, o++, c);
        }
        else if (c == '\t' || c == '\n' || c == '\r') {
            PyUnicode_WRITE(rk, rd, o++, '\\');
            PyUnicode_WRITE(rk, rd, o++, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        }
        else if (c < ' ' || c == 0x7f) {
            PyUnicode_WRITE(rk, rd, o++, '\\');
            PyUnicode_WRITE(rk, rd, o++, 'x');
            PyUnicode_WRITE(rk, rd, o++, hex[(c >> 4) & 0xf]);
            PyUnicode_WRITE(rk, rd, o++, hex[c & 0xf]);
        }
        else if (c < 0x7f || _PyUnicode_IsPrintable(c)) {
            PyUnicode_WRITE(rk, rd, o++, c);
        }
        else {
            int digits;
            PyUnicode_WRITE(rk, rd, o++, '\\');
            if (c < 0x100) {
                PyUnicode_WRITE(rk, rd, o++, 'x');
                digits = 2;
            }
            else if (c < 0x10000) {
                PyUnicode_WRITE(rk, rd, o++, 'u');
                digits = 4;
            }
            else {
                PyUnicode_WRITE(rk, rd, o++, 'U');
                digits = 8;
            }
            for (int k = digits - 1; k >= 0; k--)
                PyUnicode_WRITE(rk, rd, o++, hex[(c >> (4 * k)) & 0xf]);
        }
    }
    PyUnicode_WRITE(rk, rd, o++, quote);
    return r;
}

static PyObject *unicode_repr(PyObject *s) { return _PyUnicode_EscapeRepr(s); }

static PyObject *unicode_str(PyObject *s)
{
    if (PyUnicode_CheckExact(s))
        return Py_NewRef(s);
    return _PyUnicode_Copy(s);
}

/* ---- sequence and mapping protocol ---------------------------------------------------- */

static Py_ssize_t unicode_length(PyObject *s) { return PyUnicode_GET_LENGTH(s); }

static PyObject *unicode_getitem(PyObject *s, Py_ssize_t i)
{
    if (i < 0 || i >= PyUnicode_GET_LENGTH(s)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return _KrUnicode_Char(PyUnicode_READ_CHAR(s, i));
}

static PyObject *unicode_subscript(PyObject *s, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += PyUnicode_GET_LENGTH(s);
        return unicode_getitem(s, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t n = PySlice_AdjustIndices(PyUnicode_GET_LENGTH(s), &start, &stop, step);
        if (step == 1 && n == PyUnicode_GET_LENGTH(s) && PyUnicode_CheckExact(s))
            return Py_NewRef(s);
        return _KrUnicode_Slice(s, start, step, n);
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *unicode_concat_slot(PyObject *a, PyObject *b) { return PyUnicode_Concat(a, b); }

static PyObject *unicode_repeat_slot(PyObject *s, Py_ssize_t n) { return _KrUnicode_Repeat(s, n); }

static int unicode_contains_slot(PyObject *s, PyObject *el) { return PyUnicode_Contains(s, el); }

static PyObject *unicode_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return PyUnicode_Format(v, w);
}

static PyNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = unicode_concat_slot,
    .sq_repeat = unicode_repeat_slot,
    .sq_item = unicode_getitem,
    .sq_contains = unicode_contains_slot,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

/* ---- iterator -------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq; /* NULL when exhausted */
} unicodeiterobject;

static PyObject *unicode_iter(PyObject *s)
{
    unicodeiterobject *it = PyObject_GC_New(
        unicodeiterobject, PyUnicode_IS_ASCII(s) ? &_PyUnicodeASCIIIter_Type : &PyUnicodeIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->seq = Py_NewRef(s);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void unicodeiter_dealloc(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->seq);
    PyObject_GC_Del(op);
}

static int unicodeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((unicodeiterobject *)op)->seq);
    return 0;
}

static PyObject *unicodeiter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *s = it->seq;
    if (s == NULL)
        return NULL;
    if (it->index < PyUnicode_GET_LENGTH(s))
        return _KrUnicode_Char(PyUnicode_READ_CHAR(s, it->index++));
    it->seq = NULL;
    Py_DECREF(s);
    return NULL;
}

static PyObject *unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t n = 0;
    if (it->seq)
        n = PyUnicode_GET_LENGTH(it->seq) - it->index;
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyObject *unicodeiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *iter = PyDict_GetItemString(PyInterpreterState_Get()->builtins, "iter");
    if (iter == NULL)
        return NULL;
    if (it->seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->seq, it->index);
    PyObject *e = _KrUnicode_Empty();
    PyObject *r = Py_BuildValue("O(N)", iter, e);
    return r;
}

static PyObject *unicodeiter_setstate(PyObject *op, PyObject *state)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyUnicode_GET_LENGTH(it->seq))
            index = PyUnicode_GET_LENGTH(it->seq);
        it->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", unicodeiter_len, METH_NOARGS, NULL},
    {"__reduce__", unicodeiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", unicodeiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

/* Iterators over ASCII strings have their own type name in CPython. */
PyTypeObject _PyUnicodeASCIIIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

/* ---- construction: str(object), str(bytes, encoding, errors) --------------------------- */

static PyObject *unicode_subtype_new(PyTypeObject *type, PyObject *exact)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(exact);
    int kind = PyUnicode_KIND(exact);
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    PyASCIIObject *a = (PyASCIIObject *)self;
    PyUnicodeObject *u = (PyUnicodeObject *)self;
    a->length = n;
    a->hash = -1;
    a->state.interned = 0;
    a->state.kind = (unsigned)kind;
    a->state.compact = 0;
    a->state.ascii = PyUnicode_IS_ASCII(exact);
    a->state.statically_allocated = 0;
    u->_base.utf8 = NULL;
    u->_base.utf8_length = 0;
    u->data = PyObject_Malloc((size_t)((n + 1) * kind));
    if (u->data == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memcpy(u->data, PyUnicode_DATA(exact), (size_t)((n + 1) * kind));
    return self;
}

static PyObject *unicode_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL)
        return _KrUnicode_Empty();
    if (encoding == NULL && errors == NULL)
        return PyObject_Str(x);
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(x, &view, PyBUF_SIMPLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "decoding to str: need a bytes-like object, %.80s found",
                         Py_TYPE(x)->tp_name);
        }
        return NULL;
    }
    PyObject *r = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return r;
}

static int str_arg(PyObject *o, const char *name, const char **out)
{
    if (o == NULL)
        return 0;
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "str() argument '%s' must be str, not %.50s", name,
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8(o);
    if (*out == NULL)
        return -1;
    if (strlen(*out) != (size_t)PyUnicode_GET_LENGTH(o) && PyUnicode_IS_ASCII(o)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

static PyObject *unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    PyObject *vals[3] = {NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "str() takes at most 3 arguments (%zd given)", nargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        vals[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            int found = 0;
            for (int j = 0; j < 3; j++) {
                if (PyUnicode_Check(k) && _PyUnicode_EqualToASCIIString(k, names[j])) {
                    if (vals[j] != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "argument for str() given by name ('%s') and position (%d)",
                                     names[j], j + 1);
                        return NULL;
                    }
                    vals[j] = v;
                    found = 1;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError, "str() got an unexpected keyword argument '%S'", k);
                return NULL;
            }
        }
    }
    const char *enc = NULL, *err = NULL;
    if (str_arg(vals[1], "encoding", &enc) < 0 || str_arg(vals[2], "errors", &err) < 0)
        return NULL;
    PyObject *u = unicode_new_impl(vals[0], enc, err);
    if (u == NULL || type == &PyUnicode_Type)
        return u;
    if (!PyUnicode_CheckExact(u)) {
        PyObject *c = _PyUnicode_Copy(u);
        Py_DECREF(u);
        u = c;
        if (u == NULL)
            return NULL;
    }
    PyObject *r = unicode_subtype_new(type, u);
    Py_DECREF(u);
    return r;
}

static PyObject *unicode_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (nargs == 0 && type == (PyObject *)&PyUnicode_Type)
            return _KrUnicode_Empty();
        if (nargs == 1 && type == (PyObject *)&PyUnicode_Type) {
            if (PyLong_CheckExact(args[0])) {
                PyObject *r = _KrUnicode_FromSmallInt(args[0]);
                if (r != NULL)
                    return r;
            }
            return PyObject_Str(args[0]);
        }
    }
    PyObject *tup = _PyTuple_FromArray(args, nargs);
    if (tup == NULL)
        return NULL;
    PyObject *kw = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames)) {
        kw = _PyStack_AsDict(args + nargs, kwnames);
        if (kw == NULL) {
            Py_DECREF(tup);
            return NULL;
        }
    }
    PyObject *r = unicode_new((PyTypeObject *)type, tup, kw);
    Py_DECREF(tup);
    Py_XDECREF(kw);
    return r;
}

static const char unicode_doc[] =
    "str(object='') -> str\n"
    "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
    "Create a new string object from the given object. If encoding or\n"
    "errors is specified, then the object must expose a data buffer\n"
    "that will be decoded using the given encoding and error handler.\n"
    "Otherwise, returns the result of object.__str__() (if defined)\n"
    "or repr(object).\n"
    "encoding defaults to 'utf-8'.\n"
    "errors defaults to 'strict'.";

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = unicode_doc,
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = unicode_iter,
    .tp_methods = _KrUnicode_Methods,
    .tp_base = &PyBaseObject_Type,
    .tp_new = unicode_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = unicode_vectorcall,
};
