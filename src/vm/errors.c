/* The error indicator: a single normalised exception instance per thread (the 3.12
 * model), the handled-exception stack, implicit __context__ chaining, errno mapping and
 * unraisable-exception reporting. Warnings live in warnings.c; signals in signals.c. */
#include <string.h>
#include "Python.h"

/* ---- raw access --------------------------------------------------------------- */

PyObject *PyErr_GetRaisedException(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    PyObject *exc = ts->current_exception;
    ts->current_exception = NULL;
    return exc;
}

void PyErr_SetRaisedException(PyObject *exc)
{
    PyThreadState *ts = _PyThreadState_GET();
    PyObject *old = ts->current_exception;
    ts->current_exception = exc;
    Py_XDECREF(old);
}

PyObject *PyErr_Occurred(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->current_exception == NULL)
        return NULL;
    return (PyObject *)Py_TYPE(ts->current_exception);
}

void PyErr_Clear(void)
{
    PyErr_SetRaisedException(NULL);
}

/* Instantiate `type` from a "value" the way `raise` and PyErr_SetObject do: None/NULL
 * means no arguments, a tuple is unpacked, anything else is the single argument. */
static PyObject *make_exception(PyObject *type, PyObject *value)
{
    PyObject *exc;
    if (value == NULL || value == Py_None)
        exc = PyObject_CallNoArgs(type);
    else if (PyTuple_Check(value))
        exc = PyObject_Call(type, value, NULL);
    else
        exc = PyObject_CallOneArg(type, value);
    if (exc != NULL && !PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %s",
                     type, Py_TYPE(exc)->tp_name);
        Py_CLEAR(exc);
    }
    return exc;
}

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)
{
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_Clear();
        return;
    }
    PyObject *exc;
    if (value != NULL && PyExceptionInstance_Check(value)) {
        exc = value;
    }
    else {
        exc = PyExceptionClass_Check(type) ? make_exception(type, value) : NULL;
        Py_XDECREF(value);
        if (exc == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_SystemError, "exception %R is not a BaseException subclass",
                             type);
            Py_DECREF(type);
            Py_XDECREF(tb);
            return;
        }
    }
    Py_DECREF(type);
    if (tb != NULL && tb != Py_None && PyException_SetTraceback(exc, tb) < 0)
        PyErr_Clear();
    Py_XDECREF(tb);
    PyErr_SetRaisedException(exc);
}

void PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        *ptype = *pvalue = *ptb = NULL;
        return;
    }
    *ptype = Py_NewRef(Py_TYPE(exc));
    *pvalue = exc;
    *ptb = PyException_GetTraceback(exc);
}

void PyErr_NormalizeException(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *type = *ptype, *value = *pvalue;
    if (type == NULL)
        return;
    if (value != NULL && PyExceptionInstance_Check(value))
        return;
    if (!PyExceptionClass_Check(type))
        return;
    PyObject *exc = make_exception(type, value);
    if (exc == NULL) {
        PyObject *err = PyErr_GetRaisedException();
        Py_DECREF(type);
        Py_XDECREF(value);
        *ptype = Py_NewRef(Py_TYPE(err));
        *pvalue = err;
        return;
    }
    Py_XDECREF(value);
    *pvalue = exc;
}

/* ---- the handled-exception stack ------------------------------------------------ */

_PyErr_StackItem *_PyErr_GetTopmostException(PyThreadState *ts)
{
    _PyErr_StackItem *item = ts->exc_info;
    while ((item->exc_value == NULL || item->exc_value == Py_None) &&
           item->previous_item != NULL)
        item = item->previous_item;
    return item;
}

PyObject *PyErr_GetHandledException(void)
{
    _PyErr_StackItem *item = _PyErr_GetTopmostException(_PyThreadState_GET());
    PyObject *v = item->exc_value;
    if (v == NULL || v == Py_None)
        return NULL;
    return Py_NewRef(v);
}

void PyErr_SetHandledException(PyObject *exc)
{
    PyThreadState *ts = _PyThreadState_GET();
    PyObject *v = (exc == NULL || exc == Py_None) ? NULL : Py_NewRef(exc);
    Py_XSETREF(ts->exc_info->exc_value, v);
}

/* ---- raising ------------------------------------------------------------------- */

void PyErr_SetObject(PyObject *type, PyObject *value)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (type != NULL && !PyExceptionClass_Check(type)) {
        PyErr_Format(PyExc_SystemError,
                     "_PyErr_SetObject: exception %R is not a BaseException subclass", type);
        return;
    }
    if (type == NULL)
        return;
    PyObject *exc;
    if (value != NULL && PyExceptionInstance_Check(value) &&
        PyObject_TypeCheck(value, (PyTypeObject *)type)) {
        exc = Py_NewRef(value);
    }
    else {
        /* Building the instance must not see the exception we are about to replace. */
        PyObject *pending = PyErr_GetRaisedException();
        exc = make_exception(type, value);
        Py_XDECREF(pending);
        if (exc == NULL)
            return;
    }
    PyObject *handled = _PyErr_GetTopmostException(ts)->exc_value;
    if (handled != NULL && handled != Py_None && handled != exc) {
        /* Avoid creating a cycle in the context chain: if `exc` already appears in the
         * chain of the handled exception, cut the chain just before it. Floyd's
         * tortoise/hare guards against pre-existing cycles made by user code. */
        PyObject *o = handled, *slow = handled;
        int step = 0;
        for (;;) {
            PyObject *ctx = ((PyBaseExceptionObject *)o)->context;
            if (ctx == NULL)
                break;
            if (ctx == exc) {
                ((PyBaseExceptionObject *)o)->context = NULL;
                Py_DECREF(ctx);
                break;
            }
            o = ctx;
            if (step)
                slow = ((PyBaseExceptionObject *)slow)->context;
            step = !step;
            if (o == slow)
                break;
        }
        PyException_SetContext(exc, Py_NewRef(handled));
    }
    PyErr_SetRaisedException(exc);
}

void PyErr_SetNone(PyObject *type)
{
    PyErr_SetObject(type, NULL);
}

void PyErr_SetString(PyObject *type, const char *message)
{
    PyObject *s = PyUnicode_FromString(message);
    if (s == NULL)
        return;
    PyErr_SetObject(type, s);
    Py_DECREF(s);
}

PyObject *PyErr_FormatV(PyObject *type, const char *format, va_list vargs)
{
    /* Formatting may call repr() on arbitrary objects: it must not run with an
     * exception pending. */
    PyErr_Clear();
    PyObject *s = PyUnicode_FromFormatV(format, vargs);
    if (s != NULL) {
        PyErr_SetObject(type, s);
        Py_DECREF(s);
    }
    return NULL;
}

PyObject *PyErr_Format(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyErr_FormatV(type, format, va);
    va_end(va);
    return NULL;
}

void _PyErr_SetKeyError(PyObject *key)
{
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL)
        return;
    PyObject *exc = PyObject_Call(PyExc_KeyError, tup, NULL);
    Py_DECREF(tup);
    if (exc == NULL)
        return;
    PyErr_SetObject(PyExc_KeyError, exc);
    Py_DECREF(exc);
}

int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc)
{
    if (given == NULL || exc == NULL)
        return 0;
    if (PyTuple_Check(exc)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(exc); i++)
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(exc, i)))
                return 1;
        return 0;
    }
    if (PyExceptionInstance_Check(given))
        given = (PyObject *)Py_TYPE(given);
    if (PyExceptionClass_Check(given) && PyExceptionClass_Check(exc))
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)exc);
    return given == exc;
}

int PyErr_ExceptionMatches(PyObject *exc)
{
    return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc);
}

int PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

PyObject *PyErr_NoMemory(void)
{
    PyErr_SetNone(PyExc_MemoryError);
    return NULL;
}

#undef PyErr_BadInternalCall
void PyErr_BadInternalCall(void)
{
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

void _PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function", filename,
                 lineno);
}

/* ---- errno ------------------------------------------------------------------------ */

PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *fn, PyObject *fn2)
{
    int err = errno;
    if (err == EINTR && PyErr_CheckSignals() < 0)
        return NULL;
    PyObject *msg = err ? PyUnicode_FromString(strerror(err)) : PyUnicode_FromString("Error");
    if (msg == NULL)
        return NULL;
    PyObject *args;
    if (fn != NULL && fn2 != NULL)
        args = Py_BuildValue("(iOOiO)", err, msg, fn, 0, fn2);
    else if (fn != NULL)
        args = Py_BuildValue("(iOO)", err, msg, fn);
    else
        args = Py_BuildValue("(iO)", err, msg);
    Py_DECREF(msg);
    if (args == NULL)
        return NULL;
    PyObject *v = PyObject_Call(exc, args, NULL);
    Py_DECREF(args);
    if (v != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(v), v);
        Py_DECREF(v);
    }
    return NULL;
}

PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *fn)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, fn, NULL);
}

PyObject *PyErr_SetFromErrno(PyObject *exc)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, NULL, NULL);
}

PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)
{
    int err = errno;
    PyObject *fn = filename ? PyUnicode_DecodeFSDefault(filename) : NULL;
    errno = err;
    PyErr_SetFromErrnoWithFilenameObjects(exc, fn, NULL);
    Py_XDECREF(fn);
    return NULL;
}

/* ---- chaining helpers ------------------------------------------------------------- */

void _PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL)
        return;
    if (PyErr_Occurred()) {
        PyObject *cur = PyErr_GetRaisedException();
        if (cur != exc)
            PyException_SetContext(cur, exc);
        else
            Py_DECREF(exc);
        PyErr_SetRaisedException(cur);
    }
    else {
        PyErr_SetRaisedException(exc);
    }
}

PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *cause = PyErr_GetRaisedException();
    va_list va;
    va_start(va, format);
    PyErr_FormatV(exception, format, va);
    va_end(va);
    if (cause != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (exc != NULL) {
            PyException_SetCause(exc, Py_NewRef(cause));
            PyException_SetContext(exc, Py_NewRef(cause));
            PyErr_SetRaisedException(exc);
        }
        Py_DECREF(cause);
    }
    return NULL;
}

/* ---- creating exception classes ------------------------------------------------- */

PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    return PyErr_NewExceptionWithDoc(name, NULL, base, dict);
}

PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base,
                                    PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyErr_NewException: name must be module.class");
        return NULL;
    }
    PyObject *mydict = NULL, *bases = NULL, *result = NULL, *modname = NULL;
    if (base == NULL)
        base = PyExc_Exception;
    mydict = dict ? PyDict_Copy(dict) : PyDict_New();
    if (mydict == NULL)
        goto done;
    if (doc != NULL) {
        PyObject *d = PyUnicode_FromString(doc);
        if (d == NULL || PyDict_SetItemString(mydict, "__doc__", d) < 0) {
            Py_XDECREF(d);
            goto done;
        }
        Py_DECREF(d);
    }
    int has = PyDict_ContainsString(mydict, "__module__");
    if (has < 0)
        goto done;
    if (!has) {
        modname = PyUnicode_FromStringAndSize(name, dot - name);
        if (modname == NULL || PyDict_SetItemString(mydict, "__module__", modname) < 0)
            goto done;
    }
    bases = PyTuple_Check(base) ? Py_NewRef(base) : PyTuple_Pack(1, base);
    if (bases == NULL)
        goto done;
    result = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", dot + 1, bases, mydict);
done:
    Py_XDECREF(mydict);
    Py_XDECREF(bases);
    Py_XDECREF(modname);
    return result;
}

/* ---- syntax error locations ------------------------------------------------------ */

PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    if (filename == NULL || lineno <= 0 || !PyUnicode_Check(filename))
        return NULL;
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = 0;
    int i = 0;
    while (i < lineno && (len = getline(&line, &cap, fp)) >= 0)
        i++;
    fclose(fp);
    PyObject *res = NULL;
    if (i == lineno && len >= 0) {
        res = PyUnicode_DecodeUTF8(line, len, "replace");
        if (res == NULL)
            PyErr_Clear();
    }
    free(line);
    return res;
}

void PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *v;
    if ((v = PyLong_FromLong(lineno)) == NULL || PyObject_SetAttrString(exc, "lineno", v) < 0)
        PyErr_Clear();
    Py_XDECREF(v);
    if ((v = PyLong_FromLong(col_offset >= 0 ? col_offset + 1 : 0)) == NULL ||
        PyObject_SetAttrString(exc, "offset", v) < 0)
        PyErr_Clear();
    Py_XDECREF(v);
    if (end_lineno >= 0) {
        if ((v = PyLong_FromLong(end_lineno)) == NULL ||
            PyObject_SetAttrString(exc, "end_lineno", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
        if ((v = PyLong_FromLong(end_col_offset >= 0 ? end_col_offset + 1 : 0)) == NULL ||
            PyObject_SetAttrString(exc, "end_offset", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        if (filename != NULL && PyObject_SetAttrString(exc, "filename", filename) < 0)
            PyErr_Clear();
        PyObject *text = PyObject_GetAttrString(exc, "text");
        if (text == NULL)
            PyErr_Clear();
        if (text == NULL || text == Py_None) {
            PyObject *line = PyErr_ProgramTextObject(filename, lineno);
            if (line != NULL) {
                if (PyObject_SetAttrString(exc, "text", line) < 0)
                    PyErr_Clear();
                Py_DECREF(line);
            }
        }
        Py_XDECREF(text);
    }
    PyErr_SetRaisedException(exc);
}

void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset, -1, -1);
}

/* ---- unraisable exceptions ------------------------------------------------------- */

static int write_str(PyObject *file, const char *s)
{
    return PyFile_WriteString(s, file);
}

/* The body of the default sys.unraisablehook: "Exception ignored in: <obj>" followed by
 * the traceback and the exception line, to sys.stderr. */
int _PyErr_WriteUnraisableDefault(PyObject *exc, const char *err_msg, PyObject *obj)
{
    PyObject *file = PySys_GetObject("stderr");
    if (file == NULL || file == Py_None)
        return 0;
    Py_INCREF(file);
    int rc = -1;
    if (obj != NULL && obj != Py_None) {
        if (write_str(file, err_msg ? err_msg : "Exception ignored in") < 0 ||
            write_str(file, ": ") < 0)
            goto done;
        if (PyFile_WriteObject(obj, file, 0) < 0) {
            PyErr_Clear();
            if (write_str(file, "<object repr() failed>") < 0)
                goto done;
        }
        if (write_str(file, "\n") < 0)
            goto done;
    }
    else if (err_msg != NULL) {
        if (write_str(file, err_msg) < 0 || write_str(file, ":\n") < 0)
            goto done;
    }
    if (exc != NULL && exc != Py_None) {
        PyObject *tb = PyException_GetTraceback(exc);
        if (tb != NULL && tb != Py_None) {
            if (PyTraceBack_Print(tb, file) < 0)
                PyErr_Clear();
        }
        Py_XDECREF(tb);
        PyTypeObject *t = Py_TYPE(exc);
        PyObject *mod = PyObject_GetAttrString((PyObject *)t, "__module__");
        PyObject *qual = PyType_GetQualName(t);
        if (mod == NULL || qual == NULL) {
            PyErr_Clear();
            if (write_str(file, "<unknown>") < 0) {
                Py_XDECREF(mod);
                Py_XDECREF(qual);
                goto done;
            }
        }
        else {
            if (PyUnicode_Check(mod) && !_PyUnicode_EqualToASCIIString(mod, "builtins") &&
                !_PyUnicode_EqualToASCIIString(mod, "__main__")) {
                if (PyFile_WriteObject(mod, file, Py_PRINT_RAW) < 0 ||
                    write_str(file, ".") < 0) {
                    Py_DECREF(mod);
                    Py_DECREF(qual);
                    goto done;
                }
            }
            int r = PyFile_WriteObject(qual, file, Py_PRINT_RAW);
            Py_DECREF(mod);
            Py_DECREF(qual);
            if (r < 0)
                goto done;
        }
        PyObject *s = PyObject_Str(exc);
        if (s == NULL) {
            PyErr_Clear();
            if (write_str(file, ": <exception str() failed>") < 0)
                goto done;
        }
        else {
            if (PyUnicode_GET_LENGTH(s) > 0 &&
                (write_str(file, ": ") < 0 || PyFile_WriteObject(s, file, Py_PRINT_RAW) < 0)) {
                Py_DECREF(s);
                goto done;
            }
            Py_DECREF(s);
        }
    }
    if (write_str(file, "\n") < 0)
        goto done;
    PyObject *r = PyObject_CallMethod(file, "flush", NULL);
    if (r == NULL)
        PyErr_Clear();
    Py_XDECREF(r);
    rc = 0;
done:
    Py_DECREF(file);
    return rc;
}

PyObject *_PySys_MakeUnraisableHookArgs(PyObject *exc, PyObject *err_msg, PyObject *obj);

static void write_unraisable(PyObject *exc, PyObject *err_msg, PyObject *obj)
{
    PyThreadState *ts = _PyThreadState_GET();
    PyInterpreterState *interp = ts->interp;
    if (interp->unraisable_nesting > 2)
        return;
    interp->unraisable_nesting++;
    PyObject *hook = PySys_GetObject("unraisablehook");
    PyObject *dflt = PySys_GetObject("__unraisablehook__");
    if (hook != NULL && hook != Py_None && hook != dflt) {
        Py_INCREF(hook);
        PyObject *args = _PySys_MakeUnraisableHookArgs(exc, err_msg, obj);
        PyObject *r = args ? PyObject_CallOneArg(hook, args) : NULL;
        Py_XDECREF(args);
        Py_DECREF(hook);
        if (r != NULL) {
            Py_DECREF(r);
            goto out;
        }
        /* A failing hook is itself reported with the default hook. */
        PyObject *e2 = PyErr_GetRaisedException();
        _PyErr_WriteUnraisableDefault(e2, "Exception ignored in sys.unraisablehook", hook);
        Py_XDECREF(e2);
        PyErr_Clear();
    }
    const char *msg = err_msg ? PyUnicode_AsUTF8(err_msg) : NULL;
    if (_PyErr_WriteUnraisableDefault(exc, msg, obj) < 0)
        PyErr_Clear();
out:
    interp->unraisable_nesting--;
}

void PyErr_WriteUnraisable(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    write_unraisable(exc, NULL, obj);
    Py_DECREF(exc);
    PyErr_Clear();
}

void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *m = NULL;
    if (err_msg != NULL) {
        m = PyUnicode_FromFormat("Exception ignored %s", err_msg);
        if (m == NULL)
            PyErr_Clear();
    }
    write_unraisable(exc, m, obj);
    Py_XDECREF(m);
    Py_DECREF(exc);
    PyErr_Clear();
}

void PyErr_FormatUnraisable(const char *format, ...)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *m = NULL;
    if (format != NULL) {
        va_list va;
        va_start(va, format);
        m = PyUnicode_FromFormatV(format, va);
        va_end(va);
        if (m == NULL)
            PyErr_Clear();
    }
    write_unraisable(exc, m, NULL);
    Py_XDECREF(m);
    Py_DECREF(exc);
    PyErr_Clear();
}
