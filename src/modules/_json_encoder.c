/* _json encoder: string escaping and the one-shot Encoder used by json.dumps.
 * The whole document is written into one growable str writer; the Python-level
 * iterencode protocol only sees a single chunk. */
#include "Python.h"
#include "_json_internal.h"
#include <math.h>
#include <stddef.h>

static const char hexdigits[] = "0123456789abcdef";

/* Length of the escaped form of c (without quotes); ascii_only selects \uXXXX for c > 0x7e. */
static inline Py_ssize_t escaped_len(Py_UCS4 c, int ascii_only)
{
    if (c >= ' ' && c <= '~' && c != '\\' && c != '"')
        return 1;
    switch (c) {
    case '\\': case '"': case '\b': case '\f': case '\n': case '\r': case '\t':
        return 2;
    }
    if (c < ' ')
        return 6;
    if (!ascii_only)
        return 1;
    return c >= 0x10000 ? 12 : 6;
}

static inline Py_ssize_t put_u4(int kind, void *out, Py_ssize_t o, Py_UCS4 c)
{
    PyUnicode_WRITE(kind, out, o++, '\\');
    PyUnicode_WRITE(kind, out, o++, 'u');
    PyUnicode_WRITE(kind, out, o++, hexdigits[(c >> 12) & 0xf]);
    PyUnicode_WRITE(kind, out, o++, hexdigits[(c >> 8) & 0xf]);
    PyUnicode_WRITE(kind, out, o++, hexdigits[(c >> 4) & 0xf]);
    PyUnicode_WRITE(kind, out, o++, hexdigits[c & 0xf]);
    return o;
}

/* Write the quoted, escaped form of str s into the writer. */
static int write_escaped(_PyUnicodeWriter *w, PyObject *s, int ascii_only)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t outlen = 2;
    Py_UCS4 maxchar = 127;
    if (kind == PyUnicode_1BYTE_KIND && ascii_only) {
        const unsigned char *p = data;
        for (Py_ssize_t i = 0; i < n; i++)
            outlen += escaped_len(p[i], 1);
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            outlen += escaped_len(c, ascii_only);
            if (!ascii_only && c > maxchar)
                maxchar = c;
        }
    }
    if (outlen - 2 == n) {
        /* Nothing to escape: copy the text between two quotes. */
        if (_PyUnicodeWriter_WriteChar(w, '"') < 0 || _PyUnicodeWriter_WriteStr(w, s) < 0 ||
            _PyUnicodeWriter_WriteChar(w, '"') < 0)
            return -1;
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(w, outlen, maxchar) < 0)
        return -1;
    int okind = w->kind;
    void *out = w->data;
    Py_ssize_t o = w->pos;
    PyUnicode_WRITE(okind, out, o++, '"');
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= ' ' && c <= '~' && c != '\\' && c != '"') {
            PyUnicode_WRITE(okind, out, o++, c);
            continue;
        }
        Py_UCS4 short_esc = 0;
        switch (c) {
        case '\\': short_esc = '\\'; break;
        case '"': short_esc = '"'; break;
        case '\b': short_esc = 'b'; break;
        case '\f': short_esc = 'f'; break;
        case '\n': short_esc = 'n'; break;
        case '\r': short_esc = 'r'; break;
        case '\t': short_esc = 't'; break;
        }
        if (short_esc) {
            PyUnicode_WRITE(okind, out, o++, '\\');
            PyUnicode_WRITE(okind, out, o++, short_esc);
        }
        else if (c < ' ') {
            o = put_u4(okind, out, o, c);
        }
        else if (!ascii_only) {
            PyUnicode_WRITE(okind, out, o++, c);
        }
        else if (c >= 0x10000) {
            Py_UCS4 v = c - 0x10000;
            o = put_u4(okind, out, o, 0xd800 | ((v >> 10) & 0x3ff));
            o = put_u4(okind, out, o, 0xdc00 | (v & 0x3ff));
        }
        else {
            o = put_u4(okind, out, o, c);
        }
    }
    PyUnicode_WRITE(okind, out, o++, '"');
    w->pos = o;
    return 0;
}

static PyObject *encode_str(PyObject *s, int ascii_only)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (write_escaped(&w, s, ascii_only) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *_KrJSON_encode_basestring_ascii(PyObject *module, PyObject *s)
{
    return encode_str(s, 1);
}

PyObject *_KrJSON_encode_basestring(PyObject *module, PyObject *s)
{
    return encode_str(s, 0);
}

/* ---- the Encoder type ----------------------------------------------------------------- */

enum { FAST_NONE, FAST_ASCII, FAST_UNICODE };

typedef struct {
    PyObject_HEAD
    PyObject *markers;        /* dict id -> object, or None */
    PyObject *defaultfn;
    PyObject *encoder;
    PyObject *indent;         /* str or None */
    PyObject *key_separator;
    PyObject *item_separator;
    char sort_keys;
    char skipkeys;
    char allow_nan;
    int fast_encode;
} EncoderObject;

static PyMemberDef encoder_members[] = {
    {"markers", _Py_T_OBJECT, offsetof(EncoderObject, markers), Py_READONLY, NULL},
    {"default", _Py_T_OBJECT, offsetof(EncoderObject, defaultfn), Py_READONLY, NULL},
    {"encoder", _Py_T_OBJECT, offsetof(EncoderObject, encoder), Py_READONLY, NULL},
    {"indent", _Py_T_OBJECT, offsetof(EncoderObject, indent), Py_READONLY, NULL},
    {"key_separator", _Py_T_OBJECT, offsetof(EncoderObject, key_separator), Py_READONLY, NULL},
    {"item_separator", _Py_T_OBJECT, offsetof(EncoderObject, item_separator), Py_READONLY, NULL},
    {"sort_keys", Py_T_BOOL, offsetof(EncoderObject, sort_keys), Py_READONLY, NULL},
    {"skipkeys", Py_T_BOOL, offsetof(EncoderObject, skipkeys), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int fast_kind(PyObject *encoder)
{
    if (!PyCFunction_Check(encoder))
        return FAST_NONE;
    PyCFunction f = ((PyCFunctionObject *)encoder)->m_ml->ml_meth;
    if (f == (PyCFunction)_KrJSON_encode_basestring_ascii)
        return FAST_ASCII;
    if (f == (PyCFunction)_KrJSON_encode_basestring)
        return FAST_UNICODE;
    return FAST_NONE;
}

static PyObject *encoder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"markers", "default", "encoder", "indent",
                                         "key_separator", "item_separator", "sort_keys",
                                         "skipkeys", "allow_nan", NULL};
    PyObject *markers, *defaultfn, *encoder, *indent, *key_sep, *item_sep;
    int sort_keys, skipkeys, allow_nan;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOUUppp:make_encoder", (char **)kwlist,
                                     &markers, &defaultfn, &encoder, &indent, &key_sep,
                                     &item_sep, &sort_keys, &skipkeys, &allow_nan))
        return NULL;
    if (markers != Py_None && !PyDict_Check(markers)) {
        PyErr_Format(PyExc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                     Py_TYPE(markers)->tp_name);
        return NULL;
    }
    if (indent != Py_None && !PyUnicode_Check(indent)) {
        PyErr_Format(PyExc_TypeError, "make_encoder() argument 4 must be str or None, not %.200s",
                     Py_TYPE(indent)->tp_name);
        return NULL;
    }
    EncoderObject *s = (EncoderObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->markers = Py_NewRef(markers);
    s->defaultfn = Py_NewRef(defaultfn);
    s->encoder = Py_NewRef(encoder);
    s->indent = Py_NewRef(indent);
    s->key_separator = Py_NewRef(key_sep);
    s->item_separator = Py_NewRef(item_sep);
    s->sort_keys = (char)sort_keys;
    s->skipkeys = (char)skipkeys;
    s->allow_nan = (char)allow_nan;
    s->fast_encode = fast_kind(encoder);
    return (PyObject *)s;
}

static int write_str(EncoderObject *s, _PyUnicodeWriter *w, PyObject *str)
{
    if (s->fast_encode != FAST_NONE)
        return write_escaped(w, str, s->fast_encode == FAST_ASCII);
    PyObject *r = PyObject_CallOneArg(s->encoder, str);
    if (r == NULL)
        return -1;
    if (!PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError, "encoder() must return a string, not %.80s",
                     Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return -1;
    }
    int rc = _PyUnicodeWriter_WriteStr(w, r);
    Py_DECREF(r);
    return rc;
}

/* The JSON text of a float (a new str), honouring allow_nan. */
static PyObject *float_text(EncoderObject *s, PyObject *obj)
{
    double x = PyFloat_AS_DOUBLE(obj);
    if (isfinite(x))
        return PyFloat_Type.tp_repr(obj);
    if (!s->allow_nan) {
        PyErr_Format(PyExc_ValueError, "Out of range float values are not JSON compliant: %R",
                     obj);
        return NULL;
    }
    if (x > 0)
        return PyUnicode_FromString("Infinity");
    if (x < 0)
        return PyUnicode_FromString("-Infinity");
    return PyUnicode_FromString("NaN");
}

static int write_new(_PyUnicodeWriter *w, PyObject *text)
{
    if (text == NULL)
        return -1;
    int rc = _PyUnicodeWriter_WriteStr(w, text);
    Py_DECREF(text);
    return rc;
}

static int write_newline_indent(EncoderObject *s, _PyUnicodeWriter *w, Py_ssize_t level)
{
    if (_PyUnicodeWriter_WriteChar(w, '\n') < 0)
        return -1;
    for (Py_ssize_t i = 0; i < level; i++)
        if (_PyUnicodeWriter_WriteStr(w, s->indent) < 0)
            return -1;
    return 0;
}

/* Separator between items: item_separator, then a newline and indentation when indenting. */
static int write_item_separator(EncoderObject *s, _PyUnicodeWriter *w, Py_ssize_t level)
{
    if (_PyUnicodeWriter_WriteStr(w, s->item_separator) < 0)
        return -1;
    return s->indent == Py_None ? 0 : write_newline_indent(s, w, level);
}

static int encode_obj(EncoderObject *s, _PyUnicodeWriter *w, PyObject *obj, Py_ssize_t level);

/* Registers obj in the markers dict; *ident receives the key to remove afterwards. */
static int mark(EncoderObject *s, PyObject *obj, PyObject **ident)
{
    *ident = NULL;
    if (s->markers == Py_None)
        return 0;
    PyObject *id = PyLong_FromVoidPtr(obj);
    if (id == NULL)
        return -1;
    int has = PyDict_Contains(s->markers, id);
    if (has != 0) {
        if (has > 0)
            PyErr_SetString(PyExc_ValueError, "Circular reference detected");
        Py_DECREF(id);
        return -1;
    }
    if (PyDict_SetItem(s->markers, id, obj) < 0) {
        Py_DECREF(id);
        return -1;
    }
    *ident = id;
    return 0;
}

static int unmark(EncoderObject *s, PyObject *ident)
{
    if (ident == NULL)
        return 0;
    int rc = PyDict_DelItem(s->markers, ident);
    Py_DECREF(ident);
    return rc;
}

/* Opening bracket, and the first line break when indenting (*level is the inner level). */
static int open_container(EncoderObject *s, _PyUnicodeWriter *w, Py_UCS4 open, Py_ssize_t *level)
{
    if (_PyUnicodeWriter_WriteChar(w, open) < 0)
        return -1;
    if (s->indent == Py_None)
        return 0;
    ++*level;
    return write_newline_indent(s, w, *level);
}

/* Releases the circular-reference marker, then writes the closing bracket. */
static int close_container(EncoderObject *s, _PyUnicodeWriter *w, PyObject *ident,
                           Py_ssize_t level, Py_UCS4 close)
{
    if (unmark(s, ident) < 0)
        return -1;
    if (s->indent != Py_None && write_newline_indent(s, w, level - 1) < 0)
        return -1;
    return _PyUnicodeWriter_WriteChar(w, close);
}

static int encode_list(EncoderObject *s, _PyUnicodeWriter *w, PyObject *seq, Py_ssize_t level)
{
    PyObject *fast = PySequence_Fast(seq, "_iterencode_list needs a sequence");
    if (fast == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(fast) == 0) {
        Py_DECREF(fast);
        return _PyUnicodeWriter_WriteASCIIString(w, "[]", 2);
    }
    PyObject *ident;
    if (mark(s, seq, &ident) < 0) {
        Py_DECREF(fast);
        return -1;
    }
    if (open_container(s, w, '[', &level) < 0)
        goto error;
    /* The list may change size under a default() callback: re-read the size each time. */
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        if (i > 0 && write_item_separator(s, w, level) < 0)
            goto error;
        PyObject *item = Py_NewRef(PySequence_Fast_GET_ITEM(fast, i));
        int rc = encode_obj(s, w, item, level);
        Py_DECREF(item);
        if (rc < 0)
            goto error;
    }
    Py_DECREF(fast);
    return close_container(s, w, ident, level, ']');
error:
    Py_XDECREF(ident);
    Py_DECREF(fast);
    return -1;
}

/* Writes one "key": value pair; *first tracks whether a separator is needed. */
static int encode_pair(EncoderObject *s, _PyUnicodeWriter *w, PyObject *key, PyObject *value,
                       Py_ssize_t level, int *first)
{
    PyObject *keystr;
    if (PyUnicode_Check(key))
        keystr = Py_NewRef(key);
    else if (PyFloat_Check(key))
        keystr = float_text(s, key);
    else if (key == Py_True)
        keystr = PyUnicode_FromString("true");
    else if (key == Py_False)
        keystr = PyUnicode_FromString("false");
    else if (key == Py_None)
        keystr = PyUnicode_FromString("null");
    else if (PyLong_Check(key))
        keystr = PyLong_Type.tp_repr(key);
    else if (s->skipkeys)
        return 0;
    else {
        PyErr_Format(PyExc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                     Py_TYPE(key)->tp_name);
        return -1;
    }
    if (keystr == NULL)
        return -1;
    int rc = -1;
    if (!*first && write_item_separator(s, w, level) < 0)
        goto done;
    *first = 0;
    if (write_str(s, w, keystr) < 0 || _PyUnicodeWriter_WriteStr(w, s->key_separator) < 0)
        goto done;
    rc = encode_obj(s, w, value, level);
done:
    Py_DECREF(keystr);
    return rc;
}

static int encode_dict(EncoderObject *s, _PyUnicodeWriter *w, PyObject *dct, Py_ssize_t level)
{
    if (PyDict_GET_SIZE(dct) == 0)
        return _PyUnicodeWriter_WriteASCIIString(w, "{}", 2);
    PyObject *ident, *items = NULL;
    if (mark(s, dct, &ident) < 0)
        return -1;
    if (open_container(s, w, '{', &level) < 0)
        goto error;
    int first = 1;
    if (s->sort_keys || !PyDict_CheckExact(dct)) {
        items = PyMapping_Items(dct);
        if (items == NULL || (s->sort_keys && PyList_Sort(items) < 0))
            goto error;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
            PyObject *pair = PyList_GET_ITEM(items, i);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_ValueError, "items must return 2-tuples");
                goto error;
            }
            PyObject *k = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
            PyObject *v = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
            int rc = encode_pair(s, w, k, v, level, &first);
            Py_DECREF(k);
            Py_DECREF(v);
            if (rc < 0)
                goto error;
        }
        Py_CLEAR(items);
    }
    else {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(dct, &pos, &k, &v)) {
            Py_INCREF(k);
            Py_INCREF(v);
            int rc = encode_pair(s, w, k, v, level, &first);
            Py_DECREF(k);
            Py_DECREF(v);
            if (rc < 0)
                goto error;
        }
    }
    return close_container(s, w, ident, level, '}');
error:
    Py_XDECREF(items);
    Py_XDECREF(ident);
    return -1;
}

static int encode_obj(EncoderObject *s, _PyUnicodeWriter *w, PyObject *obj, Py_ssize_t level)
{
    if (obj == Py_None)
        return _PyUnicodeWriter_WriteASCIIString(w, "null", 4);
    if (obj == Py_True)
        return _PyUnicodeWriter_WriteASCIIString(w, "true", 4);
    if (obj == Py_False)
        return _PyUnicodeWriter_WriteASCIIString(w, "false", 5);
    if (PyUnicode_Check(obj))
        return write_str(s, w, obj);
    if (PyLong_Check(obj))
        return write_new(w, PyLong_Type.tp_repr(obj));
    if (PyFloat_Check(obj))
        return write_new(w, float_text(s, obj));
    int rc;
    if (PyList_Check(obj) || PyTuple_Check(obj) || PyDict_Check(obj)) {
        if (Py_EnterRecursiveCall(" while encoding a JSON object"))
            return -1;
        rc = PyDict_Check(obj) ? encode_dict(s, w, obj, level) : encode_list(s, w, obj, level);
        Py_LeaveRecursiveCall();
        return rc;
    }
    PyObject *ident;
    if (mark(s, obj, &ident) < 0)
        return -1;
    PyObject *newobj = PyObject_CallOneArg(s->defaultfn, obj);
    if (newobj == NULL) {
        Py_XDECREF(ident);
        return -1;
    }
    if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
        Py_DECREF(newobj);
        Py_XDECREF(ident);
        return -1;
    }
    rc = encode_obj(s, w, newobj, level);
    Py_LeaveRecursiveCall();
    Py_DECREF(newobj);
    if (rc < 0) {
        Py_XDECREF(ident);
        return -1;
    }
    return unmark(s, ident);
}

static PyObject *encoder_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"obj", "_current_indent_level", NULL};
    PyObject *obj;
    Py_ssize_t level;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:_iterencode", (char **)kwlist, &obj, &level))
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    if (encode_obj((EncoderObject *)self, &w, obj, level) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    PyObject *text = _PyUnicodeWriter_Finish(&w);
    if (text == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(1, text);
    Py_DECREF(text);
    return r;
}

static int encoder_traverse(PyObject *op, visitproc visit, void *arg)
{
    EncoderObject *s = (EncoderObject *)op;
    Py_VISIT(s->markers);
    Py_VISIT(s->defaultfn);
    Py_VISIT(s->encoder);
    Py_VISIT(s->indent);
    Py_VISIT(s->key_separator);
    Py_VISIT(s->item_separator);
    return 0;
}

static int encoder_clear(PyObject *op)
{
    EncoderObject *s = (EncoderObject *)op;
    Py_CLEAR(s->markers);
    Py_CLEAR(s->defaultfn);
    Py_CLEAR(s->encoder);
    Py_CLEAR(s->indent);
    Py_CLEAR(s->key_separator);
    Py_CLEAR(s->item_separator);
    return 0;
}

static void encoder_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    encoder_clear(op);
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject _KrJSON_EncoderType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(EncoderObject),
    .tp_dealloc = encoder_dealloc,
    .tp_call = encoder_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Encoder(markers, default, encoder, indent, key_separator, item_separator, "
              "sort_keys, skipkeys, allow_nan)",
    .tp_traverse = encoder_traverse,
    .tp_clear = encoder_clear,
    .tp_members = encoder_members,
    .tp_new = encoder_new,
};
