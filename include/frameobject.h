/* Frame objects exposed to Python (src/objects/frameobject.c). The executing frame is a
 * _PyInterpreterFrame in the thread's frame stack (pycore_frame.h); a PyFrameObject is
 * created lazily when Python code asks for it (sys._getframe, tracebacks, tracing). */
#ifndef KR_FRAMEOBJECT_H
#define KR_FRAMEOBJECT_H
#include "object.h"
#include "code.h"
typedef struct _frame PyFrameObject;
extern PyTypeObject PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)
int PyFrame_GetLineNumber(PyFrameObject *);
PyCodeObject *PyFrame_GetCode(PyFrameObject *);
PyFrameObject *PyFrame_GetBack(PyFrameObject *);
PyObject *PyFrame_GetLocals(PyFrameObject *);
PyObject *PyFrame_GetGlobals(PyFrameObject *);
PyObject *PyFrame_GetBuiltins(PyFrameObject *);
int PyFrame_GetLasti(PyFrameObject *);
PyFrameObject *PyEval_GetFrame(void); /* borrowed */
/* sys._getframe(depth): new reference, or NULL with ValueError "call stack is not deep
 * enough". */
PyObject *_PyEval_GetFrameObject(int depth);
#endif
