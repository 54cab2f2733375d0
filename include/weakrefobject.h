/* Weak references (src/objects/weakrefobject.c). */
#ifndef KR_WEAKREFOBJECT_H
#define KR_WEAKREFOBJECT_H
#include "object.h"
typedef struct _PyWeakReference PyWeakReference;
struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object; /* Py_None once the referent is dead */
    PyObject *wr_callback;
    Py_hash_t hash;
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};
extern PyTypeObject _PyWeakref_RefType, _PyWeakref_ProxyType, _PyWeakref_CallableProxyType;
#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))
PyObject *PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyObject *PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
int PyWeakref_GetRef(PyObject *ref, PyObject **pobj);
Py_ssize_t _PyWeakref_GetWeakrefCount(PyWeakReference *head);
void _PyWeakref_ClearRef(PyWeakReference *self);
#define _PyObject_GET_WEAKREFS_LISTPTR(o) \
    ((PyObject **)(((char *)(o)) + Py_TYPE(o)->tp_weaklistoffset))
#endif
