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
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }
#endif
