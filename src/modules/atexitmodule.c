/* The atexit module: callbacks run (last registered first) by Py_FinalizeEx. */
#include "Python.h"

static PyObject *callbacks(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->atexit_callbacks == NULL)
        interp->atexit_callbacks = PyList_New(0);
    return interp->atexit_callbacks;
}

static PyObject *atexit_register(PyObject *m, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    PyObject *kw = kwargs ? PyDict_Copy(kwargs) : Py_NewRef(Py_None);
    PyObject *list = callbacks();
    PyObject *entry = (rest && kw) ? PyTuple_Pack(3, func, rest, kw) : NULL;
    Py_XDECREF(rest);
    Py_XDECREF(kw);
    if (entry == NULL || list == NULL || PyList_Append(list, entry) < 0) {
        Py_XDECREF(entry);
        return NULL;
    }
    Py_DECREF(entry);
    return Py_NewRef(func);
}

static PyObject *atexit_unregister(PyObject *m, PyObject *func)
{
    PyObject *list = callbacks();
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = PyList_GET_SIZE(list) - 1; i >= 0; i--) {
        PyObject *f = PyTuple_GET_ITEM(PyList_GET_ITEM(list, i), 0);
        int eq = PyObject_RichCompareBool(f, func, Py_EQ);
        if (eq < 0)
            return NULL;
        if (eq && PyList_SetSlice(list, i, i + 1, NULL) < 0)
            return NULL;
        if (i > PyList_GET_SIZE(list))
            i = PyList_GET_SIZE(list);
    }
    Py_RETURN_NONE;
}

void _PyAtExit_Call(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *list = interp->atexit_callbacks;
    if (list == NULL)
        return;
    Py_INCREF(list);
    while (PyList_GET_SIZE(list) > 0) {
        Py_ssize_t last = PyList_GET_SIZE(list) - 1;
        PyObject *entry = Py_NewRef(PyList_GET_ITEM(list, last));
        if (PyList_SetSlice(list, last, last + 1, NULL) < 0) {
            Py_DECREF(entry);
            PyErr_Clear();
            break;
        }
        PyObject *func = PyTuple_GET_ITEM(entry, 0);
        PyObject *kw = PyTuple_GET_ITEM(entry, 2);
        PyObject *r = PyObject_Call(func, PyTuple_GET_ITEM(entry, 1), kw == Py_None ? NULL : kw);
        if (r == NULL) {
            PyErr_FormatUnraisable("Exception ignored in atexit callback %R", func);
        }
        Py_XDECREF(r);
        Py_DECREF(entry);
    }
    Py_DECREF(list);
}

static PyObject *atexit_run_exitfuncs(PyObject *m, PyObject *unused)
{
    _PyAtExit_Call();
    Py_RETURN_NONE;
}

static PyObject *atexit_clear(PyObject *m, PyObject *unused)
{
    PyObject *list = callbacks();
    if (list == NULL || PyList_SetSlice(list, 0, PyList_GET_SIZE(list), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *atexit_ncallbacks(PyObject *m, PyObject *unused)
{
    PyObject *list = callbacks();
    return list ? PyLong_FromSsize_t(PyList_GET_SIZE(list)) : NULL;
}

static PyMethodDef atexit_methods[] = {
    {"register", _PyCFunction_CAST(atexit_register), METH_VARARGS | METH_KEYWORDS, NULL},
    {"unregister", atexit_unregister, METH_O, NULL},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS, NULL},
    {"_clear", atexit_clear, METH_NOARGS, NULL},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef atexitmodule = {
    PyModuleDef_HEAD_INIT, "atexit", "Functions to run when the interpreter exits.", -1, atexit_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_atexit(void)
{
    return PyModule_Create(&atexitmodule);
}
