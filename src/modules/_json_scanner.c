/* _json scanner: scanstring and the Scanner type behind json.loads. It walks the str's
 * code units directly (any PEP 393 kind) and builds values without Python-level calls
 * except for the user's hooks. Error positions and messages are CPython's. */
#include "Python.h"
#include "_json_internal.h"
#include <stddef.h>
#include <string.h>

PyObject *_KrJSON_RaiseDecodeError(const char *msg, PyObject *doc, Py_ssize_t pos)
{
    PyObject *mod = PyImport_ImportModule("json.decoder");
    if (mod == NULL)
        return NULL;
    PyObject *cls = PyObject_GetAttrString(mod, "JSONDecodeError");
    Py_DECREF(mod);
    if (cls == NULL)
        return NULL;
    PyObject *exc = PyObject_CallFunction(cls, "sOn", msg, doc, pos);
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
    Py_DECREF(cls);
    return NULL;
}

static PyObject *stop_iteration(Py_ssize_t idx)
{
    PyObject *v = PyLong_FromSsize_t(idx);
    if (v != NULL) {
        PyErr_SetObject(PyExc_StopIteration, v);
        Py_DECREF(v);
    }
    return NULL;
}

static inline int is_ws(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline int hexval(Py_UCS4 c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* Four hex digits at data[i..i+4) as a code point, or -1. */
static long read_u4(int kind, const void *data, Py_ssize_t i)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int d = hexval(PyUnicode_READ(kind, data, i + k));
        if (d < 0)
            return -1;
        v = (v << 4) | d;
    }
    return v;
}

/* Decode the string body that starts at `end` (just after the opening quote). On success
 * *next_end is the index after the closing quote. */
static PyObject *scanstring_unicode(PyObject *pystr, Py_ssize_t end, int strict,
                                    Py_ssize_t *next_end)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    Py_ssize_t begin = end - 1;
    if (end < 0 || end > len) {
        PyErr_SetString(PyExc_ValueError, "end is out of bounds");
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    int used_writer = 0;
    for (;;) {
        Py_ssize_t next = end;
        Py_UCS4 c = 0;
        for (; next < len; next++) {
            c = PyUnicode_READ(kind, data, next);
            if (c == '"' || c == '\\')
                break;
            if (c <= 0x1f && strict) {
                _KrJSON_RaiseDecodeError("Invalid control character at", pystr, next);
                goto bail;
            }
        }
        if (next >= len) {
            _KrJSON_RaiseDecodeError("Unterminated string starting at", pystr, begin);
            goto bail;
        }
        if (c == '"' && !used_writer) {
            /* The common case: no escapes at all, so the result is a plain slice. */
            *next_end = next + 1;
            return PyUnicode_Substring(pystr, end, next);
        }
        if (next > end && _PyUnicodeWriter_WriteSubstring(&w, pystr, end, next) < 0)
            goto bail;
        used_writer = 1;
        next++;
        if (c == '"') {
            end = next;
            break;
        }
        if (next == len) {
            _KrJSON_RaiseDecodeError("Unterminated string starting at", pystr, begin);
            goto bail;
        }
        c = PyUnicode_READ(kind, data, next);
        if (c != 'u') {
            end = next + 1;
            switch (c) {
            case '"': case '\\': case '/': break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default:
                _KrJSON_RaiseDecodeError("Invalid \\escape", pystr, end - 2);
                goto bail;
            }
        }
        else {
            next++; /* first hex digit */
            end = next + 4;
            if (end >= len) {
                _KrJSON_RaiseDecodeError("Invalid \\uXXXX escape", pystr, next - 1);
                goto bail;
            }
            long v = read_u4(kind, data, next);
            if (v < 0) {
                _KrJSON_RaiseDecodeError("Invalid \\uXXXX escape", pystr, end - 5);
                goto bail;
            }
            c = (Py_UCS4)v;
            /* A high surrogate escape followed by a low one is one astral character. */
            if (c >= 0xd800 && c <= 0xdbff && end + 6 < len &&
                PyUnicode_READ(kind, data, end) == '\\' &&
                PyUnicode_READ(kind, data, end + 1) == 'u') {
                long v2 = read_u4(kind, data, end + 2);
                if (v2 < 0) {
                    _KrJSON_RaiseDecodeError("Invalid \\uXXXX escape", pystr, end + 1);
                    goto bail;
                }
                if (v2 >= 0xdc00 && v2 <= 0xdfff) {
                    c = 0x10000 + ((c - 0xd800) << 10) + (Py_UCS4)(v2 - 0xdc00);
                    end += 6;
                }
            }
        }
        if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
            goto bail;
    }
    *next_end = end;
    return _PyUnicodeWriter_Finish(&w);
bail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *_KrJSON_scanstring(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "scanstring expected 2 or 3 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    Py_ssize_t end = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (end == -1 && PyErr_Occurred())
        return NULL;
    int strict = 1;
    if (nargs == 3 && (strict = PyObject_IsTrue(args[2])) < 0)
        return NULL;
    Py_ssize_t next_end = -1;
    PyObject *s = scanstring_unicode(args[0], end, strict, &next_end);
    if (s == NULL)
        return NULL;
    PyObject *r = Py_BuildValue("(Nn)", s, next_end);
    return r;
}

/* ---- the Scanner type ----------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    char strict;
    PyObject *object_hook;
    PyObject *object_pairs_hook;
    PyObject *parse_float;
    PyObject *parse_int;
    PyObject *parse_constant;
    PyObject *memo; /* dict interning object keys within one document */
} ScannerObject;

static PyMemberDef scanner_members[] = {
    {"strict", Py_T_BOOL, offsetof(ScannerObject, strict), Py_READONLY, "strict"},
    {"object_hook", _Py_T_OBJECT, offsetof(ScannerObject, object_hook), Py_READONLY, NULL},
    {"object_pairs_hook", _Py_T_OBJECT, offsetof(ScannerObject, object_pairs_hook), Py_READONLY, NULL},
    {"parse_float", _Py_T_OBJECT, offsetof(ScannerObject, parse_float), Py_READONLY, NULL},
    {"parse_int", _Py_T_OBJECT, offsetof(ScannerObject, parse_int), Py_READONLY, NULL},
    {"parse_constant", _Py_T_OBJECT, offsetof(ScannerObject, parse_constant), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *scan_once(ScannerObject *s, PyObject *pystr, Py_ssize_t idx, Py_ssize_t *next);

static Py_ssize_t skip_ws(int kind, const void *data, Py_ssize_t i, Py_ssize_t len)
{
    while (i < len && is_ws(PyUnicode_READ(kind, data, i)))
        i++;
    return i;
}

/* After an item of an object or array: the closing character (1, *pidx at it), or a comma
 * and the start of the next item (0, *pidx at it); -1 with JSONDecodeError otherwise. */
static int after_item(PyObject *pystr, Py_ssize_t *pidx, Py_UCS4 close, const char *trailing_msg)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    Py_ssize_t idx = skip_ws(kind, data, *pidx, len);
    if (idx < len && PyUnicode_READ(kind, data, idx) == close) {
        *pidx = idx;
        return 1;
    }
    if (idx >= len || PyUnicode_READ(kind, data, idx) != ',') {
        _KrJSON_RaiseDecodeError("Expecting ',' delimiter", pystr, idx);
        return -1;
    }
    Py_ssize_t comma = idx;
    idx = skip_ws(kind, data, idx + 1, len);
    if (idx < len && PyUnicode_READ(kind, data, idx) == close) {
        _KrJSON_RaiseDecodeError(trailing_msg, pystr, comma);
        return -1;
    }
    *pidx = idx;
    return 0;
}

static PyObject *parse_object(ScannerObject *s, PyObject *pystr, Py_ssize_t idx, Py_ssize_t *next)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    int pairs_hook = s->object_pairs_hook != Py_None;
    PyObject *key = NULL, *val = NULL;
    PyObject *rval = pairs_hook ? PyList_New(0) : PyDict_New();
    if (rval == NULL)
        return NULL;
    idx = skip_ws(kind, data, idx, len);
    if (idx >= len || PyUnicode_READ(kind, data, idx) != '}') {
        for (;;) {
            if (idx >= len || PyUnicode_READ(kind, data, idx) != '"') {
                _KrJSON_RaiseDecodeError("Expecting property name enclosed in double quotes",
                                         pystr, idx);
                goto bail;
            }
            Py_ssize_t after;
            PyObject *raw = scanstring_unicode(pystr, idx + 1, s->strict, &after);
            if (raw == NULL)
                goto bail;
            if (PyDict_SetDefaultRef(s->memo, raw, raw, &key) < 0) {
                Py_DECREF(raw);
                goto bail;
            }
            Py_DECREF(raw);
            idx = skip_ws(kind, data, after, len);
            if (idx >= len || PyUnicode_READ(kind, data, idx) != ':') {
                _KrJSON_RaiseDecodeError("Expecting ':' delimiter", pystr, idx);
                goto bail;
            }
            idx = skip_ws(kind, data, idx + 1, len);
            val = scan_once(s, pystr, idx, &after);
            if (val == NULL)
                goto bail;
            if (pairs_hook) {
                PyObject *item = PyTuple_Pack(2, key, val);
                if (item == NULL || PyList_Append(rval, item) < 0) {
                    Py_XDECREF(item);
                    goto bail;
                }
                Py_DECREF(item);
            }
            else if (PyDict_SetItem(rval, key, val) < 0) {
                goto bail;
            }
            Py_CLEAR(key);
            Py_CLEAR(val);
            idx = after;
            int end = after_item(pystr, &idx, '}', "Illegal trailing comma before end of object");
            if (end < 0)
                goto bail;
            if (end)
                break;
        }
    }
    *next = idx + 1;
    if (pairs_hook) {
        PyObject *r = PyObject_CallOneArg(s->object_pairs_hook, rval);
        Py_DECREF(rval);
        return r;
    }
    if (s->object_hook != Py_None) {
        PyObject *r = PyObject_CallOneArg(s->object_hook, rval);
        Py_DECREF(rval);
        return r;
    }
    return rval;
bail:
    Py_XDECREF(key);
    Py_XDECREF(val);
    Py_DECREF(rval);
    return NULL;
}

static PyObject *parse_array(ScannerObject *s, PyObject *pystr, Py_ssize_t idx, Py_ssize_t *next)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    PyObject *rval = PyList_New(0);
    if (rval == NULL)
        return NULL;
    idx = skip_ws(kind, data, idx, len);
    if (idx >= len || PyUnicode_READ(kind, data, idx) != ']') {
        for (;;) {
            Py_ssize_t after;
            PyObject *val = scan_once(s, pystr, idx, &after);
            if (val == NULL)
                goto bail;
            int rc = PyList_Append(rval, val);
            Py_DECREF(val);
            if (rc < 0)
                goto bail;
            idx = after;
            int end = after_item(pystr, &idx, ']', "Illegal trailing comma before end of array");
            if (end < 0)
                goto bail;
            if (end)
                break;
        }
    }
    *next = idx + 1;
    return rval;
bail:
    Py_DECREF(rval);
    return NULL;
}

static PyObject *parse_constant(ScannerObject *s, const char *name, Py_ssize_t idx,
                                Py_ssize_t *next)
{
    PyObject *str = PyUnicode_FromString(name);
    if (str == NULL)
        return NULL;
    PyObject *r = PyObject_CallOneArg(s->parse_constant, str);
    Py_DECREF(str);
    *next = idx + (Py_ssize_t)strlen(name);
    return r;
}

static int is_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

static PyObject *match_number(ScannerObject *s, PyObject *pystr, Py_ssize_t start,
                              Py_ssize_t *next)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    Py_ssize_t idx = start;
    int is_float = 0;
    if (PyUnicode_READ(kind, data, idx) == '-') {
        idx++;
        if (idx >= len)
            return stop_iteration(start);
    }
    Py_UCS4 c = PyUnicode_READ(kind, data, idx);
    if (c >= '1' && c <= '9') {
        idx++;
        while (idx < len && is_digit(PyUnicode_READ(kind, data, idx)))
            idx++;
    }
    else if (c == '0') {
        idx++;
    }
    else {
        return stop_iteration(start);
    }
    if (idx + 1 < len && PyUnicode_READ(kind, data, idx) == '.' &&
        is_digit(PyUnicode_READ(kind, data, idx + 1))) {
        is_float = 1;
        idx += 2;
        while (idx < len && is_digit(PyUnicode_READ(kind, data, idx)))
            idx++;
    }
    if (idx < len && (PyUnicode_READ(kind, data, idx) == 'e' ||
                      PyUnicode_READ(kind, data, idx) == 'E')) {
        Py_ssize_t e_start = idx++;
        if (idx < len && (PyUnicode_READ(kind, data, idx) == '+' ||
                          PyUnicode_READ(kind, data, idx) == '-'))
            idx++;
        Py_ssize_t digits = idx;
        while (idx < len && is_digit(PyUnicode_READ(kind, data, idx)))
            idx++;
        if (idx > digits)
            is_float = 1;
        else
            idx = e_start;
    }
    PyObject *hook = is_float ? s->parse_float : s->parse_int;
    PyTypeObject *plain = is_float ? &PyFloat_Type : &PyLong_Type;
    PyObject *rval;
    if (hook != (PyObject *)plain) {
        PyObject *numstr = PyUnicode_Substring(pystr, start, idx);
        if (numstr == NULL)
            return NULL;
        rval = PyObject_CallOneArg(hook, numstr);
        Py_DECREF(numstr);
    }
    else {
        /* The matched text is ASCII: parse it from a C buffer without a temporary str. */
        Py_ssize_t n = idx - start;
        char small[64];
        char *buf = n < (Py_ssize_t)sizeof(small) ? small : PyMem_Malloc((size_t)n + 1);
        if (buf == NULL)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < n; i++)
            buf[i] = (char)PyUnicode_READ(kind, data, start + i);
        buf[n] = '\0';
        if (is_float) {
            double d = PyOS_string_to_double(buf, NULL, NULL);
            rval = (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d);
        }
        else {
            rval = PyLong_FromString(buf, NULL, 10);
        }
        if (buf != small)
            PyMem_Free(buf);
    }
    *next = idx;
    return rval;
}

static int matches(int kind, const void *data, Py_ssize_t len, Py_ssize_t idx, const char *word)
{
    Py_ssize_t n = (Py_ssize_t)strlen(word);
    if (idx + n > len)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyUnicode_READ(kind, data, idx + i) != (Py_UCS4)(unsigned char)word[i])
            return 0;
    return 1;
}

static PyObject *scan_once(ScannerObject *s, PyObject *pystr, Py_ssize_t idx, Py_ssize_t *next)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr);
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    if (idx < 0) {
        PyErr_SetString(PyExc_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (idx >= len)
        return stop_iteration(idx);
    PyObject *r;
    switch (PyUnicode_READ(kind, data, idx)) {
    case '"':
        return scanstring_unicode(pystr, idx + 1, s->strict, next);
    case '{':
        if (Py_EnterRecursiveCall(" while decoding a JSON object from a unicode string"))
            return NULL;
        r = parse_object(s, pystr, idx + 1, next);
        Py_LeaveRecursiveCall();
        return r;
    case '[':
        if (Py_EnterRecursiveCall(" while decoding a JSON array from a unicode string"))
            return NULL;
        r = parse_array(s, pystr, idx + 1, next);
        Py_LeaveRecursiveCall();
        return r;
    case 'n':
        if (matches(kind, data, len, idx, "null")) {
            *next = idx + 4;
            Py_RETURN_NONE;
        }
        break;
    case 't':
        if (matches(kind, data, len, idx, "true")) {
            *next = idx + 4;
            Py_RETURN_TRUE;
        }
        break;
    case 'f':
        if (matches(kind, data, len, idx, "false")) {
            *next = idx + 5;
            Py_RETURN_FALSE;
        }
        break;
    case 'N':
        if (matches(kind, data, len, idx, "NaN"))
            return parse_constant(s, "NaN", idx, next);
        break;
    case 'I':
        if (matches(kind, data, len, idx, "Infinity"))
            return parse_constant(s, "Infinity", idx, next);
        break;
    case '-':
        if (matches(kind, data, len, idx, "-Infinity"))
            return parse_constant(s, "-Infinity", idx, next);
        break;
    }
    return match_number(s, pystr, idx, next);
}

static PyObject *scanner_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"string", "idx", NULL};
    ScannerObject *s = (ScannerObject *)self;
    PyObject *pystr;
    Py_ssize_t idx;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:scan_once", (char **)kwlist, &pystr, &idx))
        return NULL;
    if (!PyUnicode_Check(pystr)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(pystr)->tp_name);
        return NULL;
    }
    Py_ssize_t next = -1;
    PyObject *rval = scan_once(s, pystr, idx, &next);
    PyDict_Clear(s->memo);
    if (rval == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", rval, next);
}

static PyObject *scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"context", NULL};
    PyObject *ctx;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:make_scanner", (char **)kwlist, &ctx))
        return NULL;
    ScannerObject *s = (ScannerObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->memo = PyDict_New();
    if (s->memo == NULL)
        goto bail;
    PyObject *strict = PyObject_GetAttrString(ctx, "strict");
    if (strict == NULL)
        goto bail;
    int st = PyObject_IsTrue(strict);
    Py_DECREF(strict);
    if (st < 0)
        goto bail;
    s->strict = (char)st;
    if ((s->object_hook = PyObject_GetAttrString(ctx, "object_hook")) == NULL ||
        (s->object_pairs_hook = PyObject_GetAttrString(ctx, "object_pairs_hook")) == NULL ||
        (s->parse_float = PyObject_GetAttrString(ctx, "parse_float")) == NULL ||
        (s->parse_int = PyObject_GetAttrString(ctx, "parse_int")) == NULL ||
        (s->parse_constant = PyObject_GetAttrString(ctx, "parse_constant")) == NULL)
        goto bail;
    return (PyObject *)s;
bail:
    Py_DECREF(s);
    return NULL;
}

static int scanner_traverse(PyObject *op, visitproc visit, void *arg)
{
    ScannerObject *s = (ScannerObject *)op;
    Py_VISIT(s->object_hook);
    Py_VISIT(s->object_pairs_hook);
    Py_VISIT(s->parse_float);
    Py_VISIT(s->parse_int);
    Py_VISIT(s->parse_constant);
    Py_VISIT(s->memo);
    return 0;
}

static int scanner_clear(PyObject *op)
{
    ScannerObject *s = (ScannerObject *)op;
    Py_CLEAR(s->object_hook);
    Py_CLEAR(s->object_pairs_hook);
    Py_CLEAR(s->parse_float);
    Py_CLEAR(s->parse_int);
    Py_CLEAR(s->parse_constant);
    Py_CLEAR(s->memo);
    return 0;
}

static void scanner_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    scanner_clear(op);
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject _KrJSON_ScannerType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_dealloc = scanner_dealloc,
    .tp_call = scanner_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "JSON scanner object",
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_members = scanner_members,
    .tp_new = scanner_new,
};
