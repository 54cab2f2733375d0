/* Internals shared by the exception classes (src/objects/exceptions.c) and exception
 * groups (src/objects/exceptiongroup.c). */
#ifndef KR_PYCORE_EXCEPTIONS_H
#define KR_PYCORE_EXCEPTIONS_H
#include "../Python.h"

#define KR_DECLARE_EXC_TYPE(name) extern PyTypeObject _PyExc_##name;
KR_EXCEPTION_TYPES(KR_DECLARE_EXC_TYPE)
#undef KR_DECLARE_EXC_TYPE

int _PyExc_BaseClear(PyBaseExceptionObject *self);
int _PyExc_BaseTraverse(PyBaseExceptionObject *self, visitproc visit, void *arg);

PyObject *_PyExcGroup_New(PyTypeObject *type, PyObject *args, PyObject *kwds);
int _PyExcGroup_Init(PyObject *self, PyObject *args, PyObject *kwds);
int _PyExcGroup_Clear(PyObject *self);
int _PyExcGroup_Traverse(PyObject *self, visitproc visit, void *arg);
PyObject *_PyExcGroup_Str(PyObject *self);
extern PyMethodDef _PyExcGroup_Methods[];
extern PyMemberDef _PyExcGroup_Members[];
#endif
