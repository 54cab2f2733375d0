/* The unicodedata module: character properties, names and the four normalization forms,
 * all from the generated tables (src/objects/unicodetype_db.h, unicodename_db.h). */
#include "Python.h"
#include "../objects/unicode_internal.h"
#include "../objects/unicodectype_internal.h"

#define SBASE 0xAC00
#define LBASE 0x1100
#define VBASE 0x1161
#define TBASE 0x11A7
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)

static int get_char(PyObject *arg, const char *fname, Py_UCS4 *out)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() argument must be a unicode character, not %.50s",
                     fname, Py_TYPE(arg)->tp_name);
        return -1;
    }
    if (PyUnicode_GET_LENGTH(arg) != 1) {
        PyErr_Format(PyExc_TypeError, "%s() argument must be a unicode character, not str", fname);
        return -1;
    }
    *out = PyUnicode_READ_CHAR(arg, 0);
    return 0;
}

static PyObject *ud_category(PyObject *m, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char(arg, "category", &c) < 0)
        return NULL;
    return PyUnicode_FromString(_KrUcd_Category(c));
}

static PyObject *ud_bidirectional(PyObject *m, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char(arg, "bidirectional", &c) < 0)
        return NULL;
    return PyUnicode_FromString(_KrUcd_Bidirectional(c));
}

static PyObject *ud_combining(PyObject *m, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char(arg, "combining", &c) < 0)
        return NULL;
    return PyLong_FromLong(_KrUcd_Combining(c));
}

static PyObject *ud_mirrored(PyObject *m, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char(arg, "mirrored", &c) < 0)
        return NULL;
    return PyLong_FromLong(_KrUcd_Mirrored(c));
}

static PyObject *ud_east_asian_width(PyObject *m, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char(arg, "east_asian_width", &c) < 0)
        return NULL;
    return PyUnicode_FromString(_KrUcd_EastAsianWidth(c));
}

static PyObject *ud_decomposition(PyObject *m, PyObject *arg)
{
    Py_UCS4 c, seq[32];
    int prefix = 0;
    if (get_char(arg, "decomposition", &c) < 0)
        return NULL;
    int n = _KrUcd_Decomposition(c, seq, &prefix);
    char buf[400];
    size_t pos = 0;
    buf[0] = '\0';
    if (n > 0 && prefix)
        pos += (size_t)snprintf(buf, sizeof buf, "%s", _KrUcd_DecompPrefix(prefix));
    for (int i = 0; i < n && pos < sizeof buf - 16; i++)
        pos += (size_t)snprintf(buf + pos, sizeof buf - pos, "%s%04X", pos ? " " : "",
                                (unsigned)seq[i]);
    return PyUnicode_FromString(buf);
}

static PyObject *value_or_default(PyObject *const *args, Py_ssize_t nargs, const char *msg)
{
    if (nargs > 1)
        return Py_NewRef(args[1]);
    PyErr_SetString(PyExc_ValueError, msg);
    return NULL;
}

static PyObject *ud_decimal(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 c;
    if (!_PyArg_CheckPositional("decimal", nargs, 1, 2) || get_char(args[0], "decimal", &c) < 0)
        return NULL;
    int v = _PyUnicode_ToDecimalDigit(c);
    return v < 0 ? value_or_default(args, nargs, "not a decimal") : PyLong_FromLong(v);
}

static PyObject *ud_digit(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 c;
    if (!_PyArg_CheckPositional("digit", nargs, 1, 2) || get_char(args[0], "digit", &c) < 0)
        return NULL;
    int v = _PyUnicode_ToDigit(c);
    return v < 0 ? value_or_default(args, nargs, "not a digit") : PyLong_FromLong(v);
}

static PyObject *ud_numeric(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 c;
    if (!_PyArg_CheckPositional("numeric", nargs, 1, 2) || get_char(args[0], "numeric", &c) < 0)
        return NULL;
    if (!_PyUnicode_IsNumeric(c))
        return value_or_default(args, nargs, "not a numeric character");
    return PyFloat_FromDouble(_PyUnicode_ToNumeric(c));
}

static PyObject *ud_name(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 c;
    if (!_PyArg_CheckPositional("name", nargs, 1, 2) || get_char(args[0], "name", &c) < 0)
        return NULL;
    char buf[256];
    if (!_KrUnicode_GetName(c, buf, sizeof buf))
        return value_or_default(args, nargs, "no such name");
    return PyUnicode_FromString(buf);
}

static PyObject *ud_lookup(PyObject *m, PyObject *arg)
{
    const char *name;
    Py_ssize_t len;
    if (PyUnicode_Check(arg))
        name = PyUnicode_AsUTF8AndSize(arg, &len);
    else if (PyBytes_Check(arg)) {
        name = PyBytes_AS_STRING(arg);
        len = PyBytes_GET_SIZE(arg);
    }
    else {
        PyErr_Format(PyExc_TypeError, "lookup() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (name == NULL)
        return NULL;
    if (len > 256) {
        PyErr_SetString(PyExc_KeyError, "name too long");
        return NULL;
    }
    Py_UCS4 code;
    if (!_KrUnicode_LookupName(name, len, &code)) {
        PyErr_Format(PyExc_KeyError, "undefined character name '%s'", name);
        return NULL;
    }
    return _KrUnicode_Char(code);
}

/* ---- normalization ---------------------------------------------------------------------- */

typedef struct {
    Py_UCS4 *p;
    Py_ssize_t n, cap;
} U4Buf;

static int u4_push(U4Buf *b, Py_UCS4 c)
{
    if (b->n == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *np = PyMem_Realloc(b->p, (size_t)cap * sizeof(Py_UCS4));
        if (np == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->p = np;
        b->cap = cap;
    }
    b->p[b->n++] = c;
    return 0;
}

static int decompose_char(U4Buf *b, Py_UCS4 c, int compat)
{
    if (c >= SBASE && c < SBASE + SCOUNT) {
        Py_UCS4 s = c - SBASE;
        if (u4_push(b, LBASE + s / NCOUNT) < 0 || u4_push(b, VBASE + (s % NCOUNT) / TCOUNT) < 0)
            return -1;
        if (s % TCOUNT && u4_push(b, TBASE + s % TCOUNT) < 0)
            return -1;
        return 0;
    }
    Py_UCS4 seq[32];
    int prefix = 0;
    int n = _KrUcd_Decomposition(c, seq, &prefix);
    if (n == 0 || (prefix && !compat))
        return u4_push(b, c);
    for (int i = 0; i < n; i++)
        if (decompose_char(b, seq[i], compat) < 0)
            return -1;
    return 0;
}

static int decompose(PyObject *s, int compat, U4Buf *b)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (decompose_char(b, PyUnicode_READ_CHAR(s, i), compat) < 0)
            return -1;
    /* canonical ordering: stable insertion sort of each run of non-starters */
    for (Py_ssize_t i = 1; i < b->n; i++) {
        int cc = _KrUcd_Combining(b->p[i]);
        if (cc == 0)
            continue;
        Py_ssize_t j = i;
        Py_UCS4 c = b->p[i];
        while (j > 0) {
            int pc = _KrUcd_Combining(b->p[j - 1]);
            if (pc <= cc)
                break;
            b->p[j] = b->p[j - 1];
            j--;
        }
        b->p[j] = c;
    }
    return 0;
}

static Py_UCS4 compose_pair(Py_UCS4 a, Py_UCS4 c)
{
    if (a >= LBASE && a < LBASE + LCOUNT && c >= VBASE && c < VBASE + VCOUNT)
        return SBASE + ((a - LBASE) * VCOUNT + (c - VBASE)) * TCOUNT;
    if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0 && c > TBASE &&
        c < TBASE + TCOUNT)
        return a + (c - TBASE);
    return _KrUcd_Compose(a, c);
}

static void compose(U4Buf *b)
{
    Py_ssize_t starter = -1, out = 0;
    int last_cc = 0;
    for (Py_ssize_t i = 0; i < b->n; i++) {
        Py_UCS4 c = b->p[i];
        int cc = _KrUcd_Combining(c);
        /* Sorted input: the last character after the starter has the largest class, so
         * c is blocked exactly when that class is not below c's. */
        if (starter >= 0 && (out - 1 == starter || last_cc < cc)) {
            Py_UCS4 comp = compose_pair(b->p[starter], c);
            if (comp != 0) {
                b->p[starter] = comp;
                continue;
            }
        }
        if (cc == 0)
            starter = out;
        last_cc = cc;
        b->p[out++] = c;
    }
    b->n = out;
}

static PyObject *normalize_impl(const char *form, PyObject *s)
{
    int compat, comp;
    if (strcmp(form, "NFC") == 0) {
        compat = 0;
        comp = 1;
    }
    else if (strcmp(form, "NFKC") == 0) {
        compat = 1;
        comp = 1;
    }
    else if (strcmp(form, "NFD") == 0) {
        compat = 0;
        comp = 0;
    }
    else if (strcmp(form, "NFKD") == 0) {
        compat = 1;
        comp = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "invalid normalization form");
        return NULL;
    }
    if (PyUnicode_IS_ASCII(s))
        return Py_NewRef(s);
    U4Buf b = {NULL, 0, 0};
    if (decompose(s, compat, &b) < 0) {
        PyMem_Free(b.p);
        return NULL;
    }
    if (comp)
        compose(&b);
    PyObject *r = _KrUnicode_FromUCS4(b.p ? b.p : (Py_UCS4 *)"", b.n);
    PyMem_Free(b.p);
    if (r != NULL && _PyUnicode_Equal(r, s) && PyUnicode_CheckExact(s)) {
        Py_DECREF(r);
        return Py_NewRef(s);
    }
    return r;
}

static int norm_args(PyObject *const *args, Py_ssize_t nargs, const char *fname,
                     const char **form)
{
    if (!_PyArg_CheckPositional(fname, nargs, 2, 2))
        return -1;
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be str, not %.50s", fname,
                     Py_TYPE(args[0])->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "%s() argument 2 must be str, not %.50s", fname,
                     Py_TYPE(args[1])->tp_name);
        return -1;
    }
    *form = PyUnicode_AsUTF8(args[0]);
    return *form ? 0 : -1;
}

static PyObject *ud_normalize(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *form;
    if (norm_args(args, nargs, "normalize", &form) < 0)
        return NULL;
    return normalize_impl(form, args[1]);
}

static PyObject *ud_is_normalized(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *form;
    if (norm_args(args, nargs, "is_normalized", &form) < 0)
        return NULL;
    PyObject *r = normalize_impl(form, args[1]);
    if (r == NULL)
        return NULL;
    int eq = _PyUnicode_Equal(r, args[1]);
    Py_DECREF(r);
    return PyBool_FromLong(eq);
}

static PyMethodDef unicodedata_methods[] = {
    {"decimal", _PyCFunction_CAST(ud_decimal), METH_FASTCALL, NULL},
    {"digit", _PyCFunction_CAST(ud_digit), METH_FASTCALL, NULL},
    {"numeric", _PyCFunction_CAST(ud_numeric), METH_FASTCALL, NULL},
    {"category", ud_category, METH_O, NULL},
    {"bidirectional", ud_bidirectional, METH_O, NULL},
    {"combining", ud_combining, METH_O, NULL},
    {"mirrored", ud_mirrored, METH_O, NULL},
    {"east_asian_width", ud_east_asian_width, METH_O, NULL},
    {"decomposition", ud_decomposition, METH_O, NULL},
    {"name", _PyCFunction_CAST(ud_name), METH_FASTCALL, NULL},
    {"lookup", ud_lookup, METH_O, NULL},
    {"normalize", _PyCFunction_CAST(ud_normalize), METH_FASTCALL, NULL},
    {"is_normalized", _PyCFunction_CAST(ud_is_normalized), METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef unicodedata_module = {
    PyModuleDef_HEAD_INIT,
    "unicodedata",
    "This module provides access to the Unicode Character Database which\n"
    "defines character properties for all Unicode characters.",
    -1,
    unicodedata_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit_unicodedata(void)
{
    PyObject *m = PyModule_Create(&unicodedata_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddStringConstant(m, "unidata_version", _KrUcd_Version()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
