/* range, slice, ellipsis and the generic iterators (src/objects/rangeobject.c,
 * sliceobject.c, iterobject.c, enumobject.c) */
#ifndef KR_RANGEOBJECT_H
#define KR_RANGEOBJECT_H
#include "object.h"
extern PyTypeObject PyRange_Type, PyRangeIter_Type, PyLongRangeIter_Type;
#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;
extern PyTypeObject PySlice_Type;
#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)
PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step);
int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                                 Py_ssize_t step);
int PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start,
                         Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength);
int _PyEval_SliceIndex(PyObject *, Py_ssize_t *);
int _PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start,
                            PyObject **stop, PyObject **step);
PyObject *_PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop); /* steals both */
/* Like _PyEval_SliceIndex but None is rejected ("slice indices must be integers or have
 * an __index__ method"); returns 1 on success, 0 with an exception set. */
int _KrEval_SliceIndexNotNone(PyObject *, Py_ssize_t *);
/* builtins.<name> as a new reference (iterator __reduce__ helpers); NULL + error. */
PyObject *_KrEval_GetBuiltin(const char *name);

extern PyTypeObject PySeqIter_Type, PyCallIter_Type, PyEnum_Type, PyReversed_Type,
    PyMap_Type, PyFilter_Type, PyZip_Type;
PyObject *PySeqIter_New(PyObject *);
PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel);
#endif
