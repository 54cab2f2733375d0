/* sys.settrace / sys.setprofile support: C-level hooks in the thread state, the
 * trampolines that turn them into calls of Python functions, and the events the eval
 * loop reports (call, line, return, exception). */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_opcode.h"

static const char *const event_names[] = {"call", "exception", "line", "return",
                                          "c_call", "c_exception", "c_return", "opcode"};

static int call_hook(PyThreadState *tstate, Py_tracefunc func, PyObject *obj,
                     _PyInterpreterFrame *frame, int what, PyObject *arg)
{
    if (tstate->tracing)
        return 0;
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL)
        return -1;
    tstate->tracing++;
    tstate->what_event = what;
    int r = func(obj, f, what, arg);
    tstate->tracing--;
    return r;
}

/* Reports an event to the profile and trace functions. Returns -1 if one of them
 * raised (the exception is then set). */
int _KrEval_CallTraceProtected(PyThreadState *tstate, _PyInterpreterFrame *frame, int what,
                               PyObject *arg)
{
    if (tstate->tracing)
        return 0;
    PyObject *exc = NULL;
    if (what == PyTrace_RETURN && arg == NULL)
        exc = PyErr_GetRaisedException();
    int r = 0;
    if (tstate->c_profilefunc != NULL && (what == PyTrace_CALL || what == PyTrace_RETURN))
        r = call_hook(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame, what,
                      arg ? arg : Py_None);
    if (r == 0 && tstate->c_tracefunc != NULL)
        r = call_hook(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame, what,
                      arg ? arg : Py_None);
    if (exc != NULL) {
        if (r == 0)
            PyErr_SetRaisedException(exc);
        else
            Py_DECREF(exc);
    }
    return r;
}

int _KrTrace_Call(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    return _KrEval_CallTraceProtected(tstate, frame, PyTrace_CALL, Py_None);
}

int _KrTrace_Return(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *retval)
{
    return _KrEval_CallTraceProtected(tstate, frame, PyTrace_RETURN, retval);
}

int _KrTrace_Line(PyThreadState *tstate, _PyInterpreterFrame *frame, int *unused)
{
    if (tstate->c_tracefunc == NULL || tstate->tracing)
        return 0;
    PyFrameObject *f = frame->frame_obj;
    if (f == NULL || f->f_trace == NULL || !f->f_trace_lines)
        return 0;
    int op = _Py_OPCODE(*frame->instr_ptr);
    if (op == RESUME || op == CACHE || op == MAKE_CELL || op == COPY_FREE_VARS)
        return 0;
    int lasti = _PyInterpreterFrame_LASTI(frame);
    int line = PyCode_Addr2Line(frame->f_code, lasti * (int)sizeof(_Py_CODEUNIT));
    int prev_lasti = f->f_trace_lasti;
    f->f_trace_lasti = lasti;
    if (line < 0)
        return 0;
    int fire = line != f->f_lineno;
    if (!fire && lasti <= prev_lasti && lasti > 0) {
        /* Jumped backwards: fire again if this is the first instruction of its line. */
        int prev_line = PyCode_Addr2Line(frame->f_code, (lasti - 1) * (int)sizeof(_Py_CODEUNIT));
        fire = prev_line != line;
    }
    if (!fire)
        return 0;
    f->f_lineno = line;
    int r = call_hook(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame, PyTrace_LINE,
                      Py_None);
    return r;
}

void _KrTrace_Exception(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->c_tracefunc == NULL || tstate->tracing)
        return;
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    if (arg == NULL) {
        Py_DECREF(exc);
        return;
    }
    int r = call_hook(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame,
                      PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (r == 0)
        PyErr_SetRaisedException(exc);
    else
        Py_DECREF(exc);
}

/* Calls a non-Python callable for the eval loop while a hook is installed. The profile
 * function sees c_call and then c_return or c_exception for built-in functions and for
 * method descriptors, the latter as the bound built-in method (as CPython 3.13 reports
 * them, so cProfile can name `{method 'append' of 'list' objects}`). */
PyObject *_KrTrace_CFunc(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                         size_t nargsf, PyObject *kwnames)
{
    if (tstate->c_profilefunc == NULL || tstate->tracing || tstate->current_frame == NULL)
        return PyObject_Vectorcall(callable, args, nargsf, kwnames);
    PyObject *subject = NULL;
    if (PyCFunction_Check(callable)) {
        subject = Py_NewRef(callable);
    }
    else if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && PyVectorcall_NARGS(nargsf) > 0) {
        subject = Py_TYPE(callable)->tp_descr_get(callable, args[0],
                                                  (PyObject *)Py_TYPE(args[0]));
        if (subject == NULL)
            return NULL;
    }
    if (subject == NULL)
        return PyObject_Vectorcall(callable, args, nargsf, kwnames);
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (call_hook(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame, PyTrace_C_CALL,
                  subject) < 0) {
        Py_DECREF(subject);
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(callable, args, nargsf, kwnames);
    /* the call may have removed or replaced the profile function */
    if (tstate->c_profilefunc != NULL) {
        PyObject *exc = res == NULL ? PyErr_GetRaisedException() : NULL;
        int r = call_hook(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame,
                          res == NULL ? PyTrace_C_EXCEPTION : PyTrace_C_RETURN, subject);
        if (exc != NULL) {
            if (r == 0)
                PyErr_SetRaisedException(exc);
            else
                Py_DECREF(exc);
        }
        if (r < 0)
            Py_CLEAR(res);
    }
    Py_DECREF(subject);
    return res;
}

/* ---- installing hooks -------------------------------------------------------------- */

int _PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)
{
    PyObject *old = tstate->c_traceobj;
    tstate->c_tracefunc = NULL;
    tstate->c_traceobj = NULL;
    Py_XDECREF(old);
    tstate->c_traceobj = Py_XNewRef(arg);
    tstate->c_tracefunc = func;
    return 0;
}

int _PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)
{
    PyObject *old = tstate->c_profileobj;
    tstate->c_profilefunc = NULL;
    tstate->c_profileobj = NULL;
    Py_XDECREF(old);
    tstate->c_profileobj = Py_XNewRef(arg);
    tstate->c_profilefunc = func;
    return 0;
}

void PyEval_SetTrace(Py_tracefunc func, PyObject *arg)
{
    _PyEval_SetTrace(_PyThreadState_GET(), func, arg);
}

void PyEval_SetProfile(Py_tracefunc func, PyObject *arg)
{
    _PyEval_SetProfile(_PyThreadState_GET(), func, arg);
}

/* ---- Python-level trampolines (sys.settrace / sys.setprofile) ------------------------- */

static PyObject *call_trampoline(PyObject *callback, PyFrameObject *frame, int what,
                                 PyObject *arg)
{
    PyObject *name = PyUnicode_FromString(event_names[what]);
    if (name == NULL)
        return NULL;
    PyObject *stack[3] = {(PyObject *)frame, name, arg ? arg : Py_None};
    PyObject *res = PyObject_Vectorcall(callback, stack, 3, NULL);
    Py_DECREF(name);
    return res;
}

static int profile_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *res = call_trampoline(self, frame, what, arg);
    if (res == NULL) {
        _PyEval_SetProfile(_PyThreadState_GET(), NULL, NULL);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int trace_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *callback = what == PyTrace_CALL ? self : frame->f_trace;
    if (callback == NULL)
        return 0;
    Py_INCREF(callback);
    PyObject *res = call_trampoline(callback, frame, what, arg);
    Py_DECREF(callback);
    if (res == NULL) {
        _PyEval_SetTrace(_PyThreadState_GET(), NULL, NULL);
        Py_CLEAR(frame->f_trace);
        return -1;
    }
    if (res != Py_None) {
        Py_XSETREF(frame->f_trace, res);
        if (frame->f_frame != NULL)
            frame->f_lineno = PyFrame_GetLineNumber(frame);
    }
    else {
        Py_DECREF(res);
    }
    return 0;
}

/* sys.settrace(func) / sys.settrace(None) */
int _KrSys_SetTrace(PyObject *callable)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (callable == Py_None || callable == NULL)
        return _PyEval_SetTrace(tstate, NULL, NULL);
    return _PyEval_SetTrace(tstate, trace_trampoline, callable);
}

int _KrSys_SetProfile(PyObject *callable)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (callable == Py_None || callable == NULL)
        return _PyEval_SetProfile(tstate, NULL, NULL);
    return _PyEval_SetProfile(tstate, profile_trampoline, callable);
}

/* sys.gettrace() / sys.getprofile(): new references (None when unset). */
PyObject *_KrSys_GetTrace(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *o = tstate->c_tracefunc == trace_trampoline ? tstate->c_traceobj : NULL;
    return Py_NewRef(o ? o : Py_None);
}

PyObject *_KrSys_GetProfile(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *o = tstate->c_profilefunc == profile_trampoline ? tstate->c_profileobj : NULL;
    return Py_NewRef(o ? o : Py_None);
}
