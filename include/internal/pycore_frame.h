/* The eval loop's frames, frame objects and generator layout (owned by the eval area:
 * src/vm/frame.c, src/vm/ceval.c, src/objects/frameobject.c, src/objects/genobject.c).
 *
 * An executing frame is a _PyInterpreterFrame carved out of the thread's data stack:
 * a fixed header, then localsplus (locals, cells, free variables) and the value stack.
 * A generator embeds its frame in the generator object. A PyFrameObject is created only
 * when Python code asks for one; if it outlives the frame, the frame's data is copied
 * into memory the frame object owns. */
#ifndef KR_PYCORE_FRAME_H
#define KR_PYCORE_FRAME_H
#include "../Python.h"

enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,
    FRAME_OWNED_BY_GENERATOR = 1,
    FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

typedef struct _PyInterpreterFrame {
    PyCodeObject *f_code;                  /* strong */
    struct _PyInterpreterFrame *previous;
    PyObject *f_funcobj;                   /* strong; NULL only for synthetic frames */
    PyObject *f_globals;                   /* borrowed: kept alive by f_funcobj */
    PyObject *f_builtins;                  /* borrowed: kept alive by f_funcobj */
    PyObject *f_locals;                    /* strong or NULL (optimized frames) */
    PyFrameObject *frame_obj;              /* strong or NULL */
    _Py_CODEUNIT *instr_ptr;               /* instruction being executed (or suspended at) */
    int stacktop;                          /* localsplus index past the value-stack top */
    uint16_t return_offset;                /* code units from instr_ptr to resume after a call */
    char owner;                            /* enum _frameowner */
    char is_entry;                         /* returning from it leaves _PyEval_EvalFrame */
    char is_init;                          /* __init__ run by CALL_ALLOC_AND_ENTER_INIT:
                                            * must return None; the caller keeps self */
    PyObject *localsplus[1];
} _PyInterpreterFrame;

#define KR_FRAME_SPECIALS_SIZE \
    ((int)((offsetof(_PyInterpreterFrame, localsplus)) / sizeof(PyObject *)))

typedef struct _kr_stack_chunk {
    struct _kr_stack_chunk *previous;
    size_t size; /* bytes, header included */
    size_t top;  /* saved slot index of the data-stack top when a newer chunk was pushed */
    PyObject *data[1];
} _PyStackChunk;

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f)
{
    return f->localsplus + f->f_code->co_nlocalsplus;
}
static inline PyObject **_PyFrame_GetStackPointer(_PyInterpreterFrame *f)
{
    return f->localsplus + f->stacktop;
}
static inline void _PyFrame_SetStackPointer(_PyInterpreterFrame *f, PyObject **sp)
{
    f->stacktop = (int)(sp - f->localsplus);
}
/* Code-unit index of the current instruction. */
static inline int _PyInterpreterFrame_LASTI(_PyInterpreterFrame *f)
{
    return (int)(f->instr_ptr - _PyCode_CODE(f->f_code));
}
/* Slots a frame for `co` needs: localsplus plus the value stack. */
static inline int _KrFrame_NSlots(PyCodeObject *co)
{
    return co->co_nlocalsplus + co->co_stacksize + 1;
}
/* A frame is "complete" once it has executed its first instruction-past-prelude; frames
 * still in the MAKE_CELL/COPY_FREE_VARS prelude are not shown to Python code. */
static inline int _PyFrame_IsIncomplete(_PyInterpreterFrame *f)
{
    return f->owner != FRAME_OWNED_BY_GENERATOR && f->instr_ptr < _PyCode_CODE(f->f_code);
}

/* Data stack (frame.c). */
_PyInterpreterFrame *_PyThreadState_PushFrame(PyThreadState *tstate, size_t nslots);
void _PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);
void _PyThreadState_ClearDataStack(PyThreadState *tstate);
/* Set up a fresh frame: takes a new reference to func (and its code). Locals cleared. */
void _PyFrame_Initialize(_PyInterpreterFrame *frame, PyFunctionObject *func,
                         PyObject *locals, PyCodeObject *code, int null_locals_from);
/* Release everything the frame holds (locals, stack, function, code); detaches an
 * existing frame object by copying the frame into it. */
void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame);
void _PyFrame_Clear(_PyInterpreterFrame *frame);
PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame); /* borrowed */
PyFrameObject *_PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame);
int _PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg);
void _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest);
int _PyFrame_GetLineNumber(_PyInterpreterFrame *frame);
/* Locals as a dict (fast locals copied in); new reference. Updates f_locals of frames
 * that have one (module/class), else returns a fresh snapshot dict. */
PyObject *_PyFrame_GetLocals(_PyInterpreterFrame *frame);
int _PyFrame_FastToLocalsWithError(_PyInterpreterFrame *frame);
/* The nearest frame in the chain that Python code can see (skips incomplete ones). */
_PyInterpreterFrame *_PyFrame_GetFirstComplete(_PyInterpreterFrame *frame);

/* Frame objects (frameobject.c). */
struct _frame {
    PyObject_HEAD
    PyFrameObject *f_back;        /* strong; only set once the frame is detached */
    _PyInterpreterFrame *f_frame; /* the frame this object views */
    PyObject *f_trace;            /* strong or NULL */
    int f_lineno;                 /* valid while tracing or when detached with no code pos */
    char f_trace_lines;
    char f_trace_opcodes;
    PyObject *f_extra_locals;     /* dict of locals when the frame has no f_locals mapping */
    _PyInterpreterFrame *f_owned; /* malloc'ed copy of the frame once detached */
    int f_trace_lasti;            /* last instruction seen by the line tracer */
};
PyFrameObject *_PyFrame_New_NoTrack(PyCodeObject *code);
/* Copy the frame into memory owned by its frame object (frame is exiting). */
void _PyFrameObject_TakeFrame(PyFrameObject *f, _PyInterpreterFrame *frame);

/* Generators, coroutines and async generators (genobject.c). */
enum {
    FRAME_CREATED = -2,
    FRAME_SUSPENDED = -1,
    FRAME_SUSPENDED_YIELD_FROM = 0,
    FRAME_EXECUTING = 1,
    FRAME_COMPLETED = 2,
    FRAME_CLEARED = 4,
};
typedef struct {
    PyObject_HEAD
    PyObject *gi_weakreflist;
    PyObject *gi_name;
    PyObject *gi_qualname;
    _PyErr_StackItem gi_exc_state;
    PyObject *gi_origin_or_finalizer; /* cr_origin for coroutines, finalizer for async gens */
    char gi_hooks_inited;
    char gi_closed;
    char gi_running_async;
    int8_t gi_frame_state;
    int gi_nslots;
    _PyInterpreterFrame gi_iframe; /* variable size: gi_nslots localsplus slots */
} PyGenObject;
typedef PyGenObject PyCoroObject;
typedef PyGenObject PyAsyncGenObject;

#define _PyGen_GetGeneratorFromFrame(frame) \
    ((PyGenObject *)((char *)(frame) - offsetof(PyGenObject, gi_iframe)))

/* The generator/coroutine/async generator for a call to func, its arguments bound
 * into the generator's own frame. New reference, or NULL with an exception set. */
PyObject *_KrGen_NewFromCall(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                             PyObject *const *args, size_t argcount, PyObject *kwnames);
PyObject *_KrSys_CoroOrigin(PyThreadState *tstate); /* sysmodule.c: cr_origin of a coroutine created now (tracking depth > 0) */
PyObject *_PyGen_GetCode(PyGenObject *);
PySendResult _PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult);
int _PyGen_ExecutingCheck(PyGenObject *gen);
void _PyGen_Finalize(PyObject *self);
PyObject *_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val);
int _PyGen_IsCoroutineLike(PyObject *o);

/* Eval loop internals (ceval.c). */
PyObject *_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag);
PyObject *_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                         PyObject *const *args, size_t argcount, PyObject *kwnames);
/* Bind arguments into a fresh frame's localsplus with CPython's error messages. Steals
 * the references in args[0..argcount+len(kwnames)) (all of them, also on error). */
int _PyEval_BindArgs(PyThreadState *tstate, PyFunctionObject *func, PyObject **localsplus,
                     PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames);
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals); /* borrowed */
void _PyEval_FrameClearAndPop(PyThreadState *tstate, _PyInterpreterFrame *frame);
int _Py_HandlePending(PyThreadState *tstate);
int _PyEval_MatchExceptionGroup(PyThreadState *tstate, PyObject *exc_value,
                                PyObject *match_type, PyObject **match, PyObject **rest);
PyObject *_PyEval_GetAwaitable(PyObject *iterable, int oparg);
void _PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg);
int _PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type,
                                PyObject **match, PyObject **rest);
PyObject *_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);
/* Implicit exception chaining: give `exc` the handled exception as __context__. */
void _KrEval_ChainContext(PyThreadState *tstate, PyObject *exc);
/* Tracing (ceval_trace.c). */
int _KrTrace_Call(PyThreadState *tstate, _PyInterpreterFrame *frame);
int _KrTrace_Return(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *retval);
int _KrTrace_Line(PyThreadState *tstate, _PyInterpreterFrame *frame, int *last_line);
void _KrTrace_Exception(PyThreadState *tstate, _PyInterpreterFrame *frame);
PyObject *_KrTrace_CFunc(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                         size_t nargsf, PyObject *kwnames);
/* Adaptive specialisation (specialize.c). `instr` is the instruction's own code unit in
 * co_code_adaptive; each call either specialises it or re-arms its counter. */
#define KR_CO_NOT_SIMPLE \
    (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | \
     CO_ITERABLE_COROUTINE)
void _KrSpecialize_LoadAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name, int oparg);
/* LOAD_ATTR_INSTANCE_VALUE keeps up to this many type versions (cache units 1..6),
 * each with the name's index in that type's shared keys (a byte of units 7..8;
 * KR_NO_SHARED_IX until known). */
#define KR_LOAD_ATTR_WAYS 3
#define KR_NO_SHARED_IX 0xff
static inline unsigned int _KrCache_WayIx(const uint16_t *cache, int way)
{
    return (way == 2 ? cache[8] : cache[7] >> (8 * way)) & 0xff;
}
static inline void _KrCache_SetWayIx(uint16_t *cache, int way, unsigned int ix)
{
    if (way == 2)
        cache[8] = (uint16_t)ix;
    else
        cache[7] = (uint16_t)((cache[7] & ~(0xffu << (8 * way))) | (ix << (8 * way)));
}
/* Adds owner's type as a new way; returns the way, or -1 (full, or not cacheable). */
int _KrSpecialize_LoadAttrAddType(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name);
/* Index of `name` in the shared keys of tp's instance dicts, for the caches; -1 when
 * unknown (not a heap type, no shared keys yet, or the name is not in them). */
Py_ssize_t _KrSpecialize_SharedIndex(PyTypeObject *tp, PyObject *name);
/* LOAD_GLOBAL_CACHED sites keep their entry in a per-code side table (co_extra); cache
 * unit 1 holds the entry's index. The value is borrowed: valid while both dicts keep
 * the versions recorded with it. */
struct _kr_global_site {
    PyObject *globals, *builtins; /* identity only */
    uint64_t gver, bver;
    PyObject *value;
};
typedef struct {
    int n, cap;
    struct _kr_global_site sites[1];
} _KrSpecData;
void _KrSpecialize_LoadGlobal(PyCodeObject *co, _Py_CODEUNIT *instr, PyObject *globals,
                              PyObject *builtins, PyObject *value);
void _KrSpec_FreeCodeData(PyCodeObject *co);
void _KrSpecialize_StoreAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name);
void _KrSpecialize_ForIter(PyObject *iter, _Py_CODEUNIT *instr);
void _KrSpecialize_Call(PyObject *callable, PyObject *self_or_null, _Py_CODEUNIT *instr,
                        int nargs);
void _KrSpecialize_BinaryOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg);
void _KrSpecialize_CompareOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg);
/* Intrinsics (ceval_intrinsics.c). */
PyObject *_KrIntrinsic1(PyThreadState *tstate, int oparg, PyObject *v);
PyObject *_KrIntrinsic2(PyThreadState *tstate, int oparg, PyObject *v1, PyObject *v2);
/* Typing objects (typevarobject.c). */
PyObject *_Py_make_typevar(PyObject *name, PyObject *evaluate_bound,
                           PyObject *evaluate_constraints);
PyObject *_Py_make_paramspec(PyThreadState *tstate, PyObject *v);
PyObject *_Py_make_typevartuple(PyThreadState *tstate, PyObject *v);
PyObject *_Py_make_typealias(PyThreadState *tstate, PyObject *args);
PyObject *_Py_subscript_generic(PyThreadState *tstate, PyObject *params);
PyObject *_Py_set_typeparam_default(PyThreadState *tstate, PyObject *typeparam,
                                    PyObject *evaluate_default);
#endif
