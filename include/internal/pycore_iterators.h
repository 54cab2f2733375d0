/* Layouts of the sequence iterators the eval loop steps inline (FOR_ITER_LIST,
 * FOR_ITER_TUPLE, FOR_ITER_RANGE); the types themselves live with their sequences. */
#ifndef KR_PYCORE_ITERATORS_H
#define KR_PYCORE_ITERATORS_H
#include "Python.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL once exhausted */
} _KrListIterObject;

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq; /* NULL once exhausted */
} _KrTupleIterObject;

/* range iterator over values that fit a C long */
typedef struct {
    PyObject_HEAD
    long start;
    long step;
    long len;
} _KrRangeIterObject;
#endif
