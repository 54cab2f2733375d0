/* printf-style formatting: str % args (PyUnicode_Format) and bytes % args. One engine
 * serves both; only the output sink and the %s/%r/%c conversions differ. */
#include "Python.h"
#include "unicode_internal.h"

typedef struct {
    int bytes;          /* 1: bytes/bytearray output */
    _PyUnicodeWriter w;
    KrByteBuf b;
    /* the format: a str (text mode) or raw bytes */
    PyObject *ufmt;
    const unsigned char *bfmt;
    Py_ssize_t fmtlen;
} Fmt;

static Py_UCS4 fch(Fmt *f, Py_ssize_t i)
{
    return f->bytes ? f->bfmt[i] : PyUnicode_READ_CHAR(f->ufmt, i);
}

static int out_ascii(Fmt *f, const char *s, Py_ssize_t n)
{
    if (f->bytes)
        return _KrByteBuf_Put(&f->b, s, n);
    return _PyUnicodeWriter_WriteASCIIString(&f->w, s, n);
}

static int out_fill(Fmt *f, Py_UCS4 c, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (f->bytes) {
        if (_KrByteBuf_Reserve(&f->b, n) < 0)
            return -1;
        memset(f->b.buf + f->b.len, (int)c, (size_t)n);
        f->b.len += n;
        return 0;
    }
    return _KrUnicodeWriter_Fill(&f->w, c, n);
}

/* Writes `body` (str in text mode, bytes in bytes mode) padded to width. */
static int out_padded(Fmt *f, PyObject *body, Py_ssize_t len, Py_ssize_t width, int left)
{
    if (!left && width > len && out_fill(f, ' ', width - len) < 0)
        return -1;
    int r;
    if (f->bytes)
        r = _KrByteBuf_Put(&f->b, PyBytes_AS_STRING(body), len);
    else
        r = _PyUnicodeWriter_WriteSubstring(&f->w, body, 0, len);
    if (r < 0)
        return -1;
    if (left && width > len && out_fill(f, ' ', width - len) < 0)
        return -1;
    return 0;
}

typedef struct {
    int left, sign, space, alt, zero;
    Py_ssize_t width, prec;
    Py_UCS4 type;
} Conv;

/* Sign, prefix and digits laid out with width, '-' and '0' flags. */
static int out_number(Fmt *f, const Conv *c, int negative, const char *prefix,
                      const char *body, Py_ssize_t blen)
{
    char signc = negative ? '-' : c->sign ? '+' : c->space ? ' ' : 0;
    Py_ssize_t plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t total = (signc ? 1 : 0) + plen + blen;
    Py_ssize_t pad = c->width > total ? c->width - total : 0;
    if (!c->left && !c->zero && out_fill(f, ' ', pad) < 0)
        return -1;
    if (signc && out_ascii(f, &signc, 1) < 0)
        return -1;
    if (out_ascii(f, prefix, plen) < 0)
        return -1;
    if (!c->left && c->zero && out_fill(f, '0', pad) < 0)
        return -1;
    if (out_ascii(f, body, blen) < 0)
        return -1;
    if (c->left && out_fill(f, ' ', pad) < 0)
        return -1;
    return 0;
}

static int format_int(Fmt *f, Conv *c, PyObject *v)
{
    PyObject *iobj;
    int t = (int)c->type;
    if (PyLong_Check(v))
        iobj = Py_NewRef(v);
    else if (PyNumber_Check(v)) {
        iobj = (t == 'o' || t == 'x' || t == 'X') ? PyNumber_Index(v) : PyNumber_Long(v);
        if (iobj == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                goto type_error;
            }
            return -1;
        }
    }
    else
        goto type_error;
    PyObject *s = (t == 'o' || t == 'x' || t == 'X') ? _PyLong_Format(iobj, t == 'o' ? 8 : 16)
                                                     : PyLong_Type.tp_repr(iobj);
    Py_DECREF(iobj);
    if (s == NULL)
        return -1;
    Py_ssize_t len;
    const char *p = PyUnicode_AsUTF8AndSize(s, &len);
    if (p == NULL) {
        Py_DECREF(s);
        return -1;
    }
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
        len--;
    }
    if ((t == 'o' || t == 'x' || t == 'X') && len >= 2 && p[0] == '0') {
        p += 2;
        len -= 2;
    }
    Py_ssize_t zeros = c->prec > len ? c->prec - len : 0;
    char *buf = PyMem_Malloc((size_t)(len + zeros + 1));
    if (buf == NULL) {
        Py_DECREF(s);
        PyErr_NoMemory();
        return -1;
    }
    memset(buf, '0', (size_t)zeros);
    for (Py_ssize_t i = 0; i < len; i++)
        buf[zeros + i] = (t == 'X' && p[i] >= 'a' && p[i] <= 'f') ? (char)(p[i] - 32) : p[i];
    const char *prefix = "";
    if (c->alt) {
        if (t == 'o')
            prefix = "0o";
        else if (t == 'x')
            prefix = "0x";
        else if (t == 'X')
            prefix = "0X";
    }
    int r = out_number(f, c, negative, prefix, buf, len + zeros);
    PyMem_Free(buf);
    Py_DECREF(s);
    return r;
type_error:
    if (t == 'o' || t == 'x' || t == 'X')
        PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s", t,
                     Py_TYPE(v)->tp_name);
    else
        PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s",
                     (f->bytes && t == 'i') ? 'd' : t, Py_TYPE(v)->tp_name);
    return -1;
}

static int format_float(Fmt *f, Conv *c, PyObject *v)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, f->bytes ? "float argument required, not %.200s"
                                                   : "must be real number, not %.200s",
                         Py_TYPE(v)->tp_name);
        }
        return -1;
    }
    int t = (int)c->type, upper = 0;
    if (t == 'E' || t == 'F' || t == 'G') {
        upper = 1;
        t = t - 'A' + 'a';
    }
    Py_ssize_t prec = c->prec < 0 ? 6 : c->prec;
    char *buf = PyOS_double_to_string(x, (char)t, (int)prec, c->alt ? Py_DTSF_ALT : 0, NULL);
    if (buf == NULL)
        return -1;
    char *p = buf;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    if (upper)
        for (char *q = p; *q; q++)
            if (*q >= 'a' && *q <= 'z')
                *q = (char)(*q - 32);
    int r = out_number(f, c, negative, "", p, (Py_ssize_t)strlen(p));
    PyMem_Free(buf);
    return r;
}

static int format_char(Fmt *f, Conv *c, PyObject *v)
{
    Py_UCS4 ch;
    if (f->bytes) {
        if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1)
            ch = (unsigned char)PyBytes_AS_STRING(v)[0];
        else if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1)
            ch = (unsigned char)PyByteArray_AS_STRING(v)[0];
        else {
            PyObject *iv = PyNumber_Index(v);
            if (iv == NULL) {
                if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                    PyErr_Clear();
                    PyErr_SetString(PyExc_TypeError,
                                    "%c requires an integer in range(256) or a single byte");
                }
                return -1;
            }
            int overflow;
            long x = PyLong_AsLongAndOverflow(iv, &overflow);
            Py_DECREF(iv);
            if (x == -1 && PyErr_Occurred())
                return -1;
            if (overflow || x < 0 || x > 255) {
                PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                return -1;
            }
            ch = (Py_UCS4)x;
        }
        char cc = (char)ch;
        PyObject *b = PyBytes_FromStringAndSize(&cc, 1);
        if (b == NULL)
            return -1;
        int r = out_padded(f, b, 1, c->width, c->left);
        Py_DECREF(b);
        return r;
    }
    if (PyUnicode_Check(v)) {
        if (PyUnicode_GET_LENGTH(v) != 1) {
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            return -1;
        }
        ch = PyUnicode_READ_CHAR(v, 0);
    }
    else {
        if (!PyLong_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            return -1;
        }
        int overflow;
        long x = PyLong_AsLongAndOverflow(v, &overflow);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (overflow || x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        ch = (Py_UCS4)x;
    }
    PyObject *s = _KrUnicode_Char(ch);
    if (s == NULL)
        return -1;
    int r = out_padded(f, s, 1, c->width, c->left);
    Py_DECREF(s);
    return r;
}

static PyObject *bytes_for_b(PyObject *v)
{
    if (PyBytes_Check(v))
        return Py_NewRef(v);
    if (PyObject_CheckBuffer(v))
        return _KrBytes_FromBuffer(v);
    PyObject *meth = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (meth != NULL) {
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r != NULL && !PyBytes_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (PyErr_Occurred())
        return NULL;
    PyErr_Format(PyExc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

static int format_text(Fmt *f, Conv *c, PyObject *v)
{
    PyObject *s;
    int t = (int)c->type;
    if (f->bytes) {
        if (t == 'r' || t == 'a') {
            PyObject *u = PyObject_ASCII(v);
            if (u == NULL)
                return -1;
            s = PyUnicode_AsEncodedString(u, "ascii", NULL);
            Py_DECREF(u);
        }
        else
            s = bytes_for_b(v);
        if (s == NULL)
            return -1;
        Py_ssize_t len = PyBytes_GET_SIZE(s);
        if (c->prec >= 0 && len > c->prec)
            len = c->prec;
        int r = out_padded(f, s, len, c->width, c->left);
        Py_DECREF(s);
        return r;
    }
    s = t == 's' ? PyObject_Str(v) : t == 'r' ? PyObject_Repr(v) : PyObject_ASCII(v);
    if (s == NULL)
        return -1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (c->prec >= 0 && len > c->prec)
        len = c->prec;
    int r = out_padded(f, s, len, c->width, c->left);
    Py_DECREF(s);
    return r;
}

static PyObject *run(Fmt *f, PyObject *args)
{
    PyObject *dict = NULL;
    Py_ssize_t argidx = 0;
    /* -1: a single non-tuple argument, used as is */
    Py_ssize_t arglen = PyTuple_Check(args) ? PyTuple_GET_SIZE(args) : -1;
    if (Py_TYPE(args)->tp_as_mapping && Py_TYPE(args)->tp_as_mapping->mp_subscript &&
        !PyTuple_Check(args) && !PyUnicode_Check(args) && !PyBytes_Check(args) &&
        !PyByteArray_Check(args))
        dict = args;
    Py_ssize_t i = 0, n = f->fmtlen;
#define NEXTARG(dst)                                                                   \
    do {                                                                               \
        if (arglen < 0) {                                                              \
            if (argidx > 0) goto not_enough;                                           \
            argidx = 1;                                                                \
            dst = args;                                                                \
        }                                                                              \
        else {                                                                         \
            if (argidx >= arglen) goto not_enough;                                     \
            dst = PyTuple_GET_ITEM(args, argidx++);                                    \
        }                                                                              \
    } while (0)
    while (i < n) {
        Py_ssize_t j = i;
        while (j < n && fch(f, j) != '%')
            j++;
        if (j > i) {
            int r;
            if (f->bytes)
                r = _KrByteBuf_Put(&f->b, (const char *)f->bfmt + i, j - i);
            else
                r = _PyUnicodeWriter_WriteSubstring(&f->w, f->ufmt, i, j);
            if (r < 0)
                return NULL;
        }
        if (j >= n)
            break;
        Py_ssize_t start = j;
        i = j + 1;
        if (i >= n) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            return NULL;
        }
        PyObject *v = NULL, *keyed = NULL;
        if (fch(f, i) == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                return NULL;
            }
            Py_ssize_t depth = 1, ks = ++i;
            while (i < n && depth) {
                Py_UCS4 ch = fch(f, i);
                if (ch == '(')
                    depth++;
                else if (ch == ')')
                    depth--;
                i++;
            }
            if (depth) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                return NULL;
            }
            PyObject *key = f->bytes ? PyBytes_FromStringAndSize((const char *)f->bfmt + ks, i - 1 - ks)
                                     : PyUnicode_Substring(f->ufmt, ks, i - 1);
            if (key == NULL)
                return NULL;
            keyed = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (keyed == NULL)
                return NULL;
            arglen = -1;
            argidx = -2; /* a mapping was used: leftover arguments are not an error */
        }
        Conv c = {0, 0, 0, 0, 0, -1, -1, 0};
        for (; i < n; i++) {
            Py_UCS4 ch = fch(f, i);
            if (ch == '-')
                c.left = 1;
            else if (ch == '+')
                c.sign = 1;
            else if (ch == ' ')
                c.space = 1;
            else if (ch == '#')
                c.alt = 1;
            else if (ch == '0')
                c.zero = 1;
            else
                break;
        }
        if (i < n && fch(f, i) == '*') {
            PyObject *wv;
            NEXTARG(wv);
            if (!PyLong_Check(wv)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto fail_keyed;
            }
            c.width = PyLong_AsSsize_t(wv);
            if (c.width == -1 && PyErr_Occurred())
                goto fail_keyed;
            if (c.width < 0) {
                c.left = 1;
                c.width = -c.width;
            }
            i++;
        }
        else {
            while (i < n && fch(f, i) >= '0' && fch(f, i) <= '9') {
                if (c.width < 0)
                    c.width = 0;
                if (c.width > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    goto fail_keyed;
                }
                c.width = c.width * 10 + (fch(f, i) - '0');
                i++;
            }
        }
        if (i < n && fch(f, i) == '.') {
            i++;
            c.prec = 0;
            if (i < n && fch(f, i) == '*') {
                PyObject *pv;
                NEXTARG(pv);
                if (!PyLong_Check(pv)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto fail_keyed;
                }
                c.prec = PyLong_AsSsize_t(pv);
                if (c.prec == -1 && PyErr_Occurred())
                    goto fail_keyed;
                if (c.prec < 0)
                    c.prec = 0;
                i++;
            }
            else {
                while (i < n && fch(f, i) >= '0' && fch(f, i) <= '9') {
                    if (c.prec > (PY_SSIZE_T_MAX - 9) / 10) {
                        PyErr_SetString(PyExc_ValueError, "precision too big");
                        goto fail_keyed;
                    }
                    c.prec = c.prec * 10 + (fch(f, i) - '0');
                    i++;
                }
            }
        }
        while (i < n && (fch(f, i) == 'h' || fch(f, i) == 'l' || fch(f, i) == 'L'))
            i++;
        if (i >= n) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto fail_keyed;
        }
        c.type = fch(f, i++);
        if (c.type == '%' && i == start + 2) {
            if (out_ascii(f, "%", 1) < 0)
                goto fail_keyed;
            Py_XDECREF(keyed);
            continue;
        }
        if (keyed)
            v = keyed;
        else
            NEXTARG(v);
        if (c.left)
            c.zero = 0;
        int r;
        switch (c.type) {
        case 's': case 'r': case 'a':
            r = format_text(f, &c, v);
            break;
        case 'b':
            if (!f->bytes)
                goto unsupported;
            c.type = 's';
            r = format_text(f, &c, v);
            break;
        case 'd': case 'i': case 'u':
        case 'o': case 'x': case 'X':
            r = format_int(f, &c, v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = format_float(f, &c, v);
            break;
        case 'c':
            r = format_char(f, &c, v);
            break;
        case '%':
        default:
        unsupported:
            if (c.type < 128 && c.type >= 32)
                PyErr_Format(PyExc_ValueError,
                             "unsupported format character '%c' (0x%x) at index %zd",
                             (int)c.type, (unsigned)c.type, i - 1);
            else
                PyErr_Format(PyExc_ValueError,
                             "unsupported format character '\\x%x' (0x%x) at index %zd",
                             (unsigned)c.type, (unsigned)c.type, i - 1);
            r = -1;
        }
        Py_XDECREF(keyed);
        if (r < 0)
            return NULL;
        continue;
    fail_keyed:
        Py_XDECREF(keyed);
        return NULL;
    }
    if (argidx >= 0 && dict == NULL && ((arglen < 0 && argidx == 0) || (arglen >= 0 && argidx < arglen))) {
        PyErr_SetString(PyExc_TypeError,
                        f->bytes ? "not all arguments converted during bytes formatting"
                                 : "not all arguments converted during string formatting");
        return NULL;
    }
    return Py_None; /* success marker, not a reference */
not_enough:
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
#undef NEXTARG
}

PyObject *PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL || !PyUnicode_Check(format)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Fmt f;
    memset(&f, 0, sizeof f);
    f.ufmt = format;
    f.fmtlen = PyUnicode_GET_LENGTH(format);
    _PyUnicodeWriter_Init(&f.w);
    f.w.min_length = f.fmtlen + 100;
    f.w.overallocate = 1;
    if (run(&f, args) == NULL) {
        _PyUnicodeWriter_Dealloc(&f.w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&f.w);
}

PyObject *_KrBytes_Format(const char *fmt, Py_ssize_t fmtlen, PyObject *args, int is_bytearray)
{
    Fmt f;
    memset(&f, 0, sizeof f);
    f.bytes = 1;
    f.bfmt = (const unsigned char *)fmt;
    f.fmtlen = fmtlen;
    if (run(&f, args) == NULL) {
        _KrByteBuf_Free(&f.b);
        return NULL;
    }
    return is_bytearray ? _KrByteBuf_FinishByteArray(&f.b) : _KrByteBuf_FinishBytes(&f.b);
}
