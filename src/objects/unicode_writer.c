/* _PyUnicodeWriter: builds a str incrementally, widening the storage kind only when a
 * wider character arrives, so that the result is created in its final canonical form. */
#include "Python.h"
#include "unicode_internal.h"

void _PyUnicodeWriter_Init(_PyUnicodeWriter *w)
{
    memset(w, 0, sizeof(*w));
    w->min_char = 127;
}

static void writer_update(_PyUnicodeWriter *w)
{
    w->maxchar = KR_STR_MAXCHAR(w->buffer);
    w->data = PyUnicode_DATA(w->buffer);
    w->kind = PyUnicode_KIND(w->buffer);
    w->size = w->readonly ? PyUnicode_GET_LENGTH(w->buffer) : PyUnicode_GET_LENGTH(w->buffer);
}

int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length > PY_SSIZE_T_MAX - w->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t needed = w->pos + length;
    if (maxchar < w->min_char)
        maxchar = w->min_char;
    if (w->buffer == NULL) {
        Py_ssize_t cap = needed;
        if (w->min_length > cap)
            cap = w->min_length;
        if (w->overallocate && cap <= PY_SSIZE_T_MAX / 2 - 16)
            cap += cap / 4 + 16;
        if (cap == 0)
            cap = 1;
        PyObject *b = PyUnicode_New(cap, maxchar);
        if (b == NULL)
            return -1;
        w->buffer = b;
        w->readonly = 0;
        writer_update(w);
        return 0;
    }
    Py_UCS4 cur = w->maxchar;
    int widen = maxchar > cur;
    if (!widen && !w->readonly && needed <= w->size)
        return 0;
    Py_ssize_t cap = w->size;
    if (needed > cap || w->readonly) {
        cap = needed;
        if (w->overallocate && cap <= PY_SSIZE_T_MAX / 2 - 16)
            cap += cap / 4 + 16;
        if (cap < w->min_length)
            cap = w->min_length;
    }
    if (!widen && !w->readonly) {
        if (_KrUnicode_Resize(&w->buffer, cap) < 0)
            return -1;
        writer_update(w);
        return 0;
    }
    PyObject *nb = PyUnicode_New(cap, Py_MAX(maxchar, cur));
    if (nb == NULL)
        return -1;
    _KrUnicode_CopyChars(nb, 0, w->buffer, 0, w->pos);
    Py_SETREF(w->buffer, nb);
    w->readonly = 0;
    writer_update(w);
    return 0;
}

int _PyUnicodeWriter_Prepare(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length == 0)
        return 0;
    if (w->buffer != NULL && !w->readonly && maxchar <= w->maxchar && length <= w->size - w->pos)
        return 0;
    return _PyUnicodeWriter_PrepareInternal(w, length, maxchar);
}

int _PyUnicodeWriter_PrepareKind(_PyUnicodeWriter *w, int kind)
{
    Py_UCS4 m = kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff;
    if (w->buffer != NULL && !w->readonly && w->kind >= kind)
        return 0;
    return _PyUnicodeWriter_PrepareInternal(w, 0, m);
}

int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *w, Py_UCS4 ch)
{
    if (_PyUnicodeWriter_Prepare(w, 1, ch) < 0)
        return -1;
    PyUnicode_WRITE(w->kind, w->data, w->pos, ch);
    w->pos++;
    return 0;
}

int _KrUnicodeWriter_Fill(_PyUnicodeWriter *w, Py_UCS4 ch, Py_ssize_t count)
{
    if (count <= 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, count, ch) < 0)
        return -1;
    if (w->kind == 1)
        memset((char *)w->data + w->pos, (int)ch, (size_t)count);
    else
        for (Py_ssize_t i = 0; i < count; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, ch);
    w->pos += count;
    return 0;
}

int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *w, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    if (w->buffer == NULL && !w->overallocate && PyUnicode_CheckExact(s) &&
        w->min_length <= n && w->min_char <= 127) {
        /* Keep a reference instead of copying: the common "single piece" case. */
        w->buffer = Py_NewRef(s);
        w->readonly = 1;
        writer_update(w);
        w->pos = n;
        return 0;
    }
    return _PyUnicodeWriter_WriteSubstring(w, s, 0, n);
}

int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *w, PyObject *s, Py_ssize_t start,
                                    Py_ssize_t end)
{
    if (end <= start)
        return 0;
    Py_UCS4 maxc = KR_STR_MAXCHAR(s);
    if (maxc > w->maxchar || w->buffer == NULL)
        maxc = _KrUnicode_FindMaxChar(s, start, end);
    if (_PyUnicodeWriter_Prepare(w, end - start, maxc) < 0)
        return -1;
    _KrUnicode_CopyChars(w->buffer, w->pos, s, start, end - start);
    w->pos += end - start;
    return 0;
}

int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *w, const char *s, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, n, 127) < 0)
        return -1;
    if (w->kind == 1)
        memcpy((char *)w->data + w->pos, s, (size_t)n);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)s[i]);
    w->pos += n;
    return 0;
}

int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *w, const char *s, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    Py_UCS4 maxc = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if ((Py_UCS1)s[i] > maxc)
            maxc = (Py_UCS1)s[i];
    if (_PyUnicodeWriter_Prepare(w, n, maxc) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)s[i]);
    w->pos += n;
    return 0;
}

int _KrUnicodeWriter_WriteUTF8(_PyUnicodeWriter *w, const char *s, Py_ssize_t n)
{
    Py_ssize_t i;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            break;
    if (i == n)
        return _PyUnicodeWriter_WriteASCIIString(w, s, n);
    PyObject *u = PyUnicode_DecodeUTF8Stateful(s, n, "replace", NULL);
    if (u == NULL)
        return -1;
    int r = _PyUnicodeWriter_WriteSubstring(w, u, 0, PyUnicode_GET_LENGTH(u));
    Py_DECREF(u);
    return r;
}

PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *w)
{
    PyObject *b = w->buffer;
    w->buffer = NULL;
    if (b == NULL || w->pos == 0) {
        Py_XDECREF(b);
        return _KrUnicode_Empty();
    }
    if (w->readonly)
        return b;
    if (w->pos == 1) {
        Py_UCS4 c = PyUnicode_READ(w->kind, w->data, 0);
        Py_DECREF(b);
        return _KrUnicode_Char(c);
    }
    if (PyUnicode_GET_LENGTH(b) != w->pos && _KrUnicode_Resize(&b, w->pos) < 0) {
        Py_DECREF(b);
        return NULL;
    }
    /* A declared min_char or a conservative Prepare may have widened the storage more
     * than the content needs; keep the one-kind-per-content invariant. */
    if (!PyUnicode_IS_ASCII(b)) {
        Py_UCS4 real = _KrUnicode_FindMaxChar(b, 0, w->pos);
        if (KR_STR_MAXCHAR(b) != (real < 128 ? 0x7f : KR_KIND_MAX(real < 256 ? 1 : real < 0x10000 ? 2 : 4))) {
            PyObject *n = PyUnicode_FromKindAndData(PyUnicode_KIND(b), PyUnicode_DATA(b), w->pos);
            Py_DECREF(b);
            return n;
        }
    }
    return b;
}

void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *w)
{
    Py_CLEAR(w->buffer);
}
