/* The calling protocols: vectorcall everywhere, with tuple/dict (tp_call) as the slow
 * path for types that only have tp_call. */
#include "Python.h"
#include "internal/pycore_frame.h"

#define KR_SMALL_STACK 8

static PyObject *check_function_result(PyThreadState *tstate, PyObject *callable,
                                       PyObject *result)
{
    if (result == NULL) {
        if (tstate->current_exception == NULL)
            PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception",
                         callable);
        return NULL;
    }
    if (tstate->current_exception != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        Py_DECREF(result);
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    return result;
}

vectorcallfunc PyVectorcall_Function(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (!PyType_HasFeature(tp, Py_TPFLAGS_HAVE_VECTORCALL))
        return NULL;
    return *(vectorcallfunc *)((char *)callable + tp->tp_vectorcall_offset);
}

PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
    PyObject *d = _PyDict_NewPresized(nkw);
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (PyDict_SetItem(d, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

PyObject *_PyObject_MakeTpCall(PyObject *callable, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    PyObject *argstuple = _PyTuple_FromArray(args, nargs);
    if (argstuple == NULL)
        return NULL;
    PyObject *kwdict = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kwdict = _PyStack_AsDict(args + nargs, kwnames);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    PyObject *result = NULL;
    if (Py_EnterRecursiveCall(" while calling a Python object") == 0) {
        result = call(callable, argstuple, kwdict);
        Py_LeaveRecursiveCall();
    }
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return check_function_result(tstate, callable, result);
}

PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        return _PyObject_MakeTpCall(callable, args, nargs, kwnames);
    }
    PyObject *res = func(callable, args, nargsf, kwnames);
    return check_function_result(_PyThreadState_GET(), callable, res);
}

/* Turn (args, kwdict) into one vectorcall array plus kwnames. On success *pkwnames is a
 * new tuple (or NULL) and the returned array holds new references to keyword values
 * only; release it with release_stack. */
static PyObject *const *unpack_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                                    PyObject **pkwnames)
{
    Py_ssize_t nkw = PyDict_GET_SIZE(kwargs);
    PyObject **stack = PyMem_Malloc((size_t)(1 + nargs + nkw) * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkw);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++; /* leave a slot in front for PY_VECTORCALL_ARGUMENTS_OFFSET */
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i] = args[i];
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    int bad_key = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value) && i < nkw) {
        bad_key |= !PyUnicode_Check(key);
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i] = Py_NewRef(value);
        i++;
    }
    if (bad_key) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        for (Py_ssize_t j = 0; j < i; j++)
            Py_DECREF(stack[nargs + j]);
        Py_DECREF(kwnames);
        PyMem_Free(stack - 1);
        return NULL;
    }
    *pkwnames = kwnames;
    return stack;
}

static void release_stack(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < nkw; i++)
        Py_DECREF(stack[nargs + i]);
    Py_DECREF(kwnames);
    PyMem_Free((PyObject **)stack - 1);
}

PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        ternaryfunc call = Py_TYPE(callable)->tp_call;
        if (call == NULL) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                         Py_TYPE(callable)->tp_name);
            return NULL;
        }
        PyObject *t = _PyTuple_FromArray(args, nargs);
        if (t == NULL)
            return NULL;
        PyObject *res = NULL;
        if (Py_EnterRecursiveCall(" while calling a Python object") == 0) {
            res = call(callable, t, kwargs != NULL && PyDict_GET_SIZE(kwargs) ? kwargs : NULL);
            Py_LeaveRecursiveCall();
        }
        Py_DECREF(t);
        return check_function_result(_PyThreadState_GET(), callable, res);
    }
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0)
        return check_function_result(_PyThreadState_GET(), callable,
                                     func(callable, args, nargsf, NULL));
    PyObject *kwnames;
    PyObject *const *stack = unpack_dict(args, nargs, kwargs, &kwnames);
    if (stack == NULL)
        return NULL;
    PyObject *res = func(callable, stack, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                         kwnames);
    release_stack(stack, nargs, kwnames);
    return check_function_result(_PyThreadState_GET(), callable, res);
}

PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        PyObject *res = func(callable, _PyTuple_ITEMS(tuple), (size_t)nargs, NULL);
        return check_function_result(_PyThreadState_GET(), callable, res);
    }
    PyObject *kwnames;
    PyObject *const *stack = unpack_dict(_PyTuple_ITEMS(tuple), nargs, kwargs, &kwnames);
    if (stack == NULL)
        return NULL;
    PyObject *res = func(callable, stack, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                         kwnames);
    release_stack(stack, nargs, kwnames);
    return check_function_result(_PyThreadState_GET(), callable, res);
}

PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    if (PyVectorcall_Function(callable) != NULL)
        return PyVectorcall_Call(callable, args, kwargs);
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *res = call(callable, args, kwargs);
    Py_LeaveRecursiveCall();
    return check_function_result(tstate, callable, res);
}

PyObject *PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL)
        return PyObject_Vectorcall(callable, NULL, 0, NULL);
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    return PyObject_Call(callable, args, NULL);
}

PyObject *PyObject_CallNoArgs(PyObject *callable)
{
    return PyObject_Vectorcall(callable, NULL, 0, NULL);
}

PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg)
{
    PyObject *stack[2] = {NULL, arg};
    return PyObject_Vectorcall(callable, stack + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *_PyObject_Call_Prepend(PyObject *callable, PyObject *obj, PyObject *args,
                                 PyObject *kwargs)
{
    Py_ssize_t argcount = PyTuple_GET_SIZE(args);
    PyObject *small[KR_SMALL_STACK];
    PyObject **stack = small;
    if (argcount + 1 > KR_SMALL_STACK) {
        stack = PyMem_Malloc((size_t)(argcount + 1) * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    stack[0] = obj;
    if (argcount)
        memcpy(stack + 1, _PyTuple_ITEMS(args), (size_t)argcount * sizeof(PyObject *));
    PyObject *res = PyObject_VectorcallDict(callable, stack, (size_t)(argcount + 1), kwargs);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

/* ---- format-string and varargs helpers -------------------------------------------- */

static PyObject *call_with_format(PyObject *callable, const char *format, va_list va)
{
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    PyObject *args = Py_VaBuildValue(format, va);
    if (args == NULL)
        return NULL;
    PyObject *res;
    if (PyTuple_Check(args))
        res = PyObject_Call(callable, args, NULL);
    else
        res = PyObject_CallOneArg(callable, args);
    Py_DECREF(args);
    return res;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *res = call_with_format(callable, format, va);
    va_end(va);
    return res;
}

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    if (obj == NULL || name == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL)
        return NULL;
    va_list va;
    va_start(va, format);
    PyObject *res = call_with_format(callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return res;
}

/* Collects a NULL-terminated list of PyObject * into a vectorcall array after `first`
 * leading slots. */
static PyObject *vcall_objargs(PyObject *callable, PyObject *self, va_list vargs)
{
    va_list countva;
    va_copy(countva, vargs);
    Py_ssize_t n = 0;
    while (va_arg(countva, PyObject *) != NULL)
        n++;
    va_end(countva);
    Py_ssize_t off = self != NULL ? 1 : 0;
    PyObject *small[KR_SMALL_STACK];
    PyObject **stack = small;
    if (n + off + 1 > KR_SMALL_STACK) {
        stack = PyMem_Malloc((size_t)(n + off + 1) * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    stack[0] = NULL;
    if (self != NULL)
        stack[1] = self;
    for (Py_ssize_t i = 0; i < n; i++)
        stack[1 + off + i] = va_arg(vargs, PyObject *);
    PyObject *res = PyObject_Vectorcall(callable, stack + 1,
                                        (size_t)(n + off) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                        NULL);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    if (callable == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    va_list va;
    va_start(va, callable);
    PyObject *res = vcall_objargs(callable, NULL, va);
    va_end(va);
    return res;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    if (obj == NULL || name == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(obj, name, &callable);
    if (callable == NULL)
        return NULL;
    va_list va;
    va_start(va, name);
    PyObject *res = vcall_objargs(callable, unbound ? obj : NULL, va);
    va_end(va);
    Py_DECREF(callable);
    return res;
}

PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL)
        return NULL;
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(callable, args, nargsf, kwnames);
    }
    else {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        res = PyObject_Vectorcall(callable, args + 1,
                                  (size_t)(nargs - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                  kwnames);
    }
    Py_DECREF(callable);
    return res;
}

PyObject *PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    PyObject *args[1] = {self};
    return PyObject_VectorcallMethod(name, args, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* ---- function names for error messages ------------------------------------------- */

const char *PyEval_GetFuncName(PyObject *func)
{
    if (PyMethod_Check(func))
        return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    if (PyFunction_Check(func))
        return PyUnicode_AsUTF8(((PyFunctionObject *)func)->func_name);
    if (PyCFunction_Check(func))
        return ((PyCFunctionObject *)func)->m_ml->ml_name;
    return Py_TYPE(func)->tp_name;
}

const char *PyEval_GetFuncDesc(PyObject *func)
{
    if (PyMethod_Check(func) || PyFunction_Check(func) || PyCFunction_Check(func))
        return "()";
    return " object";
}
