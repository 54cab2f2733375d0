/* TextIOWrapper: str over a binary buffer, with encoding, newline translation, line
 * buffering and a tell()/seek() that works on positions in the underlying bytes.
 *
 * Decoded text is kept per raw chunk: `decoded` holds exactly the characters that
 * `raw_chunk` (which starts at byte `chunk_start`) produced, so tell() can count the
 * bytes behind the characters already returned. */
#include <string.h>
#include <strings.h>
#include "_io_internal.h"

void _PyIO_Finalize(PyObject *self);

#define CHUNK_SIZE 8192

static int check_attached(textio *t)
{
    if (!t->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (t->detached) {
        PyErr_SetString(PyExc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    return 0;
}

static int buffer_closed(textio *t)
{
    if (t->fast_buf != NULL && t->fast_buf->ok && !t->fast_buf->detached &&
        t->fast_buf->fast_raw != NULL)
        return t->fast_buf->fast_raw->fd < 0;
    if (t->fast_raw != NULL)
        return t->fast_raw->fd < 0;
    PyObject *v = PyObject_GetAttrString(t->buffer, "closed");
    if (v == NULL)
        return -1;
    int r = PyObject_IsTrue(v);
    Py_DECREF(v);
    return r;
}

static int check_open(textio *t)
{
    if (check_attached(t) < 0)
        return -1;
    int c = buffer_closed(t);
    if (c < 0)
        return -1;
    if (c) {
        _PyIO_ClosedError();
        return -1;
    }
    return 0;
}

static void classify_encoding(textio *t)
{
    const char *e = PyUnicode_AsUTF8(t->encoding);
    t->is_utf8 = t->is_latin1 = t->is_ascii = 0;
    if (e == NULL) {
        PyErr_Clear();
        return;
    }
    if (!strcasecmp(e, "utf-8") || !strcasecmp(e, "utf8") || !strcasecmp(e, "utf_8"))
        t->is_utf8 = 1;
    else if (!strcasecmp(e, "latin-1") || !strcasecmp(e, "latin1") ||
             !strcasecmp(e, "latin_1") || !strcasecmp(e, "iso-8859-1") ||
             !strcasecmp(e, "iso8859-1"))
        t->is_latin1 = 1;
    else if (!strcasecmp(e, "ascii") || !strcasecmp(e, "us-ascii"))
        t->is_ascii = 1;
}

static int set_newline(textio *t, PyObject *newline)
{
    const char *nl = NULL;
    if (newline != NULL && newline != Py_None) {
        if (!PyUnicode_Check(newline)) {
            PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %.50s",
                         Py_TYPE(newline)->tp_name);
            return -1;
        }
        nl = PyUnicode_AsUTF8(newline);
        if (nl == NULL)
            return -1;
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %S", newline);
            return -1;
        }
    }
    t->readuniversal = nl == NULL || nl[0] == '\0';
    t->readtranslate = nl == NULL;
    t->writetranslate = nl == NULL || nl[0] != '\0';
    Py_CLEAR(t->writenl);
    if (nl != NULL && nl[0] != '\0' && strcmp(nl, "\n") != 0) {
        t->writenl = PyUnicode_FromString(nl);
        if (t->writenl == NULL)
            return -1;
    }
    return 0;
}

static PyObject *default_encoding(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return PyUnicode_FromString(interp->config.utf8_mode ? "utf-8" : "UTF-8");
}

static void reset_read_state(textio *t)
{
    Py_CLEAR(t->decoded);
    Py_CLEAR(t->raw_chunk);
    t->decoded_pos = 0;
    PyMem_Free(t->pending);
    t->pending = NULL;
    t->npending = 0;
    t->pending_cr = 0;
}

static int textio_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    textio *t = (textio *)self;
    PyObject *buffer, *encoding = Py_None, *errors = Py_None, *newline = Py_None;
    int line_buffering = 0, write_through = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOOpp:TextIOWrapper", kwlist, &buffer,
                                     &encoding, &errors, &newline, &line_buffering,
                                     &write_through))
        return -1;
    t->ok = 0;
    reset_read_state(t);
    if (encoding != Py_None && !PyUnicode_Check(encoding)) {
        PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %.50s",
                     Py_TYPE(encoding)->tp_name);
        return -1;
    }
    if (errors != Py_None && !PyUnicode_Check(errors)) {
        PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %.50s",
                     Py_TYPE(errors)->tp_name);
        return -1;
    }
    PyObject *enc = (encoding == Py_None || _PyUnicode_EqualToASCIIString(encoding, "locale"))
                        ? default_encoding()
                        : Py_NewRef(encoding);
    if (enc == NULL)
        return -1;
    /* Look the codec up now so that a bad name fails at open() time. */
    const char *cenc = PyUnicode_AsUTF8(enc);
    PyObject *probe = cenc ? PyUnicode_Decode("", 0, cenc, "strict") : NULL;
    if (probe == NULL) {
        Py_DECREF(enc);
        return -1;
    }
    Py_DECREF(probe);
    Py_XSETREF(t->encoding, enc);
    Py_XSETREF(t->errors, errors == Py_None ? PyUnicode_FromString("strict") : Py_NewRef(errors));
    if (t->errors == NULL)
        return -1;
    classify_encoding(t);
    if (set_newline(t, newline) < 0)
        return -1;
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    Py_XSETREF(t->buffer, Py_NewRef(buffer));
    t->fast_buf = (Py_IS_TYPE(buffer, &PyBufferedReader_Type) ||
                   Py_IS_TYPE(buffer, &PyBufferedWriter_Type) ||
                   Py_IS_TYPE(buffer, &PyBufferedRandom_Type))
                      ? (buffered *)buffer
                      : NULL;
    t->fast_raw = Py_IS_TYPE(buffer, &PyFileIO_Type) ? (fileio *)buffer : NULL;
    t->seen_newlines = 0;
    t->detached = 0;
    t->ok = 1;
    return 0;
}

PyObject *_PyIO_MakeTextIO(PyObject *buffer, const char *encoding, const char *errors,
                           const char *newline, int line_buffering, int write_through)
{
    PyObject *kw = Py_BuildValue("{szszszsOsO}", "encoding", encoding, "errors", errors,
                                 "newline", newline, "line_buffering",
                                 line_buffering ? Py_True : Py_False, "write_through",
                                 write_through ? Py_True : Py_False);
    if (kw == NULL)
        return NULL;
    PyObject *args = PyTuple_Pack(1, buffer);
    PyObject *r = args ? PyObject_Call((PyObject *)&PyTextIOWrapper_Type, args, kw) : NULL;
    Py_XDECREF(args);
    Py_DECREF(kw);
    return r;
}

/* ---- writing ---------------------------------------------------------------------------- */

static int buffer_write_bytes(textio *t, const char *data, Py_ssize_t n)
{
    if (t->fast_buf != NULL && t->fast_buf->ok && !t->fast_buf->detached)
        return _PyBuffered_Write(t->fast_buf, data, n);
    if (t->fast_raw != NULL)
        return _PyFileIO_WriteAll(t->fast_raw, data, n) < 0 ? -1 : 0;
    PyObject *b = PyBytes_FromStringAndSize(data, n);
    if (b == NULL)
        return -1;
    PyObject *r = PyObject_CallMethod(t->buffer, "write", "O", b);
    Py_DECREF(b);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static int buffer_flush(textio *t)
{
    if (t->fast_buf != NULL && t->fast_buf->ok && !t->fast_buf->detached &&
        t->fast_buf->fast_raw != NULL)
        return _PyBuffered_Flush(t->fast_buf);
    if (t->fast_raw != NULL)
        return 0;
    PyObject *r = PyObject_CallMethod(t->buffer, "flush", NULL);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static long long textio_tell_value(textio *t);

/* Before writing after reading, move the buffer back to the logical position. */
static int rewind_read_ahead(textio *t)
{
    if (t->decoded == NULL && t->npending == 0 && !t->pending_cr)
        return 0;
    long long pos = textio_tell_value(t);
    if (pos < 0)
        return -1;
    reset_read_state(t);
    PyObject *r = PyObject_CallMethod(t->buffer, "seek", "L", pos);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

PyObject *_PyTextIO_Write(textio *t, PyObject *text)
{
    if (check_attached(t) < 0)
        return NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    int c = buffer_closed(t);
    if (c < 0)
        return NULL;
    if (c) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    int wr;
    if (t->fast_buf != NULL)
        wr = t->fast_buf->writable;
    else if (t->fast_raw != NULL)
        wr = t->fast_raw->writable;
    else {
        PyObject *w = PyObject_CallMethod(t->buffer, "writable", NULL);
        if (w == NULL)
            return NULL;
        wr = PyObject_IsTrue(w);
        Py_DECREF(w);
        if (wr < 0)
            return NULL;
    }
    if (!wr)
        return _PyIO_Unsupported("not writable");
    Py_ssize_t textlen = PyUnicode_GET_LENGTH(text);
    int haslf = 0;
    if ((t->writetranslate && t->writenl != NULL) || t->line_buffering)
        haslf = PyUnicode_FindChar(text, '\n', 0, textlen, 1) >= 0;
    int needflush = t->write_through;
    if (t->line_buffering && (haslf || PyUnicode_FindChar(text, '\r', 0, textlen, 1) >= 0))
        needflush = 1;
    PyObject *s = Py_NewRef(text);
    if (haslf && t->writetranslate && t->writenl != NULL) {
        PyObject *nl = PyUnicode_FromString("\n");
        PyObject *r = nl ? PyUnicode_Replace(s, nl, t->writenl, -1) : NULL;
        Py_XDECREF(nl);
        Py_SETREF(s, r);
        if (s == NULL)
            return NULL;
    }
    if (rewind_read_ahead(t) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    int rc;
    const char *errs = PyUnicode_AsUTF8(t->errors);
    if (t->is_utf8 && errs && strcmp(errs, "strict") == 0) {
        Py_ssize_t n;
        const char *data = PyUnicode_AsUTF8AndSize(s, &n);
        rc = data ? buffer_write_bytes(t, data, n) : -1;
    }
    else if (PyUnicode_IS_ASCII(s) && (t->is_utf8 || t->is_latin1 || t->is_ascii)) {
        rc = buffer_write_bytes(t, (const char *)PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s));
    }
    else {
        PyObject *b = errs ? PyUnicode_AsEncodedString(s, PyUnicode_AsUTF8(t->encoding), errs)
                           : NULL;
        if (b != NULL && !PyBytes_Check(b)) {
            PyErr_Format(PyExc_TypeError, "encoder should return a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_CLEAR(b);
        }
        rc = b ? buffer_write_bytes(t, PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b)) : -1;
        Py_XDECREF(b);
    }
    Py_DECREF(s);
    if (rc < 0)
        return NULL;
    if (needflush && buffer_flush(t) < 0)
        return NULL;
    return PyLong_FromSsize_t(textlen);
}

static PyObject *textio_write(PyObject *self, PyObject *text)
{
    return _PyTextIO_Write((textio *)self, text);
}

/* ---- reading ------------------------------------------------------------------------------ */

static PyObject *buffer_read_chunk(textio *t, Py_ssize_t size)
{
    if (t->fast_buf != NULL && t->fast_buf->ok && !t->fast_buf->detached)
        return _PyBuffered_Read1(t->fast_buf, size);
    PyObject *r = PyObject_CallMethod(t->buffer, t->fast_raw ? "read" : "read1", "n", size);
    if (r == NULL && !t->fast_raw && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        r = PyObject_CallMethod(t->buffer, "read", "n", size);
    }
    if (r == Py_None) {
        Py_DECREF(r);
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (r != NULL && !PyBytes_Check(r)) {
        if (PyByteArray_Check(r) || PyObject_CheckBuffer(r)) {
            PyObject *b = PyBytes_FromObject(r);
            Py_DECREF(r);
            return b;
        }
        PyErr_Format(PyExc_TypeError, "underlying read1() should have returned a bytes-like object, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

static long long buffer_tell(textio *t)
{
    if (t->fast_buf != NULL && t->fast_buf->ok && !t->fast_buf->detached)
        return _PyBuffered_Tell(t->fast_buf);
    PyObject *r = PyObject_CallMethod(t->buffer, "tell", NULL);
    if (r == NULL)
        return -1;
    long long v = PyLong_AsLongLong(r);
    Py_DECREF(r);
    return v;
}

/* Universal newlines: "\r\n" and "\r" become "\n"; a trailing '\r' is held back until
 * we know whether '\n' follows. Records which newline kinds were seen. */
static PyObject *translate_newlines(textio *t, PyObject *s, int final)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    int has_cr = PyUnicode_FindChar(s, '\r', 0, n, 1) >= 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n')
            t->seen_newlines |= (i > 0 && PyUnicode_READ(kind, data, i - 1) == '\r') ? 4 : 2;
        else if (c == '\r' && (i + 1 >= n || PyUnicode_READ(kind, data, i + 1) != '\n') &&
                 (i + 1 < n || final))
            t->seen_newlines |= 1;
    }
    if (!has_cr || !t->readtranslate)
        return Py_NewRef(s);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\r') {
            if (i + 1 < n && PyUnicode_READ(kind, data, i + 1) == '\n')
                i++;
            c = '\n';
        }
        if (_PyUnicodeWriter_WriteChar(&w, c) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyObject *decode_bytes(textio *t, const char *data, Py_ssize_t n, int final,
                              Py_ssize_t *consumed)
{
    const char *errs = PyUnicode_AsUTF8(t->errors);
    if (errs == NULL)
        return NULL;
    *consumed = n;
    if (t->is_utf8) {
        if (final)
            return PyUnicode_DecodeUTF8(data, n, errs);
        return PyUnicode_DecodeUTF8Stateful(data, n, errs, consumed);
    }
    const char *enc = PyUnicode_AsUTF8(t->encoding);
    if (enc == NULL)
        return NULL;
    return PyUnicode_Decode(data, n, enc, errs);
}

/* Reads and decodes the next chunk into t->decoded (replacing the old, fully consumed
 * one). Returns 1 if characters were produced, 0 at EOF, -1 on error. */
static int read_chunk(textio *t)
{
    for (;;) {
        PyObject *bytes = buffer_read_chunk(t, CHUNK_SIZE);
        if (bytes == NULL)
            return -1;
        Py_ssize_t nb = PyBytes_GET_SIZE(bytes);
        int final = nb == 0;
        /* raw = pending undecoded bytes + held-back '\r' + new bytes */
        Py_ssize_t total = t->npending + (t->pending_cr ? 1 : 0) + nb;
        PyObject *raw = PyBytes_FromStringAndSize(NULL, total);
        if (raw == NULL) {
            Py_DECREF(bytes);
            return -1;
        }
        char *p = PyBytes_AS_STRING(raw);
        Py_ssize_t off = 0;
        if (t->pending_cr)
            p[off++] = '\r';
        if (t->npending) {
            memcpy(p + off, t->pending, (size_t)t->npending);
            off += t->npending;
        }
        memcpy(p + off, PyBytes_AS_STRING(bytes), (size_t)nb);
        Py_DECREF(bytes);
        long long end = -1;
        if (t->telling >= 0) {
            end = buffer_tell(t);
            if (end < 0) {
                PyErr_Clear();
                t->telling = -1; /* not seekable: tell() will report the error */
            }
        }
        t->pending_cr = 0;
        PyMem_Free(t->pending);
        t->pending = NULL;
        t->npending = 0;
        Py_ssize_t consumed;
        PyObject *text = decode_bytes(t, p, total, final, &consumed);
        if (text == NULL) {
            Py_DECREF(raw);
            return -1;
        }
        if (consumed < total) {
            t->npending = total - consumed;
            t->pending = PyMem_Malloc((size_t)t->npending);
            if (t->pending == NULL) {
                Py_DECREF(text);
                Py_DECREF(raw);
                PyErr_NoMemory();
                return -1;
            }
            memcpy(t->pending, p + consumed, (size_t)t->npending);
        }
        Py_ssize_t tl = PyUnicode_GET_LENGTH(text);
        if (!final && t->readuniversal && tl > 0 && PyUnicode_READ_CHAR(text, tl - 1) == '\r' &&
            t->npending == 0) {
            /* Hold the '\r' back: it may be the first half of "\r\n". */
            PyObject *shorter = PyUnicode_Substring(text, 0, tl - 1);
            Py_DECREF(text);
            if (shorter == NULL) {
                Py_DECREF(raw);
                return -1;
            }
            text = shorter;
            t->pending_cr = 1;
            consumed--;
        }
        if (consumed < total && _PyBytes_Resize(&raw, consumed) < 0) {
            Py_DECREF(text);
            return -1;
        }
        PyObject *tr = translate_newlines(t, text, final);
        Py_DECREF(text);
        if (tr == NULL) {
            Py_DECREF(raw);
            return -1;
        }
        Py_XSETREF(t->decoded, tr);
        t->decoded_pos = 0;
        Py_XSETREF(t->raw_chunk, raw);
        t->chunk_start = end >= 0 ? end - total : -1;
        if (PyUnicode_GET_LENGTH(tr) > 0)
            return 1;
        if (final)
            return 0;
    }
}

static Py_ssize_t decoded_avail(textio *t)
{
    return t->decoded ? PyUnicode_GET_LENGTH(t->decoded) - t->decoded_pos : 0;
}

static PyObject *textio_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    textio *t = (textio *)self;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &n))
        return NULL;
    if (check_open(t) < 0)
        return NULL;
    PyObject *readable = PyObject_CallMethod(t->buffer, "readable", NULL);
    if (readable == NULL)
        return NULL;
    int rd = PyObject_IsTrue(readable);
    Py_DECREF(readable);
    if (rd <= 0)
        return rd < 0 ? NULL : _PyIO_Unsupported("not readable");
    if (buffer_flush(t) < 0)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t have = 0;
    for (;;) {
        Py_ssize_t avail = decoded_avail(t);
        if (avail > 0) {
            Py_ssize_t take = (n < 0 || avail < n - have) ? avail : n - have;
            if (_PyUnicodeWriter_WriteSubstring(&w, t->decoded, t->decoded_pos,
                                                t->decoded_pos + take) < 0)
                goto error;
            t->decoded_pos += take;
            have += take;
        }
        if (n >= 0 && have >= n)
            break;
        int r = read_chunk(t);
        if (r < 0)
            goto error;
        if (r == 0)
            break;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* Position just past the end of the first line ending in decoded[start:], or -1. */
static Py_ssize_t find_line_end(textio *t, PyObject *s, Py_ssize_t start, int *need_more)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    *need_more = 0;
    if (t->readtranslate || (!t->readuniversal && t->writenl == NULL)) {
        Py_ssize_t i = PyUnicode_FindChar(s, '\n', start, n, 1);
        return i < 0 ? -1 : i + 1;
    }
    if (t->readuniversal) {
        for (Py_ssize_t i = start; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\n')
                return i + 1;
            if (c == '\r') {
                if (i + 1 < n)
                    return PyUnicode_READ(kind, data, i + 1) == '\n' ? i + 2 : i + 1;
                *need_more = 1; /* can't tell "\r" from "\r\n" yet */
                return i + 1;
            }
        }
        return -1;
    }
    /* newline is '\r' or '\r\n' */
    const char *nl = PyUnicode_AsUTF8(t->writenl);
    if (nl == NULL) {
        PyErr_Clear();
        return -1;
    }
    if (strcmp(nl, "\r") == 0) {
        Py_ssize_t i = PyUnicode_FindChar(s, '\r', start, n, 1);
        return i < 0 ? -1 : i + 1;
    }
    for (Py_ssize_t i = start; i + 1 < n; i++)
        if (PyUnicode_READ(kind, data, i) == '\r' && PyUnicode_READ(kind, data, i + 1) == '\n')
            return i + 2;
    return -1;
}

static PyObject *readline_impl(textio *t, Py_ssize_t limit)
{
    if (check_open(t) < 0)
        return NULL;
    int rd;
    if (t->fast_buf != NULL)
        rd = t->fast_buf->readable;
    else if (t->fast_raw != NULL)
        rd = t->fast_raw->readable;
    else {
        PyObject *r = PyObject_CallMethod(t->buffer, "readable", NULL);
        if (r == NULL)
            return NULL;
        rd = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (rd < 0)
            return NULL;
    }
    if (!rd)
        return _PyIO_Unsupported("not readable");
    if (buffer_flush(t) < 0)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t have = 0;
    /* The line so far, needed when a line ending spans two chunks. */
    for (;;) {
        if (decoded_avail(t) == 0) {
            int r = read_chunk(t);
            if (r < 0)
                goto error;
            if (r == 0)
                break;
        }
        int need_more;
        Py_ssize_t end = find_line_end(t, t->decoded, t->decoded_pos, &need_more);
        Py_ssize_t stop = end >= 0 ? end : PyUnicode_GET_LENGTH(t->decoded);
        if (limit >= 0 && have + (stop - t->decoded_pos) > limit) {
            stop = t->decoded_pos + (limit - have);
            end = stop;
            need_more = 0;
        }
        if (_PyUnicodeWriter_WriteSubstring(&w, t->decoded, t->decoded_pos, stop) < 0)
            goto error;
        have += stop - t->decoded_pos;
        t->decoded_pos = stop;
        if (end >= 0 && need_more && t->readuniversal && !t->readtranslate) {
            /* a '\r' at the chunk end: peek at the next chunk for '\n' */
            int r = read_chunk(t);
            if (r < 0)
                goto error;
            if (r > 0 && PyUnicode_READ_CHAR(t->decoded, 0) == '\n') {
                if (_PyUnicodeWriter_WriteChar(&w, '\n') < 0)
                    goto error;
                t->decoded_pos = 1;
            }
            break;
        }
        if (end >= 0)
            break;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *textio_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && !_PyIO_ConvertSsize(args[0], &limit))
        return NULL;
    return readline_impl((textio *)self, limit);
}

static PyObject *textio_iternext(PyObject *self)
{
    textio *t = (textio *)self;
    t->iterating = 1;
    PyObject *line = readline_impl(t, -1);
    if (line == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(line) == 0) {
        t->iterating = 0;
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* ---- positions -------------------------------------------------------------------------- */

static Py_ssize_t utf8_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

static long long textio_tell_value(textio *t)
{
    if (t->decoded == NULL && t->npending == 0 && !t->pending_cr)
        return buffer_tell(t);
    if (t->telling < 0 || t->chunk_start < 0) {
        long long r = buffer_tell(t);
        if (r >= 0)
            PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return -1;
    }
    /* Count the bytes behind the characters already consumed from this chunk. */
    const char *raw = t->raw_chunk ? PyBytes_AS_STRING(t->raw_chunk) : "";
    Py_ssize_t rawlen = t->raw_chunk ? PyBytes_GET_SIZE(t->raw_chunk) : 0;
    Py_ssize_t i = 0;
    if (t->is_utf8 || t->is_latin1 || t->is_ascii) {
        for (Py_ssize_t k = 0; k < t->decoded_pos && i < rawlen; k++) {
            if (t->readtranslate && raw[i] == '\r' && i + 1 < rawlen && raw[i + 1] == '\n')
                i += 2;
            else
                i += t->is_utf8 ? utf8_len((unsigned char)raw[i]) : 1;
        }
    }
    else {
        PyObject *prefix = PyUnicode_Substring(t->decoded, 0, t->decoded_pos);
        PyObject *enc = prefix ? PyUnicode_AsEncodedString(prefix, PyUnicode_AsUTF8(t->encoding),
                                                           PyUnicode_AsUTF8(t->errors))
                               : NULL;
        Py_XDECREF(prefix);
        if (enc == NULL)
            return -1;
        i = PyBytes_GET_SIZE(enc);
        Py_DECREF(enc);
    }
    return t->chunk_start + i;
}

static PyObject *textio_tell(PyObject *self, PyObject *unused)
{
    textio *t = (textio *)self;
    if (check_open(t) < 0)
        return NULL;
    PyObject *seekable = PyObject_CallMethod(t->buffer, "seekable", NULL);
    if (seekable == NULL)
        return NULL;
    int sk = PyObject_IsTrue(seekable);
    Py_DECREF(seekable);
    if (sk <= 0)
        return sk < 0 ? NULL : _PyIO_Unsupported("underlying stream is not seekable");
    if (t->iterating) {
        PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    if (buffer_flush(t) < 0)
        return NULL;
    long long v = textio_tell_value(t);
    if (v < 0)
        return NULL;
    return PyLong_FromLongLong(v);
}

static PyObject *textio_seek(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    textio *t = (textio *)self;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    if (check_open(t) < 0)
        return NULL;
    int whence = 0;
    if (nargs > 1 && (whence = PyLong_AsInt(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    PyObject *seekable = PyObject_CallMethod(t->buffer, "seekable", NULL);
    if (seekable == NULL)
        return NULL;
    int sk = PyObject_IsTrue(seekable);
    Py_DECREF(seekable);
    if (sk <= 0)
        return sk < 0 ? NULL : _PyIO_Unsupported("underlying stream is not seekable");
    PyObject *cookie = args[0];
    if (!PyLong_Check(cookie)) {
        PyErr_Format(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    int zero = _PyLong_Sign(cookie) == 0;
    if (whence == 1) {
        if (!zero)
            return _PyIO_Unsupported("can't do nonzero cur-relative seeks");
        return textio_tell(self, NULL);
    }
    if (whence == 2) {
        if (!zero)
            return _PyIO_Unsupported("can't do nonzero end-relative seeks");
        if (buffer_flush(t) < 0)
            return NULL;
        reset_read_state(t);
        t->iterating = 0;
        return PyObject_CallMethod(t->buffer, "seek", "ii", 0, 2);
    }
    if (whence != 0) {
        PyErr_Format(PyExc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
        return NULL;
    }
    if (_PyLong_Sign(cookie) < 0) {
        PyErr_Format(PyExc_ValueError, "negative seek position %R", cookie);
        return NULL;
    }
    if (buffer_flush(t) < 0)
        return NULL;
    reset_read_state(t);
    t->telling = 0;
    t->iterating = 0;
    PyObject *r = PyObject_CallMethod(t->buffer, "seek", "O", cookie);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return Py_NewRef(cookie);
}

static PyObject *textio_truncate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    textio *t = (textio *)self;
    if (check_open(t) < 0)
        return NULL;
    PyObject *r = PyObject_CallMethod(self, "flush", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *pos = nargs > 0 ? args[0] : Py_None;
    if (pos == Py_None) {
        PyObject *cur = textio_tell(self, NULL);
        if (cur == NULL)
            return NULL;
        r = PyObject_CallMethod(t->buffer, "truncate", "O", cur);
        Py_DECREF(cur);
        return r;
    }
    return PyObject_CallMethod(t->buffer, "truncate", "O", pos);
}

/* ---- the rest ------------------------------------------------------------------------- */

static PyObject *textio_flush(PyObject *self, PyObject *unused)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    int c = buffer_closed(t);
    if (c < 0)
        return NULL;
    if (c)
        return _PyIO_ClosedError();
    t->telling = 0;
    if (buffer_flush(t) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *textio_close(PyObject *self, PyObject *unused)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    int c = buffer_closed(t);
    if (c < 0)
        return NULL;
    if (c)
        Py_RETURN_NONE;
    PyObject *r = PyObject_CallMethod(self, "flush", NULL);
    PyObject *exc = r ? NULL : PyErr_GetRaisedException();
    Py_XDECREF(r);
    r = PyObject_CallMethod(t->buffer, "close", NULL);
    if (r == NULL) {
        if (exc != NULL)
            _PyErr_ChainExceptions1(exc);
        return NULL;
    }
    Py_DECREF(r);
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *forward(PyObject *self, const char *name)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    return PyObject_CallMethod(t->buffer, name, NULL);
}

static PyObject *textio_fileno(PyObject *self, PyObject *u) { return forward(self, "fileno"); }
static PyObject *textio_isatty(PyObject *self, PyObject *u) { return forward(self, "isatty"); }
static PyObject *textio_seekable(PyObject *self, PyObject *u) { return forward(self, "seekable"); }
static PyObject *textio_readable(PyObject *self, PyObject *u) { return forward(self, "readable"); }
static PyObject *textio_writable(PyObject *self, PyObject *u) { return forward(self, "writable"); }

static PyObject *textio_detach(PyObject *self, PyObject *unused)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    PyObject *r = PyObject_CallMethod(self, "flush", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *b = t->buffer;
    t->buffer = NULL;
    t->fast_buf = NULL;
    t->fast_raw = NULL;
    t->detached = 1;
    return b;
}

static PyObject *textio_reconfigure(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    textio *t = (textio *)self;
    PyObject *encoding = Py_None, *errors = Py_None, *newline = NULL;
    PyObject *lb = Py_None, *wt = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist, &encoding,
                                     &errors, &newline, &lb, &wt))
        return NULL;
    if (check_attached(t) < 0)
        return NULL;
    PyObject *r = PyObject_CallMethod(self, "flush", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    if (encoding != Py_None) {
        if (!PyUnicode_Check(encoding)) {
            PyErr_SetString(PyExc_TypeError, "reconfigure() argument 'encoding' must be str or None");
            return NULL;
        }
        Py_XSETREF(t->encoding, _PyUnicode_EqualToASCIIString(encoding, "locale")
                                    ? default_encoding() : Py_NewRef(encoding));
        if (t->encoding == NULL)
            return NULL;
        classify_encoding(t);
        if (errors == Py_None) {
            Py_XSETREF(t->errors, PyUnicode_FromString("strict"));
            if (t->errors == NULL)
                return NULL;
        }
    }
    if (errors != Py_None) {
        if (!PyUnicode_Check(errors)) {
            PyErr_SetString(PyExc_TypeError, "reconfigure() argument 'errors' must be str or None");
            return NULL;
        }
        Py_XSETREF(t->errors, Py_NewRef(errors));
    }
    if (newline != NULL && set_newline(t, newline) < 0)
        return NULL;
    if (lb != Py_None) {
        int v = PyObject_IsTrue(lb);
        if (v < 0)
            return NULL;
        t->line_buffering = v;
    }
    if (wt != Py_None) {
        int v = PyObject_IsTrue(wt);
        if (v < 0)
            return NULL;
        t->write_through = v;
    }
    Py_RETURN_NONE;
}

static PyObject *getattr_buffer(PyObject *self, const char *name)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    return PyObject_GetAttrString(t->buffer, name);
}

static PyObject *textio_get_closed(PyObject *self, void *c) { return getattr_buffer(self, "closed"); }
static PyObject *textio_get_name(PyObject *self, void *c) { return getattr_buffer(self, "name"); }

static PyObject *textio_get_buffer(PyObject *self, void *c)
{
    textio *t = (textio *)self;
    if (check_attached(t) < 0)
        return NULL;
    return Py_NewRef(t->buffer);
}

static PyObject *textio_get_encoding(PyObject *self, void *c)
{
    textio *t = (textio *)self;
    if (!t->ok || t->encoding == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(t->encoding);
}

static PyObject *textio_get_errors(PyObject *self, void *c)
{
    textio *t = (textio *)self;
    if (!t->ok || t->errors == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(t->errors);
}

static PyObject *textio_get_line_buffering(PyObject *self, void *c)
{
    return PyBool_FromLong(((textio *)self)->line_buffering);
}

static PyObject *textio_get_write_through(PyObject *self, void *c)
{
    return PyBool_FromLong(((textio *)self)->write_through);
}

static PyObject *textio_get_newlines(PyObject *self, void *c)
{
    textio *t = (textio *)self;
    if (!t->readuniversal)
        Py_RETURN_NONE;
    static const char *const names[] = {NULL, "\r", "\n", NULL, "\r\n"};
    int s = t->seen_newlines;
    int count = ((s & 1) != 0) + ((s & 2) != 0) + ((s & 4) != 0);
    if (count == 0)
        Py_RETURN_NONE;
    if (count == 1)
        return PyUnicode_FromString(names[s]);
    PyObject *tup = PyTuple_New(count);
    if (tup == NULL)
        return NULL;
    int k = 0;
    const int order[3] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        if (s & order[i]) {
            PyObject *v = PyUnicode_FromString(names[order[i]]);
            if (v == NULL) {
                Py_DECREF(tup);
                return NULL;
            }
            PyTuple_SET_ITEM(tup, k++, v);
        }
    }
    return tup;
}

static PyObject *textio_repr(PyObject *self)
{
    textio *t = (textio *)self;
    if (!t->ok)
        return PyUnicode_FromFormat("<%s>", Py_TYPE(self)->tp_name);
    if (Py_ReprEnter(self) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("<%s", Py_TYPE(self)->tp_name);
    PyObject *name = NULL, *mode = NULL;
    if (res != NULL && PyObject_GetOptionalAttrString(self, "name", &name) < 0) {
        if (PyErr_ExceptionMatches(PyExc_ValueError))
            PyErr_Clear();
        else
            Py_CLEAR(res);
    }
    if (res != NULL && name != NULL) {
        PyObject *s = PyUnicode_FromFormat("%U name=%R", res, name);
        Py_SETREF(res, s);
    }
    if (res != NULL && PyObject_GetOptionalAttrString(self, "mode", &mode) < 0)
        Py_CLEAR(res);
    if (res != NULL && mode != NULL) {
        PyObject *s = PyUnicode_FromFormat("%U mode=%R", res, mode);
        Py_SETREF(res, s);
    }
    if (res != NULL) {
        PyObject *s = PyUnicode_FromFormat("%U encoding=%R>", res, t->encoding);
        Py_SETREF(res, s);
    }
    Py_XDECREF(name);
    Py_XDECREF(mode);
    Py_ReprLeave(self);
    return res;
}

static int textio_traverse(PyObject *self, visitproc visit, void *arg)
{
    textio *t = (textio *)self;
    Py_VISIT(t->buffer);
    Py_VISIT(t->dict);
    return 0;
}

static int textio_clear(PyObject *self)
{
    textio *t = (textio *)self;
    t->ok = 0;
    t->fast_buf = NULL;
    t->fast_raw = NULL;
    Py_CLEAR(t->buffer);
    Py_CLEAR(t->dict);
    return 0;
}

static void textio_dealloc(PyObject *self)
{
    textio *t = (textio *)self;
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    if (t->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    t->fast_buf = NULL;
    t->fast_raw = NULL;
    Py_CLEAR(t->buffer);
    Py_CLEAR(t->dict);
    Py_CLEAR(t->encoding);
    Py_CLEAR(t->errors);
    Py_CLEAR(t->writenl);
    reset_read_state(t);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef textio_methods[] = {
    {"write", textio_write, METH_O, NULL},
    {"read", _PyCFunction_CAST(textio_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(textio_readline), METH_FASTCALL, NULL},
    {"flush", textio_flush, METH_NOARGS, NULL},
    {"close", textio_close, METH_NOARGS, NULL},
    {"tell", textio_tell, METH_NOARGS, NULL},
    {"seek", _PyCFunction_CAST(textio_seek), METH_FASTCALL, NULL},
    {"truncate", _PyCFunction_CAST(textio_truncate), METH_FASTCALL, NULL},
    {"fileno", textio_fileno, METH_NOARGS, NULL},
    {"isatty", textio_isatty, METH_NOARGS, NULL},
    {"seekable", textio_seekable, METH_NOARGS, NULL},
    {"readable", textio_readable, METH_NOARGS, NULL},
    {"writable", textio_writable, METH_NOARGS, NULL},
    {"detach", textio_detach, METH_NOARGS, NULL},
    {"reconfigure", _PyCFunction_CAST(textio_reconfigure), METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef textio_getset[] = {
    {"closed", textio_get_closed, NULL, NULL, NULL},
    {"name", textio_get_name, NULL, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(textio),
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Character and line based layer over a BufferedIOBase object.",
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_weaklistoffset = offsetof(textio, weakreflist),
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
    .tp_base = &_PyTextIOBase_Type,
    .tp_dictoffset = offsetof(textio, dict),
    .tp_init = textio_init,
    .tp_new = PyType_GenericNew,
    .tp_finalize = _PyIO_Finalize,
};
