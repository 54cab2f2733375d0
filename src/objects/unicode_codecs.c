/* The built-in codecs of str: UTF-8/16/32, Latin-1, ASCII, the 8-bit charmaps, unicode_escape and
 * raw_unicode_escape, with the standard error handlers. Codec lookup by name for other
 * encodings goes through the registry in src/vm/codecs.c. */
#include "Python.h"
#include "unicode_internal.h"
#include "unicode_charmaps.h"

/* ---- byte buffer -------------------------------------------------------------------- */

int _KrByteBuf_Reserve(KrByteBuf *b, Py_ssize_t extra)
{
    if (extra > PY_SSIZE_T_MAX - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t need = b->len + extra;
    if (need <= b->cap)
        return 0;
    Py_ssize_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap = cap > PY_SSIZE_T_MAX / 2 ? need : cap * 2;
    char *n = PyMem_Realloc(b->buf, (size_t)cap + 1);
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = n;
    b->cap = cap;
    return 0;
}

int _KrByteBuf_Put(KrByteBuf *b, const void *p, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (_KrByteBuf_Reserve(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, p, (size_t)n);
    b->len += n;
    return 0;
}

PyObject *_KrByteBuf_FinishBytes(KrByteBuf *b)
{
    PyObject *r = PyBytes_FromStringAndSize(b->buf ? b->buf : "", b->len);
    _KrByteBuf_Free(b);
    return r;
}

PyObject *_KrByteBuf_FinishByteArray(KrByteBuf *b)
{
    PyObject *r = PyByteArray_FromStringAndSize(b->buf ? b->buf : "", b->len);
    _KrByteBuf_Free(b);
    return r;
}

void _KrByteBuf_Free(KrByteBuf *b)
{
    PyMem_Free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
}

/* ---- error handlers ------------------------------------------------------------------- */

int _KrCodec_IsStrict(const char *errors)
{
    return errors == NULL || strcmp(errors, "strict") == 0;
}

static PyObject *make_decode_error(const char *encoding, const char *input, Py_ssize_t insize,
                                   Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *args = Py_BuildValue("(sy#nns)", encoding, input, insize, start, end, reason);
    if (args == NULL)
        return NULL;
    PyObject *exc = PyObject_Call(PyExc_UnicodeDecodeError, args, NULL);
    Py_DECREF(args);
    return exc;
}

static PyObject *make_encode_error(const char *encoding, PyObject *u, Py_ssize_t start,
                                   Py_ssize_t end, const char *reason)
{
    PyObject *args = Py_BuildValue("(sOnns)", encoding, u, start, end, reason);
    if (args == NULL)
        return NULL;
    PyObject *exc = PyObject_Call(PyExc_UnicodeEncodeError, args, NULL);
    Py_DECREF(args);
    return exc;
}

static void raise_exc(PyObject *exc)
{
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
}

/* Calls a registered handler: it must return (replacement, newpos). */
static int call_handler(const char *errors, PyObject *exc, Py_ssize_t inlen, int want_str,
                        PyObject **repl, Py_ssize_t *newpos, int encoding)
{
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        Py_DECREF(exc);
        return -1;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    Py_DECREF(exc);
    if (res == NULL)
        return -1;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !(PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) ||
          (!want_str && PyBytes_Check(PyTuple_GET_ITEM(res, 0)))) ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        PyErr_SetString(PyExc_TypeError,
                        encoding ? "encoding error handler must return (str/bytes, int) tuple"
                                 : "decoding error handler must return (str, int) tuple");
        Py_DECREF(res);
        return -1;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (pos == -1 && PyErr_Occurred()) {
        Py_DECREF(res);
        return -1;
    }
    if (pos < 0)
        pos += inlen;
    if (pos < 0 || pos > inlen) {
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        Py_DECREF(res);
        return -1;
    }
    *repl = Py_NewRef(PyTuple_GET_ITEM(res, 0));
    *newpos = pos;
    Py_DECREF(res);
    return 0;
}

int _KrCodec_DecodeError(const char *errors, const char *encoding, const char *reason,
                         const char *input, Py_ssize_t insize, Py_ssize_t start,
                         Py_ssize_t end, _PyUnicodeWriter *w, Py_ssize_t *newpos)
{
    static const char hex[] = "0123456789abcdef";
    if (_KrCodec_IsStrict(errors)) {
        raise_exc(make_decode_error(encoding, input, insize, start, end, reason));
        return -1;
    }
    if (strcmp(errors, "ignore") == 0) {
        *newpos = end;
        return 0;
    }
    if (strcmp(errors, "replace") == 0) {
        *newpos = end;
        return _PyUnicodeWriter_WriteChar(w, Py_UNICODE_REPLACEMENT_CHARACTER);
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        Py_ssize_t i;
        for (i = start; i < end; i++)
            if ((unsigned char)input[i] < 128)
                break;
        if (i == start) {
            raise_exc(make_decode_error(encoding, input, insize, start, end, reason));
            return -1;
        }
        for (Py_ssize_t j = start; j < i; j++)
            if (_PyUnicodeWriter_WriteChar(w, 0xDC00 + (unsigned char)input[j]) < 0)
                return -1;
        *newpos = i;
        return 0;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        for (Py_ssize_t j = start; j < end; j++) {
            unsigned char c = (unsigned char)input[j];
            char buf[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            if (_PyUnicodeWriter_WriteASCIIString(w, buf, 4) < 0)
                return -1;
        }
        *newpos = end;
        return 0;
    }
    PyObject *exc = make_decode_error(encoding, input, insize, start, end, reason);
    if (exc == NULL)
        return -1;
    if (strcmp(errors, "surrogatepass") == 0 || strcmp(errors, "xmlcharrefreplace") == 0 ||
        strcmp(errors, "namereplace") == 0) {
        if (strcmp(errors, "surrogatepass") == 0) {
            raise_exc(exc);
            return -1;
        }
        PyErr_Format(PyExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        Py_DECREF(exc);
        return -1;
    }
    PyObject *repl;
    if (call_handler(errors, exc, insize, 1, &repl, newpos, 0) < 0)
        return -1;
    int r = _PyUnicodeWriter_WriteStr(w, repl);
    Py_DECREF(repl);
    return r;
}

static int write_backslash_escape(_PyUnicodeWriter *w, Py_UCS4 c)
{
    char buf[12];
    int n;
    if (c < 0x100)
        n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    else if (c < 0x10000)
        n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else
        n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    return _PyUnicodeWriter_WriteASCIIString(w, buf, n);
}

int _KrCodec_EncodeError(const char *errors, const char *encoding, const char *reason,
                         PyObject *u, Py_ssize_t start, Py_ssize_t end, PyObject **repl,
                         Py_ssize_t *newpos)
{
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    if (_KrCodec_IsStrict(errors)) {
        raise_exc(make_encode_error(encoding, u, start, end, reason));
        return -1;
    }
    *newpos = end;
    if (strcmp(errors, "ignore") == 0) {
        *repl = _KrUnicode_Empty();
        return 0;
    }
    if (strcmp(errors, "replace") == 0) {
        PyObject *q = _KrUnicode_Char('?');
        *repl = _KrUnicode_Repeat(q, end - start);
        Py_DECREF(q);
        return *repl ? 0 : -1;
    }
    if (strcmp(errors, "backslashreplace") == 0 || strcmp(errors, "xmlcharrefreplace") == 0 ||
        strcmp(errors, "namereplace") == 0) {
        int mode = errors[0] == 'b' ? 0 : errors[0] == 'x' ? 1 : 2;
        _PyUnicodeWriter w;
        _PyUnicodeWriter_Init(&w);
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, d, i);
            int r;
            if (mode == 1) {
                char buf[16];
                int n = snprintf(buf, sizeof buf, "&#%u;", (unsigned)c);
                r = _PyUnicodeWriter_WriteASCIIString(&w, buf, n);
            }
            else if (mode == 2) {
                char name[128];
                if (_KrUnicode_GetName(c, name, sizeof name)) {
                    r = _PyUnicodeWriter_WriteASCIIString(&w, "\\N{", 3);
                    if (r == 0)
                        r = _PyUnicodeWriter_WriteASCIIString(&w, name, (Py_ssize_t)strlen(name));
                    if (r == 0)
                        r = _PyUnicodeWriter_WriteChar(&w, '}');
                }
                else
                    r = write_backslash_escape(&w, c);
            }
            else
                r = write_backslash_escape(&w, c);
            if (r < 0) {
                _PyUnicodeWriter_Dealloc(&w);
                return -1;
            }
        }
        *repl = _PyUnicodeWriter_Finish(&w);
        return *repl ? 0 : -1;
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        char buf[64];
        KrByteBuf b = {0};
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, d, i);
            if (c < 0xDC80 || c > 0xDCFF) {
                if (i > start && strcmp(encoding, "charmap") != 0) {
                    /* the UTF-8, Latin-1 and ASCII encoders escape what they can and come
                     * back for the rest; other codecs treat the range as a whole */
                    *newpos = i;
                    break;
                }
                _KrByteBuf_Free(&b);
                raise_exc(make_encode_error(encoding, u, start, end, reason));
                return -1;
            }
            buf[0] = (char)(c - 0xDC00);
            if (_KrByteBuf_Put(&b, buf, 1) < 0)
                return -1;
        }
        *repl = _KrByteBuf_FinishBytes(&b);
        return *repl ? 0 : -1;
    }
    if (strcmp(errors, "surrogatepass") == 0) {
        raise_exc(make_encode_error(encoding, u, start, end, reason));
        return -1;
    }
    PyObject *exc = make_encode_error(encoding, u, start, end, reason);
    if (exc == NULL)
        return -1;
    return call_handler(errors, exc, PyUnicode_GET_LENGTH(u), 0, repl, newpos, 1);
}

/* ---- UTF-8 -------------------------------------------------------------------------- */

static int utf8_errors_surrogatepass(const char *errors)
{
    return errors != NULL && strcmp(errors, "surrogatepass") == 0;
}

/* Length and largest code point of well-formed UTF-8, or -1 if anything is off (the
 * slow path with error handling takes over then). */
static Py_ssize_t utf8_scan(const unsigned char *p, Py_ssize_t size, Py_UCS4 *maxchar)
{
    Py_ssize_t n = 0, i = 0;
    Py_UCS4 m = 0;
    while (i < size) {
        unsigned c = p[i];
        Py_UCS4 ch;
        if (c < 0x80) {
            i++;
            n++;
            if (c > m)
                m = c;
            continue;
        }
        if (c >= 0xC2 && c < 0xE0) {
            if (i + 1 >= size || (p[i + 1] & 0xC0) != 0x80)
                return -1;
            ch = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
            i += 2;
        }
        else if (c >= 0xE0 && c < 0xF0) {
            if (i + 2 >= size || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
                return -1;
            ch = ((c & 0x0F) << 12) | ((Py_UCS4)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
            if (ch < 0x800 || Py_UNICODE_IS_SURROGATE(ch))
                return -1;
            i += 3;
        }
        else if (c >= 0xF0 && c < 0xF5) {
            if (i + 3 >= size || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
                (p[i + 3] & 0xC0) != 0x80)
                return -1;
            ch = ((c & 0x07) << 18) | ((Py_UCS4)(p[i + 1] & 0x3F) << 12) |
                 ((Py_UCS4)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
            if (ch < 0x10000 || ch > KR_MAX_UNICODE)
                return -1;
            i += 4;
        }
        else
            return -1;
        if (ch > m)
            m = ch;
        n++;
    }
    *maxchar = m;
    return n;
}

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors,
                                       Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    while (i < size && p[i] < 0x80)
        i++;
    if (i == size) {
        if (consumed)
            *consumed = size;
        return _KrUnicode_FromUCS1(p, size);
    }
    Py_UCS4 maxc;
    Py_ssize_t len = utf8_scan(p, size, &maxc);
    if (len >= 0) {
        if (consumed)
            *consumed = size;
        if (len == 1)
            return _KrUnicode_Char(maxc);
        PyObject *r = PyUnicode_New(len, maxc);
        if (r == NULL)
            return NULL;
        int kind = PyUnicode_KIND(r);
        void *d = PyUnicode_DATA(r);
        Py_ssize_t o = 0;
        for (Py_ssize_t k = 0; k < size;) {
            unsigned c = p[k];
            Py_UCS4 ch;
            if (c < 0x80) {
                ch = c;
                k++;
            }
            else if (c < 0xE0) {
                ch = ((c & 0x1F) << 6) | (p[k + 1] & 0x3F);
                k += 2;
            }
            else if (c < 0xF0) {
                ch = ((c & 0x0F) << 12) | ((Py_UCS4)(p[k + 1] & 0x3F) << 6) | (p[k + 2] & 0x3F);
                k += 3;
            }
            else {
                ch = ((c & 0x07) << 18) | ((Py_UCS4)(p[k + 1] & 0x3F) << 12) |
                     ((Py_UCS4)(p[k + 2] & 0x3F) << 6) | (p[k + 3] & 0x3F);
                k += 4;
            }
            PyUnicode_WRITE(kind, d, o++, ch);
        }
        return r;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (_PyUnicodeWriter_WriteASCIIString(&w, s, i) < 0)
        goto fail;
    while (i < size) {
        unsigned c = p[i];
        if (c < 0x80) {
            Py_ssize_t j = i;
            while (j < size && p[j] < 0x80)
                j++;
            if (_PyUnicodeWriter_WriteASCIIString(&w, s + i, j - i) < 0)
                goto fail;
            i = j;
            continue;
        }
        const char *reason = NULL;
        Py_ssize_t errend = i + 1;
        Py_UCS4 ch = 0;
        int need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0xC2) {
            reason = "invalid start byte";
            goto error;
        }
        else if (c < 0xE0) {
            need = 1;
            ch = c & 0x1F;
        }
        else if (c < 0xF0) {
            need = 2;
            ch = c & 0x0F;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        }
        else if (c < 0xF5) {
            need = 3;
            ch = c & 0x07;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        }
        else {
            reason = "invalid start byte";
            goto error;
        }
        {
            int k;
            for (k = 1; k <= need; k++) {
                if (i + k >= size) {
                    if (consumed) {
                        /* Incomplete sequence at the end: leave it for the next call. */
                        goto done;
                    }
                    reason = "unexpected end of data";
                    errend = size;
                    goto error;
                }
                unsigned b = p[i + k];
                unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
                if (b < l || b > h) {
                    if (k == 1 && c == 0xED && b >= 0xA0 && b <= 0xBF &&
                        utf8_errors_surrogatepass(errors) && i + 2 < size &&
                        p[i + 2] >= 0x80 && p[i + 2] <= 0xBF) {
                        ch = 0xD000 | ((b & 0x3F) << 6) | (p[i + 2] & 0x3F);
                        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                            goto fail;
                        i += 3;
                        goto next;
                    }
                    reason = "invalid continuation byte";
                    errend = i + k;
                    goto error;
                }
                ch = (ch << 6) | (b & 0x3F);
            }
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto fail;
            i += need + 1;
            continue;
        }
    error: {
        Py_ssize_t np;
        if (_KrCodec_DecodeError(errors, "utf-8", reason, s, size, i, errend, &w, &np) < 0)
            goto fail;
        i = np;
    }
    next:;
    }
done:
    if (consumed)
        *consumed = i;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static int put_utf8(KrByteBuf *b, Py_UCS4 c)
{
    char t[4];
    int n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    }
    else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    }
    else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    }
    else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return _KrByteBuf_Put(b, t, n);
}

/* Appends a handler's replacement: bytes verbatim, str through `limit` (chars at or
 * above it are unencodable and raise for the original range). */
static int put_replacement(KrByteBuf *b, PyObject *repl, Py_UCS4 limit, int utf8,
                           const char *encoding, PyObject *u, Py_ssize_t start,
                           Py_ssize_t end, const char *reason)
{
    if (PyBytes_Check(repl))
        return _KrByteBuf_Put(b, PyBytes_AS_STRING(repl), PyBytes_GET_SIZE(repl));
    Py_ssize_t n = PyUnicode_GET_LENGTH(repl);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(repl, i);
        if (c >= limit || (utf8 && Py_UNICODE_IS_SURROGATE(c))) {
            raise_exc(make_encode_error(encoding, u, start, end, reason));
            return -1;
        }
        if (utf8 ? put_utf8(b, c) < 0 : _KrByteBuf_PutByte(b, (int)c) < 0)
            return -1;
    }
    return 0;
}

PyObject *_KrUnicode_EncodeUTF8(PyObject *u, const char *errors)
{
    if (PyUnicode_IS_ASCII(u))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(u), PyUnicode_GET_LENGTH(u));
    if (!PyUnicode_IS_ASCII(u) && ((PyCompactUnicodeObject *)u)->utf8 != NULL) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)u;
        return PyBytes_FromStringAndSize(c->utf8, c->utf8_length);
    }
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    KrByteBuf b = {0};
    if (_KrByteBuf_Reserve(&b, n * (kind == 1 ? 2 : kind == 2 ? 3 : 4)) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (!Py_UNICODE_IS_SURROGATE(c)) {
            if (put_utf8(&b, c) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, d, j)))
            j++;
        if (utf8_errors_surrogatepass(errors)) {
            for (; i < j; i++)
                if (put_utf8(&b, PyUnicode_READ(kind, d, i)) < 0)
                    goto fail;
            continue;
        }
        PyObject *repl;
        Py_ssize_t np;
        if (_KrCodec_EncodeError(errors, "utf-8", "surrogates not allowed", u, i, j, &repl, &np) < 0)
            goto fail;
        int r = put_replacement(&b, repl, 0x110000, 1, "utf-8", u, i, j, "surrogates not allowed");
        Py_DECREF(repl);
        if (r < 0)
            goto fail;
        i = np;
    }
    return _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* ---- Latin-1, ASCII, cp1252 --------------------------------------------------------- */

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return _KrUnicode_FromUCS1((const Py_UCS1 *)s, size);
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    Py_ssize_t i = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (i < size && p[i] < 0x80)
        i++;
    if (i == size)
        return _KrUnicode_FromUCS1(p, size);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    i = 0;
    while (i < size) {
        if (p[i] < 0x80) {
            if (_PyUnicodeWriter_WriteChar(&w, p[i]) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t np;
        if (_KrCodec_DecodeError(errors, "ascii", "ordinal not in range(128)", s, size, i,
                                 i + 1, &w, &np) < 0)
            goto fail;
        i = np;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *encode_charlimit(PyObject *u, const char *errors, Py_UCS4 limit,
                                  const char *encoding, const char *reason)
{
    if (PyUnicode_IS_ASCII(u) || (limit == 256 && PyUnicode_KIND(u) == 1))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(u), PyUnicode_GET_LENGTH(u));
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    KrByteBuf b = {0};
    if (_KrByteBuf_Reserve(&b, n) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (c < limit) {
            if (_KrByteBuf_PutByte(&b, (int)c) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n && PyUnicode_READ(kind, d, j) >= limit)
            j++;
        PyObject *repl;
        Py_ssize_t np;
        if (_KrCodec_EncodeError(errors, encoding, reason, u, i, j, &repl, &np) < 0)
            goto fail;
        int r = put_replacement(&b, repl, limit, 0, encoding, u, i, j, reason);
        Py_DECREF(repl);
        if (r < 0)
            goto fail;
        i = np;
    }
    return _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

PyObject *_PyUnicode_AsLatin1String(PyObject *u, const char *errors)
{
    return encode_charlimit(u, errors, 256, "latin-1", "ordinal not in range(256)");
}

PyObject *_PyUnicode_AsASCIIString(PyObject *u, const char *errors)
{
    return encode_charlimit(u, errors, 128, "ascii", "ordinal not in range(128)");
}

PyObject *PyUnicode_AsLatin1String(PyObject *u) { return _PyUnicode_AsLatin1String(u, NULL); }
PyObject *PyUnicode_AsASCIIString(PyObject *u) { return _PyUnicode_AsASCIIString(u, NULL); }

/* ---- the 8-bit charmap codecs (tables in unicode_charmaps.c) ------------------------ */

static PyObject *decode_charmap(const KrCharmap *cm, const char *s, Py_ssize_t size,
                                const char *errors)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    const unsigned char *p = (const unsigned char *)s;
    for (Py_ssize_t i = 0; i < size;) {
        Py_UCS4 c = cm->decode[p[i]];
        if (c != 0xFFFE) {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t np;
        if (_KrCodec_DecodeError(errors, "charmap", "character maps to <undefined>", s, size,
                                 i, i + 1, &w, &np) < 0)
            goto fail;
        i = np;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static int charmap_encode_char(const KrCharmap *cm, Py_UCS4 c)
{
    int lo = 0, hi = cm->nencode - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        Py_UCS4 m = cm->encode[mid].ch;
        if (m == c)
            return cm->encode[mid].byte;
        if (m < c)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static PyObject *encode_charmap(const KrCharmap *cm, PyObject *u, const char *errors)
{
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    KrByteBuf b = {0};
    if (_KrByteBuf_Reserve(&b, n) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n;) {
        int e = charmap_encode_char(cm, PyUnicode_READ(kind, d, i));
        if (e >= 0) {
            if (_KrByteBuf_PutByte(&b, e) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n && charmap_encode_char(cm, PyUnicode_READ(kind, d, j)) < 0)
            j++;
        PyObject *repl;
        Py_ssize_t np;
        if (_KrCodec_EncodeError(errors, "charmap", "character maps to <undefined>", u, i, j,
                                 &repl, &np) < 0)
            goto fail;
        int r = 0;
        if (PyBytes_Check(repl))
            r = _KrByteBuf_Put(&b, PyBytes_AS_STRING(repl), PyBytes_GET_SIZE(repl));
        else {
            /* a str replacement must itself be encodable, else the original range fails */
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(repl) && r == 0; k++) {
                int ee = charmap_encode_char(cm, PyUnicode_READ_CHAR(repl, k));
                if (ee < 0) {
                    raise_exc(make_encode_error("charmap", u, i, j, "character maps to <undefined>"));
                    r = -1;
                }
                else
                    r = _KrByteBuf_PutByte(&b, ee);
            }
        }
        Py_DECREF(repl);
        if (r < 0)
            goto fail;
        i = np;
    }
    return _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* The index of a charmap codec by name, normalized as the encodings package does it:
 * lower case, every run of characters other than letters, digits and '.' as one '_'. */
static int charmap_search(const char *norm, int aliases_only)
{
    int lo = 0, hi = _KrCharmapNameCount - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(_KrCharmapNames[mid].name, norm);
        if (c == 0)
            return !aliases_only || _KrCharmapNames[mid].is_alias ? _KrCharmapNames[mid].index
                                                                  : -1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int charmap_lookup(const char *encoding)
{
    char norm[64];
    size_t n = 0;
    int punct = 0;
    for (const unsigned char *p = (const unsigned char *)encoding; *p; p++) {
        int c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
            (c >= 'A' && c <= 'Z')) {
            if (n + 2 >= sizeof norm)
                return -1;
            if (punct && n > 0)
                norm[n++] = '_';
            norm[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            punct = 0;
        }
        else if (c >= 0x80)
            return -1;
        else
            punct = 1;
    }
    norm[n] = '\0';
    int idx = charmap_search(norm, 0);
    /* as in the encodings package, dots may stand for underscores in aliases only */
    if (idx < 0 && strchr(norm, '.') != NULL) {
        for (size_t i = 0; i < n; i++)
            if (norm[i] == '.')
                norm[i] = '_';
        idx = charmap_search(norm, 1);
    }
    return idx;
}

/* codecs.lookup(encoding).name of a charmap codec, or NULL */
const char *_KrCharmap_CodecName(const char *encoding)
{
    int idx = charmap_lookup(encoding);
    return idx < 0 ? NULL : _KrCharmaps[idx].name;
}

/* ---- UTF-16 and UTF-32 --------------------------------------------------------------- */

/* byteorder: -1 little, 1 big, 0 detect from BOM (default little). */
static PyObject *decode_utf16(const char *s, Py_ssize_t size, const char *errors, int bo,
                              const char *encname, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    if (bo == 0) {
        if (size >= 2) {
            if (p[0] == 0xFF && p[1] == 0xFE) {
                bo = -1;
                i = 2;
            }
            else if (p[0] == 0xFE && p[1] == 0xFF) {
                bo = 1;
                i = 2;
            }
        }
        if (bo == 0)
            bo = -1;
    }
    /* errors name the byte order actually used */
    encname = bo > 0 ? "utf-16-be" : "utf-16-le";
    int hi = bo > 0 ? 0 : 1, lo = bo > 0 ? 1 : 0;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size / 2;
    int passsur = errors != NULL && strcmp(errors, "surrogatepass") == 0;
    while (i < size) {
        const char *reason;
        Py_ssize_t errend;
        if (size - i < 2) {
            if (consumed)
                break;
            reason = "truncated data";
            errend = size;
            goto error;
        }
        Py_UCS4 u1 = (Py_UCS4)(p[i + hi] << 8 | p[i + lo]);
        if (!Py_UNICODE_IS_SURROGATE(u1)) {
            if (_PyUnicodeWriter_WriteChar(&w, u1) < 0)
                goto fail;
            i += 2;
            continue;
        }
        if (Py_UNICODE_IS_LOW_SURROGATE(u1)) {
            if (passsur) {
                if (_PyUnicodeWriter_WriteChar(&w, u1) < 0)
                    goto fail;
                i += 2;
                continue;
            }
            reason = "illegal encoding";
            errend = i + 2;
            goto error;
        }
        if (size - i < 4) {
            if (consumed)
                break;
            if (passsur && size - i < 4 && size - i >= 2 && size - i < 3) {
                if (_PyUnicodeWriter_WriteChar(&w, u1) < 0)
                    goto fail;
                i += 2;
                continue;
            }
            reason = "unexpected end of data";
            errend = size;
            goto error;
        }
        {
            Py_UCS4 u2 = (Py_UCS4)(p[i + 2 + hi] << 8 | p[i + 2 + lo]);
            if (Py_UNICODE_IS_LOW_SURROGATE(u2)) {
                if (_PyUnicodeWriter_WriteChar(&w, Py_UNICODE_JOIN_SURROGATES(u1, u2)) < 0)
                    goto fail;
                i += 4;
                continue;
            }
            if (passsur) {
                if (_PyUnicodeWriter_WriteChar(&w, u1) < 0)
                    goto fail;
                i += 2;
                continue;
            }
            reason = "illegal UTF-16 surrogate";
            errend = i + 2;
        }
    error: {
        Py_ssize_t np;
        if (_KrCodec_DecodeError(errors, encname, reason, s, size, i, errend, &w, &np) < 0)
            goto fail;
        i = np;
    }
    }
    if (consumed)
        *consumed = i;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors,
                                int *byteorder)
{
    int bo = byteorder ? *byteorder : 0;
    return decode_utf16(s, size, errors, bo, bo < 0 ? "utf-16-le" : bo > 0 ? "utf-16-be" : "utf-16", NULL);
}

static PyObject *decode_utf32(const char *s, Py_ssize_t size, const char *errors, int bo,
                              const char *encname)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    if (bo == 0) {
        if (size >= 4) {
            if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
                bo = -1;
                i = 4;
            }
            else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
                bo = 1;
                i = 4;
            }
        }
        if (bo == 0)
            bo = -1;
    }
    encname = bo > 0 ? "utf-32-be" : "utf-32-le";
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size / 4;
    int passsur = errors != NULL && strcmp(errors, "surrogatepass") == 0;
    while (i < size) {
        const char *reason;
        Py_ssize_t errend;
        if (size - i < 4) {
            reason = "truncated data";
            errend = size;
        }
        else {
            Py_UCS4 c;
            if (bo < 0)
                c = (Py_UCS4)p[i] | (Py_UCS4)p[i + 1] << 8 | (Py_UCS4)p[i + 2] << 16 | (Py_UCS4)p[i + 3] << 24;
            else
                c = (Py_UCS4)p[i + 3] | (Py_UCS4)p[i + 2] << 8 | (Py_UCS4)p[i + 1] << 16 | (Py_UCS4)p[i] << 24;
            if (c <= KR_MAX_UNICODE && (!Py_UNICODE_IS_SURROGATE(c) || passsur)) {
                if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                    goto fail;
                i += 4;
                continue;
            }
            reason = c > KR_MAX_UNICODE ? "code point not in range(0x110000)"
                                        : "code point in surrogate code point range(0xd800, 0xe000)";
            errend = i + 4;
        }
        Py_ssize_t np;
        if (_KrCodec_DecodeError(errors, encname, reason, s, size, i, errend, &w, &np) < 0)
            goto fail;
        i = np;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors,
                                int *byteorder)
{
    int bo = byteorder ? *byteorder : 0;
    return decode_utf32(s, size, errors, bo, bo < 0 ? "utf-32-le" : bo > 0 ? "utf-32-be" : "utf-32");
}

static int put_unit(KrByteBuf *b, Py_UCS4 v, int width, int big)
{
    unsigned char t[4];
    for (int k = 0; k < width; k++)
        t[big ? width - 1 - k : k] = (unsigned char)(v >> (8 * k));
    return _KrByteBuf_Put(b, t, width);
}

static int put_utf16_char(KrByteBuf *b, Py_UCS4 c, int big)
{
    if (c >= 0x10000) {
        if (put_unit(b, Py_UNICODE_HIGH_SURROGATE(c), 2, big) < 0)
            return -1;
        return put_unit(b, Py_UNICODE_LOW_SURROGATE(c), 2, big);
    }
    return put_unit(b, c, 2, big);
}

/* width 2 (UTF-16) or 4 (UTF-32); bom writes a byte order mark first. */
static PyObject *encode_utf16_32(PyObject *u, const char *errors, int width, int big, int bom,
                                 const char *encname)
{
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    KrByteBuf b = {0};
    if (_KrByteBuf_Reserve(&b, (n + 1) * width) < 0)
        return NULL;
    if (bom && put_unit(&b, 0xFEFF, width, big) < 0)
        goto fail;
    int passsur = errors != NULL && strcmp(errors, "surrogatepass") == 0;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (!Py_UNICODE_IS_SURROGATE(c) || passsur) {
            if ((width == 2 ? put_utf16_char(&b, c, big) : put_unit(&b, c, 4, big)) < 0)
                goto fail;
            i++;
            continue;
        }
        /* UTF-16/32 report surrogates one at a time */
        Py_ssize_t j = i + 1;
        PyObject *repl;
        Py_ssize_t np;
        if (_KrCodec_EncodeError(errors, encname, "surrogates not allowed", u, i, j, &repl, &np) < 0)
            goto fail;
        int r = 0;
        if (PyBytes_Check(repl)) {
            if (PyBytes_GET_SIZE(repl) % width) {
                raise_exc(make_encode_error(encname, u, i, j, "surrogates not allowed"));
                r = -1;
            }
            else
                r = _KrByteBuf_Put(&b, PyBytes_AS_STRING(repl), PyBytes_GET_SIZE(repl));
        }
        else {
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(repl) && r == 0; k++) {
                Py_UCS4 rc = PyUnicode_READ_CHAR(repl, k);
                if (rc >= 128) {
                    raise_exc(make_encode_error(encname, u, i, j, "surrogates not allowed"));
                    r = -1;
                }
                else
                    r = put_unit(&b, rc, width, big);
            }
        }
        Py_DECREF(repl);
        if (r < 0)
            goto fail;
        i = np;
    }
    return _KrByteBuf_FinishBytes(&b);
fail:
    _KrByteBuf_Free(&b);
    return NULL;
}

/* ---- unicode_escape and raw_unicode_escape -------------------------------------------- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

PyObject *_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size,
                                                 const char *errors, Py_ssize_t *consumed,
                                                 const char **first_invalid_escape)
{
    const unsigned char *p = (const unsigned char *)s;
    if (first_invalid_escape)
        *first_invalid_escape = NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    Py_ssize_t i = 0;
    while (i < size) {
        unsigned c = p[i];
        if (c != '\\') {
            /* Non-escape bytes are Latin-1 characters. */
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t start = i;
        i++;
        if (i >= size) {
            if (consumed) {
                i = start;
                break;
            }
            Py_ssize_t np;
            if (_KrCodec_DecodeError(errors, "unicodeescape", "\\ at end of string", s, size,
                                     start, size, &w, &np) < 0)
                goto fail;
            i = np;
            continue;
        }
        c = p[i++];
        Py_UCS4 ch;
        int digits = 0;
        const char *reason = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\v'; break;
        case 'a': ch = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (i < size && p[i] >= '0' && p[i] <= '7') {
                ch = (ch << 3) + (p[i++] - '0');
                if (i < size && p[i] >= '0' && p[i] <= '7')
                    ch = (ch << 3) + (p[i++] - '0');
            }
            if (ch > 0377 && first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s + start;
            break;
        case 'x': digits = 2; reason = "truncated \\xXX escape"; break;
        case 'u': digits = 4; reason = "truncated \\uXXXX escape"; break;
        case 'U': digits = 8; reason = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            reason = "malformed \\N character escape";
            if (i < size && p[i] == '{') {
                Py_ssize_t nb = i + 1, ne = nb;
                while (ne < size && p[ne] != '}')
                    ne++;
                if (ne < size && ne > nb) {
                    Py_UCS4 code;
                    if (_KrUnicode_LookupName(s + nb, ne - nb, &code)) {
                        ch = code;
                        i = ne + 1;
                        goto store;
                    }
                    reason = "unknown Unicode character name";
                    i = ne + 1;
                }
            }
            if (consumed && i >= size) {
                i = start;
                goto done;
            }
            Py_ssize_t np;
            if (_KrCodec_DecodeError(errors, "unicodeescape", reason, s, size, start,
                                     i < size ? i : size, &w, &np) < 0)
                goto fail;
            i = np;
            continue;
        }
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s + start;
            if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0)
                goto fail;
            i--;
            continue;
        }
        if (digits) {
            ch = 0;
            int k;
            for (k = 0; k < digits && i < size; k++, i++) {
                int v = hexval(p[i]);
                if (v < 0)
                    break;
                ch = (ch << 4) | (Py_UCS4)v;
            }
            if (k < digits) {
                if (consumed && i >= size) {
                    i = start;
                    goto done;
                }
                Py_ssize_t np;
                if (_KrCodec_DecodeError(errors, "unicodeescape", reason, s, size, start, i,
                                         &w, &np) < 0)
                    goto fail;
                i = np;
                continue;
            }
            if (ch > KR_MAX_UNICODE) {
                Py_ssize_t np;
                if (_KrCodec_DecodeError(errors, "unicodeescape", "illegal Unicode character",
                                         s, size, start, i, &w, &np) < 0)
                    goto fail;
                i = np;
                continue;
            }
        }
    store:
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto fail;
    }
done:
    if (consumed)
        *consumed = i;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    const char *first = NULL;
    PyObject *r = _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, NULL, &first);
    if (r == NULL)
        return NULL;
    if (first != NULL) {
        unsigned char c = (unsigned char)first[1];
        int rc;
        if (c >= '4' && c <= '7')
            rc = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                  "invalid octal escape sequence '\\%.3s'", first + 1);
        else
            rc = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                  "invalid escape sequence '\\%c'", c);
        if (rc < 0) {
            Py_DECREF(r);
            return NULL;
        }
    }
    return r;
}

PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    Py_ssize_t i = 0;
    while (i < size) {
        unsigned c = p[i];
        if (c != '\\' || i + 1 >= size || (p[i + 1] != 'u' && p[i + 1] != 'U')) {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        /* Only an odd run of backslashes escapes. */
        Py_ssize_t bs = 0;
        for (Py_ssize_t k = i - 1; k >= 0 && p[k] == '\\'; k--)
            bs++;
        if (bs & 1) {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        int digits = p[i + 1] == 'u' ? 4 : 8;
        Py_ssize_t start = i;
        i += 2;
        Py_UCS4 ch = 0;
        int k;
        for (k = 0; k < digits && i < size; k++, i++) {
            int v = hexval(p[i]);
            if (v < 0)
                break;
            ch = (ch << 4) | (Py_UCS4)v;
        }
        if (k < digits || ch > KR_MAX_UNICODE) {
            Py_ssize_t np;
            if (_KrCodec_DecodeError(errors, "rawunicodeescape",
                                     k < digits ? (digits == 4 ? "truncated \\uXXXX escape"
                                                               : "truncated \\UXXXXXXXX escape")
                                                : "\\Uxxxxxxxx out of range",
                                     s, size, start, i, &w, &np) < 0)
                goto fail;
            i = np;
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto fail;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *encode_escape(PyObject *u, int raw)
{
    static const char hex[] = "0123456789abcdef";
    int kind = PyUnicode_KIND(u);
    const void *d = PyUnicode_DATA(u);
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    KrByteBuf b = {0};
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        char t[10];
        int len = 0;
        if (raw) {
            if (c < 0x100) {
                t[len++] = (char)c;
            }
            else {
                int digits = c < 0x10000 ? 4 : 8;
                t[len++] = '\\';
                t[len++] = digits == 4 ? 'u' : 'U';
                for (int k = digits - 1; k >= 0; k--)
                    t[len++] = hex[(c >> (4 * k)) & 15];
            }
        }
        else if (c == '\\') {
            t[len++] = '\\';
            t[len++] = '\\';
        }
        else if (c == '\t' || c == '\n' || c == '\r') {
            t[len++] = '\\';
            t[len++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        }
        else if (c >= ' ' && c < 0x7f)
            t[len++] = (char)c;
        else {
            int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            t[len++] = '\\';
            t[len++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int k = digits - 1; k >= 0; k--)
                t[len++] = hex[(c >> (4 * k)) & 15];
        }
        if (_KrByteBuf_Put(&b, t, len) < 0) {
            _KrByteBuf_Free(&b);
            return NULL;
        }
    }
    return _KrByteBuf_FinishBytes(&b);
}

PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *u) { return encode_escape(u, 0); }
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *u) { return encode_escape(u, 1); }

/* ---- dispatch by encoding name -------------------------------------------------------- */

enum {
    ENC_UNKNOWN, ENC_UTF8, ENC_LATIN1, ENC_ASCII, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE,
    ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE, ENC_UNIESC, ENC_RAWUNIESC,
    ENC_CHARMAP /* + index into _KrCharmaps */
};

static const struct { const char *name; int id; } enc_aliases[] = {
    {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
    {"cp65001", ENC_UTF8}, {"utf8_ucs2", ENC_UTF8}, {"utf8_ucs4", ENC_UTF8},
    {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1}, {"l1", ENC_LATIN1},
    {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1}, {"8859", ENC_LATIN1},
    {"cp819", ENC_LATIN1}, {"iso_ir_100", ENC_LATIN1}, {"csisolatin1", ENC_LATIN1},
    {"iso_8859_1:1987", ENC_LATIN1}, {"ibm819", ENC_LATIN1},
    {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII}, {"us", ENC_ASCII},
    {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII}, {"ansi_x3.4_1986", ENC_ASCII},
    {"iso646_us", ENC_ASCII}, {"cp367", ENC_ASCII}, {"csascii", ENC_ASCII},
    {"ibm367", ENC_ASCII}, {"iso_ir_6", ENC_ASCII}, {"iso_646.irv:1991", ENC_ASCII},
    {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
    {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE}, {"unicodelittleunmarked", ENC_UTF16LE},
    {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE}, {"unicodebigunmarked", ENC_UTF16BE},
    {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
    {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
    {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
    {"unicode_escape", ENC_UNIESC}, {"raw_unicode_escape", ENC_RAWUNIESC},
};

static int lookup_builtin_encoding(const char *encoding)
{
    char norm[64];
    size_t n = strlen(encoding);
    if (n >= sizeof norm)
        return ENC_UNKNOWN;
    for (size_t i = 0; i <= n; i++) {
        char c = encoding[i];
        if (c == '-' || c == ' ')
            c = '_';
        else if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        norm[i] = c;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(enc_aliases); i++)
        if (strcmp(norm, enc_aliases[i].name) == 0)
            return enc_aliases[i].id;
    int idx = charmap_lookup(encoding);
    return idx < 0 ? ENC_UNKNOWN : ENC_CHARMAP + idx;
}

int _KrUnicode_IsBuiltinEncoding(const char *encoding)
{
    return lookup_builtin_encoding(encoding) != ENC_UNKNOWN;
}

static int check_errors_name(const char *errors)
{
    (void)errors;
    return 0;
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding,
                           const char *errors)
{
    if (encoding == NULL)
        encoding = "utf-8";
    if (check_errors_name(errors) < 0)
        return NULL;
    int id = lookup_builtin_encoding(encoding);
    switch (id) {
    case ENC_UTF8: return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    case ENC_LATIN1: return PyUnicode_DecodeLatin1(s, size, errors);
    case ENC_ASCII: return PyUnicode_DecodeASCII(s, size, errors);
    case ENC_UTF16: return decode_utf16(s, size, errors, 0, "utf-16", NULL);
    case ENC_UTF16LE: return decode_utf16(s, size, errors, -1, "utf-16-le", NULL);
    case ENC_UTF16BE: return decode_utf16(s, size, errors, 1, "utf-16-be", NULL);
    case ENC_UTF32: return decode_utf32(s, size, errors, 0, "utf-32");
    case ENC_UTF32LE: return decode_utf32(s, size, errors, -1, "utf-32-le");
    case ENC_UTF32BE: return decode_utf32(s, size, errors, 1, "utf-32-be");
    case ENC_UNIESC: return PyUnicode_DecodeUnicodeEscape(s, size, errors);
    case ENC_RAWUNIESC: return PyUnicode_DecodeRawUnicodeEscape(s, size, errors);
    case ENC_UNKNOWN: break;
    default: return decode_charmap(&_KrCharmaps[id - ENC_CHARMAP], s, size, errors);
    }
    PyObject *b = PyBytes_FromStringAndSize(s, size);
    if (b == NULL)
        return NULL;
    PyObject *r = PyCodec_Decode(b, encoding, errors);
    Py_DECREF(b);
    if (r != NULL && !PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.400s' decoder returned '%.400s' instead of 'str'; "
                     "use codecs.decode() to decode to arbitrary types",
                     encoding, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

PyObject *PyUnicode_AsEncodedString(PyObject *u, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(u)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (encoding == NULL)
        encoding = "utf-8";
    int id = lookup_builtin_encoding(encoding);
    switch (id) {
    case ENC_UTF8: return _KrUnicode_EncodeUTF8(u, errors);
    case ENC_LATIN1: return _PyUnicode_AsLatin1String(u, errors);
    case ENC_ASCII: return _PyUnicode_AsASCIIString(u, errors);
    case ENC_UTF16: return encode_utf16_32(u, errors, 2, 0, 1, "utf-16");
    case ENC_UTF16LE: return encode_utf16_32(u, errors, 2, 0, 0, "utf-16-le");
    case ENC_UTF16BE: return encode_utf16_32(u, errors, 2, 1, 0, "utf-16-be");
    case ENC_UTF32: return encode_utf16_32(u, errors, 4, 0, 1, "utf-32");
    case ENC_UTF32LE: return encode_utf16_32(u, errors, 4, 0, 0, "utf-32-le");
    case ENC_UTF32BE: return encode_utf16_32(u, errors, 4, 1, 0, "utf-32-be");
    case ENC_UNIESC: return PyUnicode_AsUnicodeEscapeString(u);
    case ENC_RAWUNIESC: return PyUnicode_AsRawUnicodeEscapeString(u);
    case ENC_UNKNOWN: break;
    default: return encode_charmap(&_KrCharmaps[id - ENC_CHARMAP], u, errors);
    }
    PyObject *r = PyCodec_Encode(u, encoding, errors);
    if (r == NULL)
        return NULL;
    if (PyByteArray_Check(r)) {
        PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(r), PyByteArray_GET_SIZE(r));
        Py_DECREF(r);
        return b;
    }
    if (!PyBytes_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                     "use codecs.encode() to encode to arbitrary types",
                     encoding, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

PyObject *PyUnicode_AsEncodedObject(PyObject *u, const char *encoding, const char *errors)
{
    return PyCodec_Encode(u, encoding ? encoding : "utf-8", errors);
}

PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *r = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return r;
}

/* Entry points for the _codecs module: each returns (result, consumed-length). */
PyObject *_KrCodecs_BuiltinDecode(const char *encoding, const char *s, Py_ssize_t size,
                                  const char *errors, int final)
{
    PyObject *r;
    Py_ssize_t consumed = size;
    int id = lookup_builtin_encoding(encoding);
    switch (id) {
    case ENC_UTF8:
        r = PyUnicode_DecodeUTF8Stateful(s, size, errors, final ? NULL : &consumed);
        break;
    case ENC_UTF16: case ENC_UTF16LE: case ENC_UTF16BE:
        r = decode_utf16(s, size, errors, id == ENC_UTF16 ? 0 : id == ENC_UTF16LE ? -1 : 1,
                         id == ENC_UTF16 ? "utf-16" : id == ENC_UTF16LE ? "utf-16-le" : "utf-16-be",
                         final ? NULL : &consumed);
        break;
    case ENC_UNIESC:
        r = _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, final ? NULL : &consumed, NULL);
        break;
    default:
        r = PyUnicode_Decode(s, size, encoding, errors);
        break;
    }
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, consumed);
}
