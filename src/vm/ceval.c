/* The evaluation loop.
 *
 * One C activation of _PyEval_EvalFrame runs a whole chain of Python frames: calls of
 * Python functions push a frame on the thread's data stack and continue in the same loop,
 * and returns pop back into the caller, so Python recursion does not consume C stack.
 * Exceptions unwind through the code object's exception table ("zero-cost"). */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_opcode.h"
#include "ceval_macros.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_iterators.h"
#include "internal/pycore_intops.h"
#include "../objects/dict_internal.h"

/* Helpers from ceval_helpers.c */
int _KrEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause);
int _KrEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                           PyObject **sp);
void _KrEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc, const char *fmt,
                               PyObject *name);
void _KrEval_FormatExcUnbound(PyThreadState *tstate, PyCodeObject *co, int oparg);
PyObject *_KrEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *name, PyObject *fromlist, PyObject *level);
PyObject *_KrEval_ImportFrom(PyThreadState *tstate, PyObject *v, PyObject *name);
PyObject *_KrEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type,
                             Py_ssize_t nargs, PyObject *kwargs);
PyObject *_KrEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys);
int _KrEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right);
int _KrEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right);
int _KrEval_FormatKwargsError(PyThreadState *tstate, PyObject *func, PyObject *kwargs);
void _KrEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg);
int _KrEval_CheckArgsIterable(PyThreadState *tstate, PyObject *func, PyObject *args);
PyObject *_KrEval_GetAIter(PyObject *obj);
PyObject *_KrEval_GetANext(PyObject *aiter);
PyObject *_KrEval_BeforeWith(PyThreadState *tstate, PyObject *mgr, int async, PyObject **exit);
int _KrEval_CallTraceProtected(PyThreadState *tstate, _PyInterpreterFrame *frame, int what,
                               PyObject *arg);

#define KR_NAME_ERROR_MSG "name '%.200s' is not defined"

/* The instance __dict__ (borrowed; NULL when it has none yet). */
static inline PyObject *instance_dict(PyObject *owner)
{
    if (Py_TYPE(owner)->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return *_PyObject_ManagedDictPtr(owner);
    PyObject **dictptr = _PyObject_GetDictPtr(owner);
    return dictptr != NULL ? *dictptr : NULL;
}

/* The result of float arithmetic on two operands the caller owns (both consumed): an
 * exact float only the stack refers to becomes the result, saving an allocation. */
static inline PyObject *float_result(PyObject *lhs, PyObject *rhs, double r)
{
    if (Py_REFCNT(lhs) == 1 && PyFloat_CheckExact(lhs)) {
        PyFloat_AS_DOUBLE(lhs) = r;
        Py_DECREF(rhs);
        return lhs;
    }
    if (Py_REFCNT(rhs) == 1 && PyFloat_CheckExact(rhs)) {
        PyFloat_AS_DOUBLE(rhs) = r;
        Py_DECREF(lhs);
        return rhs;
    }
    PyObject *res = PyFloat_FromDouble(r);
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    return res;
}

/* Truth of the values conditions usually test, without the call: 1, 0, or -1 for
 * "ask PyObject_IsTrue". Exact types only, so no __bool__/__len__ can be bypassed. */
static inline int fast_truth(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (v == Py_None)
        return 0;
    if (tp == &PyLong_Type)
        return (((PyLongObject *)v)->long_value.lv_tag & _PyLong_SIGN_MASK) != 1;
    if (tp == &PyList_Type || tp == &PyTuple_Type)
        return Py_SIZE(v) != 0;
    if (tp == &PyUnicode_Type)
        return PyUnicode_GET_LENGTH(v) != 0;
    if (tp == &PyDict_Type)
        return ((PyDictObject *)v)->ma_used != 0;
    return -1;
}

/* Py_EnterRecursiveCall / Py_LeaveRecursiveCall for C calls made by the eval loop. */
static inline int c_enter(PyThreadState *tstate)
{
    if (Py_LIKELY(tstate->c_recursion_remaining > 0)) {
        tstate->c_recursion_remaining--;
        return 0;
    }
    return _Py_EnterRecursiveCall(" while calling a Python object");
}

static inline void c_leave(PyThreadState *tstate)
{
    tstate->c_recursion_remaining++;
}

static inline int enter_recursive_py(PyThreadState *tstate)
{
    if (Py_LIKELY(tstate->py_recursion_remaining-- > 0))
        return 0;
    if (tstate->recursion_headroom && tstate->py_recursion_remaining > -50)
        return 0;
    tstate->recursion_headroom++;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    tstate->recursion_headroom--;
    tstate->py_recursion_remaining++;
    return -1;
}

void _PyEval_FrameClearAndPop(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (frame->owner == FRAME_OWNED_BY_THREAD) {
        _PyFrame_Clear(frame);
        _PyThreadState_PopFrame(tstate, frame);
    }
    else if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
        gen->gi_frame_state = FRAME_CLEARED;
        _PyFrame_ClearExceptCode(frame);
    }
}

/* Leaving a generator's frame: its exception state comes off the thread's stack. */
static inline void gen_frame_leave(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
}

/* A Python function call: push the frame and bind the arguments. `args` are owned
 * references from the caller's stack; they are consumed in every case. Returns the new
 * frame, or NULL with an exception set (the frame is gone then). */
static _PyInterpreterFrame *push_py_frame(PyThreadState *tstate, PyFunctionObject *func,
                                          PyObject **args, Py_ssize_t nargs,
                                          PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    _PyInterpreterFrame *f = _PyThreadState_PushFrame(
        tstate, (size_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(co)));
    if (f == NULL)
        goto fail_args;
    if (nkw == 0 && nargs == co->co_argcount &&
        !(co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->co_kwonlyargcount == 0) {
        _PyFrame_Initialize(f, func, NULL, co, (int)nargs);
        for (Py_ssize_t i = 0; i < nargs; i++)
            f->localsplus[i] = args[i];
        return f;
    }
    _PyFrame_Initialize(f, func, NULL, co, 0);
    int r = _PyEval_BindArgs(tstate, func, f->localsplus, args, nargs, kwnames);
    for (Py_ssize_t i = 0; i < nargs + nkw; i++)
        Py_DECREF(args[i]);
    if (r < 0) {
        _PyFrame_Clear(f);
        _PyThreadState_PopFrame(tstate, f);
        return NULL;
    }
    return f;
fail_args:
    for (Py_ssize_t i = 0; i < nargs + nkw; i++)
        Py_DECREF(args[i]);
    return NULL;
}

PyObject *_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                         PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        return _KrGen_NewFromCall(tstate, func, locals, args, argcount, kwnames);
    _PyInterpreterFrame *f = _PyThreadState_PushFrame(
        tstate, (size_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(co)));
    if (f == NULL)
        return NULL;
    if ((kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) &&
        (Py_ssize_t)argcount == co->co_argcount &&
        !(co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->co_kwonlyargcount == 0) {
        /* Exactly the positional parameters: no binding logic needed. */
        _PyFrame_Initialize(f, func, locals, co, (int)argcount);
        for (size_t i = 0; i < argcount; i++)
            f->localsplus[i] = Py_NewRef(args[i]);
    }
    else {
        _PyFrame_Initialize(f, func, locals, co, 0);
        if (_PyEval_BindArgs(tstate, func, f->localsplus, args, (Py_ssize_t)argcount,
                             kwnames) < 0) {
            _PyFrame_Clear(f);
            _PyThreadState_PopFrame(tstate, f);
            return NULL;
        }
    }
    return _PyEval_EvalFrame(tstate, f, 0);
}

PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyCode_Check(co)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: code object expected");
        return NULL;
    }
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: NULL globals");
        return NULL;
    }
    if (locals == NULL)
        locals = globals;
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(co, globals);
    if (func == NULL)
        return NULL;
    PyObject *res = _PyEval_Vector(tstate, func, locals, NULL, 0, NULL);
    Py_DECREF(func);
    return res;
}

PyObject *PyEval_EvalCodeEx(PyObject *_co, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argcount, PyObject *const *kws,
                            int kwcount, PyObject *const *defs, int defcount,
                            PyObject *kwdefs, PyObject *closure)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyCode_Check(_co) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *res = NULL, *kwnames = NULL, *defaults = NULL;
    PyObject **newargs = NULL;
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(_co, globals);
    if (func == NULL)
        return NULL;
    if (defcount) {
        defaults = _PyTuple_FromArray(defs, defcount);
        if (defaults == NULL)
            goto done;
        func->func_defaults = defaults;
    }
    if (kwdefs != NULL)
        func->func_kwdefaults = Py_NewRef(kwdefs);
    if (closure != NULL)
        func->func_closure = Py_NewRef(closure);
    newargs = PyMem_Malloc(sizeof(PyObject *) * (size_t)(argcount + kwcount + 1));
    if (newargs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < argcount; i++)
        newargs[i] = args[i];
    if (kwcount) {
        kwnames = PyTuple_New(kwcount);
        if (kwnames == NULL)
            goto done;
        for (int i = 0; i < kwcount; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kws[2 * i]));
            newargs[argcount + i] = kws[2 * i + 1];
        }
    }
    res = _PyEval_Vector(tstate, func, locals == globals ? locals : locals, newargs,
                         (size_t)argcount, kwnames);
done:
    PyMem_Free(newargs);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return res;
}

/* A frame for func(*callargs, **kwargs) (callargs a tuple, kwargs NULL or a dict);
 * borrows both. NULL with an exception set on binding errors. */
static _PyInterpreterFrame *_PyEval_PushFrameEx(PyThreadState *tstate, PyFunctionObject *func,
                                                PyObject *callargs, PyObject *kwargs)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    Py_ssize_t nkw = kwargs == NULL ? 0 : PyDict_GET_SIZE(kwargs);
    PyObject *kwnames = NULL;
    PyObject *small[16];
    PyObject **stack = _PyTuple_ITEMS(callargs);
    if (nkw) {
        stack = nargs + nkw <= 16 ? small : PyMem_Malloc(sizeof(PyObject *) * (size_t)(nargs + nkw));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            goto fail;
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i] = PyTuple_GET_ITEM(callargs, i);
        Py_ssize_t pos = 0, i = 0;
        PyObject *key, *value;
        while (i < nkw && PyDict_Next(kwargs, &pos, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                goto fail;
            }
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
            stack[nargs + i] = value;
            i++;
        }
    }
    _PyInterpreterFrame *f = _PyThreadState_PushFrame(
        tstate, (size_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(co)));
    if (f == NULL)
        goto fail;
    _PyFrame_Initialize(f, func, NULL, co, 0);
    if (_PyEval_BindArgs(tstate, func, f->localsplus, stack, nargs, kwnames) < 0) {
        _PyFrame_Clear(f);
        _PyThreadState_PopFrame(tstate, f);
        f = NULL;
    }
    if (stack != small && stack != _PyTuple_ITEMS(callargs))
        PyMem_Free(stack);
    Py_XDECREF(kwnames);
    return f;
fail:
    if (stack != small && stack != _PyTuple_ITEMS(callargs))
        PyMem_Free(stack);
    Py_XDECREF(kwnames);
    return NULL;
}

/* Resumes a generator's frame inside the running loop (FOR_ITER / SEND on a generator):
 * `value` (owned, may be NULL for a fresh generator) is what the suspended yield
 * receives. Returns the frame to continue with. */
static inline _PyInterpreterFrame *gen_push_inline(PyThreadState *tstate, PyGenObject *gen,
                                                   _PyInterpreterFrame *caller, PyObject *value)
{
    _PyInterpreterFrame *gf = &gen->gi_iframe;
    if (gen->gi_frame_state != FRAME_CREATED)
        gf->localsplus[gf->stacktop++] = value;
    else
        Py_XDECREF(value);
    gen->gi_frame_state = FRAME_EXECUTING;
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    gf->previous = caller;
    gf->is_entry = 0;
    gf->is_init = 0;
    tstate->current_frame = gf;
    return gf;
}

/* The opcode and oparg of the instruction at `p`, folding EXTENDED_ARG prefixes. */
static inline int decode_at(const _Py_CODEUNIT *p, int *oparg)
{
    int op = _Py_OPCODE(*p), arg = _Py_OPARG(*p);
    while (op == EXTENDED_ARG) {
        p++;
        op = _Py_OPCODE(*p);
        arg = (arg << 8) | _Py_OPARG(*p);
    }
    *oparg = arg;
    return _KrOpcode_Deopt[op];
}

/* ---- the loop ----------------------------------------------------------------------- */

PyObject *_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
#ifdef USE_COMPUTED_GOTOS
#define KR_TARGET_ENTRY(name, hasarg, ncache) [name] = &&TARGET_##name,
#define KR_SPEC_TARGET_ENTRY(name, base) [name] = &&TARGET_##name,
    _Static_assert(KR_NUM_ALL_OPCODES <= 256, "opcodes must fit the code unit's byte");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static const void *const opcode_targets[256] = {
        [0 ... 255] = &&unknown_opcode,
        KR_OPCODES_NOARG(KR_TARGET_ENTRY) KR_OPCODES_ARG(KR_TARGET_ENTRY)
            KR_OPCODES_SPECIALIZED(KR_SPEC_TARGET_ENTRY)};
#pragma GCC diagnostic pop
    static const void *const trace_targets[256] = {[0 ... 255] = &&trace_instruction};
    const void *const *dispatch_table;
#undef KR_TARGET_ENTRY
#undef KR_SPEC_TARGET_ENTRY
#else
    int tracing;
#endif
    _Py_CODEUNIT *next_instr;
    PyObject **stack_pointer;
    int opcode, oparg;
    PyObject *retval = NULL;
    /* Where the exception-table search starts; differs from frame->instr_ptr only after
     * RERAISE restored an older position for line reporting. */
    _Py_CODEUNIT *unwind_instr;

    if (Py_EnterRecursiveCall("")) {
        /* Too deep in C: the frame never runs. */
        if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
            PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
            (void)gen;
        }
        else {
            _PyEval_FrameClearAndPop(tstate, frame);
        }
        return NULL;
    }
    frame->previous = tstate->current_frame;
    frame->is_entry = 1;
    frame->is_init = 0;
    tstate->current_frame = frame;
    KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);

    if (throwflag) {
        LOAD_FRAME_STATE();
        next_instr = frame->instr_ptr + 1;
        if (enter_recursive_py(tstate) < 0)
            goto exit_unwind_norecursion;
        goto error;
    }

start_frame:
    if (enter_recursive_py(tstate) < 0)
        goto exit_unwind_norecursion;
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    frame->return_offset = 0;
    if (Py_UNLIKELY(KR_TRACING()) && next_instr == _PyCode_CODE(frame->f_code)) {
        if (_KrEval_CallTraceProtected(tstate, frame, PyTrace_CALL, Py_None) < 0)
            goto error;
    }
    DISPATCH();

#ifndef USE_COMPUTED_GOTOS
dispatch_opcode:
    KR_OPSTATS_COUNT(opcode);
    switch (opcode) {
#endif

    TARGET(CACHE)
    TARGET(NOP)
    {
        DISPATCH();
    }

    TARGET(INTERPRETER_EXIT)
    TARGET(GET_YIELD_FROM_ITER_UNUSED)
    {
        goto unknown_opcode;
    }

    TARGET(EXTENDED_ARG)
    {
        int word = *next_instr++;
        opcode = word & 255;
        oparg = (oparg << 8) | (word >> 8);
        DISPATCH_GOTO();
    }

    TARGET(RESUME)
    {
        if (oparg < 2 && Py_UNLIKELY(tstate->interp->ceval.eval_breaker)) {
            SAVE_STATE();
            if (_Py_HandlePending(tstate) < 0)
                goto error;
        }
        DISPATCH();
    }

    TARGET(POP_TOP)
    {
        PyObject *v = POP();
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL)
    {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(END_FOR)
    {
        PyObject *v = POP();
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(END_SEND)
    {
        PyObject *value = POP();
        PyObject *recv = POP();
        Py_DECREF(recv);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CONST)
    {
        PyObject *v = GETITEM(CONSTS(), oparg);
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST)
    {
        PyObject *v = GETLOCAL(oparg);
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST_CHECK)
    {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            _KrEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError,
                                      "cannot access local variable '%s' where it is not associated with a value",
                                      PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, oparg));
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST_AND_CLEAR)
    {
        PUSH(GETLOCAL(oparg));
        GETLOCAL(oparg) = NULL;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_FAST)
    {
        PyObject *a = GETLOCAL(oparg >> 4);
        PyObject *b = GETLOCAL(oparg & 15);
        PUSH(Py_NewRef(a));
        PUSH(Py_NewRef(b));
        DISPATCH();
    }

    TARGET(STORE_FAST)
    {
        PyObject *v = POP();
        SETLOCAL(oparg, v);
        DISPATCH();
    }

    TARGET(STORE_FAST_LOAD_FAST)
    {
        PyObject *v = POP();
        SETLOCAL(oparg >> 4, v);
        PyObject *w = GETLOCAL(oparg & 15);
        PUSH(Py_NewRef(w));
        DISPATCH();
    }

    TARGET(STORE_FAST_STORE_FAST)
    {
        PyObject *a = POP();
        PyObject *b = POP();
        SETLOCAL(oparg >> 4, a);
        SETLOCAL(oparg & 15, b);
        DISPATCH();
    }

    TARGET(DELETE_FAST)
    {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            _KrEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError,
                                      "cannot access local variable '%s' where it is not associated with a value",
                                      PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, oparg));
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(MAKE_CELL)
    {
        PyObject *initial = GETLOCAL(oparg);
        PyObject *cell = PyCell_New(initial);
        if (cell == NULL)
            goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS)
    {
        PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
        PyObject *closure = func->func_closure;
        int offset = frame->f_code->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++) {
            PyObject *o = PyTuple_GET_ITEM(closure, i);
            frame->localsplus[offset + i] = Py_NewRef(o);
        }
        DISPATCH();
    }

    TARGET(LOAD_DEREF)
    {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *v = PyCell_GET(cell);
        if (v == NULL) {
            _KrEval_FormatExcUnbound(tstate, frame->f_code, oparg);
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF)
    {
        PyObject *v = POP();
        PyObject *cell = GETLOCAL(oparg);
        PyObject *old = PyCell_GET(cell);
        ((PyCellObject *)cell)->ob_ref = v;
        Py_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF)
    {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *old = PyCell_GET(cell);
        if (old == NULL) {
            _KrEval_FormatExcUnbound(tstate, frame->f_code, oparg);
            goto error;
        }
        ((PyCellObject *)cell)->ob_ref = NULL;
        Py_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_DEREF)
    {
        PyObject *mapping = TOP();
        PyObject *name = PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, oparg);
        PyObject *value;
        if (PyMapping_GetOptionalItem(mapping, name, &value) < 0)
            goto error;
        if (value == NULL) {
            PyObject *cell = GETLOCAL(oparg);
            value = PyCell_GET(cell);
            if (value == NULL) {
                _KrEval_FormatExcUnbound(tstate, frame->f_code, oparg);
                goto error;
            }
            Py_INCREF(value);
        }
        Py_DECREF(mapping);
        SET_TOP(value);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_GLOBALS)
    {
        PyObject *mapping = TOP();
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v;
        if (PyMapping_GetOptionalItem(mapping, name, &v) < 0)
            goto error;
        if (v == NULL) {
            if (PyDict_GetItemRef(GLOBALS(), name, &v) < 0)
                goto error;
            if (v == NULL) {
                if (PyMapping_GetOptionalItem(BUILTINS(), name, &v) < 0)
                    goto error;
                if (v == NULL) {
                    _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG, name);
                    goto error;
                }
            }
        }
        Py_DECREF(mapping);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(LOAD_NAME)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *locals = LOCALS();
        PyObject *v;
        if (locals == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
            goto error;
        }
        if (PyMapping_GetOptionalItem(locals, name, &v) < 0)
            goto error;
        if (v == NULL) {
            if (PyDict_GetItemRef(GLOBALS(), name, &v) < 0)
                goto error;
            if (v == NULL) {
                if (PyMapping_GetOptionalItem(BUILTINS(), name, &v) < 0)
                    goto error;
                if (v == NULL) {
                    _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG, name);
                    goto error;
                }
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = POP();
        PyObject *ns = LOCALS();
        int err;
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
            Py_DECREF(v);
            goto error;
        }
        if (PyDict_CheckExact(ns))
            err = PyDict_SetItem(ns, name, v);
        else
            err = PyObject_SetItem(ns, name, v);
        Py_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *ns = LOCALS();
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (PyObject_DelItem(ns, name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG, name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_CACHED)
    {
        PyObject *g = GLOBALS(), *b = BUILTINS();
        _KrSpecData *sd = frame->f_code->co_extra;
        if (Py_UNLIKELY(sd == NULL || next_instr[1] >= sd->n))
            goto generic_LOAD_GLOBAL;
        struct _kr_global_site *site = &sd->sites[next_instr[1]];
        if (Py_UNLIKELY(site->globals != g || site->builtins != b ||
                        site->gver != ((PyDictObject *)g)->ma_version_tag ||
                        site->bver != ((PyDictObject *)b)->ma_version_tag))
            goto generic_LOAD_GLOBAL; /* a dict changed: look up again and refresh */
        PyObject *v = site->value;
        next_instr += 4;
        PUSH(Py_NewRef(v));
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL)
    {
    generic_LOAD_GLOBAL:;
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        PyObject *v;
        _Py_CODEUNIT *this_instr = next_instr - 1;
        next_instr += 4;
        if (PyDict_CheckExact(GLOBALS()) && PyDict_CheckExact(BUILTINS())) {
            PyDictObject *g = (PyDictObject *)GLOBALS(), *b = (PyDictObject *)BUILTINS();
            struct _kr_global_cache_entry *cache = tstate->eval.global_cache;
            struct _kr_global_cache_entry *e =
                cache ? &cache[((uintptr_t)name >> 4) & (KR_GLOBAL_CACHE_SIZE - 1)] : NULL;
            if (e != NULL && e->name == name && e->globals == (PyObject *)g &&
                e->gver == g->ma_version_tag && e->builtins == (PyObject *)b &&
                e->bver == b->ma_version_tag && e->hash == ((PyASCIIObject *)name)->hash) {
                v = e->value;
            }
            else {
                v = _PyDict_LoadGlobal(g, b, name);
                if (v == NULL) {
                    if (!PyErr_Occurred())
                        _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG,
                                                  name);
                    goto error;
                }
                if (cache == NULL && PyUnicode_CheckExact(name)) {
                    cache = PyMem_RawCalloc(KR_GLOBAL_CACHE_SIZE, sizeof(*cache));
                    tstate->eval.global_cache = cache;
                    e = cache ? &cache[((uintptr_t)name >> 4) & (KR_GLOBAL_CACHE_SIZE - 1)] : NULL;
                }
                if (e != NULL && PyUnicode_CheckExact(name) &&
                    ((PyASCIIObject *)name)->hash != -1) {
                    e->name = name;
                    e->hash = ((PyASCIIObject *)name)->hash;
                    e->globals = (PyObject *)g;
                    e->gver = g->ma_version_tag;
                    e->builtins = (PyObject *)b;
                    e->bver = b->ma_version_tag;
                    e->value = v;
                }
            }
            if (opcode == LOAD_GLOBAL_CACHED || this_instr[1] == 0)
                _KrSpecialize_LoadGlobal(frame->f_code, this_instr, (PyObject *)g,
                                         (PyObject *)b, v);
            else
                this_instr[1]--;
            Py_INCREF(v);
        }
        else {
            if (PyMapping_GetOptionalItem(GLOBALS(), name, &v) < 0)
                goto error;
            if (v == NULL) {
                if (PyMapping_GetOptionalItem(BUILTINS(), name, &v) < 0)
                    goto error;
                if (v == NULL) {
                    _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG, name);
                    goto error;
                }
            }
        }
        PUSH(v);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = POP();
        int err = PyDict_SetItem(GLOBALS(), name, v);
        Py_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        int err = PyDict_Pop(GLOBALS(), name, NULL);
        if (err < 0)
            goto error;
        if (err == 0) {
            _KrEval_FormatExcCheckArg(tstate, PyExc_NameError, KR_NAME_ERROR_MSG, name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_LOCALS)
    {
        PyObject *locals = LOCALS();
        if (locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found");
            goto error;
        }
        PUSH(Py_NewRef(locals));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS)
    {
        PyObject *bc;
        if (PyMapping_GetOptionalItem(BUILTINS(), _Py_ID(__build_class__), &bc) < 0)
            goto error;
        if (bc == NULL) {
            PyErr_SetString(PyExc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR)
    {
        PUSH(Py_NewRef(PyExc_AssertionError));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS)
    {
        PyObject *locals = LOCALS();
        PyObject *ann;
        if (locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        if (PyMapping_GetOptionalItem(locals, _Py_ID(__annotations__), &ann) < 0)
            goto error;
        if (ann == NULL) {
            ann = PyDict_New();
            if (ann == NULL)
                goto error;
            int err = PyObject_SetItem(locals, _Py_ID(__annotations__), ann);
            Py_DECREF(ann);
            if (err)
                goto error;
        }
        else {
            Py_DECREF(ann);
        }
        DISPATCH();
    }

    /* ---- attributes ---- */

    TARGET(LOAD_ATTR)
    {
        KR_ADAPT(_KrSpecialize_LoadAttr(TOP(), next_instr - 1, GETITEM(NAMES(), oparg >> 1),
                                        oparg));
    generic_LOAD_ATTR:;
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        PyObject *owner = TOP();
        next_instr += 9;
        if (oparg & 1) {
            PyObject *meth = NULL;
            int unbound = _PyObject_GetMethod(owner, name, &meth);
            if (meth == NULL)
                goto error;
            if (unbound) {
                SET_TOP(meth);
                PUSH(owner);
            }
            else {
                Py_DECREF(owner);
                SET_TOP(meth);
                PUSH(NULL);
            }
        }
        else {
            PyObject *res = PyObject_GetAttr(owner, name);
            if (res == NULL)
                goto error;
            Py_DECREF(owner);
            SET_TOP(res);
        }
        DISPATCH();
    }

    TARGET(STORE_ATTR)
    {
        KR_ADAPT(_KrSpecialize_StoreAttr(TOP(), next_instr - 1, GETITEM(NAMES(), oparg)));
    generic_STORE_ATTR:;
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *owner = POP();
        PyObject *v = POP();
        next_instr += 4;
        int err = PyObject_SetAttr(owner, name, v);
        Py_DECREF(v);
        Py_DECREF(owner);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *owner = POP();
        int err = PyObject_DelAttr(owner, name);
        Py_DECREF(owner);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_SUPER_ATTR)
    {
        PyObject *name = GETITEM(NAMES(), oparg >> 2);
        PyObject *self = POP();
        PyObject *cls = POP();
        PyObject *global_super = POP();
        int load_method = oparg & 1;
        PyObject *attr;
        next_instr += 1;
        if (global_super == (PyObject *)&PySuper_Type && PyType_Check(cls)) {
            int method = 0;
            attr = _PySuper_Lookup((PyTypeObject *)cls, self, name, load_method ? &method : NULL);
            Py_DECREF(global_super);
            Py_DECREF(cls);
            if (attr == NULL) {
                Py_DECREF(self);
                goto error;
            }
            PUSH(attr);
            if (load_method) {
                if (method) {
                    PUSH(self);
                }
                else {
                    Py_DECREF(self);
                    PUSH(NULL);
                }
            }
            else {
                Py_DECREF(self);
            }
            DISPATCH();
        }
        PyObject *stack[2] = {cls, self};
        SAVE_STATE();
        PyObject *super = PyObject_Vectorcall(global_super, stack, (size_t)(oparg & 2), NULL);
        Py_DECREF(global_super);
        Py_DECREF(cls);
        Py_DECREF(self);
        if (super == NULL)
            goto error;
        attr = PyObject_GetAttr(super, name);
        Py_DECREF(super);
        if (attr == NULL)
            goto error;
        PUSH(attr);
        if (load_method)
            PUSH(NULL);
        DISPATCH();
    }

    /* ---- operators ---- */

    TARGET(UNARY_NEGATIVE)
    {
        PyObject *v = TOP();
        PyObject *res = PyNumber_Negative(v);
        if (res == NULL)
            goto error;
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_INVERT)
    {
        PyObject *v = TOP();
        PyObject *res = PyNumber_Invert(v);
        if (res == NULL)
            goto error;
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NOT)
    {
        PyObject *v = TOP();
        int t;
        if (v == Py_True)
            t = 1;
        else if (v == Py_False || v == Py_None)
            t = 0;
        else {
            t = PyObject_IsTrue(v);
            if (t < 0)
                goto error;
        }
        Py_DECREF(v);
        SET_TOP(t ? Py_False : Py_True);
        DISPATCH();
    }

    TARGET(BINARY_OP)
    {
        KR_ADAPT(_KrSpecialize_BinaryOp(SECOND(), TOP(), next_instr - 1, oparg));
    generic_BINARY_OP:;
        PyObject *rhs = POP();
        PyObject *lhs = TOP();
        PyObject *res;
        next_instr += 1;
        /* Exact floats and compact ints are handled without the slot dispatch; NULL
         * without an error means "take the general path". */
        res = _KrNumber_BinaryOpFast(lhs, rhs, oparg);
        if (res == NULL) {
            if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs) &&
                (oparg == NB_ADD || oparg == NB_INPLACE_ADD)) {
                res = PyUnicode_Concat(lhs, rhs);
            }
            else {
                SAVE_STATE();
                res = _PyNumber_BinaryOp(lhs, rhs, oparg);
            }
        }
        Py_DECREF(rhs);
        if (res == NULL)
            goto error;
        Py_DECREF(lhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(COMPARE_OP)
    {
        KR_ADAPT(_KrSpecialize_CompareOp(SECOND(), TOP(), next_instr - 1, oparg));
    generic_COMPARE_OP:;
        PyObject *right = POP();
        PyObject *left = TOP();
        PyObject *res;
        next_instr += 1;
        int op = oparg >> 5;
        if (PyLong_CheckExact(left) && PyLong_CheckExact(right) &&
            _PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right)) {
            Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)left);
            Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)right);
            int r;
            switch (op) {
            case Py_LT: r = a < b; break;
            case Py_LE: r = a <= b; break;
            case Py_EQ: r = a == b; break;
            case Py_NE: r = a != b; break;
            case Py_GT: r = a > b; break;
            default: r = a >= b; break;
            }
            res = r ? Py_True : Py_False;
        }
        else {
            SAVE_STATE();
            res = PyObject_RichCompare(left, right, op);
            if (res != NULL && (oparg & 16) && !PyBool_Check(res)) {
                int t = PyObject_IsTrue(res);
                Py_DECREF(res);
                res = t < 0 ? NULL : (t ? Py_True : Py_False);
            }
        }
        Py_DECREF(right);
        if (res == NULL)
            goto error;
        Py_DECREF(left);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(IS_OP)
    {
        PyObject *right = POP();
        PyObject *left = TOP();
        int res = (left == right) ^ oparg;
        Py_DECREF(left);
        Py_DECREF(right);
        SET_TOP(res ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(CONTAINS_OP)
    {
        PyObject *right = POP();
        PyObject *left = TOP();
        next_instr += 1;
        SAVE_STATE();
        int res = PySequence_Contains(right, left);
        Py_DECREF(right);
        if (res < 0)
            goto error;
        Py_DECREF(left);
        SET_TOP((res ^ oparg) ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR)
    {
        PyObject *sub = POP();
        PyObject *container = TOP();
        PyObject *res;
        next_instr += 1;
        if (PyList_CheckExact(container) && PyLong_CheckExact(sub) &&
            _PyLong_IsCompact((PyLongObject *)sub)) {
            Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)sub);
            if (i < 0)
                i += PyList_GET_SIZE(container);
            if (i >= 0 && i < PyList_GET_SIZE(container)) {
                res = Py_NewRef(PyList_GET_ITEM(container, i));
                goto subscr_done;
            }
        }
        else if (PyTuple_CheckExact(container) && PyLong_CheckExact(sub) &&
                 _PyLong_IsCompact((PyLongObject *)sub)) {
            Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)sub);
            if (i < 0)
                i += PyTuple_GET_SIZE(container);
            if (i >= 0 && i < PyTuple_GET_SIZE(container)) {
                res = Py_NewRef(PyTuple_GET_ITEM(container, i));
                goto subscr_done;
            }
        }
        SAVE_STATE();
        res = PyObject_GetItem(container, sub);
    subscr_done:
        Py_DECREF(sub);
        if (res == NULL)
            goto error;
        Py_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR)
    {
        PyObject *sub = POP();
        PyObject *container = POP();
        PyObject *v = POP();
        next_instr += 1;
        if (PyList_CheckExact(container) && PyLong_CheckExact(sub) &&
            _PyLong_IsCompact((PyLongObject *)sub)) {
            Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)sub);
            if (i < 0)
                i += PyList_GET_SIZE(container);
            if (i >= 0 && i < PyList_GET_SIZE(container)) {
                /* The old item goes last: its __del__ may look at the list. */
                PyObject *old = PyList_GET_ITEM(container, i);
                PyList_SET_ITEM(container, i, v);
                Py_DECREF(sub);
                Py_DECREF(old);
                Py_DECREF(container);
                DISPATCH();
            }
        }
        SAVE_STATE();
        int err = PyObject_SetItem(container, sub, v);
        Py_DECREF(v);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR)
    {
        PyObject *sub = POP();
        PyObject *container = POP();
        SAVE_STATE();
        int err = PyObject_DelItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(BINARY_SLICE)
    {
        PyObject *stop = POP();
        PyObject *start = POP();
        PyObject *container = TOP();
        PyObject *slice = PySlice_New(start, stop, NULL);
        Py_DECREF(start);
        Py_DECREF(stop);
        PyObject *res = NULL;
        if (slice != NULL) {
            SAVE_STATE();
            res = PyObject_GetItem(container, slice);
            Py_DECREF(slice);
        }
        if (res == NULL)
            goto error;
        Py_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SLICE)
    {
        PyObject *stop = POP();
        PyObject *start = POP();
        PyObject *container = POP();
        PyObject *v = POP();
        PyObject *slice = PySlice_New(start, stop, NULL);
        int err = -1;
        if (slice != NULL) {
            SAVE_STATE();
            err = PyObject_SetItem(container, slice, v);
            Py_DECREF(slice);
        }
        Py_DECREF(v);
        Py_DECREF(container);
        Py_DECREF(start);
        Py_DECREF(stop);
        if (err)
            goto error;
        DISPATCH();
    }

    /* ---- building ---- */

    TARGET(BUILD_TUPLE)
    {
        STACK_SHRINK(oparg);
        PyObject *t = _PyTuple_FromArraySteal(stack_pointer, oparg);
        if (t == NULL)
            goto error;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST)
    {
        STACK_SHRINK(oparg);
        PyObject *l = _PyList_FromArraySteal(stack_pointer, oparg);
        if (l == NULL)
            goto error;
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET)
    {
        PyObject *set = PySet_New(NULL);
        int err = set == NULL;
        STACK_SHRINK(oparg);
        for (int i = 0; i < oparg; i++) {
            PyObject *item = stack_pointer[i];
            if (!err)
                err = PySet_Add(set, item);
            Py_DECREF(item);
        }
        if (err) {
            Py_XDECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP)
    {
        STACK_SHRINK(2 * oparg);
        PyObject *map = _PyDict_FromItems(stack_pointer, 2, stack_pointer + 1, 2, oparg);
        for (int i = 0; i < 2 * oparg; i++)
            Py_DECREF(stack_pointer[i]);
        if (map == NULL)
            goto error;
        PUSH(map);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP)
    {
        PyObject *keys = POP();
        STACK_SHRINK(oparg);
        PyObject *map = NULL;
        if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != (Py_ssize_t)oparg) {
            PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        }
        else {
            map = _PyDict_FromItems(_PyTuple_ITEMS(keys), 1, stack_pointer, 1, oparg);
        }
        for (int i = 0; i < oparg; i++)
            Py_DECREF(stack_pointer[i]);
        Py_DECREF(keys);
        if (map == NULL)
            goto error;
        PUSH(map);
        DISPATCH();
    }

    TARGET(BUILD_STRING)
    {
        STACK_SHRINK(oparg);
        PyObject *empty = PyUnicode_New(0, 0);
        PyObject *str = empty ? _PyUnicode_JoinArray(empty, stack_pointer, oparg) : NULL;
        Py_XDECREF(empty);
        for (int i = 0; i < oparg; i++)
            Py_DECREF(stack_pointer[i]);
        if (str == NULL)
            goto error;
        PUSH(str);
        DISPATCH();
    }

    TARGET(BUILD_SLICE)
    {
        PyObject *step = oparg == 3 ? POP() : NULL;
        PyObject *stop = POP();
        PyObject *start = TOP();
        PyObject *slice = PySlice_New(start, stop, step);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        SET_TOP(slice);
        if (slice == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_APPEND)
    {
        PyObject *v = POP();
        PyObject *list = PEEK(oparg);
        if (_PyList_AppendTakeRef((PyListObject *)list, v) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD)
    {
        PyObject *v = POP();
        PyObject *set = PEEK(oparg);
        int err = PySet_Add(set, v);
        Py_DECREF(v);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD)
    {
        PyObject *value = POP();
        PyObject *key = POP();
        PyObject *map = PEEK(oparg);
        if (_PyDict_SetItem_Take2((PyDictObject *)map, key, value) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND)
    {
        PyObject *iterable = POP();
        PyObject *list = PEEK(oparg);
        SAVE_STATE();
        PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
        if (none == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == NULL &&
                !PySequence_Check(iterable)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                             Py_TYPE(iterable)->tp_name);
            }
            Py_DECREF(iterable);
            goto error;
        }
        Py_DECREF(none);
        Py_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE)
    {
        PyObject *iterable = POP();
        PyObject *set = PEEK(oparg);
        SAVE_STATE();
        int err = _PySet_Update(set, iterable);
        Py_DECREF(iterable);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE)
    {
        PyObject *update = POP();
        PyObject *dict = PEEK(oparg);
        SAVE_STATE();
        if (PyDict_Update(dict, update) < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                             Py_TYPE(update)->tp_name);
            }
            Py_DECREF(update);
            goto error;
        }
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE)
    {
        PyObject *update = POP();
        PyObject *dict = PEEK(oparg);
        PyObject *callable = PEEK(oparg + 3);
        SAVE_STATE();
        if (_PyDict_MergeEx(dict, update, 2) < 0) {
            _KrEval_FormatKwargsError(tstate, callable, update);
            Py_DECREF(update);
            goto error;
        }
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE)
    {
        PyObject *seq = POP();
        next_instr += 1;
        PyObject **items = NULL;
        Py_ssize_t n = -1;
        if (PyTuple_CheckExact(seq)) {
            n = PyTuple_GET_SIZE(seq);
            items = _PyTuple_ITEMS(seq);
        }
        else if (PyList_CheckExact(seq)) {
            n = PyList_GET_SIZE(seq);
            items = ((PyListObject *)seq)->ob_item;
        }
        if (n == oparg) {
            for (int i = oparg - 1; i >= 0; i--)
                PUSH(Py_NewRef(items[i]));
            Py_DECREF(seq);
            DISPATCH();
        }
        SAVE_STATE();
        if (_KrEval_UnpackIterable(tstate, seq, oparg, -1, stack_pointer + oparg)) {
            STACK_GROW(oparg);
            Py_DECREF(seq);
            DISPATCH();
        }
        Py_DECREF(seq);
        goto error;
    }

    TARGET(UNPACK_EX)
    {
        int totalargs = 1 + (oparg & 0xFF) + (oparg >> 8);
        PyObject *seq = POP();
        SAVE_STATE();
        int ok = _KrEval_UnpackIterable(tstate, seq, oparg & 0xFF, oparg >> 8,
                                        stack_pointer + totalargs);
        Py_DECREF(seq);
        if (!ok)
            goto error;
        STACK_GROW(totalargs);
        DISPATCH();
    }

    TARGET(COPY)
    {
        PyObject *v = PEEK(oparg);
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(SWAP)
    {
        PyObject *top = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = top;
        DISPATCH();
    }

    /* ---- jumps ---- */

    TARGET(JUMP_FORWARD)
    {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD)
    {
        next_instr += 1;
        JUMPBY(-oparg);
        if (Py_UNLIKELY(tstate->interp->ceval.eval_breaker)) {
            SAVE_STATE();
            if (_Py_HandlePending(tstate) < 0)
                goto error;
        }
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT)
    {
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE)
    {
        PyObject *cond = POP();
        next_instr += 1;
        if (cond == Py_False) {
            JUMPBY(oparg);
        }
        else if (cond != Py_True) {
            int t = fast_truth(cond);
            if (t < 0)
                t = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (t < 0)
                goto error;
            if (!t)
                JUMPBY(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE)
    {
        PyObject *cond = POP();
        next_instr += 1;
        if (cond == Py_True) {
            JUMPBY(oparg);
        }
        else if (cond != Py_False) {
            int t = fast_truth(cond);
            if (t < 0)
                t = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (t < 0)
                goto error;
            if (t)
                JUMPBY(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE)
    {
        PyObject *v = POP();
        next_instr += 1;
        if (v == Py_None)
            JUMPBY(oparg);
        else
            Py_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE)
    {
        PyObject *v = POP();
        next_instr += 1;
        if (v != Py_None) {
            Py_DECREF(v);
            JUMPBY(oparg);
        }
        DISPATCH();
    }

    /* ---- iteration ---- */

    TARGET(GET_ITER)
    {
        PyObject *iterable = TOP();
        SAVE_STATE();
        PyObject *iter = PyObject_GetIter(iterable);
        if (iter == NULL)
            goto error;
        Py_DECREF(iterable);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER)
    {
        PyObject *iterable = TOP();
        PyObject *iter;
        if (PyCoro_CheckExact(iterable)) {
            if (!(frame->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                PyErr_SetString(PyExc_TypeError,
                                "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        if (PyGen_CheckExact(iterable))
            DISPATCH();
        SAVE_STATE();
        iter = PyObject_GetIter(iterable);
        if (iter == NULL)
            goto error;
        Py_DECREF(iterable);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(FOR_ITER)
    {
        KR_ADAPT(_KrSpecialize_ForIter(TOP(), next_instr - 1));
    generic_FOR_ITER:;
        PyObject *iter = TOP();
        next_instr += 1;
        if (Py_IS_TYPE(iter, &PyGen_Type) &&
            ((PyGenObject *)iter)->gi_frame_state < FRAME_EXECUTING) {
            SAVE_STATE();
            frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
            frame = gen_push_inline(tstate, (PyGenObject *)iter, frame, Py_NewRef(Py_None));
            goto start_frame;
        }
        SAVE_STATE();
        PyObject *next = (*Py_TYPE(iter)->tp_iternext)(iter);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                goto error;
            PyErr_Clear();
        }
        /* Exhausted: land on END_FOR, which pops the iterator. */
        JUMPBY(oparg);
        DISPATCH();
    }

    /* Exhaustion leaves the iterator for END_FOR to pop, as FOR_ITER does. List and
     * tuple iterators share a layout; only the item storage differs. */
#define KR_FOR_ITER_SEQ(ITERTYPE, ITEROBJ, SEQOBJ)                     \
    {                                                                   \
        PyObject *iter = TOP();                                         \
        KR_DEOPT_IF(!Py_IS_TYPE(iter, &ITERTYPE), FOR_ITER);            \
        ITEROBJ *it = (ITEROBJ *)iter;                                  \
        SEQOBJ *seq = it->it_seq;                                       \
        next_instr += 1;                                                \
        if (seq != NULL) {                                              \
            if (it->it_index < Py_SIZE(seq)) {                          \
                PUSH(Py_NewRef(seq->ob_item[it->it_index++]));          \
                DISPATCH();                                             \
            }                                                           \
            it->it_seq = NULL;                                          \
            Py_DECREF(seq);                                             \
        }                                                               \
        JUMPBY(oparg);                                                  \
        DISPATCH();                                                     \
    }
    TARGET(FOR_ITER_LIST)
    KR_FOR_ITER_SEQ(PyListIter_Type, _KrListIterObject, PyListObject)
    TARGET(FOR_ITER_TUPLE)
    KR_FOR_ITER_SEQ(PyTupleIter_Type, _KrTupleIterObject, PyTupleObject)
#undef KR_FOR_ITER_SEQ

    TARGET(FOR_ITER_RANGE)
    {
        PyObject *iter = TOP();
        KR_DEOPT_IF(!Py_IS_TYPE(iter, &PyRangeIter_Type), FOR_ITER);
        _KrRangeIterObject *r = (_KrRangeIterObject *)iter;
        next_instr += 1;
        if (r->len <= 0) {
            JUMPBY(oparg);
            DISPATCH();
        }
        long value = r->start;
        /* the step after the last item may leave the long range: wrap harmlessly */
        r->start = (long)((unsigned long)value + (unsigned long)r->step);
        r->len--;
        PyObject *res = PyLong_FromLong(value);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(SEND)
    {
        PyObject *v = POP();
        PyObject *receiver = TOP();
        PyObject *res = NULL;
        next_instr += 1;
        if ((Py_IS_TYPE(receiver, &PyGen_Type) || Py_IS_TYPE(receiver, &PyCoro_Type)) &&
            ((PyGenObject *)receiver)->gi_frame_state < FRAME_EXECUTING &&
            (((PyGenObject *)receiver)->gi_frame_state != FRAME_CREATED || v == Py_None)) {
            SAVE_STATE();
            frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
            frame = gen_push_inline(tstate, (PyGenObject *)receiver, frame, v);
            goto start_frame;
        }
        SAVE_STATE();
        PySendResult sr;
        if ((PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver))) {
            sr = _PyGen_Send((PyGenObject *)receiver, v, &res);
        }
        else if (v == Py_None && Py_TYPE(receiver)->tp_iternext != NULL) {
            res = Py_TYPE(receiver)->tp_iternext(receiver);
            if (res != NULL) {
                sr = PYGEN_NEXT;
            }
            else if (_PyGen_FetchStopIterationValue(&res) == 0) {
                sr = PYGEN_RETURN;
            }
            else {
                sr = PYGEN_ERROR;
            }
        }
        else {
            res = PyObject_CallMethodOneArg(receiver, _Py_ID(send), v);
            if (res != NULL) {
                sr = PYGEN_NEXT;
            }
            else if (PyErr_ExceptionMatches(PyExc_StopIteration) &&
                     _PyGen_FetchStopIterationValue(&res) == 0) {
                sr = PYGEN_RETURN;
            }
            else {
                sr = PYGEN_ERROR;
            }
        }
        Py_DECREF(v);
        if (sr == PYGEN_ERROR)
            goto error;
        PUSH(res);
        if (sr == PYGEN_RETURN)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(CLEANUP_THROW)
    {
        PyObject *exc_value = POP();
        PyObject *last_sent = POP();
        PyObject *sub_iter = POP();
        if (PyErr_GivenExceptionMatches(exc_value, PyExc_StopIteration)) {
            PyObject *value = ((PyStopIterationObject *)exc_value)->value;
            Py_INCREF(value);
            Py_DECREF(exc_value);
            Py_DECREF(last_sent);
            Py_DECREF(sub_iter);
            PUSH(Py_NewRef(Py_None));
            PUSH(value);
            DISPATCH();
        }
        Py_DECREF(last_sent);
        Py_DECREF(sub_iter);
        PyErr_SetRaisedException(exc_value);
        goto exception_unwind;
    }

    TARGET(YIELD_VALUE)
    {
        retval = POP();
        PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
        gen->gi_frame_state = FRAME_SUSPENDED;
        SAVE_STATE();
        frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
        gen_frame_leave(tstate, frame);
        tstate->py_recursion_remaining++;
        if (Py_UNLIKELY(KR_TRACING())) {
            if (_KrEval_CallTraceProtected(tstate, frame, PyTrace_RETURN, retval) < 0) {
                Py_CLEAR(retval);
            }
        }
        _PyInterpreterFrame *prev = frame->previous;
        frame->previous = NULL;
        if (frame->is_entry) {
            tstate->current_frame = prev;
            Py_LeaveRecursiveCall();
            return retval;
        }
        frame = prev;
        tstate->current_frame = frame;
        goto resume_caller_with_retval;
    }

    TARGET(RETURN_CONST)
    {
        retval = Py_NewRef(GETITEM(CONSTS(), oparg));
        goto return_common;
    }

    TARGET(RETURN_VALUE)
    {
        retval = POP();
    return_common:
        SAVE_STATE();
        tstate->py_recursion_remaining++;
        if (Py_UNLIKELY(KR_TRACING())) {
            if (_KrEval_CallTraceProtected(tstate, frame, PyTrace_RETURN, retval) < 0) {
                Py_CLEAR(retval);
            }
        }
        {
            _PyInterpreterFrame *prev = frame->previous;
            int is_entry = frame->is_entry;
            int is_init = frame->is_init;
            int gen_return = 0;
            if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
                PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
                gen_frame_leave(tstate, frame);
                gen->gi_frame_state = FRAME_COMPLETED;
                Py_CLEAR(gen->gi_exc_state.exc_value);
                frame->previous = NULL;
                _PyFrame_ClearExceptCode(frame);
                gen_return = 1;
            }
            else if (frame->frame_obj == NULL && frame->owner == FRAME_OWNED_BY_THREAD) {
                /* The common case, inline: nothing outside refers to the frame. */
                PyObject **lp = frame->localsplus;
                for (int i = 0; i < frame->stacktop; i++)
                    Py_XDECREF(lp[i]);
                frame->stacktop = 0;
                Py_CLEAR(frame->f_locals);
                Py_CLEAR(frame->f_funcobj);
                Py_CLEAR(frame->f_code);
                /* Popping a frame that does not start its stack chunk is one store. */
                if (Py_LIKELY((PyObject **)frame != tstate->eval.datastack_chunk->data))
                    tstate->eval.datastack_top = (PyObject **)frame;
                else
                    _PyThreadState_PopFrame(tstate, frame);
            }
            else {
                _PyFrame_Clear(frame);
                _PyThreadState_PopFrame(tstate, frame);
            }
            tstate->current_frame = prev;
            if (is_entry) {
                Py_LeaveRecursiveCall();
                return retval;
            }
            frame = prev;
            if (gen_return && retval != NULL) {
                /* A generator resumed by FOR_ITER or SEND finished: the caller takes the
                 * "exhausted" branch of that instruction. */
                int op_arg;
                int op = decode_at(frame->instr_ptr, &op_arg);
                LOAD_FRAME_STATE();
                next_instr = frame->instr_ptr + frame->return_offset + op_arg;
                frame->return_offset = 0;
                if (op == FOR_ITER)
                    Py_DECREF(retval);
                else
                    PUSH(retval);
                retval = NULL;
                DISPATCH();
            }
            if (is_init && retval != NULL) {
                /* The instance is already on the caller's stack. */
                if (retval != Py_None) {
                    PyErr_Format(PyExc_TypeError,
                                 "__init__() should return None, not '%.200s'",
                                 Py_TYPE(retval)->tp_name);
                    Py_CLEAR(retval);
                }
                else {
                    Py_DECREF(retval);
                    retval = NULL;
                    LOAD_FRAME_STATE();
                    next_instr = frame->instr_ptr + frame->return_offset;
                    frame->return_offset = 0;
                    DISPATCH();
                }
            }
        }
        if (retval == NULL)
            goto resume_caller_with_error;
    resume_caller_with_retval:
        LOAD_FRAME_STATE();
        next_instr = frame->instr_ptr + frame->return_offset;
        frame->return_offset = 0;
        if (retval == NULL)
            goto error;
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

    /* ---- exceptions ---- */

    TARGET(RAISE_VARARGS)
    {
        PyObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2:
            cause = POP();
            /* fall through */
        case 1:
            exc = POP();
            /* fall through */
        case 0:
            SAVE_STATE();
            if (_KrEval_DoRaise(tstate, exc, cause))
                goto exception_unwind;
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        goto error;
    }

    TARGET(RERAISE)
    {
        PyObject *exc = POP();
        unwind_instr = frame->instr_ptr;
        if (oparg) {
            PyObject *lasti = PEEK(oparg);
            if (PyLong_Check(lasti)) {
                long l = PyLong_AsLong(lasti);
                frame->instr_ptr = _PyCode_CODE(frame->f_code) + l;
            }
            else {
                Py_DECREF(exc);
                PyErr_SetString(PyExc_SystemError, "lasti is not an int");
                goto error;
            }
        }
        PyErr_SetRaisedException(exc);
        goto exception_unwind_from;
    }

    TARGET(PUSH_EXC_INFO)
    {
        PyObject *exc = TOP();
        _PyErr_StackItem *exc_info = tstate->exc_info;
        PyObject *prev = exc_info->exc_value;
        SET_TOP(prev != NULL ? prev : Py_NewRef(Py_None));
        exc_info->exc_value = Py_NewRef(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT)
    {
        PyObject *exc = POP();
        _PyErr_StackItem *exc_info = tstate->exc_info;
        Py_XSETREF(exc_info->exc_value, exc == Py_None ? NULL : exc);
        if (exc == Py_None)
            Py_DECREF(exc);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH)
    {
        PyObject *right = POP();
        PyObject *left = TOP();
        if (_KrEval_CheckExceptTypeValid(tstate, right) < 0) {
            Py_DECREF(right);
            goto error;
        }
        int res = PyErr_GivenExceptionMatches(left, right);
        Py_DECREF(right);
        PUSH(res ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH)
    {
        PyObject *match_type = POP();
        PyObject *exc_value = POP();
        if (_KrEval_CheckExceptStarTypeValid(tstate, match_type) < 0) {
            Py_DECREF(match_type);
            Py_DECREF(exc_value);
            goto error;
        }
        PyObject *match = NULL, *rest = NULL;
        SAVE_STATE();
        int res = _PyEval_ExceptionGroupMatch(exc_value, match_type, &match, &rest);
        Py_DECREF(match_type);
        Py_DECREF(exc_value);
        if (res < 0)
            goto error;
        PUSH(rest);
        PUSH(match);
        if (!Py_IsNone(match))
            PyErr_SetHandledException(match);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR)
    {
        PyObject *exc = POP();
        PyObject *awaitable = POP();
        if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
            Py_DECREF(exc);
            Py_DECREF(awaitable);
            DISPATCH();
        }
        Py_DECREF(awaitable);
        PyErr_SetRaisedException(exc);
        goto exception_unwind;
    }

    TARGET(WITH_EXCEPT_START)
    {
        PyObject *val = TOP();
        PyObject *exit_func = PEEK(4);
        PyObject *tb = PyException_GetTraceback(val);
        PyObject *stack[4] = {NULL, (PyObject *)Py_TYPE(val), val, tb ? tb : Py_None};
        SAVE_STATE();
        PyObject *res = PyObject_Vectorcall(exit_func, stack + 1,
                                            3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        Py_XDECREF(tb);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_WITH)
    TARGET(BEFORE_ASYNC_WITH)
    {
        PyObject *mgr = TOP();
        PyObject *exit = NULL;
        SAVE_STATE();
        PyObject *res = _KrEval_BeforeWith(tstate, mgr, opcode == BEFORE_ASYNC_WITH, &exit);
        if (res == NULL)
            goto error;
        Py_DECREF(mgr);
        SET_TOP(exit);
        PUSH(res);
        DISPATCH();
    }

    /* ---- async ---- */

    TARGET(GET_AWAITABLE)
    {
        PyObject *iterable = TOP();
        SAVE_STATE();
        PyObject *iter = _PyEval_GetAwaitable(iterable, oparg);
        if (iter == NULL)
            goto error;
        Py_DECREF(iterable);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_AITER)
    {
        PyObject *obj = TOP();
        SAVE_STATE();
        PyObject *iter = _KrEval_GetAIter(obj);
        if (iter == NULL)
            goto error;
        Py_DECREF(obj);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_ANEXT)
    {
        PyObject *aiter = TOP();
        SAVE_STATE();
        PyObject *awaitable = _KrEval_GetANext(aiter);
        if (awaitable == NULL)
            goto error;
        PUSH(awaitable);
        DISPATCH();
    }

    /* ---- pattern matching ---- */

    TARGET(MATCH_MAPPING)
    {
        PyObject *subject = TOP();
        int match = Py_TYPE(subject)->tp_flags & Py_TPFLAGS_MAPPING;
        PUSH(match ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE)
    {
        PyObject *subject = TOP();
        int match = Py_TYPE(subject)->tp_flags & Py_TPFLAGS_SEQUENCE;
        PUSH(match ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(MATCH_KEYS)
    {
        PyObject *keys = TOP();
        PyObject *subject = SECOND();
        SAVE_STATE();
        PyObject *values = _KrEval_MatchKeys(tstate, subject, keys);
        if (values == NULL)
            goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS)
    {
        PyObject *names = POP();
        PyObject *type = POP();
        PyObject *subject = TOP();
        SAVE_STATE();
        PyObject *attrs = _KrEval_MatchClass(tstate, subject, type, oparg, names);
        Py_DECREF(names);
        Py_DECREF(type);
        if (attrs == NULL) {
            if (PyErr_Occurred())
                goto error;
            attrs = Py_NewRef(Py_None);
        }
        Py_DECREF(subject);
        SET_TOP(attrs);
        DISPATCH();
    }

    TARGET(GET_LEN)
    {
        SAVE_STATE();
        Py_ssize_t len = PyObject_Length(TOP());
        if (len < 0)
            goto error;
        PyObject *l = PyLong_FromSsize_t(len);
        if (l == NULL)
            goto error;
        PUSH(l);
        DISPATCH();
    }

    /* ---- formatting ---- */

    TARGET(FORMAT_SIMPLE)
    {
        PyObject *v = TOP();
        if (!PyUnicode_CheckExact(v)) {
            SAVE_STATE();
            PyObject *res = _KrObject_FormatWithSpec(v, NULL);
            if (res == NULL)
                goto error;
            Py_DECREF(v);
            SET_TOP(res);
        }
        DISPATCH();
    }

    TARGET(FORMAT_WITH_SPEC)
    {
        PyObject *spec = POP();
        PyObject *v = TOP();
        SAVE_STATE();
        PyObject *res = _KrObject_FormatWithSpec(v, spec);
        Py_DECREF(spec);
        if (res == NULL)
            goto error;
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(CONVERT_VALUE)
    {
        PyObject *v = TOP();
        PyObject *res;
        SAVE_STATE();
        switch (oparg) {
        case FVC_STR: res = PyObject_Str(v); break;
        case FVC_REPR: res = PyObject_Repr(v); break;
        case FVC_ASCII: res = PyObject_ASCII(v); break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad CONVERT_VALUE oparg");
            res = NULL;
        }
        if (res == NULL)
            goto error;
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    /* ---- functions and calls ---- */

    TARGET(MAKE_FUNCTION)
    {
        PyObject *code = TOP();
        PyObject *func = PyFunction_New(code, GLOBALS());
        if (func == NULL)
            goto error;
        Py_DECREF(code);
        SET_TOP(func);
        DISPATCH();
    }

    TARGET(SET_FUNCTION_ATTRIBUTE)
    {
        PyObject *func = POP();
        PyObject *attr = TOP();
        PyFunctionObject *f = (PyFunctionObject *)func;
        switch (oparg) {
        case MAKE_FUNCTION_CLOSURE: Py_XSETREF(f->func_closure, attr); break;
        case MAKE_FUNCTION_ANNOTATIONS: Py_XSETREF(f->func_annotations, attr); break;
        case MAKE_FUNCTION_KWDEFAULTS: Py_XSETREF(f->func_kwdefaults, attr); break;
        case MAKE_FUNCTION_DEFAULTS: Py_XSETREF(f->func_defaults, attr); break;
        default:
            Py_DECREF(attr);
            break;
        }
        SET_TOP(func);
        DISPATCH();
    }

    TARGET(CALL_KW)
    {
        PyObject *kwnames = POP();
        int nkw = (int)PyTuple_GET_SIZE(kwnames);
        PyObject **args = stack_pointer - oparg;
        PyObject *self_or_null = args[-1];
        PyObject *callable = args[-2];
        PyObject **base = args - 2;
        int total = oparg;
        if (self_or_null != NULL) {
            args--;
            total++;
        }
        else if (PyMethod_Check(callable)) {
            PyObject *self = PyMethod_GET_SELF(callable);
            PyObject *func = PyMethod_GET_FUNCTION(callable);
            args[-1] = Py_NewRef(self);
            args[-2] = Py_NewRef(func);
            Py_DECREF(callable);
            callable = func;
            args--;
            total++;
        }
        if (PyFunction_Check(callable) &&
            !(((PyCodeObject *)((PyFunctionObject *)callable)->func_code)->co_flags &
              (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            stack_pointer = base;
            SAVE_STATE();
            frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
            _PyInterpreterFrame *nf = push_py_frame(tstate, (PyFunctionObject *)callable, args,
                                                    total - nkw, kwnames);
            Py_DECREF(kwnames);
            Py_DECREF(callable);
            if (nf == NULL)
                goto error;
            nf->previous = frame;
            frame = nf;
            tstate->current_frame = frame;
            goto start_frame;
        }
        SAVE_STATE();
        size_t nargsf = (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET;
        PyObject *res = tstate->c_profilefunc != NULL
                            ? _KrTrace_CFunc(tstate, callable, args, nargsf, kwnames)
                            : PyObject_Vectorcall(callable, args, nargsf, kwnames);
        for (int i = 0; i < total; i++)
            Py_DECREF(args[i]);
        Py_DECREF(kwnames);
        Py_DECREF(callable);
        stack_pointer = base;
        /* The callee may have installed or removed a trace or profile function. */
        KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL)
    {
        KR_ADAPT(_KrSpecialize_Call(PEEK(oparg + 2), PEEK(oparg + 1), next_instr - 1, oparg));
    generic_CALL:;
        PyObject **args = stack_pointer - oparg;
        PyObject *self_or_null = args[-1];
        PyObject *callable = args[-2];
        PyObject **base = args - 2;
        int total = oparg;
        next_instr += 3;
        if (self_or_null != NULL) {
            args--;
            total++;
        }
        else if (PyMethod_Check(callable)) {
            PyObject *self = PyMethod_GET_SELF(callable);
            PyObject *func = PyMethod_GET_FUNCTION(callable);
            args[-1] = Py_NewRef(self);
            args[-2] = Py_NewRef(func);
            Py_DECREF(callable);
            callable = func;
            args--;
            total++;
        }
        if (PyFunction_Check(callable) &&
            !(((PyCodeObject *)((PyFunctionObject *)callable)->func_code)->co_flags &
              (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            stack_pointer = base;
            SAVE_STATE();
            frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
            _PyInterpreterFrame *nf = push_py_frame(tstate, (PyFunctionObject *)callable, args,
                                                    total, NULL);
            Py_DECREF(callable);
            if (nf == NULL)
                goto error;
            nf->previous = frame;
            frame = nf;
            tstate->current_frame = frame;
            goto start_frame;
        }
        SAVE_STATE();
        size_t nargsf = (size_t)total | PY_VECTORCALL_ARGUMENTS_OFFSET;
        PyObject *res = tstate->c_profilefunc != NULL
                            ? _KrTrace_CFunc(tstate, callable, args, nargsf, NULL)
                            : PyObject_Vectorcall(callable, args, nargsf, NULL);
        for (int i = 0; i < total; i++)
            Py_DECREF(args[i]);
        Py_DECREF(callable);
        stack_pointer = base;
        KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX)
    {
        PyObject *kwargs = (oparg & 1) ? POP() : NULL;
        PyObject *callargs = POP();
        PyObject *null = POP();
        PyObject *func = TOP();
        (void)null;
        SAVE_STATE();
        if (!PyTuple_CheckExact(callargs)) {
            if (_KrEval_CheckArgsIterable(tstate, func, callargs) < 0) {
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                goto error;
            }
            PyObject *t = PySequence_Tuple(callargs);
            Py_DECREF(callargs);
            if (t == NULL) {
                Py_XDECREF(kwargs);
                goto error;
            }
            callargs = t;
        }
        if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
            PyObject *d = PyDict_New();
            if (d == NULL || PyDict_Update(d, kwargs) != 0) {
                Py_XDECREF(d);
                if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                    PyErr_Clear();
                    PyObject *fs = _PyObject_FunctionStr(func);
                    if (fs != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "%U argument after ** must be a mapping, not %.200s", fs,
                                     Py_TYPE(kwargs)->tp_name);
                        Py_DECREF(fs);
                    }
                }
                Py_DECREF(callargs);
                Py_DECREF(kwargs);
                goto error;
            }
            Py_SETREF(kwargs, d);
        }
        if (PyFunction_Check(func) &&
            !(((PyCodeObject *)((PyFunctionObject *)func)->func_code)->co_flags &
              (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            /* f(*args, **kwargs) of a Python function: bind straight into a new frame. */
            STACK_SHRINK(1);
            SAVE_STATE();
            frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
            _PyInterpreterFrame *nf = _PyEval_PushFrameEx(tstate, (PyFunctionObject *)func,
                                                          callargs, kwargs);
            Py_DECREF(callargs);
            Py_XDECREF(kwargs);
            Py_DECREF(func);
            if (nf == NULL)
                goto error;
            nf->previous = frame;
            frame = nf;
            tstate->current_frame = frame;
            goto start_frame;
        }
        PyObject *res = PyObject_Call(func, callargs, kwargs);
        Py_DECREF(callargs);
        Py_XDECREF(kwargs);
        KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
        if (res == NULL)
            goto error;
        Py_DECREF(func);
        SET_TOP(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_1)
    {
        PyObject *v = TOP();
        SAVE_STATE();
        PyObject *res = _KrIntrinsic1(tstate, oparg, v);
        if (res == NULL)
            goto error;
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_2)
    {
        PyObject *v1 = POP();
        PyObject *v2 = TOP();
        SAVE_STATE();
        PyObject *res = _KrIntrinsic2(tstate, oparg, v2, v1);
        Py_DECREF(v1);
        if (res == NULL)
            goto error;
        Py_DECREF(v2);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(EXIT_INIT_CHECK)
    {
        PyObject *r = POP();
        if (r != Py_None) {
            PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                         Py_TYPE(r)->tp_name);
            Py_DECREF(r);
            goto error;
        }
        DISPATCH();
    }

    /* ---- imports ---- */

    TARGET(IMPORT_NAME)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *fromlist = POP();
        PyObject *level = TOP();
        SAVE_STATE();
        PyObject *res = _KrEval_ImportName(tstate, frame, name, fromlist, level);
        Py_DECREF(fromlist);
        if (res == NULL)
            goto error;
        Py_DECREF(level);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(IMPORT_FROM)
    {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *from = TOP();
        SAVE_STATE();
        PyObject *res = _KrEval_ImportFrom(tstate, from, name);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }


    /* ---- specialised instructions (see specialize.c) ---- */

    TARGET(LOAD_ATTR_INSTANCE_VALUE)
    {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        unsigned int tv = tp->tp_version_tag;
        int way;
        if (tv == _KrCache_Read32(next_instr + 1))
            way = 0;
        else if (tv == _KrCache_Read32(next_instr + 3))
            way = 1;
        else if (tv == _KrCache_Read32(next_instr + 5))
            way = 2;
        else {
            /* Polymorphic sites (subclasses sharing attribute names) learn more types. */
            way = tv == 0 ? -1
                          : _KrSpecialize_LoadAttrAddType(owner, next_instr - 1,
                                                          GETITEM(NAMES(), oparg >> 1));
            KR_DEOPT_IF(way < 0, LOAD_ATTR);
        }
        /* The __dict__ setter admits only dicts (and subclasses, which the dict calls
         * below treat as plain dicts, as generic getattr does). */
        PyObject *dict = instance_dict(owner);
        KR_DEOPT_IF(dict == NULL, LOAD_ATTR);
        unsigned int ix = _KrCache_WayIx(next_instr, way);
        PyObject *res;
        if (ix != KR_NO_SHARED_IX &&
            (res = _KrDict_SplitValueAt(dict, ((PyHeapTypeObject *)tp)->ht_cached_keys,
                                        (Py_ssize_t)ix)) != NULL)
            goto instance_value_hit;
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        res = _PyDict_GetItem_KnownHash(dict, name, ((PyASCIIObject *)name)->hash);
        if (res == NULL) {
            if (PyErr_Occurred())
                goto error;
            KR_DEOPT_IF(1, LOAD_ATTR);
        }
        if (ix == KR_NO_SHARED_IX && _KrDict_IsSplit(dict)) {
            /* The name may have joined the class's shared keys since specialisation. */
            Py_ssize_t nix = _KrSpecialize_SharedIndex(tp, name);
            if (nix >= 0)
                _KrCache_SetWayIx(next_instr, way, (unsigned int)nix);
        }
    instance_value_hit:
        next_instr += 9;
        Py_INCREF(res);
        Py_DECREF(owner);
        SET_TOP(res);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_WITH_DICT)
    TARGET(LOAD_ATTR_CLASS_VALUE)
    {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        KR_DEOPT_IF(tp->tp_version_tag != _KrCache_Read32(next_instr + 1), LOAD_ATTR);
        PyObject *dict = instance_dict(owner);
        if (dict != NULL) {
            KR_DEOPT_IF(!PyDict_Check(dict), LOAD_ATTR);
            PyDictObject *mp = (PyDictObject *)dict;
            /* A split dict on the class's keys cannot shadow the name while the keys
             * have not grown since the name was seen to be absent from them. */
            if (mp->ma_used != 0 &&
                !(mp->ma_values != NULL && (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
                  mp->ma_keys == ((PyHeapTypeObject *)tp)->ht_cached_keys &&
                  mp->ma_keys->dk_nentries == (Py_ssize_t)next_instr[7])) {
                PyObject *name = GETITEM(NAMES(), oparg >> 1);
                PyObject *shadow =
                    _PyDict_GetItem_KnownHash(dict, name, ((PyASCIIObject *)name)->hash);
                if (shadow == NULL && PyErr_Occurred())
                    goto error;
                KR_DEOPT_IF(shadow != NULL, LOAD_ATTR);
                /* A key's __eq__ may have run and changed the type: the cached pointer
                 * is only valid while the version still matches. */
                KR_DEOPT_IF(Py_TYPE(owner)->tp_version_tag != _KrCache_Read32(next_instr + 1),
                            LOAD_ATTR);
                if (mp->ma_values != NULL && (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
                    mp->ma_keys == ((PyHeapTypeObject *)tp)->ht_cached_keys &&
                    mp->ma_keys->dk_nentries < 0xffff &&
                    _PyDictKeys_StringLookup(mp->ma_keys, name) < 0)
                    next_instr[7] = (uint16_t)mp->ma_keys->dk_nentries;
            }
        }
        PyObject *descr = _KrCache_ReadPtr(next_instr + 3);
        next_instr += 9;
        if (opcode == LOAD_ATTR_METHOD_WITH_DICT) {
            SET_TOP(Py_NewRef(descr));
            PUSH(owner);
        }
        else {
            SET_TOP(Py_NewRef(descr));
            Py_DECREF(owner);
            if (oparg & 1)
                PUSH(NULL);
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_NO_DICT)
    {
        PyObject *owner = TOP();
        KR_DEOPT_IF(Py_TYPE(owner)->tp_version_tag != _KrCache_Read32(next_instr + 1),
                    LOAD_ATTR);
        PyObject *descr = _KrCache_ReadPtr(next_instr + 3);
        next_instr += 9;
        SET_TOP(Py_NewRef(descr));
        PUSH(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_SLOT)
    {
        PyObject *owner = TOP();
        KR_DEOPT_IF(Py_TYPE(owner)->tp_version_tag != _KrCache_Read32(next_instr + 1),
                    LOAD_ATTR);
        PyObject *res = *(PyObject **)((char *)owner + next_instr[7]);
        KR_DEOPT_IF(res == NULL, LOAD_ATTR);
        next_instr += 9;
        Py_INCREF(res);
        Py_DECREF(owner);
        SET_TOP(res);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_MODULE)
    {
        PyObject *owner = TOP();
        KR_DEOPT_IF(!Py_IS_TYPE(owner, &PyModule_Type), LOAD_ATTR);
        PyObject *dict = PyModule_GetDict(owner);
        KR_DEOPT_IF(dict == NULL, LOAD_ATTR);
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        PyObject *res = _PyDict_GetItem_KnownHash(dict, name, ((PyASCIIObject *)name)->hash);
        if (res == NULL) {
            if (PyErr_Occurred())
                goto error;
            KR_DEOPT_IF(1, LOAD_ATTR);
        }
        next_instr += 9;
        Py_INCREF(res);
        Py_DECREF(owner);
        SET_TOP(res);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(STORE_ATTR_INSTANCE_VALUE)
    {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        KR_DEOPT_IF(tp->tp_version_tag != _KrCache_Read32(next_instr + 1), STORE_ATTR);
        PyObject *dict = instance_dict(owner);
        KR_DEOPT_IF(dict == NULL, STORE_ATTR);
        PyObject *v = SECOND();
        unsigned int ix = next_instr[3];
        if (ix != 0xffff) {
            /* Replacing a present value of a split dict on the class's keys touches
             * neither the keys nor the insertion order. */
            PyDictObject *mp = (PyDictObject *)dict;
            PyObject **slot;
            if (mp->ma_values != NULL && mp->ma_keys == ((PyHeapTypeObject *)tp)->ht_cached_keys &&
                *(slot = &mp->ma_values->values[ix]) != NULL) {
                next_instr += 4;
                STACK_SHRINK(2);
                PyObject *old = *slot;
                *slot = v;
                /* As every dict store: an untracked dict starts being tracked once it
                 * may be part of a cycle. */
                if (!_PyObject_GC_IS_TRACKED(dict) && PyObject_IS_GC(v) &&
                    (!PyTuple_CheckExact(v) || _PyObject_GC_IS_TRACKED(v)))
                    PyObject_GC_Track(dict);
                Py_DECREF(old);
                Py_DECREF(owner);
                DISPATCH();
            }
        }
        PyObject *name = GETITEM(NAMES(), oparg);
        next_instr += 4;
        STACK_SHRINK(2);
        Py_INCREF(dict); /* the store may run __del__ of the old value, which may drop it */
        int err = PyDict_SetItem(dict, name, v);
        if (err == 0 && ix == 0xffff && _KrDict_IsSplit(dict)) {
            Py_ssize_t nix = _KrSpecialize_SharedIndex(tp, name);
            if (nix >= 0 && Py_TYPE(owner) == tp)
                next_instr[-1] = (uint16_t)nix;
        }
        Py_DECREF(dict);
        Py_DECREF(v);
        Py_DECREF(owner);
        if (err)
            goto error;
        DISPATCH();
    }

    TARGET(STORE_ATTR_SLOT)
    {
        PyObject *owner = TOP();
        KR_DEOPT_IF(Py_TYPE(owner)->tp_version_tag != _KrCache_Read32(next_instr + 1),
                    STORE_ATTR);
        PyObject **addr = (PyObject **)((char *)owner + next_instr[3]);
        PyObject *v = SECOND();
        next_instr += 4;
        STACK_SHRINK(2);
        PyObject *old = *addr;
        *addr = v;
        Py_XDECREF(old);
        Py_DECREF(owner);
        DISPATCH();
    }

    TARGET(CALL_PY_EXACT_ARGS)
    {
        PyObject *self_or_null = PEEK(oparg + 1);
        PyObject *callable = PEEK(oparg + 2);
        PyObject *fobj = callable;
        int total = oparg;
        if (self_or_null != NULL)
            total++;
        else if (Py_IS_TYPE(callable, &PyMethod_Type)) {
            fobj = PyMethod_GET_FUNCTION(callable);
            total++;
        }
        KR_DEOPT_IF(!PyFunction_Check(fobj), CALL);
        PyFunctionObject *func = (PyFunctionObject *)fobj;
        PyCodeObject *co = (PyCodeObject *)func->func_code;
        KR_DEOPT_IF((co->co_flags & KR_CO_NOT_SIMPLE) || co->co_argcount != total ||
                        co->co_kwonlyargcount != 0,
                    CALL);
        next_instr += 3;
        PyObject **base = stack_pointer - oparg - 2;
        if (fobj != callable) {
            base[1] = Py_NewRef(PyMethod_GET_SELF(callable));
            base[0] = Py_NewRef(fobj);
            Py_DECREF(callable);
        }
        PyObject **args = stack_pointer - total;
        size_t nslots = (size_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(co));
        struct _kr_tstate_eval *ev = &tstate->eval;
        _PyInterpreterFrame *nf;
        stack_pointer = base;
        if (Py_LIKELY(ev->datastack_top != NULL &&
                      (size_t)(ev->datastack_limit - ev->datastack_top) > nslots)) {
            nf = (_PyInterpreterFrame *)ev->datastack_top;
            ev->datastack_top += nslots;
        }
        else {
            nf = _PyThreadState_PushFrame(tstate, nslots);
            if (nf == NULL) {
                for (int i = 0; i < total; i++)
                    Py_DECREF(args[i]);
                Py_DECREF(fobj);
                goto error;
            }
        }
        /* The frame takes over the stack's references to the function and arguments. */
        nf->f_code = (PyCodeObject *)Py_NewRef((PyObject *)co);
        nf->previous = frame;
        nf->f_funcobj = fobj;
        nf->f_globals = func->func_globals;
        nf->f_builtins = func->func_builtins;
        nf->f_locals = NULL;
        nf->frame_obj = NULL;
        nf->instr_ptr = _PyCode_CODE(co);
        nf->stacktop = co->co_nlocalsplus;
        nf->return_offset = 0;
        nf->owner = FRAME_OWNED_BY_THREAD;
        nf->is_entry = 0;
        nf->is_init = 0;
        for (int i = 0; i < total; i++)
            nf->localsplus[i] = args[i];
        for (int i = total; i < co->co_nlocalsplus; i++)
            nf->localsplus[i] = NULL;
        SAVE_STATE();
        frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
        frame = nf;
        tstate->current_frame = frame;
        goto start_frame;
    }

    /* C functions called with the stack as their argument vector. Guards check the
     * calling convention only (any function of that convention will do); profiling
     * needs the generic path's c_call events. */
#define KR_CALL_C_FLAGS (METH_VARARGS | METH_KEYWORDS | METH_NOARGS | METH_O | METH_FASTCALL | \
                         METH_METHOD | METH_STATIC | METH_CLASS)
#define KR_CALL_C_FINISH(total)                                                  \
    do {                                                                         \
        PyObject **args_ = stack_pointer - (total);                              \
        for (int i_ = 0; i_ < (total); i_++)                                     \
            Py_DECREF(args_[i_]);                                                \
        Py_DECREF(callable);                                                     \
        stack_pointer = base;                                                    \
        KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);  \
        if (res == NULL)                                                         \
            goto error;                                                          \
        PUSH(res);                                                               \
        CHECK_EVAL_BREAKER();                                                    \
        DISPATCH();                                                              \
    } while (0)

    TARGET(CALL_BUILTIN_O)
    {
        PyObject *callable = PEEK(oparg + 2);
        KR_DEOPT_IF(KR_TRACING() || !Py_IS_TYPE(callable, &PyCFunction_Type) || oparg != 1 ||
                        PEEK(oparg + 1) != NULL ||
                        (((PyCFunctionObject *)callable)->m_ml->ml_flags & KR_CALL_C_FLAGS) !=
                            METH_O,
                    CALL);
        next_instr += 3;
        PyObject **base = stack_pointer - 3;
        PyObject *res = NULL;
        SAVE_STATE();
        if (c_enter(tstate) == 0) {
            res = ((PyCFunctionObject *)callable)->m_ml->ml_meth(
                ((PyCFunctionObject *)callable)->m_self, TOP());
            c_leave(tstate);
        }
        KR_CALL_C_FINISH(1);
    }

    TARGET(CALL_BUILTIN_FAST)
    TARGET(CALL_BUILTIN_FAST_WITH_KEYWORDS)
    {
        PyObject *callable = PEEK(oparg + 2);
        KR_DEOPT_IF(KR_TRACING() || !Py_IS_TYPE(callable, &PyCFunction_Type) ||
                        PEEK(oparg + 1) != NULL ||
                        (((PyCFunctionObject *)callable)->m_ml->ml_flags & KR_CALL_C_FLAGS) !=
                            (opcode == CALL_BUILTIN_FAST ? METH_FASTCALL
                                                         : METH_FASTCALL | METH_KEYWORDS),
                    CALL);
        next_instr += 3;
        PyObject **base = stack_pointer - oparg - 2;
        PyCFunctionObject *f = (PyCFunctionObject *)callable;
        PyObject *res = NULL;
        SAVE_STATE();
        if (c_enter(tstate) == 0) {
            if (opcode == CALL_BUILTIN_FAST)
                res = ((PyCFunctionFast)(void (*)(void))f->m_ml->ml_meth)(
                    f->m_self, stack_pointer - oparg, oparg);
            else
                res = ((PyCFunctionFastWithKeywords)(void (*)(void))f->m_ml->ml_meth)(
                    f->m_self, stack_pointer - oparg, oparg, NULL);
            c_leave(tstate);
        }
        KR_CALL_C_FINISH(oparg);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_NOARGS)
    TARGET(CALL_METHOD_DESCRIPTOR_O)
    TARGET(CALL_METHOD_DESCRIPTOR_FAST)
    TARGET(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
    {
        PyObject *callable = PEEK(oparg + 2);
        PyObject *self = PEEK(oparg + 1);
        KR_DEOPT_IF(KR_TRACING() || !Py_IS_TYPE(callable, &PyMethodDescr_Type) || self == NULL,
                    CALL);
        PyMethodDescrObject *d = (PyMethodDescrObject *)callable;
        int flags = d->d_method->ml_flags & KR_CALL_C_FLAGS;
        int want = opcode == CALL_METHOD_DESCRIPTOR_NOARGS ? METH_NOARGS
                   : opcode == CALL_METHOD_DESCRIPTOR_O    ? METH_O
                   : opcode == CALL_METHOD_DESCRIPTOR_FAST ? METH_FASTCALL
                                                           : METH_FASTCALL | METH_KEYWORDS;
        /* An exact instance of the defining type: no descriptor check to repeat. */
        KR_DEOPT_IF(flags != want || !Py_IS_TYPE(self, d->d_common.d_type) ||
                        (want == METH_NOARGS && oparg != 0) || (want == METH_O && oparg != 1),
                    CALL);
        next_instr += 3;
        PyObject **base = stack_pointer - oparg - 2;
        PyCFunction meth = d->d_method->ml_meth;
        PyObject *res = NULL;
        SAVE_STATE();
        if (c_enter(tstate) == 0) {
            switch (want) {
            case METH_NOARGS:
                res = meth(self, NULL);
                break;
            case METH_O:
                res = meth(self, TOP());
                break;
            case METH_FASTCALL:
                res = ((PyCFunctionFast)(void (*)(void))meth)(self, stack_pointer - oparg,
                                                                oparg);
                break;
            default:
                res = ((PyCFunctionFastWithKeywords)(void (*)(void))meth)(
                    self, stack_pointer - oparg, oparg, NULL);
                break;
            }
            c_leave(tstate);
        }
        KR_CALL_C_FINISH(oparg + 1);
    }

    TARGET(CALL_TYPE_1)
    {
        PyObject *callable = PEEK(3);
        KR_DEOPT_IF(KR_TRACING() || callable != (PyObject *)&PyType_Type || oparg != 1 ||
                        PEEK(2) != NULL,
                    CALL);
        next_instr += 3;
        PyObject *arg = POP();
        PyObject *res = Py_NewRef((PyObject *)Py_TYPE(arg));
        Py_DECREF(arg);
        STACK_SHRINK(1); /* the NULL */
        Py_DECREF(callable);
        SET_TOP(res);
        DISPATCH();
    }
#undef KR_CALL_C_FINISH
#undef KR_CALL_C_FLAGS

    /* Calling a class whose instances come from object.__new__ and whose __init__ is a
     * simple Python function: allocate, leave the instance on this frame's stack and
     * run __init__ as a frame of this loop; its return checks for None and keeps the
     * instance (see return_common). */
    TARGET(CALL_ALLOC_AND_ENTER_INIT)
    {
        PyObject *callable = PEEK(oparg + 2);
        KR_DEOPT_IF(KR_TRACING() || PEEK(oparg + 1) != NULL || !Py_IS_TYPE(callable, &PyType_Type) ||
                        ((PyTypeObject *)callable)->tp_version_tag !=
                            _KrCache_Read32(next_instr + 1),
                    CALL);
        PyTypeObject *tp = (PyTypeObject *)callable;
        PyObject *init = _PyType_Lookup(tp, _Py_ID(__init__));
        KR_DEOPT_IF(init == NULL || !PyFunction_Check(init), CALL);
        PyFunctionObject *func = (PyFunctionObject *)init;
        PyCodeObject *co = (PyCodeObject *)func->func_code;
        KR_DEOPT_IF((co->co_flags & KR_CO_NOT_SIMPLE) || co->co_argcount != oparg + 1 ||
                        co->co_kwonlyargcount != 0,
                    CALL);
        SAVE_STATE();
        PyObject *self = tp->tp_alloc(tp, 0);
        if (self == NULL)
            goto error;
        next_instr += 3;
        PyObject **base = stack_pointer - oparg - 2;
        size_t nslots = (size_t)(KR_FRAME_SPECIALS_SIZE + _KrFrame_NSlots(co));
        _PyInterpreterFrame *nf = _PyThreadState_PushFrame(tstate, nslots);
        if (nf == NULL) {
            Py_DECREF(self);
            goto error;
        }
        _PyFrame_Initialize(nf, func, NULL, co, oparg + 1);
        nf->is_init = 1;
        nf->localsplus[0] = Py_NewRef(self);
        for (int i = 0; i < oparg; i++)
            nf->localsplus[i + 1] = base[2 + i];
        base[0] = self;
        stack_pointer = base + 1;
        Py_DECREF(callable);
        SAVE_STATE();
        frame->return_offset = (uint16_t)(next_instr - frame->instr_ptr);
        nf->previous = frame;
        frame = nf;
        tstate->current_frame = frame;
        goto start_frame;
    }

    /* Replaces the two int operands with the result r (compact values, so r fits). */
#define KR_BINARY_INT_RESULT(r)                                            \
    do {                                                                   \
        PyObject *res_;                                                    \
        if ((r) >= -_PY_NSMALLNEGINTS && (r) < _PY_NSMALLPOSINTS)          \
            res_ = _PyLong_GetSmallInt((int)(r));                          \
        else if ((res_ = PyLong_FromLongLong(r)) == NULL)                  \
            goto error;                                                    \
        next_instr += 1;                                                   \
        STACK_SHRINK(1);                                                   \
        Py_DECREF(rhs);                                                    \
        Py_DECREF(lhs);                                                    \
        SET_TOP(res_);                                                     \
        DISPATCH();                                                        \
    } while (0)

    TARGET(BINARY_OP_ADD_INT)
    TARGET(BINARY_OP_SUBTRACT_INT)
    TARGET(BINARY_OP_MULTIPLY_INT)
    {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        KR_DEOPT_IF(!PyLong_CheckExact(lhs) || !PyLong_CheckExact(rhs), BINARY_OP);
        if (!_PyLong_IsCompact((PyLongObject *)lhs) || !_PyLong_IsCompact((PyLongObject *)rhs))
            goto generic_BINARY_OP; /* big ints: same types, just not the short cut */
        /* Compact values have at most 30 bits: no overflow in 64-bit arithmetic. */
        int64_t a = _PyLong_CompactValue((PyLongObject *)lhs);
        int64_t b = _PyLong_CompactValue((PyLongObject *)rhs);
        int64_t r = opcode == BINARY_OP_ADD_INT ? a + b
                    : opcode == BINARY_OP_SUBTRACT_INT ? a - b : a * b;
        KR_BINARY_INT_RESULT(r);
    }

    TARGET(BINARY_OP_INT_OTHER)
    {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        KR_DEOPT_IF(!PyLong_CheckExact(lhs) || !PyLong_CheckExact(rhs), BINARY_OP);
        if (!_PyLong_IsCompact((PyLongObject *)lhs) || !_PyLong_IsCompact((PyLongObject *)rhs))
            goto generic_BINARY_OP;
        int64_t r;
        if (_KrLong_CompactBinop(_PyLong_CompactValue((PyLongObject *)lhs),
                                 _PyLong_CompactValue((PyLongObject *)rhs),
                                 oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg, &r) < 0)
            goto generic_BINARY_OP; /* it raises the errors: zero division, negative shift */
        KR_BINARY_INT_RESULT(r);
    }
#undef KR_BINARY_INT_RESULT

    TARGET(BINARY_OP_ADD_FLOAT)
    TARGET(BINARY_OP_SUBTRACT_FLOAT)
    TARGET(BINARY_OP_MULTIPLY_FLOAT)
    {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        KR_DEOPT_IF(!PyFloat_CheckExact(lhs) || !PyFloat_CheckExact(rhs), BINARY_OP);
        double a = PyFloat_AS_DOUBLE(lhs), b = PyFloat_AS_DOUBLE(rhs);
        double r = opcode == BINARY_OP_ADD_FLOAT ? a + b
                   : opcode == BINARY_OP_SUBTRACT_FLOAT ? a - b : a * b;
        next_instr += 1;
        STACK_SHRINK(2); /* float_result consumes both operands, even on failure */
        PyObject *res = float_result(lhs, rhs, r);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(BINARY_OP_TRUEDIV_FLOAT)
    {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        double a, b;
        /* Compact ints have at most 30 bits: exact as doubles, so int/int is correctly
         * rounded too. */
        if (PyFloat_CheckExact(lhs))
            a = PyFloat_AS_DOUBLE(lhs);
        else {
            KR_DEOPT_IF(!PyLong_CheckExact(lhs), BINARY_OP);
            if (!_PyLong_IsCompact((PyLongObject *)lhs))
                goto generic_BINARY_OP;
            a = (double)_PyLong_CompactValue((PyLongObject *)lhs);
        }
        if (PyFloat_CheckExact(rhs))
            b = PyFloat_AS_DOUBLE(rhs);
        else {
            KR_DEOPT_IF(!PyLong_CheckExact(rhs), BINARY_OP);
            if (!_PyLong_IsCompact((PyLongObject *)rhs))
                goto generic_BINARY_OP;
            b = (double)_PyLong_CompactValue((PyLongObject *)rhs);
        }
        if (b == 0.0)
            goto generic_BINARY_OP; /* ZeroDivisionError with its message */
        next_instr += 1;
        STACK_SHRINK(2);
        PyObject *res = float_result(lhs, rhs, a / b);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(BINARY_OP_ADD_UNICODE)
    {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        KR_DEOPT_IF(!PyUnicode_CheckExact(lhs) || !PyUnicode_CheckExact(rhs), BINARY_OP);
        _Py_CODEUNIT store = next_instr[1];
        if (_Py_OPCODE(store) == STORE_FAST && GETLOCAL(_Py_OPARG(store)) == lhs) {
            /* s = s + t / s += t: drop the variable's reference first, so that the
             * string may be grown in place when the stack holds the only one left. The
             * variable stays unbound if the append fails, as in CPython. */
            PyObject **target = &GETLOCAL(_Py_OPARG(store));
            *target = NULL;
            Py_DECREF(lhs);
            PyObject *left = lhs;
            int r = _KrUnicode_AppendInPlace(&left, rhs);
            STACK_SHRINK(2);
            Py_DECREF(rhs);
            if (r < 0)
                goto error;
            *target = left;
            next_instr += 2; /* the cache unit and the STORE_FAST */
            DISPATCH();
        }
        PyObject *res = PyUnicode_Concat(lhs, rhs);
        if (res == NULL)
            goto error;
        next_instr += 1;
        STACK_SHRINK(1);
        Py_DECREF(rhs);
        Py_DECREF(lhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(COMPARE_OP_INT)
    {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        KR_DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), COMPARE_OP);
        if (!_PyLong_IsCompact((PyLongObject *)left) || !_PyLong_IsCompact((PyLongObject *)right))
            goto generic_COMPARE_OP;
        Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)left);
        Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)right);
        int r;
        switch (oparg >> 5) {
        case Py_LT: r = a < b; break;
        case Py_LE: r = a <= b; break;
        case Py_EQ: r = a == b; break;
        case Py_NE: r = a != b; break;
        case Py_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        next_instr += 1;
        STACK_SHRINK(1);
        Py_DECREF(right);
        Py_DECREF(left);
        SET_TOP(r ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(COMPARE_OP_FLOAT)
    {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        KR_DEOPT_IF(!PyFloat_CheckExact(left) || !PyFloat_CheckExact(right), COMPARE_OP);
        double a = PyFloat_AS_DOUBLE(left), b = PyFloat_AS_DOUBLE(right);
        int r;
        switch (oparg >> 5) {
        case Py_LT: r = a < b; break;
        case Py_LE: r = a <= b; break;
        case Py_EQ: r = a == b; break;
        case Py_NE: r = a != b; break;
        case Py_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        next_instr += 1;
        STACK_SHRINK(1);
        Py_DECREF(right);
        Py_DECREF(left);
        SET_TOP(r ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(COMPARE_OP_STR)
    {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        KR_DEOPT_IF(!PyUnicode_CheckExact(left) || !PyUnicode_CheckExact(right), COMPARE_OP);
        int r = left == right || _PyUnicode_Equal(left, right);
        if ((oparg >> 5) == Py_NE)
            r = !r;
        next_instr += 1;
        STACK_SHRINK(1);
        Py_DECREF(right);
        Py_DECREF(left);
        SET_TOP(r ? Py_True : Py_False);
        DISPATCH();
    }

#ifndef USE_COMPUTED_GOTOS
    default:
        goto unknown_opcode;
    }
#endif

trace_instruction:
    SAVE_STATE();
    if (_KrTrace_Line(tstate, frame, NULL) < 0)
        goto error;
    KR_SET_TRACING(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
    DISPATCH_GOTO();

unknown_opcode:
    PyErr_Format(PyExc_SystemError, "%U:%d: unknown opcode %d", frame->f_code->co_filename,
                 _PyFrame_GetLineNumber(frame), opcode);
    goto error;

resume_caller_with_error:
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr + frame->return_offset;
    frame->return_offset = 0;
    goto error;

error:
    /* A new exception in this frame: record where it passed. */
    SAVE_STATE();
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    {
        PyFrameObject *fo = _PyFrame_GetFrameObject(frame);
        if (fo != NULL)
            PyTraceBack_Here(fo);
        else
            PyErr_Clear();
    }
    if (Py_UNLIKELY(KR_TRACING()))
        _KrTrace_Exception(tstate, frame);

exception_unwind:
    unwind_instr = frame->instr_ptr;
exception_unwind_from:
    {
        int offset = (int)(unwind_instr - _PyCode_CODE(frame->f_code));
        _PyExceptionTableEntry entry;
        PyObject **stackbase = _PyFrame_Stackbase(frame);
        if (_PyCode_FindHandler(frame->f_code, offset, &entry)) {
            PyObject **new_top = stackbase + entry.depth;
            while (stack_pointer > new_top) {
                PyObject *v = *--stack_pointer;
                Py_XDECREF(v);
            }
            if (entry.lasti) {
                PyObject *lasti = PyLong_FromLong(offset);
                if (lasti == NULL)
                    goto exception_unwind_exit;
                PUSH(lasti);
            }
            PyObject *exc = PyErr_GetRaisedException();
            PUSH(exc);
            next_instr = _PyCode_CODE(frame->f_code) + entry.target;
            DISPATCH();
        }
    exception_unwind_exit:
        while (stack_pointer > stackbase) {
            PyObject *v = *--stack_pointer;
            Py_XDECREF(v);
        }
        SAVE_STATE();
        tstate->py_recursion_remaining++;
        if (Py_UNLIKELY(KR_TRACING()))
            _KrEval_CallTraceProtected(tstate, frame, PyTrace_RETURN, NULL);
    }

exit_unwind_norecursion:
    {
        _PyInterpreterFrame *prev = frame->previous;
        int is_entry = frame->is_entry;
        if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
            PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
            gen_frame_leave(tstate, frame);
            gen->gi_frame_state = FRAME_COMPLETED;
            if (!is_entry)
                Py_CLEAR(gen->gi_exc_state.exc_value);
            frame->previous = NULL;
            _PyFrame_ClearExceptCode(frame);
        }
        else {
            _PyFrame_Clear(frame);
            _PyThreadState_PopFrame(tstate, frame);
        }
        tstate->current_frame = prev;
        if (is_entry) {
            Py_LeaveRecursiveCall();
            return NULL;
        }
        frame = prev;
        goto resume_caller_with_error;
    }
}
