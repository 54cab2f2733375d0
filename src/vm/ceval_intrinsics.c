/* CALL_INTRINSIC_1 / CALL_INTRINSIC_2: operations too rare for an opcode of their own. */
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_opcode.h"

static PyObject *print_expr(PyThreadState *tstate, PyObject *value)
{
    PyObject *hook = PySys_GetObject("displayhook");
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
        return NULL;
    }
    return PyObject_CallOneArg(hook, value);
}

static PyObject *import_star(PyThreadState *tstate, PyObject *module)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    PyObject *locals = frame ? frame->f_locals : NULL;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
        return NULL;
    }
    if (_PyImport_ImportStar(module, locals) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* PEP 479: StopIteration escaping a generator body becomes RuntimeError. */
static PyObject *stopiteration_error(PyThreadState *tstate, PyObject *exc)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    int flags = frame ? frame->f_code->co_flags : 0;
    const char *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopIteration)) {
        msg = "generator raised StopIteration";
        if (flags & CO_ASYNC_GENERATOR)
            msg = "async generator raised StopIteration";
        else if (flags & CO_COROUTINE)
            msg = "coroutine raised StopIteration";
    }
    else if ((flags & CO_ASYNC_GENERATOR) &&
             PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (msg == NULL)
        return Py_NewRef(exc);
    PyObject *message = PyUnicode_FromString(msg);
    if (message == NULL)
        return NULL;
    PyObject *error = PyObject_CallOneArg(PyExc_RuntimeError, message);
    Py_DECREF(message);
    if (error == NULL)
        return NULL;
    PyException_SetCause(error, Py_NewRef(exc));
    PyException_SetContext(error, Py_NewRef(exc));
    return error;
}

static PyObject *list_to_tuple(PyObject *v)
{
    return PyList_AsTuple(v);
}

PyObject *_KrIntrinsic1(PyThreadState *tstate, int oparg, PyObject *v)
{
    switch (oparg) {
    case INTRINSIC_PRINT: return print_expr(tstate, v);
    case INTRINSIC_IMPORT_STAR: return import_star(tstate, v);
    case INTRINSIC_STOPITERATION_ERROR: return stopiteration_error(tstate, v);
    case INTRINSIC_ASYNC_GEN_WRAP: return _PyAsyncGenValueWrapperNew(tstate, v);
    case INTRINSIC_UNARY_POSITIVE: return PyNumber_Positive(v);
    case INTRINSIC_LIST_TO_TUPLE: return list_to_tuple(v);
    case INTRINSIC_TYPEVAR: return _Py_make_typevar(v, NULL, NULL);
    case INTRINSIC_PARAMSPEC: return _Py_make_paramspec(tstate, v);
    case INTRINSIC_TYPEVARTUPLE: return _Py_make_typevartuple(tstate, v);
    case INTRINSIC_SUBSCRIPT_GENERIC: return _Py_subscript_generic(tstate, v);
    case INTRINSIC_TYPEALIAS: return _Py_make_typealias(tstate, v);
    default:
        PyErr_Format(PyExc_SystemError, "invalid intrinsic function %d", oparg);
        return NULL;
    }
}

static PyObject *set_function_type_params(PyObject *func, PyObject *params)
{
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_SystemError, "type params on a non-function");
        return NULL;
    }
    Py_XSETREF(((PyFunctionObject *)func)->func_typeparams, Py_NewRef(params));
    return Py_NewRef(func);
}

PyObject *_KrIntrinsic2(PyThreadState *tstate, int oparg, PyObject *v1, PyObject *v2)
{
    switch (oparg) {
    case INTRINSIC_PREP_RERAISE_STAR: return _PyExc_PrepReraiseStar(v1, v2);
    case INTRINSIC_TYPEVAR_WITH_BOUND: return _Py_make_typevar(v1, v2, NULL);
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: return _Py_make_typevar(v1, NULL, v2);
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS: return set_function_type_params(v1, v2);
    case INTRINSIC_SET_TYPEPARAM_DEFAULT: return _Py_set_typeparam_default(tstate, v1, v2);
    default:
        PyErr_Format(PyExc_SystemError, "invalid intrinsic function %d", oparg);
        return NULL;
    }
}
