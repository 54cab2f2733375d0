/* The builtins module: built-in functions, the built-in type names, the exception
 * classes and the constants. */
#include <math.h>
#include <string.h>
#include <unistd.h>
#include "Python.h"

extern PyMethodDef _PyBuildClass_Def; /* __build_class__, eval area */
char *_PyOS_Readline(FILE *in, FILE *out, const char *prompt); /* readline.c */

#define FAST(f) _PyCFunction_CAST(f), METH_FASTCALL
#define FASTKW(f) _PyCFunction_CAST(f), METH_FASTCALL | METH_KEYWORDS

/* ---- simple one-argument functions --------------------------------------------- */

static PyObject *builtin_abs(PyObject *m, PyObject *x) { return PyNumber_Absolute(x); }
static PyObject *builtin_repr(PyObject *m, PyObject *x) { return PyObject_Repr(x); }
static PyObject *builtin_ascii(PyObject *m, PyObject *x) { return PyObject_ASCII(x); }
static PyObject *builtin_bin(PyObject *m, PyObject *x) { return PyNumber_ToBase(x, 2); }
static PyObject *builtin_oct(PyObject *m, PyObject *x) { return PyNumber_ToBase(x, 8); }
static PyObject *builtin_hex(PyObject *m, PyObject *x) { return PyNumber_ToBase(x, 16); }
static PyObject *builtin_id(PyObject *m, PyObject *x) { return PyLong_FromVoidPtr(x); }

static PyObject *builtin_callable(PyObject *m, PyObject *x)
{
    return PyBool_FromLong(PyCallable_Check(x));
}

static PyObject *builtin_len(PyObject *m, PyObject *x)
{
    Py_ssize_t n = PyObject_Size(x);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *builtin_hash(PyObject *m, PyObject *x)
{
    Py_hash_t h = PyObject_Hash(x);
    if (h == -1)
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *builtin_chr(PyObject *m, PyObject *x)
{
    int overflow;
    PyObject *idx = PyNumber_Index(x);
    if (idx == NULL)
        return NULL;
    long v = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || v < 0 || v > 0x10FFFF) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)v);
}

static PyObject *builtin_ord(PyObject *m, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
    }
    else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1)
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    }
    else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
    }
    else {
        PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found",
                 size);
    return NULL;
}

static PyObject *builtin_all(PyObject *m, PyObject *v)
{
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t <= 0) {
            Py_DECREF(it);
            return t < 0 ? NULL : Py_NewRef(Py_False);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *builtin_any(PyObject *m, PyObject *v)
{
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t != 0) {
            Py_DECREF(it);
            return t < 0 ? NULL : Py_NewRef(Py_True);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_FALSE;
}

static PyObject *builtin_divmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2))
        return NULL;
    return PyNumber_Divmod(args[0], args[1]);
}

/* ---- attributes ------------------------------------------------------------------ */

static int check_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *builtin_getattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3))
        return NULL;
    if (check_name(args[1]) < 0)
        return NULL;
    if (nargs == 3) {
        PyObject *res;
        int r = PyObject_GetOptionalAttr(args[0], args[1], &res);
        if (r < 0)
            return NULL;
        return r ? res : Py_NewRef(args[2]);
    }
    return PyObject_GetAttr(args[0], args[1]);
}

static PyObject *builtin_hasattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2))
        return NULL;
    if (check_name(args[1]) < 0)
        return NULL;
    PyObject *res;
    int r = PyObject_GetOptionalAttr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    Py_XDECREF(res);
    return PyBool_FromLong(r);
}

static PyObject *builtin_setattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3))
        return NULL;
    if (check_name(args[1]) < 0 || PyObject_SetAttr(args[0], args[1], args[2]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *builtin_delattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2))
        return NULL;
    if (check_name(args[1]) < 0 || PyObject_SetAttr(args[0], args[1], NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- namespaces -------------------------------------------------------------------- */

static PyObject *builtin_globals(PyObject *m, PyObject *unused)
{
    PyObject *g = PyEval_GetGlobals();
    if (g == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return Py_NewRef(g);
}

static PyObject *builtin_locals(PyObject *m, PyObject *unused)
{
    PyObject *l = PyEval_GetLocals();
    if (l == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return Py_NewRef(l);
}

static PyObject *builtin_vars(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("vars", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        return builtin_locals(m, NULL);
    PyObject *d;
    if (PyObject_GetOptionalAttr(args[0], _Py_ID(__dict__), &d) == 0)
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static PyObject *builtin_dir(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dir", nargs, 0, 1))
        return NULL;
    if (nargs == 1)
        return PyObject_Dir(args[0]);
    PyObject *locals = PyEval_GetLocals();
    if (locals == NULL) {
        if (!PyErr_Occurred())
            return PyList_New(0);
        return NULL;
    }
    PyObject *keys = PyMapping_Keys(locals);
    if (keys == NULL)
        return NULL;
    PyObject *list = PySequence_List(keys);
    Py_DECREF(keys);
    if (list != NULL && PyList_Sort(list) < 0)
        Py_CLEAR(list);
    return list;
}

/* ---- iteration --------------------------------------------------------------------- */

static PyObject *builtin_iter(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2))
        return NULL;
    if (nargs == 1)
        return PyObject_GetIter(args[0]);
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *builtin_next(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("next", nargs, 1, 2))
        return NULL;
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator",
                     Py_TYPE(it)->tp_name);
        return NULL;
    }
    PyObject *res = Py_TYPE(it)->tp_iternext(it);
    if (res != NULL)
        return res;
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}

static PyObject *builtin_aiter(PyObject *m, PyObject *x)
{
    return PyObject_GetAIter(x);
}

static PyObject *builtin_anext(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2))
        return NULL;
    PyObject *ait = args[0];
    PyTypeObject *t = Py_TYPE(ait);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator", t->tp_name);
        return NULL;
    }
    PyObject *awaitable = t->tp_as_async->am_anext(ait);
    if (awaitable == NULL || nargs == 1)
        return awaitable;
    /* anext(it, default) awaits through a helper written in Python. */
    PyObject *helper = PyImport_ImportModuleAttrString("_krait_support", "anext_default");
    if (helper == NULL) {
        Py_DECREF(awaitable);
        return NULL;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(helper, awaitable, args[1], NULL);
    Py_DECREF(helper);
    Py_DECREF(awaitable);
    return r;
}

/* ---- min / max --------------------------------------------------------------------- */

static PyObject *min_max(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op,
                         const char *name)
{
    PyObject *keyfunc = NULL, *dflt = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, i);
        if (_PyUnicode_EqualToASCIIString(k, "key"))
            keyfunc = args[nargs + i];
        else if (_PyUnicode_EqualToASCIIString(k, "default"))
            dflt = args[nargs + i];
        else if (nkw > 2) {
            PyErr_Format(PyExc_TypeError, "%s() takes at most 2 keyword arguments (%zd given)",
                         name, nkw);
            return NULL;
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", name,
                         k);
            return NULL;
        }
    }
    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (keyfunc == Py_None)
        keyfunc = NULL;
    PyObject *it = NULL;
    if (nargs > 1 && dflt != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments",
                     name);
        return NULL;
    }
    if (nargs == 1) {
        it = PyObject_GetIter(args[0]);
        if (it == NULL)
            return NULL;
    }
    PyObject *best = NULL, *bestkey = NULL;
    Py_ssize_t i = 0;
    for (;;) {
        PyObject *item;
        if (it != NULL) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred())
                    goto fail;
                break;
            }
        }
        else {
            if (i >= nargs)
                break;
            item = Py_NewRef(args[i++]);
        }
        PyObject *key = item;
        if (keyfunc != NULL) {
            key = PyObject_CallOneArg(keyfunc, item);
            if (key == NULL) {
                Py_DECREF(item);
                goto fail;
            }
        }
        else {
            Py_INCREF(key);
        }
        if (best == NULL) {
            best = item;
            bestkey = key;
            continue;
        }
        int cmp = PyObject_RichCompareBool(key, bestkey, op);
        if (cmp < 0) {
            Py_DECREF(item);
            Py_DECREF(key);
            goto fail;
        }
        if (cmp > 0) {
            Py_SETREF(best, item);
            Py_SETREF(bestkey, key);
        }
        else {
            Py_DECREF(item);
            Py_DECREF(key);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(bestkey);
    if (best == NULL) {
        if (dflt != NULL)
            return Py_NewRef(dflt);
        PyErr_Format(PyExc_ValueError, "%s() iterable argument is empty", name);
    }
    return best;
fail:
    Py_XDECREF(it);
    Py_XDECREF(best);
    Py_XDECREF(bestkey);
    return NULL;
}

static PyObject *builtin_min(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return min_max(args, PyVectorcall_NARGS((size_t)nargs), kwnames, Py_LT, "min");
}

static PyObject *builtin_max(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return min_max(args, PyVectorcall_NARGS((size_t)nargs), kwnames, Py_GT, "max");
}

/* ---- sum ------------------------------------------------------------------------------ */

/* Neumaier-compensated running float sum (CPython 3.12+ gives exactly these results). */
typedef struct {
    double hi, lo;
} fsum_t;

static void fsum_add(fsum_t *s, double x)
{
    double t = s->hi + x;
    if (fabs(s->hi) >= fabs(x))
        s->lo += (s->hi - t) + x;
    else
        s->lo += (x - t) + s->hi;
    s->hi = t;
}

static double fsum_value(const fsum_t *s)
{
    if (s->lo != 0.0 && isfinite(s->lo))
        return s->hi + s->lo;
    return s->hi;
}

static int add_overflows(long long a, long long b, long long *out)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_add_overflow(a, b, out);
#else
    if ((b > 0 && a > LLONG_MAX - b) || (b < 0 && a < LLONG_MIN - b))
        return 1;
    *out = a + b;
    return 0;
#endif
}

static PyObject *builtin_sum(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "sum", kwlist, 1, 2, 0, a) < 0)
        return NULL;
    PyObject *result = a[1];
    if (result != NULL) {
        if (PyUnicode_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (PyBytes_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (PyByteArray_Check(result)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
    }
    PyObject *it = PyObject_GetIter(a[0]);
    if (it == NULL)
        return NULL;
    result = result ? Py_NewRef(result) : Py_NewRef(_PyLong_GetZero());
    PyObject *item;

    if (PyLong_CheckExact(result)) {
        int overflow;
        long long acc = PyLong_AsLongLongAndOverflow(result, &overflow);
        if (!overflow) {
            Py_CLEAR(result);
            for (;;) {
                item = PyIter_Next(it);
                if (item == NULL) {
                    Py_DECREF(it);
                    if (PyErr_Occurred())
                        return NULL;
                    return PyLong_FromLongLong(acc);
                }
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
                    long long s;
                    if (!overflow && !add_overflows(acc, v, &s)) {
                        acc = s;
                        Py_DECREF(item);
                        continue;
                    }
                }
                result = PyLong_FromLongLong(acc);
                if (result == NULL) {
                    Py_DECREF(item);
                    Py_DECREF(it);
                    return NULL;
                }
                PyObject *t = PyNumber_Add(result, item);
                Py_DECREF(result);
                Py_DECREF(item);
                result = t;
                if (result == NULL) {
                    Py_DECREF(it);
                    return NULL;
                }
                break;
            }
        }
    }
    if (PyFloat_CheckExact(result)) {
        fsum_t s = {PyFloat_AS_DOUBLE(result), 0.0};
        Py_CLEAR(result);
        for (;;) {
            item = PyIter_Next(it);
            if (item == NULL) {
                Py_DECREF(it);
                if (PyErr_Occurred())
                    return NULL;
                return PyFloat_FromDouble(fsum_value(&s));
            }
            if (PyFloat_CheckExact(item)) {
                fsum_add(&s, PyFloat_AS_DOUBLE(item));
                Py_DECREF(item);
                continue;
            }
            if (PyLong_Check(item)) {
                int overflow;
                long v = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    s.hi += (double)v;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyFloat_FromDouble(fsum_value(&s));
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(it);
                return NULL;
            }
            PyObject *t = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = t;
            if (result == NULL) {
                Py_DECREF(it);
                return NULL;
            }
            break;
        }
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *t = PyNumber_Add(result, item);
        Py_DECREF(item);
        Py_DECREF(result);
        result = t;
        if (result == NULL)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(result);
        return NULL;
    }
    return result;
}

/* ---- numbers -------------------------------------------------------------------------- */

static PyObject *builtin_pow(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    PyObject *a[3];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "pow", kwlist, 2, 3, 0, a) < 0)
        return NULL;
    return PyNumber_Power(a[0], a[1], a[2] ? a[2] : Py_None);
}

static PyObject *builtin_round(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    PyObject *a[2];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "round", kwlist, 1, 2, 0, a) < 0)
        return NULL;
    PyObject *round = _PyObject_LookupSpecial(a[0], _Py_ID(__round__));
    if (round == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    PyObject *r = (a[1] == NULL || a[1] == Py_None) ? PyObject_CallNoArgs(round)
                                                     : PyObject_CallOneArg(round, a[1]);
    Py_DECREF(round);
    return r;
}

static PyObject *builtin_format(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("format", nargs, 1, 2))
        return NULL;
    PyObject *spec = nargs > 1 ? args[1] : NULL;
    if (spec != NULL && !PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "format() argument 2 must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return PyObject_Format(args[0], spec);
}

/* ---- sorted ----------------------------------------------------------------------------- */

static PyObject *builtin_sorted(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL)
        return NULL;
    PyObject *sort = PyObject_GetAttr(list, _Py_ID(sort));
    if (sort == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *r = PyObject_Vectorcall(sort, args + 1, 0, nkw ? kwnames : NULL);
    Py_DECREF(sort);
    if (r == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(r);
    return list;
}

/* ---- print / input --------------------------------------------------------------------- */

static PyObject *builtin_print(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "end", "file", "flush", NULL};
    PyObject *kw[4] = {NULL, NULL, NULL, NULL};
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, i);
        int found = 0;
        for (int j = 0; j < 4; j++) {
            if (_PyUnicode_EqualToASCIIString(k, kwlist[j])) {
                kw[j] = args[nargs + i];
                found = 1;
                break;
            }
        }
        if (!found) {
            PyErr_Format(PyExc_TypeError, "print() got an unexpected keyword argument '%U'", k);
            return NULL;
        }
    }
    PyObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == Py_None)
            Py_RETURN_NONE;
    }
    if (sep == Py_None)
        sep = NULL;
    else if (sep && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep must be None or a string, not %.200s",
                     Py_TYPE(sep)->tp_name);
        return NULL;
    }
    if (end == Py_None)
        end = NULL;
    else if (end && !PyUnicode_Check(end)) {
        PyErr_Format(PyExc_TypeError, "end must be None or a string, not %.200s",
                     Py_TYPE(end)->tp_name);
        return NULL;
    }
    Py_INCREF(file);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        int err;
        if (i > 0) {
            err = sep ? PyFile_WriteObject(sep, file, Py_PRINT_RAW)
                      : PyFile_WriteString(" ", file);
            if (err < 0)
                goto error;
        }
        if (PyFile_WriteObject(args[i], file, Py_PRINT_RAW) < 0)
            goto error;
    }
    if ((end ? PyFile_WriteObject(end, file, Py_PRINT_RAW) : PyFile_WriteString("\n", file)) < 0)
        goto error;
    if (flush != NULL) {
        int t = PyObject_IsTrue(flush);
        if (t < 0)
            goto error;
        if (t) {
            PyObject *r = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
            if (r == NULL)
                goto error;
            Py_DECREF(r);
        }
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
error:
    Py_DECREF(file);
    return NULL;
}

static int file_is_fd(PyObject *f, int fd)
{
    PyObject *r = PyObject_CallMethodNoArgs(f, _Py_ID(fileno));
    if (r == NULL) {
        PyErr_Clear();
        return 0;
    }
    long v = PyLong_AsLong(r);
    Py_DECREF(r);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return v == fd;
}

static PyObject *builtin_input(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("input", nargs, 0, 1))
        return NULL;
    PyObject *fin = PySys_GetObject("stdin"), *fout = PySys_GetObject("stdout");
    PyObject *ferr = PySys_GetObject("stderr");
    if (fin == NULL || fin == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (fout == NULL || fout == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    if (ferr != NULL && ferr != Py_None) {
        PyObject *r = PyObject_CallMethodNoArgs(ferr, _Py_ID(flush));
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    PyObject *r = PyObject_CallMethodNoArgs(fout, _Py_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    /* Interactive terminal: use the line editor. */
    if (file_is_fd(fin, 0) && file_is_fd(fout, 1) && isatty(0) && isatty(1)) {
        PyObject *prompt = NULL;
        if (nargs && args[0] != Py_None) {
            prompt = PyObject_Str(args[0]);
            if (prompt == NULL)
                return NULL;
        }
        const char *cprompt = prompt ? PyUnicode_AsUTF8(prompt) : "";
        if (cprompt == NULL) {
            Py_XDECREF(prompt);
            return NULL;
        }
        char *line = _PyOS_Readline(stdin, stdout, cprompt);
        Py_XDECREF(prompt);
        if (line == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetNone(PyExc_KeyboardInterrupt);
            return NULL;
        }
        size_t len = strlen(line);
        if (len == 0) {
            PyMem_RawFree(line);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        if (line[len - 1] == '\n')
            len--;
        PyObject *res = PyUnicode_DecodeUTF8(line, (Py_ssize_t)len, "surrogateescape");
        PyMem_RawFree(line);
        return res;
    }
    if (nargs && args[0] != Py_None) {
        if (PyFile_WriteObject(args[0], fout, Py_PRINT_RAW) < 0)
            return NULL;
        r = PyObject_CallMethodNoArgs(fout, _Py_ID(flush));
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    PyObject *line = PyObject_CallMethodNoArgs(fin, _Py_ID(readline));
    if (line == NULL)
        return NULL;
    if (!PyUnicode_Check(line)) {
        PyErr_Format(PyExc_TypeError, "object.readline() returned non-string");
        Py_DECREF(line);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(line);
    if (len == 0) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (PyUnicode_READ_CHAR(line, len - 1) == '\n') {
        PyObject *t = PyUnicode_Substring(line, 0, len - 1);
        Py_DECREF(line);
        return t;
    }
    return line;
}

/* ---- compile / eval / exec ----------------------------------------------------------- */

/* Returns a UTF-8 (str) or raw (bytes, cookie honoured) source pointer; *keep holds the
 * object owning the memory. */
static const char *source_as_string(PyObject *src, const char *funcname, const char *what,
                                    PyCompilerFlags *cf, PyObject **keep)
{
    const char *s;
    Py_ssize_t n;
    *keep = NULL;
    if (PyUnicode_Check(src)) {
        s = PyUnicode_AsUTF8AndSize(src, &n);
        if (s == NULL)
            return NULL;
        cf->cf_flags |= PyCF_IGNORE_COOKIE;
    }
    else if (PyBytes_Check(src)) {
        s = PyBytes_AS_STRING(src);
        n = PyBytes_GET_SIZE(src);
    }
    else if (PyByteArray_Check(src)) {
        *keep = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(src), PyByteArray_GET_SIZE(src));
        if (*keep == NULL)
            return NULL;
        s = PyBytes_AS_STRING(*keep);
        n = PyBytes_GET_SIZE(*keep);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return NULL;
    }
    if ((Py_ssize_t)strlen(s) != n) {
        Py_CLEAR(*keep);
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return s;
}

static PyObject *builtin_compile(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    static const char *const kwlist[] = {"source", "filename", "mode", "flags",
                                         "dont_inherit", "optimize", "_feature_version", NULL};
    PyObject *a[7];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "compile", kwlist, 3, 6, 0, a) < 0)
        return NULL;
    PyObject *filename = PyOS_FSPath(a[1]);
    if (filename == NULL)
        return NULL;
    if (PyBytes_Check(filename)) {
        PyObject *t = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(filename),
                                                       PyBytes_GET_SIZE(filename));
        Py_DECREF(filename);
        if ((filename = t) == NULL)
            return NULL;
    }
    PyObject *result = NULL, *keep = NULL;
    int flags = 0, optimize = -1;
    if (a[3] && (flags = PyLong_AsInt(a[3])) == -1 && PyErr_Occurred())
        goto done;
    if (a[5] && (optimize = PyLong_AsInt(a[5])) == -1 && PyErr_Occurred())
        goto done;
    if (!PyUnicode_Check(a[2])) {
        PyErr_Format(PyExc_TypeError, "compile() argument 'mode' must be str, not %.50s",
                     Py_TYPE(a[2])->tp_name);
        goto done;
    }
    int start;
    if (_PyUnicode_EqualToASCIIString(a[2], "exec"))
        start = Py_file_input;
    else if (_PyUnicode_EqualToASCIIString(a[2], "eval"))
        start = Py_eval_input;
    else if (_PyUnicode_EqualToASCIIString(a[2], "single"))
        start = Py_single_input;
    else if (_PyUnicode_EqualToASCIIString(a[2], "func_type") && (flags & PyCF_ONLY_AST))
        start = Py_func_type_input;
    else {
        PyErr_SetString(PyExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = flags;
    if (_KrAST_Check(a[0])) {
        result = _KrAST_CompileObject(a[0], filename, start, &cf, optimize);
        goto done;
    }
    const char *src = source_as_string(a[0], "compile", "string, bytes or AST", &cf, &keep);
    if (src == NULL)
        goto done;
    result = Py_CompileStringObject(src, filename, start, &cf, optimize);
done:
    Py_XDECREF(keep);
    Py_DECREF(filename);
    return result;
}

static int ensure_builtins(PyObject *globals)
{
    int has = PyDict_Contains(globals, _Py_ID(__builtins__));
    if (has != 0)
        return has < 0 ? -1 : 0;
    return PyDict_SetItem(globals, _Py_ID(__builtins__),
                          _PyInterpreterState_GET()->builtins_module);
}

static PyObject *eval_or_exec(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                              int is_exec)
{
    static const char *const exec_kw[] = {"source", "globals", "locals", "closure", NULL};
    static const char *const eval_kw[] = {"source", "globals", "locals", NULL};
    const char *fname = is_exec ? "exec" : "eval";
    PyObject *a[4] = {NULL, NULL, NULL, NULL};
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, fname, is_exec ? exec_kw : eval_kw, 1,
                                  3, 0, a) < 0)
        return NULL;
    PyObject *source = a[0], *globals = a[1], *locals = a[2], *closure = a[3];
    if (globals == Py_None)
        globals = NULL;
    if (locals == Py_None)
        locals = NULL;
    if (globals != NULL && !PyDict_Check(globals)) {
        if (is_exec)
            PyErr_Format(PyExc_TypeError, "exec() globals must be a dict, not %.100s",
                         Py_TYPE(globals)->tp_name);
        else
            PyErr_SetString(PyExc_TypeError,
                            PyMapping_Check(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                     : "globals must be a dict");
        return NULL;
    }
    if (locals != NULL && !PyMapping_Check(locals)) {
        if (is_exec)
            PyErr_Format(PyExc_TypeError, "locals must be a mapping or None, not %.100s",
                         Py_TYPE(locals)->tp_name);
        else
            PyErr_SetString(PyExc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (globals == NULL) {
        globals = PyEval_GetGlobals();
        if (locals == NULL)
            locals = PyEval_GetLocals();
        if (globals == NULL || locals == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_SystemError, "globals and locals cannot be NULL");
            return NULL;
        }
    }
    else if (locals == NULL) {
        locals = globals;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;
    if (closure == Py_None)
        closure = NULL;
    if (PyCode_Check(source)) {
        PyCodeObject *co = (PyCodeObject *)source;
        if (!is_exec && co->co_nfreevars > 0) {
            PyErr_SetString(PyExc_TypeError, "code object passed to eval() may not contain free variables");
            return NULL;
        }
        if (closure != NULL) {
            if (!PyTuple_Check(closure) || PyTuple_GET_SIZE(closure) != co->co_nfreevars) {
                PyErr_Format(PyExc_TypeError,
                             "code object requires a closure of exactly length %d",
                             co->co_nfreevars);
                return NULL;
            }
            PyObject *r = PyEval_EvalCodeEx(source, globals, locals, NULL, 0, NULL, 0, NULL, 0,
                                            NULL, closure);
            if (r == NULL)
                return NULL;
            Py_DECREF(r);
            Py_RETURN_NONE;
        }
        if (is_exec && co->co_nfreevars > 0) {
            PyErr_SetString(PyExc_TypeError,
                            "code object requires a closure of exactly length 0");
            return NULL;
        }
        PyObject *r = PyEval_EvalCode(source, globals, locals);
        if (r == NULL || !is_exec)
            return r;
        Py_DECREF(r);
        Py_RETURN_NONE;
    }
    if (closure != NULL) {
        PyErr_SetString(PyExc_TypeError, "closure can only be used when source is a code object");
        return NULL;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *keep;
    char what[64];
    snprintf(what, sizeof what, "string, bytes or code");
    const char *str = source_as_string(source, fname, what, &cf, &keep);
    if (str == NULL)
        return NULL;
    if (!is_exec) {
        while (*str == ' ' || *str == '\t')
            str++;
    }
    PyObject *r = PyRun_StringFlags(str, is_exec ? Py_file_input : Py_eval_input, globals,
                                    locals, &cf);
    Py_XDECREF(keep);
    if (r == NULL || !is_exec)
        return r;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *builtin_eval(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return eval_or_exec(args, nargs, kwnames, 0);
}

static PyObject *builtin_exec(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return eval_or_exec(args, nargs, kwnames, 1);
}

/* ---- import / breakpoint / isinstance ------------------------------------------------ */

static PyObject *builtin___import__(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level",
                                         NULL};
    PyObject *a[5];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "__import__", kwlist, 1, 5, 0, a) < 0)
        return NULL;
    int level = 0;
    if (a[4] && (level = PyLong_AsInt(a[4])) == -1 && PyErr_Occurred())
        return NULL;
    return PyImport_ImportModuleLevelObject(a[0], a[1], a[2], a[3], level);
}

static PyObject *builtin_breakpoint(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    PyObject *hook = PySys_GetObject("breakpointhook");
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.breakpointhook");
        return NULL;
    }
    Py_INCREF(hook);
    PyObject *r = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

static PyObject *builtin_isinstance(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *builtin_issubclass(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *builtin_open(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL};
    PyObject *a[8];
    if (_PyArg_ParseStackKeywords(args, nargs, kwnames, "open", kwlist, 1, 8, 0, a) < 0)
        return NULL;
    const char *mode = "r", *encoding = NULL, *errors = NULL, *newline = NULL;
    int buffering = -1, closefd = 1;
#define STROPT(idx, var, name)                                                          \
    if (a[idx] != NULL && a[idx] != Py_None) {                                          \
        if (!PyUnicode_Check(a[idx])) {                                                 \
            PyErr_Format(PyExc_TypeError, "open() argument '" name "' must be str%s, not %.50s", \
                         idx == 1 ? "" : " or None", Py_TYPE(a[idx])->tp_name);         \
            return NULL;                                                                \
        }                                                                               \
        if ((var = PyUnicode_AsUTF8(a[idx])) == NULL)                                   \
            return NULL;                                                                \
    }
    if (a[1] == Py_None) {
        PyErr_SetString(PyExc_TypeError, "open() argument 'mode' must be str, not None");
        return NULL;
    }
    STROPT(1, mode, "mode")
    STROPT(3, encoding, "encoding")
    STROPT(4, errors, "errors")
    STROPT(5, newline, "newline")
#undef STROPT
    if (a[2] && (buffering = PyLong_AsInt(a[2])) == -1 && PyErr_Occurred())
        return NULL;
    if (a[6] && (closefd = PyObject_IsTrue(a[6])) < 0)
        return NULL;
    return _PyIO_Open(a[0], mode, buffering, encoding, errors, newline, closefd,
                      a[7] == Py_None ? NULL : a[7]);
}

/* ---- exit / quit ----------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    const char *name;
} QuitterObject;

static PyObject *quitter_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Use %s() or Ctrl-D (i.e. EOF) to exit",
                                ((QuitterObject *)self)->name);
}

static PyObject *quitter_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *code = Py_None;
    if (!PyArg_ParseTuple(args, "|O:__call__", &code))
        return NULL;
    /* Closing stdin first mirrors site.Quitter, so that a shell reading from a pipe
     * sees the interpreter go away. */
    PyObject *in = PySys_GetObject("stdin");
    if (in != NULL && in != Py_None) {
        PyObject *r = PyObject_CallMethodNoArgs(in, _Py_ID(close));
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    PyErr_SetObject(PyExc_SystemExit, code);
    return NULL;
}

static PyTypeObject Quitter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(QuitterObject),
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static QuitterObject quit_exit = {{_Py_IMMORTAL_REFCNT, &Quitter_Type}, "exit"};
static QuitterObject quit_quit = {{_Py_IMMORTAL_REFCNT, &Quitter_Type}, "quit"};

/* ---- help ------------------------------------------------------------------------------ */

/* help() is a thin object (site's _Helper); the work is done by lib/pydoc.py, imported on
 * first use so that start-up does not pay for it. */
static PyObject *helper_repr(PyObject *self)
{
    return PyUnicode_FromString("Type help() for interactive help, or help(object) for help "
                                "about object.");
}

static PyObject *helper_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *help = PyImport_ImportModuleAttrString("pydoc", "help");
    if (help == NULL)
        return NULL;
    PyObject *res = PyObject_Call(help, args, kwds);
    Py_DECREF(help);
    return res;
}

static PyTypeObject Helper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sitebuiltins._Helper",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = helper_repr,
    .tp_call = helper_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject help_object = {_Py_IMMORTAL_REFCNT, &Helper_Type};

/* ---- copyright / credits / license ------------------------------------------------------ */

/* site's _Printer: repr() shows a short text whole, calling the object pages a long one
 * MAXLINES lines at a time. The text comes from the first readable file in a list, else
 * from a fallback string. */
typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *data;      /* fallback text; NULL = sys.copyright (copyright) */
    PyObject *filenames; /* list; NULL = the LICENSE files next to the stdlib (license) */
    PyObject *lines;     /* list of str, once the text has been read */
} PrinterObject;

#define PRINTER_MAXLINES 23

static PyObject *printer_join_paths(PyObject *files, PyObject *dirs)
{
    PyObject *join = NULL, *out = PyList_New(0);
    PyObject *dseq = PySequence_Fast(dirs, "dirs must be iterable");
    PyObject *fseq = PySequence_Fast(files, "files must be iterable");
    if (out == NULL || dseq == NULL || fseq == NULL)
        goto error;
    if (PySequence_Fast_GET_SIZE(dseq) && PySequence_Fast_GET_SIZE(fseq) &&
        (join = PyImport_ImportModuleAttrString("posixpath", "join")) == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(dseq); i++) {
        for (Py_ssize_t j = 0; j < PySequence_Fast_GET_SIZE(fseq); j++) {
            PyObject *path = PyObject_CallFunctionObjArgs(
                join, PySequence_Fast_GET_ITEM(dseq, i), PySequence_Fast_GET_ITEM(fseq, j),
                NULL);
            if (path == NULL || PyList_Append(out, path) < 0) {
                Py_XDECREF(path);
                goto error;
            }
            Py_DECREF(path);
        }
    }
    Py_XDECREF(join);
    Py_DECREF(dseq);
    Py_DECREF(fseq);
    return out;
error:
    Py_XDECREF(join);
    Py_XDECREF(dseq);
    Py_XDECREF(fseq);
    Py_XDECREF(out);
    return NULL;
}

/* license's candidates, worked out on first use because os cannot be imported while the
 * builtins module is being built: LICENSE.txt/LICENSE in the stdlib's parent directory,
 * the stdlib directory and the current directory */
static PyObject *printer_license_files(void)
{
    PyObject *os = PyImport_ImportModule("os");
    if (os == NULL)
        return NULL;
    PyObject *file = PyObject_GetAttrString(os, "__file__");
    Py_DECREF(os);
    if (file == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
        return PyList_New(0);
    }
    PyObject *here = NULL, *parent = NULL, *files = NULL, *dirs = NULL, *res = NULL;
    PyObject *dirname = PyImport_ImportModuleAttrString("posixpath", "dirname");
    PyObject *join = PyImport_ImportModuleAttrString("posixpath", "join");
    if (dirname == NULL || join == NULL)
        goto done;
    if ((here = PyObject_CallOneArg(dirname, file)) == NULL)
        goto done;
    PyObject *pardir = PyUnicode_FromString("..");
    if (pardir == NULL)
        goto done;
    parent = PyObject_CallFunctionObjArgs(join, here, pardir, NULL);
    Py_DECREF(pardir);
    if (parent == NULL)
        goto done;
    files = Py_BuildValue("[ss]", "LICENSE.txt", "LICENSE");
    dirs = Py_BuildValue("[OOs]", parent, here, ".");
    if (files != NULL && dirs != NULL)
        res = printer_join_paths(files, dirs);
done:
    Py_DECREF(file);
    Py_XDECREF(dirname);
    Py_XDECREF(join);
    Py_XDECREF(here);
    Py_XDECREF(parent);
    Py_XDECREF(files);
    Py_XDECREF(dirs);
    return res;
}

/* the contents of path, or NULL with no error set when it cannot be read */
static PyObject *printer_read_file(PyObject *path)
{
    PyObject *open = PyImport_ImportModuleAttrString("io", "open");
    if (open == NULL)
        return NULL;
    PyObject *args = PyTuple_Pack(1, path);
    PyObject *kw = Py_BuildValue("{ss}", "encoding", "utf-8");
    PyObject *f = (args && kw) ? PyObject_Call(open, args, kw) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kw);
    Py_DECREF(open);
    if (f == NULL)
        goto check;
    PyObject *text = PyObject_CallMethod(f, "read", NULL);
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *r = PyObject_CallMethod(f, "close", NULL);
    Py_DECREF(f);
    if (r == NULL) {
        Py_XDECREF(text);
        Py_XDECREF(exc);
        goto check;
    }
    Py_DECREF(r);
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        goto check;
    }
    return text;
check:
    if (PyErr_ExceptionMatches(PyExc_OSError))
        PyErr_Clear();
    return NULL;
}

static int printer_setup(PrinterObject *self)
{
    if (self->name == NULL) {
        /* made by __new__ without __init__ */
        PyErr_SetString(PyExc_AttributeError,
                        "'_Printer' object has no attribute '_Printer__lines'");
        return -1;
    }
    /* an empty result is read again next time, as site does */
    if (self->lines != NULL && PyList_GET_SIZE(self->lines) > 0)
        return 0;
    if (self->filenames == NULL && (self->filenames = printer_license_files()) == NULL)
        return -1;
    PyObject *data = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(self->filenames); i++) {
        data = printer_read_file(PyList_GET_ITEM(self->filenames, i));
        if (data != NULL)
            break;
        if (PyErr_Occurred())
            return -1;
    }
    if (data != NULL) {
        int empty = PyObject_Not(data);
        if (empty < 0) {
            Py_DECREF(data);
            return -1;
        }
        if (empty)
            Py_CLEAR(data);
    }
    if (data == NULL) {
        /* sys does not exist yet when builtins are made, so copyright reads it late */
        PyObject *fallback = self->data ? self->data : PySys_GetObject("copyright");
        data = fallback ? Py_NewRef(fallback) : PyUnicode_FromString("");
        if (data == NULL)
            return -1;
    }
    PyObject *sep = PyUnicode_FromString("\n");
    PyObject *lines = sep ? PyObject_CallMethod(data, "split", "O", sep) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(data);
    if (lines == NULL)
        return -1;
    if (!PyList_Check(lines)) {
        Py_DECREF(lines);
        PyErr_SetString(PyExc_TypeError, "split() did not return a list");
        return -1;
    }
    Py_XSETREF(self->lines, lines);
    return 0;
}

static Py_ssize_t printer_maxlines(PyObject *self)
{
    PyObject *v = PyObject_GetAttrString(self, "MAXLINES");
    if (v == NULL)
        return -1;
    Py_ssize_t n = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    return n;
}

static PyObject *printer_repr(PyObject *op)
{
    PrinterObject *self = (PrinterObject *)op;
    if (printer_setup(self) < 0)
        return NULL;
    Py_ssize_t max = printer_maxlines(op);
    if (max == -1 && PyErr_Occurred())
        return NULL;
    if (PyList_GET_SIZE(self->lines) <= max) {
        PyObject *sep = PyUnicode_FromString("\n");
        if (sep == NULL)
            return NULL;
        PyObject *r = PyUnicode_Join(sep, self->lines);
        Py_DECREF(sep);
        return r;
    }
    return PyUnicode_FromFormat("Type %S() to see the full %S text", self->name, self->name);
}

static PyObject *printer_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    PrinterObject *self = (PrinterObject *)op;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        PyDict_Next(kwds, &pos, &key, &value);
        PyErr_Format(PyExc_TypeError, "_Printer.__call__() got an unexpected keyword argument '%S'",
                     key);
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "_Printer.__call__() takes 1 positional argument but %zd were given",
                     PyTuple_GET_SIZE(args) + 1);
        return NULL;
    }
    if (printer_setup(self) < 0)
        return NULL;
    Py_ssize_t max = printer_maxlines(op);
    if (max == -1 && PyErr_Occurred())
        return NULL;
    PyObject *print = PyImport_ImportModuleAttrString("builtins", "print");
    PyObject *input = PyImport_ImportModuleAttrString("builtins", "input");
    PyObject *prompt = PyUnicode_FromString("Hit Return for more, or q (and Return) to quit: ");
    PyObject *res = NULL;
    if (print == NULL || input == NULL || prompt == NULL)
        goto done;
    PyObject *lines = Py_NewRef(self->lines);
    for (Py_ssize_t lineno = 0;; lineno += max) {
        /* a page that runs off the end finishes without asking */
        for (Py_ssize_t i = lineno; i < lineno + max; i++) {
            if (i >= PyList_GET_SIZE(lines))
                goto finished;
            PyObject *r = PyObject_CallOneArg(print, PyList_GET_ITEM(lines, i));
            if (r == NULL)
                goto fail;
            Py_DECREF(r);
        }
        for (;;) {
            PyObject *key = PyObject_CallOneArg(input, prompt);
            if (key == NULL)
                goto fail;
            int quit = PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "q");
            int more = PyUnicode_Check(key) && PyUnicode_GET_LENGTH(key) == 0;
            Py_DECREF(key);
            if (quit)
                goto finished;
            if (more)
                break;
        }
    }
finished:
    res = Py_NewRef(Py_None);
fail:
    Py_DECREF(lines);
done:
    Py_XDECREF(print);
    Py_XDECREF(input);
    Py_XDECREF(prompt);
    return res;
}

static int printer_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "data", "files", "dirs", NULL};
    PrinterObject *self = (PrinterObject *)op;
    PyObject *name, *data, *files = NULL, *dirs = NULL;
    /* the reference is a Python class, so missing arguments get a function's message */
    int have_name = PyTuple_GET_SIZE(args) > 0 || (kwds && PyDict_GetItemString(kwds, "name"));
    int have_data = PyTuple_GET_SIZE(args) > 1 || (kwds && PyDict_GetItemString(kwds, "data"));
    if (!have_name || !have_data) {
        if (!have_name && !have_data)
            PyErr_SetString(PyExc_TypeError, "_Printer.__init__() missing 2 required positional "
                                             "arguments: 'name' and 'data'");
        else
            PyErr_Format(PyExc_TypeError,
                         "_Printer.__init__() missing 1 required positional argument: '%s'",
                         have_name ? "data" : "name");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|OO:_Printer", kwlist, &name, &data, &files,
                                     &dirs))
        return -1;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL)
        return -1;
    PyObject *filenames = printer_join_paths(files ? files : empty, dirs ? dirs : empty);
    Py_DECREF(empty);
    if (filenames == NULL)
        return -1;
    Py_XSETREF(self->name, Py_NewRef(name));
    Py_XSETREF(self->data, Py_NewRef(data));
    Py_XSETREF(self->filenames, filenames);
    Py_CLEAR(self->lines);
    return 0;
}

static int printer_traverse(PyObject *op, visitproc visit, void *arg)
{
    PrinterObject *self = (PrinterObject *)op;
    Py_VISIT(self->name);
    Py_VISIT(self->data);
    Py_VISIT(self->filenames);
    Py_VISIT(self->lines);
    return 0;
}

static int printer_clear(PyObject *op)
{
    PrinterObject *self = (PrinterObject *)op;
    Py_CLEAR(self->name);
    Py_CLEAR(self->data);
    Py_CLEAR(self->filenames);
    Py_CLEAR(self->lines);
    return 0;
}

static void printer_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    printer_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyTypeObject Printer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sitebuiltins._Printer",
    .tp_basicsize = sizeof(PrinterObject),
    .tp_dealloc = printer_dealloc,
    .tp_repr = printer_repr,
    .tp_call = printer_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "interactive prompt objects for printing the license text, a list of\n"
              "contributors and the copyright notice.",
    .tp_traverse = printer_traverse,
    .tp_clear = printer_clear,
    .tp_init = printer_init,
    .tp_new = PyType_GenericNew,
};

/* a printer whose fallback text is data (NULL: sys.copyright); license searches files */
static PyObject *printer_make(const char *name, PyObject *data, int license)
{
    if (data == NULL && PyErr_Occurred())
        return NULL;
    PrinterObject *p = PyObject_GC_New(PrinterObject, &Printer_Type);
    if (p == NULL) {
        Py_XDECREF(data);
        return NULL;
    }
    p->data = data;
    p->lines = NULL;
    p->filenames = license ? NULL : PyList_New(0);
    p->name = NULL;
    PyObject_GC_Track(p);
    p->name = PyUnicode_FromString(name);
    if (p->name == NULL || (!license && p->filenames == NULL)) {
        Py_DECREF(p);
        return NULL;
    }
    return (PyObject *)p;
}

/* copyright, credits and license, as site adds them */
static int add_printers(PyObject *d)
{
    static const char credits_text[] =
        "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
        "    for supporting Python development.  See www.python.org for more information.";
    PyObject *objs[3] = {
        printer_make("copyright", NULL, 0),
        printer_make("credits", PyUnicode_FromString(credits_text), 0),
        printer_make("license", PyUnicode_FromString("See https://www.python.org/psf/license/"),
                     1),
    };
    static const char *const names[3] = {"copyright", "credits", "license"};
    int rc = 0;
    for (int i = 0; i < 3; i++) {
        if (objs[i] == NULL || PyDict_SetItemString(d, names[i], objs[i]) < 0)
            rc = -1;
        Py_XDECREF(objs[i]);
    }
    return rc;
}

/* ---- module --------------------------------------------------------------------------- */

static PyMethodDef builtin_methods[] = {
    {"__import__", FASTKW(builtin___import__), "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n"
        "           level=0)\n--\n\n"},
    {"abs", builtin_abs, METH_O, "abs($module, x, /)\n--\n\n"},
    {"aiter", builtin_aiter, METH_O, "aiter($module, async_iterable, /)\n--\n\n"},
    {"all", builtin_all, METH_O, "all($module, iterable, /)\n--\n\n"},
    {"anext", FAST(builtin_anext), "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\n"},
    {"any", builtin_any, METH_O, "any($module, iterable, /)\n--\n\n"},
    {"ascii", builtin_ascii, METH_O, "ascii($module, obj, /)\n--\n\n"},
    {"bin", builtin_bin, METH_O, "bin($module, number, /)\n--\n\n"},
    {"breakpoint", FASTKW(builtin_breakpoint), "breakpoint($module, /, *args, **kws)\n--\n\n"},
    {"callable", builtin_callable, METH_O, "callable($module, obj, /)\n--\n\n"},
    {"chr", builtin_chr, METH_O, "chr($module, i, /)\n--\n\n"},
    {"compile", FASTKW(builtin_compile), "compile($module, /, source, filename, mode, flags=0,\n"
        "dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\n"},
    {"delattr", FAST(builtin_delattr), "delattr($module, obj, name, /)\n--\n\n"},
    {"dir", FAST(builtin_dir), NULL},
    {"divmod", FAST(builtin_divmod), "divmod($module, x, y, /)\n--\n\n"},
    {"eval", FASTKW(builtin_eval), "eval($module, source, /, globals=None, locals=None)\n--\n\n"},
    {"exec", FASTKW(builtin_exec), "exec($module, source, /, globals=None, locals=None, *, closure=None)\n--\n\n"},
    {"format", FAST(builtin_format), "format($module, value, format_spec='', /)\n--\n\n"},
    {"getattr", FAST(builtin_getattr), NULL},
    {"globals", builtin_globals, METH_NOARGS, "globals($module, /)\n--\n\n"},
    {"hasattr", FAST(builtin_hasattr), "hasattr($module, obj, name, /)\n--\n\n"},
    {"hash", builtin_hash, METH_O, "hash($module, obj, /)\n--\n\n"},
    {"hex", builtin_hex, METH_O, "hex($module, number, /)\n--\n\n"},
    {"id", builtin_id, METH_O, "id($module, obj, /)\n--\n\n"},
    {"input", FAST(builtin_input), "input($module, prompt='', /)\n--\n\n"},
    {"isinstance", FAST(builtin_isinstance), "isinstance($module, obj, class_or_tuple, /)\n--\n\n"},
    {"issubclass", FAST(builtin_issubclass), "issubclass($module, cls, class_or_tuple, /)\n--\n\n"},
    {"iter", FAST(builtin_iter), NULL},
    {"len", builtin_len, METH_O, "len($module, obj, /)\n--\n\n"},
    {"locals", builtin_locals, METH_NOARGS, "locals($module, /)\n--\n\n"},
    {"max", FASTKW(builtin_max), NULL},
    {"min", FASTKW(builtin_min), NULL},
    {"next", FAST(builtin_next), NULL},
    {"oct", builtin_oct, METH_O, "oct($module, number, /)\n--\n\n"},
    {"open", FASTKW(builtin_open), "open($module, /, file, mode='r', buffering=-1, encoding=None,\n"
        "errors=None, newline=None, closefd=True, opener=None)\n--\n\n"},
    {"ord", builtin_ord, METH_O, "ord($module, c, /)\n--\n\n"},
    {"pow", FASTKW(builtin_pow), "pow($module, /, base, exp, mod=None)\n--\n\n"},
    {"print", FASTKW(builtin_print), "print($module, /, *args, sep=' ', end='\n', file=None, flush=False)\n--\n\n"},
    {"repr", builtin_repr, METH_O, "repr($module, obj, /)\n--\n\n"},
    {"round", FASTKW(builtin_round), "round($module, /, number, ndigits=None)\n--\n\n"},
    {"setattr", FAST(builtin_setattr), "setattr($module, obj, name, value, /)\n--\n\n"},
    {"sorted", FASTKW(builtin_sorted), "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n"},
    {"sum", FASTKW(builtin_sum), "sum($module, iterable, /, start=0)\n--\n\n"},
    {"vars", FAST(builtin_vars), NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef builtinsmodule = {
    PyModuleDef_HEAD_INIT, "builtins",
    "Built-in functions, types, exceptions, and other objects.",
    -1, builtin_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_builtins(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->builtins_module != NULL)
        return Py_NewRef(interp->builtins_module);
    if (!(Quitter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Quitter_Type) < 0)
        return NULL;
    if (!(Helper_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Helper_Type) < 0)
        return NULL;
    if (!(Printer_Type.tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(&Printer_Type) < 0)
            return NULL;
        PyObject *maxlines = PyLong_FromLong(PRINTER_MAXLINES);
        if (maxlines == NULL ||
            PyDict_SetItemString(Printer_Type.tp_dict, "MAXLINES", maxlines) < 0) {
            Py_XDECREF(maxlines);
            return NULL;
        }
        Py_DECREF(maxlines);
    }
    PyObject *m = PyModule_Create(&builtinsmodule);
    if (m == NULL)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    PyObject *bc = PyCFunction_NewEx(&_PyBuildClass_Def, NULL, NULL);
    if (bc == NULL || PyDict_SetItemString(d, "__build_class__", bc) < 0) {
        Py_XDECREF(bc);
        goto error;
    }
    Py_DECREF(bc);
#define SETBUILTIN(name, obj) \
    if (PyDict_SetItemString(d, name, (PyObject *)(obj)) < 0) goto error;
    SETBUILTIN("None", Py_None)
    SETBUILTIN("Ellipsis", Py_Ellipsis)
    SETBUILTIN("NotImplemented", Py_NotImplemented)
    SETBUILTIN("False", Py_False)
    SETBUILTIN("True", Py_True)
    SETBUILTIN("bool", &PyBool_Type)
    SETBUILTIN("memoryview", &PyMemoryView_Type)
    SETBUILTIN("bytearray", &PyByteArray_Type)
    SETBUILTIN("bytes", &PyBytes_Type)
    SETBUILTIN("classmethod", &PyClassMethod_Type)
    SETBUILTIN("complex", &PyComplex_Type)
    SETBUILTIN("dict", &PyDict_Type)
    SETBUILTIN("enumerate", &PyEnum_Type)
    SETBUILTIN("filter", &PyFilter_Type)
    SETBUILTIN("float", &PyFloat_Type)
    SETBUILTIN("frozenset", &PyFrozenSet_Type)
    SETBUILTIN("property", &PyProperty_Type)
    SETBUILTIN("int", &PyLong_Type)
    SETBUILTIN("list", &PyList_Type)
    SETBUILTIN("map", &PyMap_Type)
    SETBUILTIN("object", &PyBaseObject_Type)
    SETBUILTIN("range", &PyRange_Type)
    SETBUILTIN("reversed", &PyReversed_Type)
    SETBUILTIN("set", &PySet_Type)
    SETBUILTIN("slice", &PySlice_Type)
    SETBUILTIN("staticmethod", &PyStaticMethod_Type)
    SETBUILTIN("str", &PyUnicode_Type)
    SETBUILTIN("super", &PySuper_Type)
    SETBUILTIN("tuple", &PyTuple_Type)
    SETBUILTIN("type", &PyType_Type)
    SETBUILTIN("zip", &PyZip_Type)
    SETBUILTIN("exit", &quit_exit)
    SETBUILTIN("quit", &quit_quit)
    SETBUILTIN("help", &help_object)
    if (add_printers(d) < 0)
        goto error;
#define SETEXC(name) SETBUILTIN(#name, PyExc_##name)
    KR_EXCEPTION_TYPES(SETEXC)
#undef SETEXC
    SETBUILTIN("EnvironmentError", PyExc_OSError)
    SETBUILTIN("IOError", PyExc_OSError)
    SETBUILTIN("__debug__", interp->config.optimize ? Py_False : Py_True)
#undef SETBUILTIN
    return m;
error:
    Py_DECREF(m);
    return NULL;
}

/* -O changes __debug__ after the builtins module exists. */
int _PyBuiltins_UpdateDebug(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return PyDict_SetItemString(interp->builtins, "__debug__",
                                interp->config.optimize ? Py_False : Py_True);
}
