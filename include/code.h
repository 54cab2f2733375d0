/* Code objects (src/objects/codeobject.c). Locals, cells and free variables share one
 * array, "localsplus", as in CPython 3.11+: co_localsplusnames names each slot and
 * co_localspluskinds gives its CO_FAST_* kind. Free variables are the last co_nfreevars
 * slots. The eval loop's frame holds localsplus followed by the value stack. */
#ifndef KR_CODE_H
#define KR_CODE_H
#include "object.h"

typedef uint16_t _Py_CODEUNIT;
#define _Py_OPCODE(word) ((word) & 255)
#define _Py_OPARG(word) ((word) >> 8)
#define _Py_MAKE_CODEUNIT(op, arg) ((_Py_CODEUNIT)((op) | ((arg) << 8)))

typedef struct PyCodeObject {
    PyObject_VAR_HEAD              /* ob_size = number of code units */
    PyObject *co_consts;           /* tuple */
    PyObject *co_names;            /* tuple of str: globals, attributes, imports */
    PyObject *co_exceptiontable;   /* bytes; format private to codeobject.c/assembler */
    int co_flags;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;
    int co_framesize;              /* nlocalsplus + stacksize (+ frame header words) */
    int co_nlocals;
    int co_ncellvars;
    int co_nfreevars;
    uint32_t co_version;
    PyObject *co_localsplusnames;  /* tuple of str */
    PyObject *co_localspluskinds;  /* bytes, one CO_FAST_* byte per slot */
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_linetable;        /* bytes; format private to codeobject.c/assembler */
    PyObject *co_weakreflist;
    void *co_extra;                /* eval-loop private data (e.g. specialisation state) */
    PyObject *_co_cached_code;     /* cached co_code bytes */
    PyObject *_co_cached_varnames, *_co_cached_cellvars, *_co_cached_freevars;
    _Py_CODEUNIT co_code_adaptive[1]; /* the bytecode, ob_size units, caches inline */
} PyCodeObject;

#define _PyCode_CODE(co) ((_Py_CODEUNIT *)(co)->co_code_adaptive)
#define _PyCode_NBYTES(co) (Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT))

/* co_flags */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_HAS_DOCSTRING 0x4000000 /* first constant is the docstring */
#define CO_METHOD 0x8000000

/* future / compiler flags */
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000
#define PyCF_ONLY_AST 0x0400
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_OPTIMIZED_AST (0x8000 | PyCF_ONLY_AST)
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_IGNORE_COOKIE 0x0800

typedef struct {
    int cf_flags;
    int cf_feature_version;
} PyCompilerFlags;
#define _PyCompilerFlags_INIT {0, 13}

/* localsplus kinds */
#define CO_FAST_HIDDEN 0x10 /* PEP 709 inlined-comprehension variable */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

extern PyTypeObject PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

/* Source positions of the instruction at byte offset `addr`: returns 1 and fills the
 * outputs (any may be NULL; -1 where unknown), 0 if the offset has no location. */
int PyCode_Addr2Location(PyCodeObject *, int addr, int *line, int *column, int *end_line,
                         int *end_column);
int PyCode_Addr2Line(PyCodeObject *, int addr);

/* Exception table lookup for the instruction at code-unit index `index`. Returns 1 and
 * fills the handler if `index` is covered, else 0. */
typedef struct {
    int start, end; /* code-unit range [start, end) */
    int target;     /* code-unit index of the handler */
    int depth;      /* stack depth to unwind to */
    int lasti;      /* push the offending instruction's offset before the exception */
} _PyExceptionTableEntry;
int _PyCode_FindHandler(PyCodeObject *, int index, _PyExceptionTableEntry *out);

/* Constructor used by the assembler; steals nothing (increfs what it keeps). */
PyCodeObject *_PyCode_New(PyObject *filename, PyObject *name, PyObject *qualname, int flags,
                          int argcount, int posonlyargcount, int kwonlyargcount,
                          int stacksize, int firstlineno, PyObject *localsplusnames,
                          PyObject *localspluskinds, PyObject *consts, PyObject *names,
                          const _Py_CODEUNIT *code, Py_ssize_t ncodeunits,
                          PyObject *linetable, PyObject *exceptiontable);

#endif
