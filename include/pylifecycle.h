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
#define KR_VERSION "0.1.0"
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 13
#define PY_MICRO_VERSION 0
#define PY_RELEASE_LEVEL 0xF
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.13.0"
#define PY_VERSION_HEX 0x030D00F0
#endif
