/* Allocation and initialisation of objects of non-GC types. GC-aware allocation lives in
 * gc.c; both end in PyObject_Init, which sets the header every object starts with. */
#include "Python.h"

PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    Py_SET_TYPE(op, tp);
    /* Instances keep their class alive; static types are immortal anyway. */
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(tp);
    op->ob_refcnt = 1;
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    Py_SET_SIZE(op, size);
    PyObject_Init((PyObject *)op, tp);
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
