/* Out-of-line pieces of the evaluation loop: raising, unpacking, imports, pattern
 * matching, context managers, async iteration and the error messages they produce. */
#include "Python.h"
#include "internal/pycore_frame.h"

/* ---- raise ------------------------------------------------------------------------ */

/* Returns 1 when the exception is re-raised unchanged (bare `raise`: no new traceback
 * entry), 0 when a new exception has been set (or an error occurred). */
int _KrEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        _PyErr_StackItem *item = tstate->exc_info;
        while ((item->exc_value == NULL || item->exc_value == Py_None) &&
               item->previous_item != NULL)
            item = item->previous_item;
        PyObject *v = item->exc_value;
        if (v == NULL || v == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        PyErr_SetRaisedException(Py_NewRef(v));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL)
            goto raise_error;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %R",
                         type, Py_TYPE(value));
            goto raise_error;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = PyExceptionInstance_Class(exc);
        Py_INCREF(type);
    }
    else {
        Py_DECREF(exc);
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        Py_XDECREF(cause);
        return 0;
    }
    if (cause != NULL) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL)
                goto raise_error;
            if (!PyExceptionInstance_Check(fixed_cause)) {
                PyErr_Format(PyExc_TypeError,
                             "calling %R should have returned an instance of BaseException, not %R",
                             cause, Py_TYPE(fixed_cause));
                Py_DECREF(fixed_cause);
                goto raise_error;
            }
            Py_DECREF(cause);
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        }
        else if (cause == Py_None) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto raise_error;
        }
        PyException_SetCause(value, fixed_cause);
        cause = NULL;
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;
raise_error:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

/* ---- unpacking -------------------------------------------------------------------- */

/* Unpacks v into the slots below sp (sp[-1] is the first item). argcntafter < 0 means no
 * starred target. Returns 1 on success, 0 with an exception set. */
int _KrEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                           PyObject **sp)
{
    int i = 0, j = 0;
    Py_ssize_t ll = 0;
    PyObject *it = PyObject_GetIter(v);
    PyObject *w, *l;
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v)) {
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1)
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred())
                goto error;
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    l = PySequence_List(it);
    if (l == NULL)
        goto error;
    *--sp = l;
    i++;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (j = argcntafter; j > 0; j--, i++)
        *--sp = Py_NewRef(PyList_GET_ITEM(l, ll - j));
    Py_SET_SIZE(l, ll - argcntafter);
    for (j = 0; j < argcntafter; j++)
        Py_DECREF(((PyListObject *)l)->ob_item[ll - argcntafter + j]);
    Py_DECREF(it);
    return 1;
error:
    for (; i > 0; i--, sp++)
        Py_DECREF(*sp);
    Py_XDECREF(it);
    return 0;
}

/* ---- name errors ------------------------------------------------------------------ */

void _KrEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc, const char *fmt,
                               PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return;
    PyErr_Format(exc, fmt, s);
    if (exc == PyExc_NameError) {
        /* The traceback printer uses .name to offer "Did you mean" hints. */
        PyObject *raised = PyErr_GetRaisedException();
        if (raised != NULL && PyObject_TypeCheck(raised, (PyTypeObject *)PyExc_NameError)) {
            PyNameErrorObject *ne = (PyNameErrorObject *)raised;
            Py_XSETREF(ne->name, Py_NewRef(name));
        }
        PyErr_SetRaisedException(raised);
    }
}

void _KrEval_FormatExcUnbound(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    if (PyErr_Occurred())
        return;
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    unsigned char kind = (unsigned char)PyBytes_AS_STRING(co->co_localspluskinds)[oparg];
    if (kind & CO_FAST_FREE) {
        _KrEval_FormatExcCheckArg(tstate, PyExc_NameError,
                                  "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                                  name);
    }
    else {
        _KrEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError,
                                  "cannot access local variable '%s' where it is not associated with a value",
                                  name);
    }
}

/* ---- imports ---------------------------------------------------------------------- */

PyObject *_KrEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *name, PyObject *fromlist, PyObject *level)
{
    PyObject *import_func;
    if (PyMapping_GetOptionalItem(frame->f_builtins, _Py_ID(__import__), &import_func) < 0)
        return NULL;
    if (import_func == NULL) {
        PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals;
    PyObject *stack[5] = {name, frame->f_globals, locals == NULL ? Py_None : locals, fromlist,
                          level};
    PyObject *res = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

PyObject *_KrEval_ImportFrom(PyThreadState *tstate, PyObject *v, PyObject *name)
{
    PyObject *x;
    int r = PyObject_GetOptionalAttr(v, name, &x);
    if (r != 0)
        return r > 0 ? x : NULL;
    /* A submodule may have been imported but not yet bound as an attribute of its
     * package (circular imports): look in sys.modules. */
    PyObject *pkgname = NULL, *fullmodname = NULL, *pkgpath = NULL;
    if (PyObject_GetOptionalAttr(v, _Py_ID(__name__), &pkgname) < 0)
        return NULL;
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullmodname == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(fullmodname);
        Py_DECREF(fullmodname);
        if (x != NULL) {
            Py_DECREF(pkgname);
            return x;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return NULL;
        }
    }
    PyObject *pkgname_or_unknown = pkgname;
    if (pkgname == NULL || !PyUnicode_Check(pkgname)) {
        Py_XDECREF(pkgname);
        pkgname = NULL;
        pkgname_or_unknown = PyUnicode_FromString("<unknown module name>");
        if (pkgname_or_unknown == NULL)
            return NULL;
    }
    PyObject *errmsg = NULL;
    if (PyObject_GetOptionalAttr(v, _Py_ID(__file__), &pkgpath) < 0) {
        Py_DECREF(pkgname_or_unknown);
        return NULL;
    }
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        Py_CLEAR(pkgpath);
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                      pkgname_or_unknown);
    }
    else {
        /* A module still executing its body is "partially initialized". */
        int initializing = 0;
        PyObject *spec;
        if (PyObject_GetOptionalAttr(v, _Py_ID(__spec__), &spec) > 0) {
            PyObject *flag;
            if (PyObject_GetOptionalAttrString(spec, "_initializing", &flag) > 0) {
                initializing = PyObject_IsTrue(flag) > 0;
                Py_DECREF(flag);
            }
            Py_DECREF(spec);
        }
        PyErr_Clear();
        errmsg = PyUnicode_FromFormat(
            initializing ? "cannot import name %R from partially initialized module %R "
                           "(most likely due to a circular import) (%S)"
                         : "cannot import name %R from %R (%S)",
            name, pkgname_or_unknown, pkgpath);
    }
    if (errmsg != NULL) {
        PyObject *exc = PyObject_CallOneArg(PyExc_ImportError, errmsg);
        if (exc != NULL) {
            PyImportErrorObject *ie = (PyImportErrorObject *)exc;
            Py_XSETREF(ie->name, Py_NewRef(pkgname_or_unknown));
            Py_XSETREF(ie->path, Py_XNewRef(pkgpath));
            Py_XSETREF(ie->name_from, Py_NewRef(name));
            PyErr_SetObject(PyExc_ImportError, exc);
            Py_DECREF(exc);
        }
        Py_DECREF(errmsg);
    }
    Py_XDECREF(pkgpath);
    Py_DECREF(pkgname_or_unknown);
    return NULL;
}

/* ---- pattern matching ------------------------------------------------------------- */

PyObject *_KrEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (!nkeys)
        return PyTuple_New(0);
    PyObject *get = NULL, *seen = NULL, *values = NULL;
    PyObject *dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (dummy == NULL)
        return NULL;
    seen = PySet_New(NULL);
    if (seen == NULL)
        goto fail;
    get = PyObject_GetAttr(map, _Py_ID(get));
    if (get == NULL)
        goto fail;
    values = PyTuple_New(nkeys);
    if (values == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        int dup = PySet_Contains(seen, key);
        if (dup < 0 || PySet_Add(seen, key) < 0)
            goto fail;
        if (dup) {
            PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *args[2] = {key, dummy};
        PyObject *value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) {
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            goto done;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
done:
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(values);
    Py_DECREF(dummy);
    return NULL;
}

static PyObject *match_class_attr(PyThreadState *tstate, PyObject *subject, PyObject *type,
                                  PyObject *name, PyObject *seen)
{
    if (PySet_Contains(seen, name) || PyErr_Occurred()) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    if (PySet_Add(seen, name) < 0)
        return NULL;
    PyObject *attr;
    (void)PyObject_GetOptionalAttr(subject, name, &attr);
    return attr;
}

PyObject *_KrEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type,
                             Py_ssize_t nargs, PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    int inst = PyObject_IsInstance(subject, type);
    if (inst <= 0)
        return NULL;
    PyObject *seen = NULL, *attrs = NULL, *match_args = NULL;
    seen = PySet_New(NULL);
    if (seen == NULL)
        return NULL;
    attrs = PyList_New(0);
    if (attrs == NULL)
        goto fail;
    if (nargs) {
        int match_self = 0;
        if (PyObject_GetOptionalAttr(type, _Py_ID(__match_args__), &match_args) < 0)
            goto fail;
        if (match_args) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        }
        else {
            match_args = PyTuple_New(0);
            if (match_args == NULL)
                goto fail;
            match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            const char *plural = (allowed == 1) ? "" : "s";
            PyErr_Format(PyExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                         ((PyTypeObject *)type)->tp_name, allowed, plural, nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0)
                goto fail;
        }
        else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError,
                                 "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
                if (attr == NULL)
                    goto fail;
                int err = PyList_Append(attrs, attr);
                Py_DECREF(attr);
                if (err < 0)
                    goto fail;
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
        if (attr == NULL)
            goto fail;
        int err = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (err < 0)
            goto fail;
    }
    Py_DECREF(seen);
    PyObject *t = PyList_AsTuple(attrs);
    Py_DECREF(attrs);
    return t;
fail:
    Py_XDECREF(match_args);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    return NULL;
}

/* ---- except / except* -------------------------------------------------------------- */

#define CANNOT_CATCH_MSG "catching classes that do not inherit from BaseException is not allowed"
#define CANNOT_EXCEPT_STAR_EG \
    "catching ExceptionGroup with except* is not allowed. Use except instead."

int _KrEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            PyObject *exc = PyTuple_GET_ITEM(right, i);
            if (!PyExceptionClass_Check(exc)) {
                PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
    }
    else if (!PyExceptionClass_Check(right)) {
        PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

int _KrEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (_KrEval_CheckExceptTypeValid(tstate, right) < 0)
        return -1;
    int is_subclass = 0;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            is_subclass = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i),
                                              PyExc_BaseExceptionGroup);
            if (is_subclass < 0)
                return -1;
            if (is_subclass)
                break;
        }
    }
    else {
        is_subclass = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
        if (is_subclass < 0)
            return -1;
    }
    if (is_subclass) {
        PyErr_SetString(PyExc_TypeError, CANNOT_EXCEPT_STAR_EG);
        return -1;
    }
    return 0;
}

/* except* matching: returns 0 and sets *match and *rest (new references; match None when
 * nothing matched), -1 on error. */
int _PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type, PyObject **match,
                                PyObject **rest)
{
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        /* A naked exception that matches: wrap it in a group. */
        int is_eg = PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup);
        if (is_eg) {
            *match = Py_NewRef(exc_value);
        }
        else {
            PyObject *excs = PyTuple_Pack(1, exc_value);
            if (excs == NULL)
                return -1;
            PyObject *msg = PyUnicode_FromString("");
            PyObject *wrapped = msg ? PyObject_CallFunctionObjArgs(PyExc_BaseExceptionGroup, msg,
                                                                   excs, NULL)
                                    : NULL;
            Py_XDECREF(msg);
            Py_DECREF(excs);
            if (wrapped == NULL)
                return -1;
            PyObject *tb = PyException_GetTraceback(exc_value);
            if (tb != NULL) {
                PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL)
            return -1;
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                         Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc_value);
    return 0;
}

/* ---- call argument errors --------------------------------------------------------- */

int _KrEval_CheckArgsIterable(PyThreadState *tstate, PyObject *func, PyObject *args)
{
    if (Py_TYPE(args)->tp_iter == NULL && !PySequence_Check(args)) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s",
                         funcstr, Py_TYPE(args)->tp_name);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    return 0;
}

int _KrEval_FormatKwargsError(PyThreadState *tstate, PyObject *func, PyObject *kwargs)
{
    if (PyErr_ExceptionMatches(PyExc_AttributeError) ||
        (PyErr_ExceptionMatches(PyExc_TypeError) && !PyDict_Check(kwargs))) {
        PyObject *exc = PyErr_GetRaisedException();
        int has_keys = PyObject_HasAttrWithError(kwargs, _Py_ID(keys));
        if (has_keys == 0) {
            Py_DECREF(exc);
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "%U argument after ** must be a mapping, not %.200s", funcstr,
                             Py_TYPE(kwargs)->tp_name);
                Py_DECREF(funcstr);
            }
            return 0;
        }
        if (has_keys < 0)
            Py_DECREF(exc);
        else
            PyErr_SetRaisedException(exc);
        return 0;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = ((PyBaseExceptionObject *)exc)->args;
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            }
            else {
                PyObject *funcstr = _PyObject_FunctionStr(func);
                if (funcstr != NULL) {
                    PyErr_Format(PyExc_TypeError,
                                 "%U got multiple values for keyword argument '%S'", funcstr,
                                 key);
                    Py_DECREF(funcstr);
                }
            }
            Py_DECREF(exc);
        }
        else {
            PyErr_SetRaisedException(exc);
        }
    }
    return 0;
}

/* ---- with / async with ------------------------------------------------------------ */

PyObject *_KrEval_BeforeWith(PyThreadState *tstate, PyObject *mgr, int async, PyObject **pexit)
{
    PyObject *enter_name = async ? _Py_ID(__aenter__) : _Py_ID(__enter__);
    PyObject *exit_name = async ? _Py_ID(__aexit__) : _Py_ID(__exit__);
    const char *proto = async ? "asynchronous context manager" : "context manager";
    PyObject *enter = _PyObject_LookupSpecial(mgr, enter_name);
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol",
                         Py_TYPE(mgr)->tp_name, proto);
        return NULL;
    }
    PyObject *exit = _PyObject_LookupSpecial(mgr, exit_name);
    if (exit == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object does not support the %s protocol (missed %U method)",
                         Py_TYPE(mgr)->tp_name, proto, exit_name);
        Py_DECREF(enter);
        return NULL;
    }
    PyObject *res = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (res == NULL) {
        Py_DECREF(exit);
        return NULL;
    }
    *pexit = exit;
    return res;
}

/* ---- await / async for ------------------------------------------------------------ */

void _KrEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
        if (oparg == 1)
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aenter__ that does not implement __await__: %.100s",
                         type->tp_name);
        else if (oparg == 2)
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aexit__ that does not implement __await__: %.100s",
                         type->tp_name);
    }
}

void _PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    _KrEval_FormatAwaitableError(tstate, type, oparg);
}

PyObject *_PyEval_GetAwaitable(PyObject *iterable, int oparg)
{
    PyObject *iter = _PyCoro_GetAwaitableIter(iterable);
    if (iter == NULL) {
        if (oparg && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyTypeObject *t = Py_TYPE(iterable);
            if (t->tp_as_async == NULL || t->tp_as_async->am_await == NULL) {
                PyErr_Clear();
                _KrEval_FormatAwaitableError(_PyThreadState_GET(), t, oparg);
            }
        }
        return NULL;
    }
    if (PyCoro_CheckExact(iter)) {
        PyObject *yf = _PyGen_yf(iter);
        if (yf != NULL) {
            Py_DECREF(yf);
            Py_DECREF(iter);
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iter;
}

PyObject *_KrEval_GetAIter(PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an object with __aiter__ method, got %.100s",
                     type->tp_name);
        return NULL;
    }
    PyObject *iter = getter(obj);
    if (iter == NULL)
        return NULL;
    if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                     Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *_KrEval_GetANext(PyObject *aiter)
{
    PyTypeObject *type = Py_TYPE(aiter);
    if (PyAsyncGen_CheckExact(aiter))
        return type->tp_as_async->am_anext(aiter);
    unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_anext : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an iterator with __anext__ method, got %.100s",
                     type->tp_name);
        return NULL;
    }
    PyObject *next_iter = getter(aiter);
    if (next_iter == NULL)
        return NULL;
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next_iter);
    if (awaitable == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an invalid object from __anext__: %.100s",
                     Py_TYPE(next_iter)->tp_name);
        _PyErr_ChainExceptions1(exc);
        Py_DECREF(next_iter);
        return NULL;
    }
    Py_DECREF(next_iter);
    return awaitable;
}
