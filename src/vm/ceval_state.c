/* Eval-loop services outside the loop: the eval breaker and pending calls, recursion
 * limits, frame/globals introspection for builtins and sys, and zero-argument super. */
#include "Python.h"
#include "internal/pycore_frame.h"

/* ---- pending calls and the eval breaker --------------------------------------------- */

static void pending_lock_init(struct _ceval_state *ceval)
{
    if (!ceval->pending_lock_ready) {
        pthread_mutex_init(&ceval->pending_lock, NULL);
        ceval->pending_lock_ready = 1;
    }
}

int Py_AddPendingCall(int (*func)(void *), void *arg)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp == NULL)
        return -1;
    struct _ceval_state *ceval = &interp->ceval;
    pending_lock_init(ceval);
    pthread_mutex_lock(&ceval->pending_lock);
    int next = (ceval->pending_last + 1) % KR_MAX_PENDING_CALLS;
    int res = -1;
    if (next != ceval->pending_first) {
        ceval->pending[ceval->pending_last].func = func;
        ceval->pending[ceval->pending_last].arg = arg;
        ceval->pending_last = next;
        ceval->eval_breaker |= KR_EVAL_CALLS_PENDING;
        res = 0;
    }
    pthread_mutex_unlock(&ceval->pending_lock);
    return res;
}

static int make_pending_calls(PyInterpreterState *interp)
{
    struct _ceval_state *ceval = &interp->ceval;
    if (ceval->pending_busy)
        return 0;
    ceval->pending_busy = 1;
    pending_lock_init(ceval);
    for (;;) {
        pthread_mutex_lock(&ceval->pending_lock);
        if (ceval->pending_first == ceval->pending_last) {
            ceval->eval_breaker &= ~KR_EVAL_CALLS_PENDING;
            pthread_mutex_unlock(&ceval->pending_lock);
            break;
        }
        struct _kr_pending_call call = ceval->pending[ceval->pending_first];
        ceval->pending_first = (ceval->pending_first + 1) % KR_MAX_PENDING_CALLS;
        pthread_mutex_unlock(&ceval->pending_lock);
        if (call.func(call.arg) != 0) {
            ceval->pending_busy = 0;
            ceval->eval_breaker |= KR_EVAL_CALLS_PENDING;
            return -1;
        }
    }
    ceval->pending_busy = 0;
    return 0;
}

int Py_MakePendingCalls(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (PyErr_CheckSignals() < 0)
        return -1;
    return make_pending_calls(tstate->interp);
}

void _KrEval_DropGILRequestHandled(PyThreadState *tstate);

int _Py_HandlePending(PyThreadState *tstate)
{
    struct _ceval_state *ceval = &tstate->interp->ceval;
    int bits = ceval->eval_breaker;
    if (bits & KR_EVAL_SIGNALS_PENDING) {
        ceval->eval_breaker &= ~KR_EVAL_SIGNALS_PENDING;
        if (PyErr_CheckSignals() < 0)
            return -1;
    }
    /* Pending calls (signal handlers among them) run on the main thread only, as in
     * CPython; other threads leave the bit for it. */
    if ((bits & KR_EVAL_CALLS_PENDING) && tstate->thread_id == _PyRuntime.main_thread &&
        tstate->interp == _PyRuntime.main_interp) {
        if (make_pending_calls(tstate->interp) < 0)
            return -1;
    }
    if (bits & KR_EVAL_GIL_DROP_REQUEST)
        _KrEval_DropGILRequestHandled(tstate);
    if (bits & KR_EVAL_ASYNC_EXC)
        ceval->eval_breaker &= ~KR_EVAL_ASYNC_EXC;
    return 0;
}

/* ---- recursion limit ------------------------------------------------------------------ */

int Py_GetRecursionLimit(void)
{
    return _PyInterpreterState_GET()->ceval.recursion_limit;
}

void Py_SetRecursionLimit(int new_limit)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    interp->ceval.recursion_limit = new_limit;
    for (PyThreadState *p = interp->threads_head; p != NULL; p = p->next) {
        int depth = p->py_recursion_limit - p->py_recursion_remaining;
        p->py_recursion_limit = new_limit;
        p->py_recursion_remaining = new_limit - depth;
    }
}

/* The number of Python frames on this thread's stack (for sys.setrecursionlimit). */
int _KrEval_GetRecursionDepth(PyThreadState *tstate)
{
    return tstate->py_recursion_limit - tstate->py_recursion_remaining;
}

/* ---- frames and namespaces --------------------------------------------------------- */

static _PyInterpreterFrame *current_frame(PyThreadState *tstate)
{
    return _PyFrame_GetFirstComplete(tstate->current_frame);
}

PyFrameObject *PyEval_GetFrame(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_frame(tstate);
    if (f == NULL)
        return NULL;
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    if (fo == NULL)
        PyErr_Clear();
    return fo;
}

PyObject *_PyEval_GetFrameObject(int depth)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_frame(tstate);
    while (depth > 0 && f != NULL) {
        f = _PyFrame_GetFirstComplete(f->previous);
        depth--;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    return Py_XNewRef((PyObject *)fo);
}

PyObject *PyEval_GetBuiltins(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_frame(tstate);
    if (f != NULL)
        return f->f_builtins;
    return tstate->interp->builtins;
}

PyObject *PyEval_GetGlobals(void)
{
    _PyInterpreterFrame *f = current_frame(_PyThreadState_GET());
    return f == NULL ? NULL : f->f_globals;
}

/* New reference: the locals of the current frame (a snapshot dict for functions). */
PyObject *PyEval_GetFrameLocals(void)
{
    _PyInterpreterFrame *f = current_frame(_PyThreadState_GET());
    if (f == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    return _PyFrame_GetLocals(f);
}

PyObject *PyEval_GetFrameGlobals(void)
{
    _PyInterpreterFrame *f = current_frame(_PyThreadState_GET());
    return f == NULL ? NULL : Py_XNewRef(f->f_globals);
}

PyObject *PyEval_GetFrameBuiltins(void)
{
    return Py_XNewRef(PyEval_GetBuiltins());
}

/* Borrowed: for functions the snapshot is kept alive by the frame object. */
PyObject *PyEval_GetLocals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_frame(tstate);
    if (f == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (!(f->f_code->co_flags & CO_OPTIMIZED) && f->f_locals != NULL)
        return f->f_locals;
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    if (fo == NULL)
        return NULL;
    PyObject *d = _PyFrame_GetLocals(f);
    if (d == NULL)
        return NULL;
    Py_XSETREF(fo->f_extra_locals, d);
    return d;
}

/* ---- zero-argument super() ----------------------------------------------------------- */

int _PyEval_GetSuperArgs(PyTypeObject **type_p, PyObject **obj_p)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = current_frame(tstate);
    if (frame == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    PyCodeObject *co = frame->f_code;
    if (co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    PyObject *firstarg = frame->localsplus[0];
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    /* If the first argument is also a cell variable, MAKE_CELL has boxed it. */
    if (firstarg != NULL && (kinds[0] & CO_FAST_CELL) && PyCell_Check(firstarg))
        firstarg = PyCell_GET(firstarg);
    if (firstarg == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    PyObject *type = NULL;
    int i = co->co_nlocalsplus - co->co_nfreevars;
    for (; i < co->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (_PyUnicode_Equal(name, _Py_ID(__class__))) {
            PyObject *cell = frame->localsplus[i];
            if (cell == NULL || !PyCell_Check(cell)) {
                PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
                return -1;
            }
            type = PyCell_GET(cell);
            if (type == NULL) {
                PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!PyType_Check(type)) {
                PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                             Py_TYPE(type)->tp_name);
                return -1;
            }
            break;
        }
    }
    if (type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
        return -1;
    }
    *type_p = (PyTypeObject *)type;
    *obj_p = firstarg;
    return 0;
}

/* ---- start-up --------------------------------------------------------------------- */

int _PyEval_InitState(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL)
        return 0;
    PyInterpreterState *interp = tstate->interp;
    if (interp->ceval.recursion_limit <= 0)
        interp->ceval.recursion_limit = Py_DEFAULT_RECURSION_LIMIT;
    if (tstate->py_recursion_limit <= 0) {
        tstate->py_recursion_limit = interp->ceval.recursion_limit;
        tstate->py_recursion_remaining = interp->ceval.recursion_limit;
    }
    pending_lock_init(&interp->ceval);
    return 0;
}

int _PyEval_FiniState(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL)
        _PyThreadState_ClearDataStack(tstate);
    return 0;
}
