/* Generators, coroutines and async generators (src/objects/genobject.c). The frame of a
 * generator lives inside the generator object; its layout is owned by the eval loop. */
#ifndef KR_GENOBJECT_H
#define KR_GENOBJECT_H
#include "object.h"
extern PyTypeObject PyGen_Type, PyCoro_Type, PyAsyncGen_Type, _PyCoroWrapper_Type,
    _PyAsyncGenASend_Type, _PyAsyncGenAThrow_Type, _PyAsyncGenWrappedValue_Type;
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)
#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
PyObject *_PyCoro_GetAwaitableIter(PyObject *o);
PyObject *_PyGen_yf(PyObject *gen); /* the sub-iterator of a suspended yield from */
int _PyGen_SetStopIterationValue(PyObject *);
int _PyGen_FetchStopIterationValue(PyObject **);
#endif
