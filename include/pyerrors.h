/* Exceptions: the error indicator API (src/vm/errors.c) and the built-in exception types
 * (src/objects/exceptions.c). The current exception is a single normalised instance held
 * in the thread state (CPython 3.12+ model); PyErr_Fetch/Restore are kept for convenience. */
#ifndef KR_PYERRORS_H
#define KR_PYERRORS_H
#include <stdarg.h>
#include "object.h"
#include "pystate.h"

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *args;
    PyObject *notes;
    PyObject *traceback;
    PyObject *context;
    PyObject *cause;
    char suppress_context;
} PyBaseExceptionObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg;
    PyObject *excs;
} PyBaseExceptionGroupObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    PyObject *print_file_and_line;
} PySyntaxErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg, *name, *path, *name_from;
} PyImportErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *encoding, *object;
    Py_ssize_t start, end;
    PyObject *reason;
} PyUnicodeErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *code;
} PySystemExitObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *myerrno, *strerror, *filename, *filename2;
    Py_ssize_t written;
} PyOSErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *value;
} PyStopIterationObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *name;
    PyObject *obj;
} PyAttributeErrorObject, PyNameErrorObject;

#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && PyType_FastSubclass((PyTypeObject *)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))
#define PyExceptionInstance_Check(x) \
    PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define PyExceptionInstance_Class(x) _PyObject_CAST(Py_TYPE(x))

/* Error indicator */
void PyErr_SetNone(PyObject *type);
void PyErr_SetObject(PyObject *type, PyObject *value);
void PyErr_SetString(PyObject *type, const char *message);
PyObject *PyErr_Format(PyObject *type, const char *format, ...); /* always returns NULL */
PyObject *PyErr_FormatV(PyObject *type, const char *format, va_list vargs);
PyObject *PyErr_Occurred(void); /* borrowed type of the current exception */
void PyErr_Clear(void);
PyObject *PyErr_GetRaisedException(void);   /* new ref, clears the indicator */
void PyErr_SetRaisedException(PyObject *);  /* steals */
void PyErr_Fetch(PyObject **, PyObject **, PyObject **);
void PyErr_Restore(PyObject *, PyObject *, PyObject *);
void PyErr_NormalizeException(PyObject **, PyObject **, PyObject **);
PyObject *PyErr_GetHandledException(void);
void PyErr_SetHandledException(PyObject *);
int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc);
int PyErr_ExceptionMatches(PyObject *exc);
int PyErr_BadArgument(void);
PyObject *PyErr_NoMemory(void);
PyObject *PyErr_SetFromErrno(PyObject *);
PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *, PyObject *);
PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *, PyObject *, PyObject *);
PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename);
void PyErr_BadInternalCall(void);
void _PyErr_BadInternalCall(const char *filename, int lineno);
#define PyErr_BadInternalCall() _PyErr_BadInternalCall(__FILE__, __LINE__)
void PyErr_WriteUnraisable(PyObject *);
void PyErr_FormatUnraisable(const char *, ...);
int PyErr_CheckSignals(void);
void PyErr_SetInterrupt(void);
void PyErr_Print(void);
void PyErr_PrintEx(int set_sys_last_vars);
void PyErr_Display(PyObject *unused, PyObject *value, PyObject *tb);
void PyErr_DisplayException(PyObject *);
int PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);
int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry);
void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset);
void PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset);
PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno);
PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict);
PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base,
                                    PyObject *dict);
/* Chains the currently raised exception onto `exc` as __context__ like a raise in an
 * except block would; used by C code that raises while handling. */
void _PyErr_ChainExceptions1(PyObject *exc);
PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...);
void _PyErr_SetKeyError(PyObject *key); /* KeyError(key), wrapping tuples so they print */
/* Topmost entry of the handled-exception stack whose value is set (sys.exc_info()). */
_PyErr_StackItem *_PyErr_GetTopmostException(PyThreadState *);
void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj);
/* The default sys.unraisablehook / sys.excepthook bodies (used by sysmodule.c). */
int _PyErr_WriteUnraisableDefault(PyObject *exc, const char *err_msg, PyObject *obj);
int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...);
/* Warnings configuration: parse -W / PYTHONWARNINGS entries kept in interp->config. */
int _PyWarnings_Init(void);
int _PyErr_CheckSignalsTstate(PyThreadState *);
int _PyOS_InstallSignalHandlers(void);
void _PyOS_RestoreSignalHandlers(void);
PyObject *_PyWarnings_Warn(PyObject *message, PyObject *category, Py_ssize_t stacklevel);

/* Exception groups (src/objects/exceptions.c), used by except* in the eval loop. */
PyObject *_PyExc_CreateExceptionGroup(const char *msg, PyObject *excs);
/* Split `eg` by `matcher` (a type or tuple of types): *match and *rest are new
 * references or None. A naked exception that matches is wrapped in an ExceptionGroup.
 * Returns 0, or -1 with an exception set. */
int _PyExc_SplitExceptionGroup(PyObject *eg, PyObject *matcher, PyObject **match,
                               PyObject **rest);
/* except* epilogue: combine what the except* clauses raised or re-raised (`excs`, a
 * list, None entries for handled parts) with the original `orig` into the exception to
 * propagate, or None. */
PyObject *_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);

/* Exception object accessors */
PyObject *PyException_GetTraceback(PyObject *);
int PyException_SetTraceback(PyObject *, PyObject *);
PyObject *PyException_GetCause(PyObject *);
void PyException_SetCause(PyObject *, PyObject *); /* steals */
PyObject *PyException_GetContext(PyObject *);
void PyException_SetContext(PyObject *, PyObject *); /* steals */
PyObject *PyException_GetArgs(PyObject *);
void PyException_SetArgs(PyObject *, PyObject *);
PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object,
                                      Py_ssize_t length, Py_ssize_t start, Py_ssize_t end,
                                      const char *reason);
int _PyException_AddNote(PyObject *exc, PyObject *note);

/* The built-in exception classes (static, immortal types). */
#define KR_EXCEPTION_TYPES(X) \
    X(BaseException) X(BaseExceptionGroup) X(Exception) X(ExceptionGroup) \
    X(GeneratorExit) X(KeyboardInterrupt) X(SystemExit) X(StopIteration) \
    X(StopAsyncIteration) X(ArithmeticError) X(FloatingPointError) X(OverflowError) \
    X(ZeroDivisionError) X(AssertionError) X(AttributeError) X(BufferError) X(EOFError) \
    X(ImportError) X(ModuleNotFoundError) X(LookupError) X(IndexError) X(KeyError) \
    X(MemoryError) X(NameError) X(UnboundLocalError) X(OSError) X(BlockingIOError) \
    X(ChildProcessError) X(ConnectionError) X(BrokenPipeError) X(ConnectionAbortedError) \
    X(ConnectionRefusedError) X(ConnectionResetError) X(FileExistsError) \
    X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError) X(NotADirectoryError) \
    X(PermissionError) X(ProcessLookupError) X(TimeoutError) X(ReferenceError) \
    X(RuntimeError) X(NotImplementedError) X(RecursionError) X(PythonFinalizationError) \
    X(SyntaxError) X(IndentationError) X(TabError) X(_IncompleteInputError) X(SystemError) \
    X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError) \
    X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning) X(UserWarning) \
    X(DeprecationWarning) X(PendingDeprecationWarning) X(SyntaxWarning) X(RuntimeWarning) \
    X(FutureWarning) X(ImportWarning) X(UnicodeWarning) X(BytesWarning) \
    X(ResourceWarning) X(EncodingWarning)
#define KR_DECLARE_EXC(name) extern PyObject *PyExc_##name;
KR_EXCEPTION_TYPES(KR_DECLARE_EXC)
#undef KR_DECLARE_EXC
extern PyObject *PyExc_EnvironmentError;
extern PyObject *PyExc_IOError;

#endif
