/* Generators, coroutines and async generators. Each owns its frame (embedded at the end
 * of the object); send/throw resume that frame in the eval loop. */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_opcode.h"

static PyObject *gen_close(PyObject *self, PyObject *args);
static PyObject *async_gen_asend_new(PyGenObject *gen, PyObject *sendval);
static PyObject *async_gen_athrow_new(PyGenObject *gen, PyObject *args);

static const char *gen_kind(PyGenObject *gen)
{
    if (PyCoro_CheckExact(gen))
        return "coroutine";
    if (PyAsyncGen_CheckExact(gen))
        return "async generator";
    return "generator";
}

static inline _PyInterpreterFrame *gen_frame(PyGenObject *gen)
{
    return &gen->gi_iframe;
}

/* ---- creation ---------------------------------------------------------------------- */

/* A call to a generator function: the generator is allocated first and the arguments
 * are bound straight into its embedded frame, so no frame is set up on the data stack
 * only to be copied into it. */
PyObject *_KrGen_NewFromCall(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                             PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyTypeObject *type;
    if (co->co_flags & CO_COROUTINE)
        type = &PyCoro_Type;
    else if (co->co_flags & CO_ASYNC_GENERATOR)
        type = &PyAsyncGen_Type;
    else
        type = &PyGen_Type;
    int nslots = _KrFrame_NSlots(co);
    PyGenObject *gen = (PyGenObject *)_PyObject_GC_NewVar(type, nslots);
    if (gen == NULL)
        return NULL;
    gen->gi_nslots = nslots;
    gen->gi_weakreflist = NULL;
    gen->gi_name = Py_NewRef(func->func_name);
    gen->gi_qualname = Py_NewRef(func->func_qualname);
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    gen->gi_frame_state = FRAME_CREATED;
    _PyInterpreterFrame *gf = gen_frame(gen);
    PyObject **lp = gf->localsplus;
    if ((kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) &&
        (Py_ssize_t)argcount == co->co_argcount &&
        !(co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->co_kwonlyargcount == 0) {
        _PyFrame_Initialize(gf, func, locals, co, (int)argcount);
        gf->owner = FRAME_OWNED_BY_GENERATOR;
        for (size_t i = 0; i < argcount; i++)
            lp[i] = Py_NewRef(args[i]);
    }
    else {
        _PyFrame_Initialize(gf, func, locals, co, 0);
        gf->owner = FRAME_OWNED_BY_GENERATOR;
        if (_PyEval_BindArgs(tstate, func, lp, args, (Py_ssize_t)argcount, kwnames) < 0) {
            /* Never started: nothing to finalize, so dealloc only releases. */
            gen->gi_frame_state = FRAME_COMPLETED;
            Py_DECREF(gen);
            return NULL;
        }
    }
    if (type == &PyCoro_Type && tstate->eval.coroutine_origin_tracking_depth > 0) {
        /* sys.set_coroutine_origin_tracking_depth(): record where it was created. */
        PyObject *origin = _KrSys_CoroOrigin(tstate);
        if (origin == NULL) {
            gen->gi_frame_state = FRAME_COMPLETED; /* never started: no warning */
            Py_DECREF(gen);
            return NULL;
        }
        gen->gi_origin_or_finalizer = origin;
    }
    PyObject_GC_Track(gen);
    return (PyObject *)gen;
}

/* ---- memory ------------------------------------------------------------------------ */

static int gen_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyGenObject *gen = (PyGenObject *)self;
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    Py_VISIT(gen->gi_origin_or_finalizer);
    if (gen->gi_frame_state < FRAME_COMPLETED) {
        int r = _PyFrame_Traverse(gen_frame(gen), visit, arg);
        if (r)
            return r;
    }
    else {
        Py_VISIT(gen_frame(gen)->f_code);
    }
    Py_VISIT(gen->gi_exc_state.exc_value);
    return 0;
}

static void gen_clear_frame(PyGenObject *gen)
{
    if (gen->gi_frame_state == FRAME_CLEARED)
        return;
    gen->gi_frame_state = FRAME_CLEARED;
    _PyFrame_ClearExceptCode(gen_frame(gen));
}

void _PyGen_Finalize(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state >= FRAME_COMPLETED)
        return;
    if (PyAsyncGen_CheckExact(self)) {
        PyObject *finalizer = gen->gi_origin_or_finalizer;
        if (finalizer && !gen->gi_closed) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *res = PyObject_CallOneArg(finalizer, self);
            if (res == NULL)
                PyErr_WriteUnraisable(self);
            else
                Py_DECREF(res);
            PyErr_SetRaisedException(exc);
            return;
        }
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyCoro_CheckExact(self) && gen->gi_frame_state == FRAME_CREATED) {
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                             gen->gi_qualname) < 0)
            PyErr_WriteUnraisable(self);
    }
    else {
        PyObject *res = gen_close(self, NULL);
        if (res == NULL) {
            if (PyErr_Occurred())
                PyErr_WriteUnraisable(self);
        }
        else {
            Py_DECREF(res);
        }
    }
    PyErr_SetRaisedException(exc);
}

static void gen_dealloc(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    PyObject_GC_UnTrack(self);
    if (gen->gi_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    /* A finished generator has nothing left to finalize (_PyGen_Finalize returns at once
     * for it, and these types cannot be subclassed to add a __del__): skip the temporary
     * resurrection. */
    if (gen->gi_frame_state < FRAME_COMPLETED) {
        PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self))
            return; /* resurrected */
        PyObject_GC_UnTrack(self);
    }
    if (PyCoro_CheckExact(self))
        Py_CLEAR(gen->gi_origin_or_finalizer);
    if (PyAsyncGen_CheckExact(self))
        Py_CLEAR(gen->gi_origin_or_finalizer);
    gen_clear_frame(gen);
    Py_CLEAR(gen_frame(gen)->f_code);
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    PyObject_GC_Del(self);
}

/* ---- resuming ---------------------------------------------------------------------- */

int _PyGen_ExecutingCheck(PyGenObject *gen)
{
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        const char *msg = "generator already executing";
        if (PyCoro_CheckExact(gen))
            msg = "coroutine already executing";
        else if (PyAsyncGen_CheckExact(gen))
            msg = "async generator already executing";
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

static PySendResult gen_send_ex2(PyGenObject *gen, PyObject *arg, PyObject **presult, int exc,
                                 int closing)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = gen_frame(gen);
    *presult = NULL;
    if (gen->gi_frame_state == FRAME_CREATED && arg && arg != Py_None) {
        PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                     gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (_PyGen_ExecutingCheck(gen) < 0)
        return PYGEN_ERROR;
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        if (PyCoro_CheckExact(gen) && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        else if (arg && !exc) {
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state != FRAME_CREATED) {
        frame->localsplus[frame->stacktop++] = Py_NewRef(arg ? arg : Py_None);
    }
    gen->gi_frame_state = FRAME_EXECUTING;
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    if (exc) {
        /* A thrown exception sees the generator's handled exception as its context. */
        PyObject *handled = gen->gi_exc_state.exc_value;
        if (handled != NULL && handled != Py_None) {
            PyObject *cur = PyErr_GetRaisedException();
            if (cur != NULL && cur != handled && PyException_GetContext(cur) == NULL)
                PyException_SetContext(cur, Py_NewRef(handled));
            else if (cur != NULL) {
                PyObject *ctx = PyException_GetContext(cur);
                Py_XDECREF(ctx);
            }
            PyErr_SetRaisedException(cur);
        }
    }
    PyObject *result = _PyEval_EvalFrame(tstate, frame, exc);
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        /* The frame never ran (C recursion limit): restore the generator. */
        gen->gi_frame_state = FRAME_COMPLETED;
        tstate->exc_info = gen->gi_exc_state.previous_item;
        gen->gi_exc_state.previous_item = NULL;
        gen_clear_frame(gen);
    }
    if (result != NULL) {
        if (gen->gi_frame_state == FRAME_SUSPENDED) {
            *presult = result;
            return PYGEN_NEXT;
        }
        if (result == Py_None && !PyAsyncGen_CheckExact(gen) && !arg)
            Py_CLEAR(result);
    }
    else {
        /* PEP 479 safety net for code compiled without the conversion handler. */
        if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
            (PyAsyncGen_CheckExact(gen) && PyErr_ExceptionMatches(PyExc_StopAsyncIteration))) {
            PyObject *e = PyErr_GetRaisedException();
            const char *msg = "generator raised StopIteration";
            if (PyCoro_CheckExact(gen))
                msg = "coroutine raised StopIteration";
            else if (PyAsyncGen_CheckExact(gen))
                msg = PyErr_GivenExceptionMatches(e, PyExc_StopIteration)
                          ? "async generator raised StopIteration"
                          : "async generator raised StopAsyncIteration";
            PyErr_SetString(PyExc_RuntimeError, msg);
            PyObject *rt = PyErr_GetRaisedException();
            PyException_SetCause(rt, Py_NewRef(e));
            PyException_SetContext(rt, e);
            PyErr_SetRaisedException(rt);
        }
    }
    Py_CLEAR(gen->gi_exc_state.exc_value);
    *presult = result;
    return result ? PYGEN_RETURN : PYGEN_ERROR;
}

PySendResult _PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult)
{
    return gen_send_ex2(gen, arg, presult, 0, 0);
}

static PySendResult gen_am_send(PyObject *self, PyObject *arg, PyObject **result)
{
    return gen_send_ex2((PyGenObject *)self, arg, result, 0, 0);
}

static PyObject *gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (PyAsyncGen_CheckExact(gen))
            PyErr_SetNone(PyExc_StopAsyncIteration);
        else if (result == Py_None)
            PyErr_SetNone(PyExc_StopIteration);
        else
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *gen_send(PyObject *self, PyObject *arg)
{
    return gen_send_ex((PyGenObject *)self, arg, 0, 0);
}

static PyObject *gen_iternext(PyObject *self)
{
    PyObject *result;
    if (gen_send_ex2((PyGenObject *)self, NULL, &result, 0, 0) == PYGEN_RETURN) {
        if (result != Py_None)
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

/* The sub-iterator of a generator suspended in `yield from` / `await`. */
PyObject *_PyGen_yf(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state != FRAME_SUSPENDED)
        return NULL;
    _PyInterpreterFrame *frame = gen_frame(gen);
    _Py_CODEUNIT next = frame->instr_ptr[1];
    if (_Py_OPCODE(next) != RESUME || _Py_OPARG(next) < RESUME_AFTER_YIELD_FROM)
        return NULL;
    if (frame->stacktop <= frame->f_code->co_nlocalsplus)
        return NULL;
    return Py_NewRef(frame->localsplus[frame->stacktop - 1]);
}

static int gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = gen_close(yf, NULL);
        if (retval == NULL)
            return -1;
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttr(yf, _Py_ID(close), &meth) < 0)
            PyErr_WriteUnraisable(yf);
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL)
                return -1;
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *gen_close(PyObject *self, PyObject *args)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state == FRAME_CREATED) {
        gen->gi_frame_state = FRAME_COMPLETED;
        gen_clear_frame(gen);
        Py_RETURN_NONE;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED)
        Py_RETURN_NONE;
    int err = 0;
    PyObject *yf = _PyGen_yf(self);
    if (yf) {
        int8_t state = gen->gi_frame_state;
        gen->gi_frame_state = FRAME_EXECUTING;
        err = gen_close_iter(yf);
        gen->gi_frame_state = state;
        Py_DECREF(yf);
    }
    if (err == 0)
        PyErr_SetNone(PyExc_GeneratorExit);
    PyObject *retval = gen_send_ex(gen, Py_None, 1, 1);
    if (retval) {
        Py_DECREF(retval);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *value = NULL;
        _PyGen_FetchStopIterationValue(&value);
        return value;
    }
    if (PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *gen_throw_inner(PyGenObject *gen, int close_on_genexit, PyObject *typ,
                                 PyObject *val, PyObject *tb)
{
    PyObject *yf = _PyGen_yf((PyObject *)gen);
    if (yf) {
        PyThreadState *tstate = _PyThreadState_GET();
        PyObject *ret;
        int err;
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            err = gen_close_iter(yf);
            gen->gi_frame_state = state;
            Py_DECREF(yf);
            if (err < 0)
                return gen_send_ex(gen, Py_None, 1, 0);
            goto throw_here;
        }
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            /* Link the frames so that the sub-generator sees us as its caller. */
            _PyInterpreterFrame *frame = gen_frame(gen);
            _PyInterpreterFrame *prev = tstate->current_frame;
            frame->previous = prev;
            tstate->current_frame = frame;
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = gen_throw_inner((PyGenObject *)yf, close_on_genexit, typ, val, tb);
            gen->gi_frame_state = state;
            tstate->current_frame = prev;
            frame->previous = NULL;
        }
        else {
            PyObject *meth;
            if (PyObject_GetOptionalAttr(yf, _Py_ID(throw), &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            gen->gi_frame_state = state;
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (!ret) {
            /* The sub-iterator finished or failed: resume our frame with its exception;
             * the SEND loop's handler turns StopIteration into the yield-from value. */
            ret = gen_send_ex(gen, Py_None, 1, 0);
        }
        return ret;
    }

throw_here:
    Py_XINCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (tb == Py_None) {
        Py_CLEAR(tb);
    }
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        goto failed_throw;
    }
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
        if (val == NULL || !PyExceptionInstance_Check(val))
            goto failed_throw;
    }
    else if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed_throw;
        }
        Py_XDECREF(val);
        val = typ;
        typ = Py_NewRef(PyExceptionInstance_Class(typ));
        if (tb == NULL)
            tb = PyException_GetTraceback(val);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     Py_TYPE(typ)->tp_name);
        goto failed_throw;
    }
    if (tb != NULL)
        PyException_SetTraceback(val, tb);
    Py_XDECREF(tb);
    Py_DECREF(typ);
    PyErr_SetRaisedException(val);
    return gen_send_ex(gen, Py_None, 1, 0);

failed_throw:
    Py_XDECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

static PyObject *gen_throw_args(PyGenObject *gen, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        if (nargs > 3)
            PyErr_Format(PyExc_TypeError, "throw expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *typ = args[0], *val = NULL, *tb = NULL;
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead.",
                         1) < 0)
            return NULL;
        val = args[1];
        if (nargs == 3)
            tb = args[2];
    }
    return gen_throw_inner(gen, 1, typ, val, tb);
}

static PyObject *gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw_args((PyGenObject *)self, args, nargs);
}

/* ---- StopIteration values ------------------------------------------------------------- */

int _PyGen_SetStopIterationValue(PyObject *value)
{
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL)
        return -1;
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int _PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = Py_NewRef(((PyStopIterationObject *)exc)->value);
        Py_DECREF(exc);
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL)
        value = Py_NewRef(Py_None);
    *pvalue = value;
    return 0;
}

/* ---- attributes ---------------------------------------------------------------------- */

static PyObject *gen_get_name(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_name);
}

static int gen_set_name(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)self)->gi_name, Py_NewRef(value));
    return 0;
}

static PyObject *gen_get_qualname(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_qualname);
}

static int gen_set_qualname(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)self)->gi_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *gen_getyieldfrom(PyObject *self, void *c)
{
    PyObject *yf = _PyGen_yf(self);
    if (yf == NULL)
        Py_RETURN_NONE;
    return yf;
}

static PyObject *gen_getrunning(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_frame_state == FRAME_EXECUTING ? Py_True
                                                                               : Py_False);
}

static PyObject *gen_getsuspended(PyObject *self, void *c)
{
    int8_t s = ((PyGenObject *)self)->gi_frame_state;
    return Py_NewRef(s == FRAME_SUSPENDED || s == FRAME_SUSPENDED_YIELD_FROM ? Py_True
                                                                               : Py_False);
}

static PyObject *gen_getframe(PyObject *self, void *c)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state >= FRAME_COMPLETED)
        Py_RETURN_NONE;
    PyFrameObject *f = _PyFrame_GetFrameObject(gen_frame(gen));
    return Py_XNewRef((PyObject *)f);
}

static PyObject *gen_getcode(PyObject *self, void *c)
{
    return Py_NewRef((PyObject *)gen_frame((PyGenObject *)self)->f_code);
}

PyObject *_PyGen_GetCode(PyGenObject *gen)
{
    return (PyObject *)gen_frame(gen)->f_code;
}

static PyObject *gen_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<%s object %U at %p>", Py_TYPE(self)->tp_name,
                                ((PyGenObject *)self)->gi_qualname, self);
}

static PyObject *gen_sizeof(PyObject *self, PyObject *unused)
{
    PyGenObject *gen = (PyGenObject *)self;
    Py_ssize_t res = (Py_ssize_t)offsetof(PyGenObject, gi_iframe) +
                     (Py_ssize_t)offsetof(_PyInterpreterFrame, localsplus) +
                     (Py_ssize_t)gen->gi_nslots * (Py_ssize_t)sizeof(PyObject *);
    return PyLong_FromSsize_t(res);
}

static PyGetSetDef gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"gi_yieldfrom", gen_getyieldfrom, NULL, NULL, NULL},
    {"gi_running", gen_getrunning, NULL, NULL, NULL},
    {"gi_frame", gen_getframe, NULL, NULL, NULL},
    {"gi_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"gi_code", gen_getcode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef gen_methods[] = {
    {"send", gen_send, METH_O,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods gen_as_async = {NULL, NULL, NULL, gen_am_send};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

/* ---- coroutines ---------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyGenObject *cw_coroutine;
} PyCoroWrapper;

int _PyGen_IsCoroutineLike(PyObject *o)
{
    if (PyCoro_CheckExact(o))
        return 1;
    if (PyGen_CheckExact(o)) {
        PyCodeObject *co = gen_frame((PyGenObject *)o)->f_code;
        return (co->co_flags & CO_ITERABLE_COROUTINE) != 0;
    }
    return 0;
}

PyObject *_PyCoro_GetAwaitableIter(PyObject *o)
{
    if (_PyGen_IsCoroutineLike(o))
        return Py_NewRef(o);
    PyTypeObject *ot = Py_TYPE(o);
    unaryfunc getter = ot->tp_as_async != NULL ? ot->tp_as_async->am_await : NULL;
    if (getter != NULL) {
        PyObject *res = getter(o);
        if (res != NULL) {
            if (_PyGen_IsCoroutineLike(res)) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            }
            else if (Py_TYPE(res)->tp_iternext == NULL) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

static PyObject *coro_await(PyObject *coro)
{
    PyCoroWrapper *cw = PyObject_GC_New(PyCoroWrapper, &_PyCoroWrapper_Type);
    if (cw == NULL)
        return NULL;
    cw->cw_coroutine = (PyGenObject *)Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static PyObject *coro_get_cr_await(PyObject *self, void *c)
{
    PyObject *yf = _PyGen_yf(self);
    if (yf == NULL)
        Py_RETURN_NONE;
    return yf;
}

static PyObject *coro_get_origin(PyObject *self, void *c)
{
    PyObject *o = ((PyGenObject *)self)->gi_origin_or_finalizer;
    return Py_NewRef(o ? o : Py_None);
}

static PyGetSetDef coro_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"cr_await", coro_get_cr_await, NULL, NULL, NULL},
    {"cr_running", gen_getrunning, NULL, NULL, NULL},
    {"cr_frame", gen_getframe, NULL, NULL, NULL},
    {"cr_code", gen_getcode, NULL, NULL, NULL},
    {"cr_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef coro_methods[] = {
    {"send", gen_send, METH_O,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods coro_as_async = {coro_await, NULL, NULL, gen_am_send};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

static void coro_wrapper_dealloc(PyObject *self)
{
    PyCoroWrapper *cw = (PyCoroWrapper *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(cw->cw_coroutine);
    PyObject_GC_Del(self);
}

static PyObject *coro_wrapper_iternext(PyObject *self)
{
    return gen_iternext((PyObject *)((PyCoroWrapper *)self)->cw_coroutine);
}

static PyObject *coro_wrapper_send(PyObject *self, PyObject *arg)
{
    return gen_send((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, arg);
}

static PyObject *coro_wrapper_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args, nargs);
}

static PyObject *coro_wrapper_close(PyObject *self, PyObject *args)
{
    return gen_close((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args);
}

static int coro_wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCoroWrapper *)self)->cw_coroutine);
    return 0;
}

static PyMethodDef coro_wrapper_methods[] = {
    {"send", coro_wrapper_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(coro_wrapper_throw), METH_FASTCALL, NULL},
    {"close", coro_wrapper_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(PyCoroWrapper),
    .tp_dealloc = coro_wrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A wrapper object implementing __await__ for coroutines.",
    .tp_traverse = coro_wrapper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = coro_wrapper_iternext,
    .tp_methods = coro_wrapper_methods,
};

/* ---- async generators -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} _PyAsyncGenWrappedValue;

#define _PyAsyncGenWrappedValue_CheckExact(o) Py_IS_TYPE(o, &_PyAsyncGenWrappedValue_Type)

enum { AWAITABLE_STATE_INIT, AWAITABLE_STATE_ITER, AWAITABLE_STATE_CLOSED };

typedef struct {
    PyObject_HEAD
    PyGenObject *ags_gen;
    PyObject *ags_sendval;
    int ags_state;
} PyAsyncGenASend;

typedef struct {
    PyObject_HEAD
    PyGenObject *agt_gen;
    PyObject *agt_args; /* NULL for aclose() */
    int agt_state;
} PyAsyncGenAThrow;

static int async_gen_init_hooks(PyGenObject *o)
{
    if (o->gi_hooks_inited)
        return 0;
    o->gi_hooks_inited = 1;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *finalizer = tstate->async_gen_finalizer;
    if (finalizer)
        o->gi_origin_or_finalizer = Py_NewRef(finalizer);
    PyObject *firstiter = tstate->async_gen_firstiter;
    if (firstiter) {
        Py_INCREF(firstiter);
        PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)o);
        Py_DECREF(firstiter);
        if (res == NULL)
            return 1;
        Py_DECREF(res);
    }
    return 0;
}

static PyObject *async_gen_anext(PyObject *self)
{
    PyGenObject *o = (PyGenObject *)self;
    if (async_gen_init_hooks(o))
        return NULL;
    return async_gen_asend_new(o, NULL);
}

static PyObject *async_gen_asend(PyObject *self, PyObject *arg)
{
    PyGenObject *o = (PyGenObject *)self;
    if (async_gen_init_hooks(o))
        return NULL;
    return async_gen_asend_new(o, arg);
}

static PyObject *async_gen_aclose(PyObject *self, PyObject *unused)
{
    PyGenObject *o = (PyGenObject *)self;
    if (async_gen_init_hooks(o))
        return NULL;
    return async_gen_athrow_new(o, NULL);
}

static PyObject *async_gen_athrow(PyObject *self, PyObject *args)
{
    PyGenObject *o = (PyGenObject *)self;
    if (PyTuple_GET_SIZE(args) > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of athrow() is deprecated, use the single-arg signature instead.",
                         1) < 0)
            return NULL;
    }
    if (async_gen_init_hooks(o))
        return NULL;
    return async_gen_athrow_new(o, args);
}

static PyObject *async_gen_unwrap_value(PyGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetNone(PyExc_StopAsyncIteration);
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit))
            gen->gi_closed = 1;
        gen->gi_running_async = 0;
        return NULL;
    }
    if (_PyAsyncGenWrappedValue_CheckExact(result)) {
        /* async yield */
        _PyGen_SetStopIterationValue(((_PyAsyncGenWrappedValue *)result)->agw_val);
        Py_DECREF(result);
        gen->gi_running_async = 0;
        return NULL;
    }
    return result;
}

static PyObject *async_gen_get_ag_await(PyObject *self, void *c)
{
    return coro_get_cr_await(self, c);
}

static PyObject *async_gen_get_running(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_running_async ? Py_True : Py_False);
}

static PyGetSetDef async_gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"ag_await", async_gen_get_ag_await, NULL, NULL, NULL},
    {"ag_frame", gen_getframe, NULL, NULL, NULL},
    {"ag_code", gen_getcode, NULL, NULL, NULL},
    {"ag_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"ag_running", async_gen_get_running, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef async_gen_methods[] = {
    {"asend", async_gen_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", async_gen_athrow, METH_VARARGS,
     "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"aclose", async_gen_aclose, METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_as_async = {NULL, PyObject_SelfIter, async_gen_anext, NULL};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &async_gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = async_gen_methods,
    .tp_getset = async_gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

/* asend: the awaitable returned by __anext__() and asend(). */

static PyObject *async_gen_asend_new(PyGenObject *gen, PyObject *sendval)
{
    PyAsyncGenASend *o = PyObject_GC_New(PyAsyncGenASend, &_PyAsyncGenASend_Type);
    if (o == NULL)
        return NULL;
    o->ags_gen = (PyGenObject *)Py_NewRef((PyObject *)gen);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void async_gen_asend_dealloc(PyObject *self)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->ags_gen);
    Py_CLEAR(o->ags_sendval);
    PyObject_GC_Del(self);
}

static int async_gen_asend_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    Py_VISIT(o->ags_gen);
    Py_VISIT(o->ags_sendval);
    return 0;
}

static PyObject *async_gen_asend_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            o->ags_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None)
            arg = o->ags_sendval;
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    o->ags_gen->gi_running_async = 1;
    PyObject *result = gen_send((PyObject *)o->ags_gen, arg ? arg : Py_None);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL)
        o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static PyObject *async_gen_asend_iternext(PyObject *self)
{
    return async_gen_asend_send(self, NULL);
}

static PyObject *async_gen_asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            o->ags_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        o->ags_state = AWAITABLE_STATE_ITER;
        o->ags_gen->gi_running_async = 1;
    }
    PyObject *result = gen_throw((PyObject *)o->ags_gen, args, nargs);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) {
        o->ags_gen->gi_running_async = 0;
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *async_gen_asend_close(PyObject *self, PyObject *args)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED)
        Py_RETURN_NONE;
    PyObject *exc = PyExc_GeneratorExit;
    PyObject *r = async_gen_asend_throw(self, &exc, 1);
    if (r) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return r;
}

static void async_gen_asend_finalize(PyObject *self)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                             "coroutine method 'asend' of '%S' was never awaited",
                             o->ags_gen->gi_qualname) < 0)
            PyErr_WriteUnraisable(self);
        PyErr_SetRaisedException(exc);
    }
}

static PyMethodDef async_gen_asend_methods[] = {
    {"send", async_gen_asend_send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(async_gen_asend_throw), METH_FASTCALL, NULL},
    {"close", async_gen_asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_asend_as_async = {PyObject_SelfIter, NULL, NULL, NULL};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(PyAsyncGenASend),
    .tp_dealloc = async_gen_asend_dealloc,
    .tp_as_async = &async_gen_asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = async_gen_asend_iternext,
    .tp_methods = async_gen_asend_methods,
    .tp_finalize = async_gen_asend_finalize,
};

/* The wrapper that marks values yielded by an async generator (vs. awaited ones). */

PyObject *_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val)
{
    _PyAsyncGenWrappedValue *o = PyObject_GC_New(_PyAsyncGenWrappedValue,
                                                 &_PyAsyncGenWrappedValue_Type);
    if (o == NULL)
        return NULL;
    o->agw_val = Py_NewRef(val);
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void async_gen_wrapped_val_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((_PyAsyncGenWrappedValue *)self)->agw_val);
    PyObject_GC_Del(self);
}

static int async_gen_wrapped_val_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyAsyncGenWrappedValue *)self)->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(_PyAsyncGenWrappedValue),
    .tp_dealloc = async_gen_wrapped_val_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_wrapped_val_traverse,
};

/* athrow / aclose awaitables. */

static PyObject *async_gen_athrow_new(PyGenObject *gen, PyObject *args)
{
    PyAsyncGenAThrow *o = PyObject_GC_New(PyAsyncGenAThrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL)
        return NULL;
    o->agt_gen = (PyGenObject *)Py_NewRef((PyObject *)gen);
    o->agt_args = Py_XNewRef(args);
    o->agt_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void async_gen_athrow_dealloc(PyObject *self)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_args);
    PyObject_GC_Del(self);
}

static int async_gen_athrow_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    Py_VISIT(o->agt_gen);
    Py_VISIT(o->agt_args);
    return 0;
}

static PyObject *athrow_check_error(PyAsyncGenAThrow *o)
{
    o->agt_gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        if (o->agt_args == NULL) {
            /* aclose() finished the generator: that is success. */
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return NULL;
}

static PyObject *athrow_yield_close(PyAsyncGenAThrow *o, PyObject *retval)
{
    o->agt_gen->gi_running_async = 0;
    Py_DECREF(retval);
    o->agt_state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;
}

static PyObject *athrow_throw_args(PyAsyncGenAThrow *o)
{
    PyObject *args = o->agt_args;
    return gen_throw_inner(o->agt_gen, 0, PyTuple_GET_ITEM(args, 0),
                           PyTuple_GET_SIZE(args) > 1 ? PyTuple_GET_ITEM(args, 1) : NULL,
                           PyTuple_GET_SIZE(args) > 2 ? PyTuple_GET_ITEM(args, 2) : NULL);
}

static PyObject *async_gen_athrow_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyGenObject *gen = o->agt_gen;
    PyObject *retval;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (gen->gi_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            o->agt_args == NULL
                                ? "aclose(): asynchronous generator is already running"
                                : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->gi_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->agt_state = AWAITABLE_STATE_ITER;
        gen->gi_running_async = 1;
        if (o->agt_args == NULL) {
            gen->gi_closed = 1;
            retval = gen_throw_inner(gen, 0, PyExc_GeneratorExit, NULL, NULL);
            if (retval && _PyAsyncGenWrappedValue_CheckExact(retval))
                return athrow_yield_close(o, retval);
        }
        else {
            retval = athrow_throw_args(o);
            retval = async_gen_unwrap_value(gen, retval);
        }
        if (retval == NULL)
            return athrow_check_error(o);
        return retval;
    }
    retval = gen_send((PyObject *)gen, arg ? arg : Py_None);
    if (o->agt_args) {
        retval = async_gen_unwrap_value(gen, retval);
        if (retval == NULL)
            return athrow_check_error(o);
        return retval;
    }
    if (retval && _PyAsyncGenWrappedValue_CheckExact(retval))
        return athrow_yield_close(o, retval);
    if (retval == NULL)
        return athrow_check_error(o);
    return retval;
}

static PyObject *async_gen_athrow_iternext(PyObject *self)
{
    return async_gen_athrow_send(self, Py_None);
}

static PyObject *async_gen_athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        o->agt_state = AWAITABLE_STATE_ITER;
        o->agt_gen->gi_running_async = 1;
    }
    PyObject *retval = gen_throw((PyObject *)o->agt_gen, args, nargs);
    if (o->agt_args) {
        retval = async_gen_unwrap_value(o->agt_gen, retval);
        if (retval == NULL)
            return athrow_check_error(o);
        return retval;
    }
    if (retval && _PyAsyncGenWrappedValue_CheckExact(retval))
        return athrow_yield_close(o, retval);
    if (retval == NULL)
        return athrow_check_error(o);
    return retval;
}

static PyObject *async_gen_athrow_close(PyObject *self, PyObject *args)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_CLOSED)
        Py_RETURN_NONE;
    PyObject *exc = PyExc_GeneratorExit;
    PyObject *r = async_gen_athrow_throw(self, &exc, 1);
    if (r) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return r;
}

static void async_gen_athrow_finalize(PyObject *self)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                             "coroutine method '%s' of '%S' was never awaited",
                             o->agt_args ? "athrow" : "aclose", o->agt_gen->gi_qualname) < 0)
            PyErr_WriteUnraisable(self);
        PyErr_SetRaisedException(exc);
    }
}

static PyMethodDef async_gen_athrow_methods[] = {
    {"send", async_gen_athrow_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(async_gen_athrow_throw), METH_FASTCALL, NULL},
    {"close", async_gen_athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_athrow_as_async = {PyObject_SelfIter, NULL, NULL, NULL};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(PyAsyncGenAThrow),
    .tp_dealloc = async_gen_athrow_dealloc,
    .tp_as_async = &async_gen_athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = async_gen_athrow_iternext,
    .tp_methods = async_gen_athrow_methods,
    .tp_finalize = async_gen_athrow_finalize,
};
