/* str.format and str.format_map: replacement fields {name!conv:spec} with attribute and
 * index access, automatic or manual numbering and nested fields inside the spec. */
#include "Python.h"
#include "unicode_internal.h"

typedef struct {
    PyObject *args;   /* tuple or NULL (format_map) */
    PyObject *kwargs; /* mapping or NULL */
    int auto_state;   /* 0 unknown, 1 automatic numbering, 2 manual */
    Py_ssize_t auto_index;
} FmtState;

static int render(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st, int depth,
                  _PyUnicodeWriter *w);

static Py_ssize_t parse_index(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end)
        return -1;
    Py_ssize_t v = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        int d = _PyUnicode_ToDecimalDigit(PyUnicode_READ_CHAR(s, i));
        if (d < 0)
            return -1;
        if (v > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

static PyObject *get_first(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st)
{
    Py_ssize_t idx = parse_index(fmt, start, end);
    if (idx == -2)
        return NULL;
    if (start == end) {
        if (st->auto_state == 2) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        st->auto_state = 1;
        idx = st->auto_index++;
    }
    else if (idx >= 0) {
        if (st->auto_state == 1) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        st->auto_state = 2;
    }
    if (idx >= 0) {
        if (st->args == NULL) {
            PyErr_SetString(PyExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (idx >= PyTuple_GET_SIZE(st->args)) {
            PyErr_Format(PyExc_IndexError,
                         "Replacement index %zd out of range for positional args tuple", idx);
            return NULL;
        }
        return Py_NewRef(PyTuple_GET_ITEM(st->args, idx));
    }
    PyObject *key = PyUnicode_Substring(fmt, start, end);
    if (key == NULL)
        return NULL;
    if (st->kwargs == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        Py_DECREF(key);
        return NULL;
    }
    PyObject *v = PyObject_GetItem(st->kwargs, key);
    Py_DECREF(key);
    return v;
}

static PyObject *get_field(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, i);
        if (c == '.' || c == '[')
            break;
        i++;
    }
    PyObject *obj = get_first(fmt, start, i, st);
    if (obj == NULL)
        return NULL;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, i);
        if (c == '.') {
            Py_ssize_t j = ++i;
            while (j < end) {
                Py_UCS4 d = PyUnicode_READ_CHAR(fmt, j);
                if (d == '.' || d == '[')
                    break;
                j++;
            }
            if (j == i) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            PyObject *name = PyUnicode_Substring(fmt, i, j);
            if (name == NULL)
                goto fail;
            PyObject *v = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
            Py_SETREF(obj, v);
            if (obj == NULL)
                return NULL;
            i = j;
        }
        else if (c == '[') {
            Py_ssize_t j = ++i;
            while (j < end && PyUnicode_READ_CHAR(fmt, j) != ']')
                j++;
            if (j >= end) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (j == i) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            Py_ssize_t idx = parse_index(fmt, i, j);
            if (idx == -2)
                goto fail;
            PyObject *key = idx >= 0 ? PyLong_FromSsize_t(idx) : PyUnicode_Substring(fmt, i, j);
            if (key == NULL)
                goto fail;
            PyObject *v = PyObject_GetItem(obj, key);
            Py_DECREF(key);
            Py_SETREF(obj, v);
            if (obj == NULL)
                return NULL;
            i = j + 1;
            if (i < end) {
                Py_UCS4 d = PyUnicode_READ_CHAR(fmt, i);
                if (d != '.' && d != '[') {
                    PyErr_SetString(PyExc_ValueError,
                                    "Only '.' or '[' may follow ']' in format field specifier");
                    goto fail;
                }
            }
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
    }
    return obj;
fail:
    Py_DECREF(obj);
    return NULL;
}

/* One replacement field: fmt[start:end] is the text between the braces. */
static int do_field(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st, int depth,
                    _PyUnicodeWriter *w)
{
    Py_ssize_t i = start;
    int in_bracket = 0;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, i);
        if (c == '[')
            in_bracket = 1;
        else if (c == ']')
            in_bracket = 0;
        else if (!in_bracket && (c == '!' || c == ':'))
            break;
        i++;
    }
    Py_ssize_t name_end = i;
    Py_UCS4 conv = 0;
    Py_ssize_t spec_start = end, spec_end = end;
    if (i < end && PyUnicode_READ_CHAR(fmt, i) == '!') {
        if (i + 1 >= end) {
            PyErr_SetString(PyExc_ValueError,
                            "end of string while looking for conversion specifier");
            return -1;
        }
        conv = PyUnicode_READ_CHAR(fmt, i + 1);
        i += 2;
        if (i < end) {
            if (PyUnicode_READ_CHAR(fmt, i) != ':') {
                PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    if (i < end && PyUnicode_READ_CHAR(fmt, i) == ':')
        spec_start = i + 1;
    PyObject *obj = get_field(fmt, start, name_end, st);
    if (obj == NULL)
        return -1;
    if (conv) {
        PyObject *c;
        switch (conv) {
        case 'r': c = PyObject_Repr(obj); break;
        case 's': c = PyObject_Str(obj); break;
        case 'a': c = PyObject_ASCII(obj); break;
        default:
            if (conv > 32 && conv < 127)
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (int)conv);
            else
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            c = NULL;
        }
        Py_SETREF(obj, c);
        if (obj == NULL)
            return -1;
    }
    PyObject *spec;
    if (spec_start >= spec_end)
        spec = _KrUnicode_Empty();
    else {
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (render(fmt, spec_start, spec_end, st, depth - 1, &sw) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    int r;
    if (PyUnicode_CheckExact(obj) && PyUnicode_GET_LENGTH(spec) > 0)
        r = _PyUnicode_FormatAdvancedWriter(w, obj, spec, 0, PyUnicode_GET_LENGTH(spec));
    else if (PyUnicode_CheckExact(obj))
        r = _PyUnicodeWriter_WriteStr(w, obj);
    else {
        PyObject *res = PyObject_Format(obj, spec);
        r = res ? _PyUnicodeWriter_WriteStr(w, res) : -1;
        Py_XDECREF(res);
    }
    Py_DECREF(spec);
    Py_DECREF(obj);
    return r;
}

static int render(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st, int depth,
                  _PyUnicodeWriter *w)
{
    if (depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    Py_ssize_t i = start, lit = start;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, i);
        if (c == '}') {
            if (i + 1 < end && PyUnicode_READ_CHAR(fmt, i + 1) == '}') {
                if (_PyUnicodeWriter_WriteSubstring(w, fmt, lit, i + 1) < 0)
                    return -1;
                i += 2;
                lit = i;
                continue;
            }
            PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (c != '{') {
            i++;
            continue;
        }
        if (i + 1 < end && PyUnicode_READ_CHAR(fmt, i + 1) == '{') {
            if (_PyUnicodeWriter_WriteSubstring(w, fmt, lit, i + 1) < 0)
                return -1;
            i += 2;
            lit = i;
            continue;
        }
        if (_PyUnicodeWriter_WriteSubstring(w, fmt, lit, i) < 0)
            return -1;
        if (i + 1 >= end) {
            PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        Py_ssize_t fstart = i + 1, j = fstart;
        int nest = 1, in_bracket = 0, in_spec = 0;
        while (j < end) {
            Py_UCS4 d = PyUnicode_READ_CHAR(fmt, j);
            if (!in_spec && d == '[')
                in_bracket = 1;
            else if (in_bracket && d == ']')
                in_bracket = 0;
            else if (!in_bracket) {
                if (d == ':' || d == '!')
                    in_spec = 1;
                if (d == '{')
                    nest++;
                else if (d == '}') {
                    if (--nest == 0)
                        break;
                }
            }
            j++;
        }
        if (j >= end) {
            PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (do_field(fmt, fstart, j, st, depth, w) < 0)
            return -1;
        i = j + 1;
        lit = i;
    }
    return _PyUnicodeWriter_WriteSubstring(w, fmt, lit, end);
}

static PyObject *do_format(PyObject *self, PyObject *args, PyObject *kwargs)
{
    FmtState st = {args, kwargs, 0, 0};
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = PyUnicode_GET_LENGTH(self) + 100;
    w.overallocate = 1;
    if (render(self, 0, PyUnicode_GET_LENGTH(self), &st, 2, &w) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *_KrUnicode_FormatMethod(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return do_format(self, args, kwargs);
}

PyObject *_KrUnicode_FormatMapMethod(PyObject *self, PyObject *mapping)
{
    return do_format(self, NULL, mapping);
}
