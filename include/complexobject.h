/* complex (src/objects/complexobject.c) */
#ifndef KR_COMPLEXOBJECT_H
#define KR_COMPLEXOBJECT_H
#include "object.h"
typedef struct { double real; double imag; } Py_complex;
typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;
extern PyTypeObject PyComplex_Type;
#define PyComplex_Check(op) PyObject_TypeCheck((op), &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE((op), &PyComplex_Type)
PyObject *PyComplex_FromCComplex(Py_complex);
PyObject *PyComplex_FromDoubles(double real, double imag);
double PyComplex_RealAsDouble(PyObject *);
double PyComplex_ImagAsDouble(PyObject *);
Py_complex PyComplex_AsCComplex(PyObject *);
#endif
