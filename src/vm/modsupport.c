/* Helpers C modules use to build values and populate themselves: Py_BuildValue with
 * CPython's format units, and PyModule_Add*. */
#include <string.h>
#include "Python.h"

typedef struct {
    va_list va;
} vawrap;

static PyObject *build_item(const char **pfmt, vawrap *w);

/* Number of items at this nesting level up to `end` (or NUL), ignoring separators. */
static Py_ssize_t count_items(const char *f, char end)
{
    Py_ssize_t n = 0;
    int depth = 0;
    for (; *f; f++) {
        char c = *f;
        if (depth == 0 && c == end)
            return n;
        switch (c) {
        case '(': case '[': case '{':
            if (depth == 0)
                n++;
            depth++;
            break;
        case ')': case ']': case '}':
            depth--;
            if (depth < 0)
                return -1;
            break;
        case '#': case '&': case ' ': case '\t': case ',': case ':': case '!': case '*':
            break;
        default:
            if (depth == 0)
                n++;
        }
    }
    return end == '\0' && depth == 0 ? n : -1;
}

static void skip_seps(const char **pf)
{
    while (**pf == ' ' || **pf == '\t' || **pf == ',' || **pf == ':')
        (*pf)++;
}

/* Builds `n` items into a fresh tuple/list, consuming the closing char. On error the
 * remaining arguments are still consumed so that 'N' references are released. */
static PyObject *build_seq(const char **pfmt, vawrap *w, char end, int as_list)
{
    Py_ssize_t n = count_items(*pfmt, end);
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        return NULL;
    }
    PyObject *seq = as_list ? PyList_New(n) : PyTuple_New(n);
    int failed = seq == NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        skip_seps(pfmt);
        PyObject *v = build_item(pfmt, w);
        if (v == NULL) {
            failed = 1;
            continue;
        }
        if (failed) {
            Py_DECREF(v);
            continue;
        }
        if (as_list)
            PyList_SET_ITEM(seq, i, v);
        else
            PyTuple_SET_ITEM(seq, i, v);
    }
    skip_seps(pfmt);
    if (**pfmt == end)
        (*pfmt)++;
    if (failed) {
        Py_XDECREF(seq);
        return NULL;
    }
    return seq;
}

static PyObject *build_dict(const char **pfmt, vawrap *w)
{
    Py_ssize_t n = count_items(*pfmt, '}');
    if (n < 0 || n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        return NULL;
    }
    PyObject *d = PyDict_New();
    int failed = d == NULL;
    for (Py_ssize_t i = 0; i < n; i += 2) {
        skip_seps(pfmt);
        PyObject *k = build_item(pfmt, w);
        skip_seps(pfmt);
        PyObject *v = build_item(pfmt, w);
        if (k == NULL || v == NULL || failed || PyDict_SetItem(d, k, v) < 0)
            failed = 1;
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    skip_seps(pfmt);
    if (**pfmt == '}')
        (*pfmt)++;
    if (failed) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *null_object(void)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
    return NULL;
}

static PyObject *build_item(const char **pfmt, vawrap *w)
{
    char c = *(*pfmt)++;
    switch (c) {
    case '(':
        return build_seq(pfmt, w, ')', 0);
    case '[':
        return build_seq(pfmt, w, ']', 1);
    case '{':
        return build_dict(pfmt, w);
    case 'b': case 'B': case 'h': case 'i':
        return PyLong_FromLong((long)va_arg(w->va, int));
    case 'H':
        return PyLong_FromLong((long)(unsigned short)va_arg(w->va, int));
    case 'I':
        return PyLong_FromUnsignedLong((unsigned long)va_arg(w->va, unsigned int));
    case 'l':
        return PyLong_FromLong(va_arg(w->va, long));
    case 'k':
        return PyLong_FromUnsignedLong(va_arg(w->va, unsigned long));
    case 'L':
        return PyLong_FromLongLong(va_arg(w->va, long long));
    case 'K':
        return PyLong_FromUnsignedLongLong(va_arg(w->va, unsigned long long));
    case 'n':
        return PyLong_FromSsize_t(va_arg(w->va, Py_ssize_t));
    case 'p':
        return PyBool_FromLong(va_arg(w->va, int));
    case 'd': case 'f':
        return PyFloat_FromDouble(va_arg(w->va, double));
    case 'D':
        return PyComplex_FromCComplex(*va_arg(w->va, Py_complex *));
    case 'c': {
        char ch = (char)va_arg(w->va, int);
        return PyBytes_FromStringAndSize(&ch, 1);
    }
    case 'C':
        return PyUnicode_FromOrdinal(va_arg(w->va, int));
    case 's': case 'z': case 'U': case 'y': {
        const char *str = va_arg(w->va, const char *);
        Py_ssize_t n = -1;
        if (**pfmt == '#') {
            (*pfmt)++;
            n = va_arg(w->va, Py_ssize_t);
        }
        if (str == NULL) {
            if (c == 'y') {
                PyErr_SetString(PyExc_SystemError, "NULL string passed to Py_BuildValue");
                return NULL;
            }
            Py_RETURN_NONE;
        }
        if (n < 0)
            n = (Py_ssize_t)strlen(str);
        if (c == 'y')
            return PyBytes_FromStringAndSize(str, n);
        return PyUnicode_FromStringAndSize(str, n);
    }
    case 'O': case 'S': case 'N': {
        if (**pfmt == '&') {
            (*pfmt)++;
            PyObject *(*conv)(void *) = va_arg(w->va, PyObject *(*)(void *));
            void *arg = va_arg(w->va, void *);
            return conv(arg);
        }
        PyObject *o = va_arg(w->va, PyObject *);
        if (o == NULL)
            return null_object();
        return c == 'N' ? o : Py_NewRef(o);
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad format char '%c' passed to Py_BuildValue", c);
        return NULL;
    }
}

PyObject *Py_VaBuildValue(const char *format, va_list va)
{
    vawrap w;
    va_copy(w.va, va);
    const char *f = format;
    Py_ssize_t n = count_items(f, '\0');
    PyObject *res;
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        res = NULL;
    }
    else if (n == 0) {
        res = Py_NewRef(Py_None);
    }
    else if (n == 1) {
        skip_seps(&f);
        res = build_item(&f, &w);
    }
    else {
        PyObject *t = PyTuple_New(n);
        int failed = t == NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            skip_seps(&f);
            PyObject *v = build_item(&f, &w);
            if (v == NULL || failed) {
                Py_XDECREF(v);
                failed = 1;
                continue;
            }
            PyTuple_SET_ITEM(t, i, v);
        }
        if (failed)
            Py_CLEAR(t);
        res = t;
    }
    va_end(w.va);
    return res;
}

PyObject *Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = Py_VaBuildValue(format, va);
    va_end(va);
    return r;
}

/* ---- populating modules ------------------------------------------------------------ */

int PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError, "PyModule_AddObjectRef() first argument must be a module");
        return -1;
    }
    if (value == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError,
                            "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        return -1;
    }
    PyObject *dict = PyModule_GetDict(mod);
    if (dict == NULL)
        return -1;
    return PyDict_SetItemString(dict, name, value);
}

int PyModule_Add(PyObject *mod, const char *name, PyObject *value)
{
    int r = PyModule_AddObjectRef(mod, name, value);
    Py_XDECREF(value);
    return r;
}

int PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int r = PyModule_AddObjectRef(mod, name, value);
    if (r == 0)
        Py_DECREF(value);
    return r;
}

int PyModule_AddIntConstant(PyObject *mod, const char *name, long value)
{
    return PyModule_Add(mod, name, PyLong_FromLong(value));
}

int PyModule_AddStringConstant(PyObject *mod, const char *name, const char *value)
{
    return PyModule_Add(mod, name, PyUnicode_FromString(value));
}

int PyModule_AddType(PyObject *mod, PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0)
        return -1;
    return PyModule_AddObjectRef(mod, _PyType_Name(type), (PyObject *)type);
}

int PyModule_AddFunctions(PyObject *mod, PyMethodDef *defs)
{
    PyObject *name = PyModule_GetNameObject(mod);
    if (name == NULL)
        return -1;
    for (PyMethodDef *d = defs; d->ml_name != NULL; d++) {
        PyObject *f = PyCFunction_NewEx(d, mod, name);
        if (f == NULL || PyModule_AddObjectRef(mod, d->ml_name, f) < 0) {
            Py_XDECREF(f);
            Py_DECREF(name);
            return -1;
        }
        Py_DECREF(f);
    }
    Py_DECREF(name);
    return 0;
}
