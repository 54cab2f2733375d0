/* Named tuples implemented in C (src/objects/structseq.c): sys.flags, sys.version_info,
 * sys.float_info, os.stat_result, time.struct_time ... */
#ifndef KR_STRUCTSEQ_H
#define KR_STRUCTSEQ_H
#include "object.h"
typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;
typedef struct PyStructSequence_Desc {
    const char *name; /* "module.Name" */
    const char *doc;
    PyStructSequence_Field *fields; /* NULL-name terminated */
    int n_in_sequence; /* the first n fields are visible as tuple items */
} PyStructSequence_Desc;
extern const char *const PyStructSequence_UnnamedField;
/* Fills a static type object in place (ready and immortal). */
int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc);
PyObject *PyStructSequence_New(PyTypeObject *type);
void PyStructSequence_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
PyObject *PyStructSequence_GetItem(PyObject *, Py_ssize_t);      /* borrowed */
#define PyStructSequence_SET_ITEM PyStructSequence_SetItem
#define PyStructSequence_GET_ITEM PyStructSequence_GetItem
#endif
