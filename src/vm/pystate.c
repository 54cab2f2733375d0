/* Runtime, interpreter and thread state lifecycle.
 *
 * The state structs are allocated with the raw allocator because they must exist
 * before obmalloc and the object model are usable, and outlive them at shut-down. */
#include <pthread.h>
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_gil.h"

_PyRuntimeState _PyRuntime;
_Thread_local PyThreadState *_Py_tss_tstate;

PyThreadState *PyThreadState_Get(void)
{
    PyThreadState *ts = _Py_tss_tstate;
    if (ts == NULL)
        Py_FatalError("the function must be called with the GIL held, but the GIL is released");
    return ts;
}

PyThreadState *PyThreadState_Swap(PyThreadState *ts)
{
    PyThreadState *old = _Py_tss_tstate;
    _Py_tss_tstate = ts;
    return old;
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    return PyThreadState_Get()->interp;
}

PyInterpreterState *PyInterpreterState_New(void)
{
    PyInterpreterState *interp = PyMem_RawCalloc(1, sizeof(*interp));
    if (interp == NULL)
        return NULL;
    interp->id = _PyRuntime.next_interp_id++;
    interp->ceval.recursion_limit = Py_DEFAULT_RECURSION_LIMIT;
    interp->int_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;
    interp->switch_interval = 0.005;
    interp->next = _PyRuntime.interpreters_head;
    _PyRuntime.interpreters_head = interp;
    if (_PyRuntime.main_interp == NULL)
        _PyRuntime.main_interp = interp;
    return interp;
}

void PyInterpreterState_Clear(PyInterpreterState *interp)
{
    Py_CLEAR(interp->main_module);
    Py_CLEAR(interp->warn_registry);
    Py_CLEAR(interp->audit_hooks);
    Py_CLEAR(interp->atexit_callbacks);
    Py_CLEAR(interp->codec_search_path);
    Py_CLEAR(interp->codec_search_cache);
    Py_CLEAR(interp->codec_error_registry);
    Py_CLEAR(interp->config.xoptions);
    Py_CLEAR(interp->config.warnoptions);
    Py_CLEAR(interp->config.argv);
    Py_CLEAR(interp->config.orig_argv);
    Py_CLEAR(interp->config.executable);
    Py_CLEAR(interp->imports.modules);
    Py_CLEAR(interp->imports.frozen_loader);
    Py_CLEAR(interp->sysdict);
    Py_CLEAR(interp->sys_module);
    Py_CLEAR(interp->builtins);
    Py_CLEAR(interp->builtins_module);
    Py_CLEAR(interp->dict);
}

void PyInterpreterState_Delete(PyInterpreterState *interp)
{
    PyInterpreterState **pp = &_PyRuntime.interpreters_head;
    while (*pp != NULL && *pp != interp)
        pp = &(*pp)->next;
    if (*pp == interp)
        *pp = interp->next;
    if (_PyRuntime.main_interp == interp)
        _PyRuntime.main_interp = NULL;
    /* Threads unlink their own states when they finish, so the states still listed belong
     * to daemon threads that are alive but will never run Python again (they park when
     * they next reach for the GIL, see ceval_gil.c). Their frames live in these states'
     * data stacks, so the states are left to them rather than freed under their feet. */
    interp->threads_head = NULL;
    PyMem_RawFree(interp);
}

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *ts = PyMem_RawCalloc(1, sizeof(*ts));
    if (ts == NULL)
        return NULL;
    ts->interp = interp;
    ts->exc_info = &ts->exc_state;
    ts->py_recursion_limit = interp->ceval.recursion_limit;
    ts->py_recursion_remaining = interp->ceval.recursion_limit;
    ts->c_recursion_remaining = KR_C_RECURSION_LIMIT;
    ts->thread_id = (unsigned long)pthread_self();
    ts->native_thread_id = ts->thread_id;
    ts->gilstate_counter = 1;
    ts->next = interp->threads_head;
    if (ts->next != NULL)
        ts->next->prev = ts;
    interp->threads_head = ts;
    return ts;
}

void PyThreadState_Clear(PyThreadState *ts)
{
    Py_CLEAR(ts->current_exception);
    Py_CLEAR(ts->exc_state.exc_value);
    Py_CLEAR(ts->dict);
    Py_CLEAR(ts->async_gen_firstiter);
    Py_CLEAR(ts->async_gen_finalizer);
    Py_CLEAR(ts->context);
    Py_CLEAR(ts->c_profileobj);
    Py_CLEAR(ts->c_traceobj);
    ts->c_profilefunc = NULL;
    ts->c_tracefunc = NULL;
    _PyThreadState_ClearDataStack(ts);
}

/* The interpreter's thread list is only changed with the GIL held (or in a fork child,
 * where no other thread exists), so walking it under the GIL is safe. */
void PyThreadState_Delete(PyThreadState *ts)
{
    PyInterpreterState *interp = ts->interp;
    _KrGIL_ForgetThreadState(ts);
    if (ts->prev != NULL)
        ts->prev->next = ts->next;
    else if (interp != NULL && interp->threads_head == ts)
        interp->threads_head = ts->next;
    if (ts->next != NULL)
        ts->next->prev = ts->prev;
    if (_Py_tss_tstate == ts)
        _Py_tss_tstate = NULL;
    /* Code run after PyThreadState_Clear (finalizers during the last collections) may
     * have allocated a new data stack or global cache. */
    _PyThreadState_ClearDataStack(ts);
    PyMem_RawFree(ts);
}

PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *ts = _Py_tss_tstate;
    if (ts == NULL)
        return NULL;
    if (ts->dict == NULL) {
        ts->dict = PyDict_New();
        if (ts->dict == NULL)
            PyErr_Clear();
    }
    return ts->dict;
}

/* The C-level guard is separate from the Python-level depth so deeply nested data
 * (repr of a long linked list, a deeply parenthesised expression) cannot overflow the
 * C stack even when sys.setrecursionlimit() is raised. A little headroom is kept so
 * that the code handling the RecursionError may itself recurse a bit. */
int _Py_EnterRecursiveCall(const char *where)
{
    PyThreadState *ts = _Py_tss_tstate;
    if (ts->c_recursion_remaining-- > 0)
        return 0;
    if (ts->recursion_headroom) {
        if (ts->c_recursion_remaining > -50)
            return 0;
    }
    ts->recursion_headroom++;
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s",
                 where ? where : "");
    ts->recursion_headroom--;
    ts->c_recursion_remaining++;
    return -1;
}

void _Py_LeaveRecursiveCall(void)
{
    _Py_tss_tstate->c_recursion_remaining++;
}
