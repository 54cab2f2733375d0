/* Free lists of dict and list objects (CPython keeps 80 of each per interpreter): a freed
 * exact dict or list is parked in PyInterpreterState.dict_freelist / list_freelist and
 * handed out again by the next PyDict_New / PyList_New, skipping the allocator and the
 * collector's allocation count (as in CPython, a reused object does not count towards
 * a gen-0 collection). The lists are emptied by a full gc.collect() and at exit. */
#ifndef KR_PYCORE_FREELIST_H
#define KR_PYCORE_FREELIST_H
#include "Python.h"

#define KR_DICT_FREELIST_MAX 80
#define KR_LIST_FREELIST_MAX 80

/* Give every parked object back to the allocator (dictobject.c, listobject.c). */
void _PyDict_ClearFreeList(PyInterpreterState *interp);
void _PyList_ClearFreeList(PyInterpreterState *interp);
/* All of the interpreter's free lists: float, tuple, list, dict (object.c). For the
 * collector's full collections and for shut-down. */
void _PyObject_ClearFreeLists(PyInterpreterState *interp);
#endif
