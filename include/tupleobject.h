/* tuple (src/objects/tupleobject.c) */
#ifndef KR_TUPLEOBJECT_H
#define KR_TUPLEOBJECT_H
#include "object.h"
typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1];
} PyTupleObject;
extern PyTypeObject PyTuple_Type, PyTupleIter_Type;
#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)
#define PyTuple_GET_SIZE(op) Py_SIZE(op)
#define PyTuple_GET_ITEM(op, i) (((PyTupleObject *)(op))->ob_item[(i)])
#define PyTuple_SET_ITEM(op, i, v) (((PyTupleObject *)(op))->ob_item[(i)] = (v))
#define _PyTuple_ITEMS(op) (((PyTupleObject *)(op))->ob_item)
PyObject *PyTuple_New(Py_ssize_t size);
Py_ssize_t PyTuple_Size(PyObject *);
PyObject *PyTuple_GetItem(PyObject *, Py_ssize_t); /* borrowed */
int PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
PyObject *PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyObject *PyTuple_Pack(Py_ssize_t, ...);
int _PyTuple_Resize(PyObject **, Py_ssize_t);
PyObject *_PyTuple_FromArraySteal(PyObject *const *, Py_ssize_t);
void _PyTuple_MaybeUntrack(PyObject *);
/* The tuple hash of an item array (used by tuple and by other tuple-like types). */
Py_hash_t _KrTuple_HashItems(PyObject *const *items, Py_ssize_t len);
void _KrTuple_ClearFreeList(void);
#endif
