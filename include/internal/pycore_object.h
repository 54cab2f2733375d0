/* The header every object starts with, set in one place for the allocators (objalloc.c
 * for plain objects, gc.c for containers), inline so their fast paths make no call. */
#ifndef KR_PYCORE_OBJECT_H
#define KR_PYCORE_OBJECT_H
#include "../object.h"

static inline void _PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    Py_SET_TYPE(op, tp);
    /* Instances keep their class alive; static types are immortal anyway. */
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(tp);
    op->ob_refcnt = 1;
}

static inline void _PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    Py_SET_SIZE(op, size);
    _PyObject_Init((PyObject *)op, tp);
}
#endif
