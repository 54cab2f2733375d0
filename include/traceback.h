/* Traceback objects and printing in CPython's format (src/vm/traceback.c). */
#ifndef KR_TRACEBACK_H
#define KR_TRACEBACK_H
#include "object.h"
#include "frameobject.h"
typedef struct _traceback {
    PyObject_HEAD
    struct _traceback *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti; /* byte offset */
    int tb_lineno;
} PyTracebackObject;
extern PyTypeObject PyTraceBack_Type;
#define PyTraceBack_Check(op) Py_IS_TYPE((op), &PyTraceBack_Type)
int PyTraceBack_Here(PyFrameObject *); /* prepend the frame to the current exception's tb */
int PyTraceBack_Print(PyObject *tb, PyObject *file);
PyObject *_PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame);
/* The closest name in the list `dir` to `name` ("Did you mean"), new ref or NULL. */
PyObject *_Py_CalculateSuggestions(PyObject *dir, PyObject *name);
/* Line `lineno` of a source file, or NULL (no exception) if unavailable. */
PyObject *_KrTraceBack_GetSourceLine(PyObject *filename, int lineno);
#endif
