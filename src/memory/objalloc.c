/* Allocation and initialisation of objects of non-GC types. GC-aware allocation lives in
 * gc.c; both end in PyObject_Init, which sets the header every object starts with. */
#include "Python.h"
#include "internal/pycore_object.h"

PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    _PyObject_Init(op, tp);
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    _PyObject_InitVar(op, tp, size);
    return op;
}

PyObject *_PyObject_New(PyTypeObject *tp)
{
    PyObject *op = PyObject_Malloc((size_t)_PyObject_SIZE(tp));
    if (op == NULL)
        return PyErr_NoMemory();
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0 ||
        (tp->tp_itemsize && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize)) {
        PyErr_NoMemory();
        return NULL;
    }
    PyVarObject *op = PyObject_Malloc(_PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyObject_InitVar(op, tp, nitems);
}
