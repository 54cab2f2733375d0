/* Shared between the two halves of the itertools module. */
#ifndef KR_ITERTOOLS_INTERNAL_H
#define KR_ITERTOOLS_INTERNAL_H
#include "Python.h"

extern PyTypeObject _KrIter_ProductType;
extern PyTypeObject _KrIter_PermutationsType;
extern PyTypeObject _KrIter_CombinationsType;
extern PyTypeObject _KrIter_CWRType;

/* Make `result` hold the current combination: reuse it in place when nobody else holds a
 * reference (the common `for a, b in product(...)` loop), otherwise build a new tuple.
 * pool[indices[k]] for k < r. Returns a new reference or NULL. */
PyObject *_KrIter_FillResult(PyObject **result, PyObject *pool, const Py_ssize_t *indices,
                             Py_ssize_t r);
#endif
