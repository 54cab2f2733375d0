/* set and frozenset (src/objects/setobject.c) */
#ifndef KR_SETOBJECT_H
#define KR_SETOBJECT_H
#include "object.h"
#define PySet_MINSIZE 8
typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry;
typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;
    Py_ssize_t used;
    Py_ssize_t mask;
    setentry *table;
    Py_hash_t hash; /* frozenset only; -1 until computed */
    Py_ssize_t finger;
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;
extern PyTypeObject PySet_Type, PyFrozenSet_Type, PySetIter_Type;
#define PyFrozenSet_CheckExact(op) Py_IS_TYPE((op), &PyFrozenSet_Type)
#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PyAnySet_CheckExact(op) (PySet_CheckExact(op) || PyFrozenSet_CheckExact(op))
#define PyAnySet_Check(op) \
    (PyAnySet_CheckExact(op) || PyType_IsSubtype(Py_TYPE(op), &PySet_Type) || \
     PyType_IsSubtype(Py_TYPE(op), &PyFrozenSet_Type))
#define PySet_Check(op) (PySet_CheckExact(op) || PyType_IsSubtype(Py_TYPE(op), &PySet_Type))
#define PyFrozenSet_Check(op) \
    (PyFrozenSet_CheckExact(op) || PyType_IsSubtype(Py_TYPE(op), &PyFrozenSet_Type))
#define PySet_GET_SIZE(so) (((PySetObject *)(so))->used)
PyObject *PySet_New(PyObject *iterable);
PyObject *PyFrozenSet_New(PyObject *iterable);
Py_ssize_t PySet_Size(PyObject *);
int PySet_Clear(PyObject *);
int PySet_Contains(PyObject *, PyObject *);
int PySet_Discard(PyObject *, PyObject *);
int PySet_Add(PyObject *, PyObject *);
PyObject *PySet_Pop(PyObject *);
int _PySet_Update(PyObject *set, PyObject *iterable);
int _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash);
#endif
