/* Runtime, interpreter and thread state. There is no scattered global state: everything
 * mutable lives in _PyRuntime (process-wide), a PyInterpreterState, or a PyThreadState.
 * Each subsystem keeps its fields in a struct of its own, declared in its own internal
 * header, so that subsystems stay independent. Implemented in src/vm/pystate.c. */
#ifndef KR_PYSTATE_H
#define KR_PYSTATE_H
#include <signal.h>
#include "object.h"
#include "internal/pycore_obmalloc.h"
#include "internal/pycore_gc.h"
#include "internal/pycore_ceval_state.h"
#include "internal/pycore_import_state.h"
#include "internal/pycore_ids.h"
#include "internal/pycore_typeobject.h"

typedef struct _is PyInterpreterState;
typedef struct _ts PyThreadState;
struct _PyInterpreterFrame;
struct _frame;

/* One entry of the stack of exceptions being handled (sys.exc_info()). */
typedef struct _err_stackitem {
    PyObject *exc_value; /* NULL or None when nothing is being handled */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

typedef int (*Py_tracefunc)(PyObject *, struct _frame *, int, PyObject *);
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

struct _ts {
    PyThreadState *prev, *next;
    PyInterpreterState *interp;

    struct _PyInterpreterFrame *current_frame; /* innermost executing frame */
    PyObject *current_exception;               /* raised, not yet handled (owned) */
    _PyErr_StackItem *exc_info;                /* top of the handled-exception stack */
    _PyErr_StackItem exc_state;                /* the base entry */

    int py_recursion_remaining; /* Python-level depth left before RecursionError */
    int py_recursion_limit;
    int c_recursion_remaining;  /* C-level depth left (repr, compare, parser, ...) */
    int recursion_headroom;     /* >0 while handling a RecursionError */

    int tracing;
    int what_event;
    Py_tracefunc c_profilefunc, c_tracefunc;
    PyObject *c_profileobj, *c_traceobj;

    PyObject *dict;           /* per-thread dict (threading.local support) */
    PyObject *async_gen_firstiter, *async_gen_finalizer;
    PyObject *context; /* the current contextvars.Context, created on first use */
    PyObject *coroutine_origin_tracking_depth_unused;
    unsigned long thread_id;
    unsigned long native_thread_id;
    int gilstate_counter;

    struct _kr_tstate_eval eval; /* ceval-owned per-thread data (frame stack chunks) */
    void *delete_later;          /* trashcan chain */
    int trash_delete_nesting;
};

#define KR_C_RECURSION_LIMIT 8000
#define Py_DEFAULT_RECURSION_LIMIT 1000

struct _is {
    PyInterpreterState *next;
    PyThreadState *threads_head;
    int64_t id;
    int finalizing;

    PyObject *sysdict;    /* sys.__dict__ */
    PyObject *builtins;   /* builtins.__dict__ */
    PyObject *builtins_module;
    PyObject *sys_module;
    PyObject *dict;       /* per-interpreter scratch dict */

    struct _kr_import_state imports; /* sys.modules, path finders, ... */
    struct _ceval_state ceval;       /* eval breaker, recursion limit, pending calls */
    struct _gc_runtime_state gc;     /* generations, thresholds, callbacks */
    struct _kr_types_state types;     /* method cache, version tags (typeobject.c) */

    PyObject *codec_search_path, *codec_search_cache, *codec_error_registry;
    PyObject *audit_hooks;
    PyObject *atexit_callbacks;
    PyObject *excepthook_unused;
    int int_max_str_digits;
    struct { int numfree; void *items; } float_freelist; /* floatobject.c */
    struct { PyObject *free[20]; int numfree[20]; } tuple_freelist; /* tupleobject.c, by size */
    struct { int numfree; void *items[80]; } dict_freelist, list_freelist; /* pycore_freelist.h */
    uint64_t dict_version; /* last ma_version_tag handed out (dictobject.c) */
    /* runtime-area bookkeeping (errors.c, sysmodule.c, pylifecycle.c) */
    PyObject *warn_registry;   /* dict: (text, category, filename, lineno) -> True */
    PyObject *main_module;
    double switch_interval;
    int unraisable_nesting;
    int initialized;
    /* per-interpreter config from the command line */
    struct {
        int verbose, quiet, inspect, interactive, optimize, dont_write_bytecode;
        int no_user_site, no_site, ignore_environment, unbuffered, safe_path;
        int bytes_warning, utf8_mode, dev_mode, isolated, warn_default_encoding;
        PyObject *xoptions; /* dict */
        PyObject *warnoptions; /* list */
        PyObject *argv, *orig_argv; /* lists */
        PyObject *executable;
    } config;
};

/* Process-wide state: shared immutables, the allocator and the interpreters. */
typedef struct pyruntimestate {
    int initialized;
    int core_initialized;
    int finalizing;
    PyInterpreterState *interpreters_head;
    PyInterpreterState *main_interp;
    int64_t next_interp_id;
    struct _obmalloc_state obmalloc;
    struct {
        /* siphash13 key derived from PYTHONHASHSEED (0 => zero key) */
        int use_hash_seed;
        unsigned long hash_seed;
        uint64_t k0, k1;
        uint64_t expat_salt;
    } hash;
    PyObject *interned; /* dict of interned strings */
    /* Set from the SIGINT handler (async-signal-safe), consumed by PyErr_CheckSignals. */
    volatile sig_atomic_t sigint_tripped;
    int signals_installed;
    unsigned long main_thread; /* thread id that runs signal handlers */
    void (*exitfuncs[32])(void); /* Py_AtExit */
    int nexitfuncs;
    void *gil;          /* struct _gil_runtime_state *, owned by the GIL code */
} _PyRuntimeState;

extern _PyRuntimeState _PyRuntime;

/* The current thread state: one thread-local pointer, no other globals. */
extern _Thread_local PyThreadState *_Py_tss_tstate;
static inline PyThreadState *_PyThreadState_GET(void) { return _Py_tss_tstate; }
static inline PyInterpreterState *_PyInterpreterState_GET(void) { return _Py_tss_tstate->interp; }
PyThreadState *PyThreadState_Get(void);
PyThreadState *PyThreadState_Swap(PyThreadState *);
PyInterpreterState *PyInterpreterState_Get(void);
PyThreadState *PyThreadState_New(PyInterpreterState *);
void PyThreadState_Clear(PyThreadState *);
void PyThreadState_Delete(PyThreadState *);
PyObject *PyThreadState_GetDict(void);
PyInterpreterState *PyInterpreterState_New(void);
void PyInterpreterState_Clear(PyInterpreterState *);
void PyInterpreterState_Delete(PyInterpreterState *);

/* C-recursion guard for recursive C code (repr, compare, parser, compiler):
 * returns -1 with RecursionError set when too deep. */
int _Py_EnterRecursiveCall(const char *where);
void _Py_LeaveRecursiveCall(void);
#define Py_EnterRecursiveCall(where) _Py_EnterRecursiveCall(where)
#define Py_LeaveRecursiveCall() _Py_LeaveRecursiveCall()

#endif
