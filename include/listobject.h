/* list (src/objects/listobject.c) */
#ifndef KR_LISTOBJECT_H
#define KR_LISTOBJECT_H
#include "object.h"
typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;
extern PyTypeObject PyList_Type, PyListIter_Type, PyListRevIter_Type;
#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)
#define PyList_GET_SIZE(op) Py_SIZE(op)
#define PyList_GET_ITEM(op, i) (((PyListObject *)(op))->ob_item[(i)])
#define PyList_SET_ITEM(op, i, v) (((PyListObject *)(op))->ob_item[(i)] = (v))
PyObject *PyList_New(Py_ssize_t size);
Py_ssize_t PyList_Size(PyObject *);
PyObject *PyList_GetItem(PyObject *, Py_ssize_t); /* borrowed */
PyObject *PyList_GetItemRef(PyObject *, Py_ssize_t);
int PyList_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
int PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
int PyList_Append(PyObject *, PyObject *);
int _PyList_AppendTakeRef(PyListObject *, PyObject *); /* steals */
PyObject *PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
int PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
int PyList_Sort(PyObject *);
int PyList_Reverse(PyObject *);
PyObject *PyList_AsTuple(PyObject *);
PyObject *_PyList_Extend(PyListObject *, PyObject *iterable); /* returns None */
int PyList_Extend(PyObject *, PyObject *);
int PyList_Clear(PyObject *);
PyObject *_PyList_FromArraySteal(PyObject *const *, Py_ssize_t);
#endif
