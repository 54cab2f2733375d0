/* Interpreter start-up and shut-down (src/vm/pylifecycle.c). */
#ifndef KR_PYLIFECYCLE_H
#define KR_PYLIFECYCLE_H
#include "object.h"
void Py_Initialize(void);
void Py_InitializeEx(int install_sigs);
int Py_FinalizeEx(void);
void Py_Finalize(void);
int Py_IsInitialized(void);
void Py_Exit(int status);
int Py_AtExit(void (*func)(void));
int Py_BytesMain(int argc, char **argv); /* the krait command line */
const char *Py_GetVersion(void);
const char *Py_GetPlatform(void);
#define Py_FatalError(msg) _Py_FatalErrorFunc(__func__, (msg))
void _Py_FatalErrorFunc(const char *func, const char *msg)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((noreturn))
#endif
    ;
/* Start-up in two steps so the command line can fill interp->config in between:
 * the core (state, types, builtins, sys) and then the main part (stdio, sys.path,
 * __main__, signals). Both return 0, or -1 with an error printed. */
int _Py_InitializeCore(int ignore_environment);
int _Py_InitializeMain(void);
/* sys.path from the script directory (or NULL), PYTHONPATH and the frozen library. */
int _PySys_SetPath(PyObject *script_dir, int use_env);
int _PyIO_InitStdio(void);   /* sys.stdin/stdout/stderr and __std*__ */
int _PyIO_FlushStdio(void);  /* flush sys.stdout and sys.stderr, errors reported */
PyObject *_PySys_Create(void); /* the sys module, filled from interp->config */
int _PySys_UpdateConfig(void); /* refresh sys.argv, flags, ... after the command line */
void _PyAtExit_Call(void);
#define KR_VERSION "0.1.0"
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 13
#define PY_MICRO_VERSION 0
void PyOS_AfterFork_Child(void); /* os.fork() child, after the GIL reset (ceval_gil.c) */
#define PY_RELEASE_LEVEL 0xF
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.13.0"
#define PY_VERSION_HEX 0x030D00F0
#endif
