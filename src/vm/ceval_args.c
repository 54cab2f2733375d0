/* Binding call arguments to a Python function's parameters, with CPython's messages. */
#include "Python.h"
#include "internal/pycore_frame.h"

PyObject *_Py_CalculateSuggestions(PyObject *dir, PyObject *name);

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static PyObject *format_name_list(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    if (n == 1)
        return PyUnicode_FromFormat("'%U'", PyList_GET_ITEM(names, 0));
    if (n == 2)
        return PyUnicode_FromFormat("'%U' and '%U'", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *part;
        if (i == n - 1)
            part = PyUnicode_FromFormat("and '%U'", PyList_GET_ITEM(names, i));
        else
            part = PyUnicode_FromFormat("'%U', ", PyList_GET_ITEM(names, i));
        if (part == NULL || _PyUnicodeWriter_WriteStr(&w, part) < 0) {
            Py_XDECREF(part);
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
        Py_DECREF(part);
    }
    return _PyUnicodeWriter_Finish(&w);
}

static void missing_arguments(PyFunctionObject *func, PyCodeObject *co, Py_ssize_t missing,
                              Py_ssize_t defcount, PyObject **localsplus, int kwonly)
{
    Py_ssize_t start, end;
    if (kwonly) {
        start = co->co_argcount;
        end = start + co->co_kwonlyargcount;
    }
    else {
        start = 0;
        end = co->co_argcount - defcount;
    }
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return;
    for (Py_ssize_t i = start; i < end; i++) {
        if (localsplus[i] == NULL) {
            if (PyList_Append(names, PyTuple_GET_ITEM(co->co_localsplusnames, i)) < 0) {
                Py_DECREF(names);
                return;
            }
        }
    }
    PyObject *list = format_name_list(names);
    Py_DECREF(names);
    if (list == NULL)
        return;
    PyErr_Format(PyExc_TypeError, "%U() missing %zd required %s argument%s: %U",
                 func->func_qualname, missing, kwonly ? "keyword-only" : "positional",
                 missing == 1 ? "" : "s", list);
    Py_DECREF(list);
}

static void too_many_positional(PyFunctionObject *func, PyCodeObject *co, Py_ssize_t given,
                                PyObject *defaults, PyObject **localsplus)
{
    Py_ssize_t co_argcount = co->co_argcount;
    Py_ssize_t kwonly_given = 0;
    for (Py_ssize_t i = co_argcount; i < co_argcount + co->co_kwonlyargcount; i++)
        if (localsplus[i] != NULL)
            kwonly_given++;
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    PyObject *sig;
    if (defcount) {
        sig = PyUnicode_FromFormat("from %zd to %zd", co_argcount - defcount, co_argcount);
    }
    else {
        sig = PyUnicode_FromFormat("%zd", co_argcount);
    }
    if (sig == NULL)
        return;
    PyObject *kwonly_sig;
    if (kwonly_given) {
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given,
                                          kwonly_given != 1 ? "s" : "");
    }
    else {
        kwonly_sig = PyUnicode_FromString("");
    }
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }
    PyErr_Format(PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                 func->func_qualname, sig, co_argcount == 1 && !defcount ? "" : "s", given,
                 kwonly_sig, given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

static int positional_only_passed_as_keyword(PyFunctionObject *func, PyCodeObject *co,
                                             Py_ssize_t kwcount, PyObject *kwnames)
{
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return -1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posonly = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t k2 = 0; k2 < kwcount; k2++) {
            PyObject *kw = PyTuple_GET_ITEM(kwnames, k2);
            int eq = PyObject_RichCompareBool(posonly, kw, Py_EQ);
            if (eq < 0) {
                Py_DECREF(names);
                return -1;
            }
            if (eq) {
                if (PyList_Append(names, kw) < 0) {
                    Py_DECREF(names);
                    return -1;
                }
                break;
            }
        }
    }
    if (PyList_GET_SIZE(names) == 0) {
        Py_DECREF(names);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, names) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(names);
    if (joined == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError,
                 "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                 func->func_qualname, joined);
    Py_DECREF(joined);
    return 1;
}

static void unexpected_keyword(PyFunctionObject *func, PyCodeObject *co, PyObject *keyword)
{
    /* Suggest among the parameters that may be passed by keyword. */
    Py_ssize_t total = co->co_argcount + co->co_kwonlyargcount;
    PyObject *candidates = PyTuple_GetSlice(co->co_localsplusnames, co->co_posonlyargcount,
                                            total);
    PyObject *suggestion = NULL;
    if (candidates != NULL) {
        PyObject *list = PySequence_List(candidates);
        Py_DECREF(candidates);
        if (list != NULL) {
            suggestion = _Py_CalculateSuggestions(list, keyword);
            Py_DECREF(list);
        }
    }
    PyErr_Clear();
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                     func->func_qualname, keyword, suggestion);
        Py_DECREF(suggestion);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                     func->func_qualname, keyword);
    }
}

int _PyEval_BindArgs(PyThreadState *tstate, PyFunctionObject *func, PyObject **localsplus,
                     PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    PyObject *kwdict = NULL;
    Py_ssize_t i, j, n;

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL)
            return -1;
        i = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        localsplus[i] = kwdict;
    }

    n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (j = 0; j < n; j++)
        localsplus[j] = Py_NewRef(args[j]);

    if (co->co_flags & CO_VARARGS) {
        PyObject *u;
        if (argcount > n)
            u = _PyTuple_FromArray(args + n, argcount - n);
        else
            u = PyTuple_New(0);
        if (u == NULL)
            return -1;
        localsplus[total_args] = u;
    }

    if (kwnames != NULL) {
        Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
        PyObject *const *co_varnames = _PyTuple_ITEMS(co->co_localsplusnames);
        for (i = 0; i < kwcount; i++) {
            PyObject *keyword = PyTuple_GET_ITEM(kwnames, i);
            PyObject *value = args[argcount + i];
            if (keyword == NULL || !PyUnicode_Check(keyword)) {
                PyErr_Format(PyExc_TypeError, "%U() keywords must be strings",
                             func->func_qualname);
                return -1;
            }
            /* Interned names make identity the common case. */
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                if (co_varnames[j] == keyword)
                    goto kw_found;
            }
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                int eq = PyObject_RichCompareBool(keyword, co_varnames[j], Py_EQ);
                if (eq > 0)
                    goto kw_found;
                if (eq < 0)
                    return -1;
            }
            if (kwdict == NULL) {
                if (co->co_posonlyargcount &&
                    positional_only_passed_as_keyword(func, co, kwcount, kwnames) != 0)
                    return -1;
                unexpected_keyword(func, co, keyword);
                return -1;
            }
            if (PyDict_SetItem(kwdict, keyword, value) < 0)
                return -1;
            continue;
        kw_found:
            if (localsplus[j] != NULL) {
                PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'",
                             func->func_qualname, keyword);
                return -1;
            }
            localsplus[j] = Py_NewRef(value);
        }
    }

    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(func, co, argcount, func->func_defaults, localsplus);
        return -1;
    }

    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = func->func_defaults == NULL ? 0 : PyTuple_GET_SIZE(func->func_defaults);
        Py_ssize_t m = co->co_argcount - defcount;
        Py_ssize_t missing = 0;
        for (i = argcount; i < m; i++)
            if (localsplus[i] == NULL)
                missing++;
        if (missing) {
            missing_arguments(func, co, missing, defcount, localsplus, 0);
            return -1;
        }
        if (n > m)
            i = n - m;
        else
            i = 0;
        if (defcount) {
            PyObject **defs = _PyTuple_ITEMS(func->func_defaults);
            for (; i < defcount; i++) {
                if (localsplus[m + i] == NULL)
                    localsplus[m + i] = Py_NewRef(defs[i]);
            }
        }
    }

    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = co->co_argcount; i < total_args; i++) {
            if (localsplus[i] != NULL)
                continue;
            PyObject *varname = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            if (func->func_kwdefaults != NULL) {
                PyObject *def = PyDict_GetItemWithError(func->func_kwdefaults, varname);
                if (def) {
                    localsplus[i] = Py_NewRef(def);
                    continue;
                }
                if (PyErr_Occurred())
                    return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(func, co, missing, -1, localsplus, 1);
            return -1;
        }
    }
    return 0;
}
