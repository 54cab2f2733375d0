/* Private interface between listobject.c and listsort.c. */
#ifndef KR_LISTSORT_H
#define KR_LISTSORT_H
#include "Python.h"
/* Stable in-place sort of keys[0:n] with "<" (PyObject_RichCompareBool Py_LT); when
 * values is not NULL it is permuted the same way as keys. Returns 0, or -1 with an
 * exception set (the arrays then hold a permutation of their original contents). */
int _KrList_TimSort(PyObject **keys, PyObject **values, Py_ssize_t n);
#endif
