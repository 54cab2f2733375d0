/* The evaluation loop and its public helpers (src/vm/ceval.c). */
#ifndef KR_CEVAL_H
#define KR_CEVAL_H
#include "object.h"
#include "pystate.h"
PyObject *PyEval_GetBuiltins(void); /* borrowed */
PyObject *PyEval_GetGlobals(void);  /* borrowed */
PyObject *PyEval_GetLocals(void);   /* borrowed */
PyObject *PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argc, PyObject *const *kwds,
                            int kwdc, PyObject *const *defs, int defc, PyObject *kwdefs,
                            PyObject *closure);
const char *PyEval_GetFuncName(PyObject *);
const char *PyEval_GetFuncDesc(PyObject *);
/* Zero-argument super(): the enclosing class (__class__ cell) and first argument of the
 * running function; -1 with RuntimeError as CPython. */
int _PyEval_GetSuperArgs(PyTypeObject **type, PyObject **obj);
int Py_GetRecursionLimit(void);
void Py_SetRecursionLimit(int);
void PyEval_SetTrace(Py_tracefunc, PyObject *);
void PyEval_SetProfile(Py_tracefunc, PyObject *);
int Py_AddPendingCall(int (*func)(void *), void *arg);
int Py_MakePendingCalls(void);
/* GIL */
void PyEval_InitThreads(void);
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *);
void PyEval_AcquireThread(PyThreadState *);
void PyEval_ReleaseThread(PyThreadState *);
/* Krait internals for the sys and builtins modules. */
extern PyMethodDef _PyBuildClass_Def; /* builtins.__build_class__ */
PyObject *PyEval_GetFrameLocals(void);  /* new ref: locals() of the running frame */
PyObject *PyEval_GetFrameGlobals(void); /* new ref or NULL */
PyObject *PyEval_GetFrameBuiltins(void);
int _PyEval_SetTrace(PyThreadState *, Py_tracefunc, PyObject *);
int _PyEval_SetProfile(PyThreadState *, Py_tracefunc, PyObject *);
int _KrSys_SetTrace(PyObject *callable);   /* sys.settrace(callable or None) */
int _KrSys_SetProfile(PyObject *callable); /* sys.setprofile(callable or None) */
PyObject *_KrSys_GetTrace(void);           /* sys.gettrace(): new ref */
PyObject *_KrSys_GetProfile(void);         /* sys.getprofile(): new ref */
int _KrEval_GetRecursionDepth(PyThreadState *); /* Python frames on the stack */
double _KrEval_GetSwitchInterval(void);
void _KrEval_SetSwitchInterval(double seconds);
int _Py_HandlePending(PyThreadState *tstate);
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }
#endif
