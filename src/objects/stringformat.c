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

/* The scanner shared by str.format and _string.formatter_parser: one literal run and,
 * when a replacement field follows it, the field's parts. */
typedef struct {
    PyObject *str;
    Py_ssize_t pos, end;
} MarkupIter;

typedef struct {
    Py_ssize_t lit_start, lit_end;
    int field_present;
    Py_ssize_t name_start, name_end;
    Py_ssize_t spec_start, spec_end; /* spec_start < 0: no spec */
    Py_UCS4 conversion;               /* 0: none */
} Markup;

static int parse_field(MarkupIter *it, Markup *m)
{
    Py_UCS4 c = 0;
    m->name_start = it->pos;
    while (it->pos < it->end) {
        c = PyUnicode_READ_CHAR(it->str, it->pos++);
        if (c == '{') {
            PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (it->pos < it->end && PyUnicode_READ_CHAR(it->str, it->pos) != ']')
                it->pos++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    m->name_end = it->pos - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (it->pos >= it->end) {
                PyErr_SetString(PyExc_ValueError,
                                "end of string while looking for conversion specifier");
                return -1;
            }
            m->conversion = PyUnicode_READ_CHAR(it->str, it->pos++);
            if (it->pos < it->end) {
                c = PyUnicode_READ_CHAR(it->str, it->pos++);
                if (c == '}')
                    return 0;
                if (c != ':') {
                    PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        m->spec_start = it->pos;
        int count = 1;
        while (it->pos < it->end) {
            c = PyUnicode_READ_CHAR(it->str, it->pos++);
            if (c == '{')
                count++;
            else if (c == '}' && --count == 0) {
                m->spec_end = it->pos - 1;
                return 0;
            }
        }
        PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') {
        PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
        return -1;
    }
    return 0;
}

/* 1: a markup item was read into m, 0: end of string, -1: error. */
static int markup_next(MarkupIter *it, Markup *m)
{
    m->field_present = 0;
    m->spec_start = m->spec_end = -1;
    m->name_start = m->name_end = -1;
    m->conversion = 0;
    if (it->pos >= it->end)
        return 0;
    Py_ssize_t start = it->pos;
    Py_UCS4 c = 0;
    int markup_follows = 0;
    while (it->pos < it->end) {
        c = PyUnicode_READ_CHAR(it->str, it->pos++);
        if (c == '{' || c == '}') {
            markup_follows = 1;
            break;
        }
    }
    int at_end = it->pos >= it->end;
    Py_ssize_t len = it->pos - start;
    if (c == '}' && markup_follows && (at_end || PyUnicode_READ_CHAR(it->str, it->pos) != c)) {
        PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (at_end && c == '{' && markup_follows) {
        PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    if (!at_end && markup_follows) {
        if (PyUnicode_READ_CHAR(it->str, it->pos) == c) {
            it->pos++;
            markup_follows = 0;
        }
        else
            len--;
    }
    m->lit_start = start;
    m->lit_end = start + len;
    if (!markup_follows)
        return 1;
    m->field_present = 1;
    return parse_field(it, m) < 0 ? -1 : 1;
}

static int render(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, FmtState *st, int depth,
                  _PyUnicodeWriter *w)
{
    if (depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    MarkupIter it = {fmt, start, end};
    Markup m;
    int r;
    while ((r = markup_next(&it, &m)) == 1) {
        if (_PyUnicodeWriter_WriteSubstring(w, fmt, m.lit_start, m.lit_end) < 0)
            return -1;
        if (!m.field_present)
            continue;
        PyObject *obj = get_field(fmt, m.name_start, m.name_end, st);
        if (obj == NULL)
            return -1;
        if (m.conversion) {
            PyObject *cv;
            switch (m.conversion) {
            case 'r': cv = PyObject_Repr(obj); break;
            case 's': cv = PyObject_Str(obj); break;
            case 'a': cv = PyObject_ASCII(obj); break;
            default:
                if (m.conversion > 32 && m.conversion < 127)
                    PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c",
                                 (int)m.conversion);
                else
                    PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x",
                                 (unsigned)m.conversion);
                cv = NULL;
            }
            Py_SETREF(obj, cv);
            if (obj == NULL)
                return -1;
        }
        PyObject *spec;
        if (m.spec_start < 0 || m.spec_start >= m.spec_end)
            spec = _KrUnicode_Empty();
        else {
            _PyUnicodeWriter sw;
            _PyUnicodeWriter_Init(&sw);
            if (render(fmt, m.spec_start, m.spec_end, st, depth - 1, &sw) < 0) {
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
        int rr;
        if (PyUnicode_CheckExact(obj) && PyUnicode_GET_LENGTH(spec) > 0)
            rr = _PyUnicode_FormatAdvancedWriter(w, obj, spec, 0, PyUnicode_GET_LENGTH(spec));
        else if (PyUnicode_CheckExact(obj))
            rr = _PyUnicodeWriter_WriteStr(w, obj);
        else {
            PyObject *res = PyObject_Format(obj, spec);
            rr = res ? _PyUnicodeWriter_WriteStr(w, res) : -1;
            Py_XDECREF(res);
        }
        Py_DECREF(spec);
        Py_DECREF(obj);
        if (rr < 0)
            return -1;
    }
    return r;
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

/* ---- the _string module (string.Formatter's helpers) ------------------------------- */

static PyObject *sub_or_none(PyObject *s, Py_ssize_t a, Py_ssize_t b)
{
    if (a < 0)
        return Py_NewRef(Py_None);
    return PyUnicode_Substring(s, a, b < a ? a : b);
}

static PyObject *formatter_parser(PyObject *mod, PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %s", Py_TYPE(str)->tp_name);
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    MarkupIter it = {str, 0, PyUnicode_GET_LENGTH(str)};
    Markup m;
    int r;
    while ((r = markup_next(&it, &m)) == 1) {
        PyObject *lit = PyUnicode_Substring(str, m.lit_start, m.lit_end);
        PyObject *name, *spec, *conv;
        if (m.field_present) {
            name = sub_or_none(str, m.name_start, m.name_end);
            spec = m.spec_start >= 0 ? sub_or_none(str, m.spec_start, m.spec_end) : _KrUnicode_Empty();
            conv = m.conversion ? _KrUnicode_Char(m.conversion) : Py_NewRef(Py_None);
        }
        else {
            name = Py_NewRef(Py_None);
            spec = Py_NewRef(Py_None);
            conv = Py_NewRef(Py_None);
        }
        PyObject *t = (lit && name && spec && conv) ? PyTuple_Pack(4, lit, name, spec, conv) : NULL;
        Py_XDECREF(lit);
        Py_XDECREF(name);
        Py_XDECREF(spec);
        Py_XDECREF(conv);
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
    }
    if (r < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(list);
    Py_DECREF(list);
    return iter;
}

static PyObject *name_part(PyObject *s, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t idx = parse_index(s, a, b);
    if (idx == -2)
        return NULL;
    if (idx >= 0)
        return PyLong_FromSsize_t(idx);
    return PyUnicode_Substring(s, a, b);
}

static PyObject *formatter_field_name_split(PyObject *mod, PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %s", Py_TYPE(str)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(str), i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(str, i);
        if (c == '.' || c == '[')
            break;
        i++;
    }
    PyObject *first = name_part(str, 0, i);
    if (first == NULL)
        return NULL;
    PyObject *rest = PyList_New(0);
    if (rest == NULL)
        goto fail;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(str, i);
        PyObject *key, *is_attr;
        if (c == '.') {
            Py_ssize_t j = ++i;
            while (j < n && PyUnicode_READ_CHAR(str, j) != '.' && PyUnicode_READ_CHAR(str, j) != '[')
                j++;
            if (j == i) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            key = PyUnicode_Substring(str, i, j);
            is_attr = Py_True;
            i = j;
        }
        else if (c == '[') {
            Py_ssize_t j = ++i;
            while (j < n && PyUnicode_READ_CHAR(str, j) != ']')
                j++;
            if (j >= n) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (j == i) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            key = name_part(str, i, j);
            is_attr = Py_False;
            i = j + 1;
            if (i < n && PyUnicode_READ_CHAR(str, i) != '.' && PyUnicode_READ_CHAR(str, i) != '[') {
                Py_XDECREF(key);
                PyErr_SetString(PyExc_ValueError,
                                "Only '.' or '[' may follow ']' in format field specifier");
                goto fail;
            }
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        if (key == NULL)
            goto fail;
        PyObject *t = PyTuple_Pack(2, is_attr, key);
        Py_DECREF(key);
        if (t == NULL || PyList_Append(rest, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    PyObject *it = PyObject_GetIter(rest);
    Py_DECREF(rest);
    if (it == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    PyObject *r = PyTuple_Pack(2, first, it);
    Py_DECREF(first);
    Py_DECREF(it);
    return r;
fail:
    Py_DECREF(first);
    Py_XDECREF(rest);
    return NULL;
}

static PyMethodDef string_methods[] = {
    {"formatter_parser", formatter_parser, METH_O, NULL},
    {"formatter_field_name_split", formatter_field_name_split, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef string_module = {
    PyModuleDef_HEAD_INIT, "_string", "string helper module", -1, string_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__string(void) { return PyModule_Create(&string_module); }
