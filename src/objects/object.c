/* The generic object API: the singletons None/NotImplemented/Ellipsis, repr/str,
 * comparison, hashing, truth, attribute access with descriptor precedence, dir() and
 * format(). Everything here dispatches through type slots; the slots themselves are
 * filled by typeobject.c and the type files. */
#include "Python.h"
#include "internal/pycore_typelist.h"
#include "internal/pycore_ids.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_freelist.h"

void _Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    dealloc(op);
}

/* ---- free lists ------------------------------------------------------------------------ */

void _PyObject_ClearFreeLists(PyInterpreterState *interp)
{
    if (interp == NULL)
        return;
    /* the float and tuple lists belong to the current thread's interpreter */
    if (_PyThreadState_GET() != NULL && _PyInterpreterState_GET() == interp) {
        _KrTuple_ClearFreeList();
        _PyFloat_ClearFreeList();
    }
    _PyList_ClearFreeList(interp);
    _PyDict_ClearFreeList(interp);
}

static void clear_free_lists_at_exit(void)
{
    /* Runs after the last collection of Py_FinalizeEx, once nothing parks objects any
     * more (interp->finalizing), while the interpreter state still exists. */
    if (_PyThreadState_GET() != NULL)
        _PyObject_ClearFreeLists(_PyInterpreterState_GET());
}

int _KrObject_InitFreeLists(void)
{
    /* a full table of exit functions only costs the parked objects at exit */
    (void)Py_AtExit(clear_free_lists_at_exit);
    return 0;
}

/* ---- start-up: ready every static type in the shared list, in order ---------------- */

#define KR_DECLARE_STATIC_TYPE(t) extern PyTypeObject t;
KR_STATIC_TYPES(KR_DECLARE_STATIC_TYPE)
#undef KR_DECLARE_STATIC_TYPE

int _PyTypes_InitTypes(void)
{
#define KR_READY_STATIC_TYPE(t) \
    if (PyType_Ready(&t) < 0)   \
        return -1;
    KR_STATIC_TYPES(KR_READY_STATIC_TYPE)
#undef KR_READY_STATIC_TYPE
    return 0;
}

/* ---- None ---------------------------------------------------------------------------- */

static PyObject *none_repr(PyObject *op) { return PyUnicode_FromString("None"); }
static int none_bool(PyObject *op) { return 0; }
/* A fixed value keeps hash(None) independent of where None happens to live. */
static Py_hash_t none_hash(PyObject *op) { return (Py_hash_t)0xFCA86420; }

static PyObject *none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyNumberMethods none_as_number = {.nb_bool = none_bool};

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the None singleton.",
    .tp_new = none_new,
};

PyObject _Py_NoneStruct = {_Py_IMMORTAL_REFCNT, &_PyNone_Type};

/* ---- NotImplemented ------------------------------------------------------------------ */

static PyObject *notimpl_repr(PyObject *op) { return PyUnicode_FromString("NotImplemented"); }
static PyObject *notimpl_reduce(PyObject *op, PyObject *unused)
{
    return PyUnicode_FromString("NotImplemented");
}
static int notimpl_bool(PyObject *op)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}
static PyObject *notimpl_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}
static PyMethodDef notimpl_methods[] = {
    {"__reduce__", notimpl_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static PyNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = 0,
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the NotImplemented singleton.",
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
};

PyObject _Py_NotImplementedStruct = {_Py_IMMORTAL_REFCNT, &_PyNotImplemented_Type};

/* ---- Ellipsis ------------------------------------------------------------------------ */

static PyObject *ellipsis_repr(PyObject *op) { return PyUnicode_FromString("Ellipsis"); }
static PyObject *ellipsis_reduce(PyObject *op, PyObject *unused)
{
    return PyUnicode_FromString("Ellipsis");
}
static PyObject *ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "ellipsis takes no arguments");
        return NULL;
    }
    return Py_Ellipsis;
}
static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_repr = ellipsis_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

PyObject _Py_EllipsisObject = {_Py_IMMORTAL_REFCNT, &PyEllipsis_Type};

/* ---- repr / str ---------------------------------------------------------------------- */

PyObject *PyObject_Repr(PyObject *v)
{
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_repr == NULL)
        return PyUnicode_FromFormat("<%s object at %p>", tp->tp_name, (void *)v);
    if (Py_EnterRecursiveCall(" while getting the repr of an object"))
        return NULL;
    PyObject *res = tp->tp_repr(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *PyObject_Str(PyObject *v)
{
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    if (PyUnicode_CheckExact(v))
        return Py_NewRef(v);
    if (Py_TYPE(v)->tp_str == NULL)
        return PyObject_Repr(v);
    if (Py_EnterRecursiveCall(" while getting the str of an object"))
        return NULL;
    PyObject *res = Py_TYPE(v)->tp_str(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL)
        return NULL;
    if (PyUnicode_IS_ASCII(repr))
        return repr;
    PyObject *ascii = PyUnicode_AsEncodedString(repr, "ascii", "backslashreplace");
    Py_DECREF(repr);
    if (ascii == NULL)
        return NULL;
    PyObject *res = PyUnicode_DecodeASCII(PyBytes_AS_STRING(ascii), PyBytes_GET_SIZE(ascii),
                                          NULL);
    Py_DECREF(ascii);
    return res;
}

PyObject *PyObject_Bytes(PyObject *v)
{
    if (v == NULL)
        return PyBytes_FromString("<NULL>");
    if (PyBytes_CheckExact(v))
        return Py_NewRef(v);
    PyObject *func = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (func != NULL) {
        PyObject *res = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (res == NULL)
            return NULL;
        if (!PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyBytes_FromObject(v);
}

/* ---- rich comparison ----------------------------------------------------------------- */

static const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static PyObject *do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse = 0;

    /* A subclass that overrides the comparison gets the first say, so that its
     * reflected method wins over the base class's. */
    if (!Py_IS_TYPE(v, Py_TYPE(w)) && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse = 1;
        res = f(w, v, swapped_op[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if (!checked_reverse && (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    switch (op) {
    case Py_EQ:
        res = (v == w) ? Py_True : Py_False;
        break;
    case Py_NE:
        res = (v != w) ? Py_True : Py_False;
        break;
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
    return Py_NewRef(res);
}

PyObject *PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    if (v == NULL || w == NULL || op < Py_LT || op > Py_GE) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    if (Py_EnterRecursiveCall(" in comparison"))
        return NULL;
    PyObject *res = do_richcompare(v, w, op);
    Py_LeaveRecursiveCall();
    return res;
}

int PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    /* Identity implies equality here, which is what containers rely on (nan in [nan]). */
    if (v == w) {
        if (op == Py_EQ)
            return 1;
        if (op == Py_NE)
            return 0;
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL)
        return -1;
    int ok;
    if (PyBool_Check(res))
        ok = (res == Py_True);
    else
        ok = PyObject_IsTrue(res);
    Py_DECREF(res);
    return ok;
}

/* ---- hashing and truth --------------------------------------------------------------- */

Py_hash_t PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL)
        return tp->tp_hash(v);
    /* A type that was never readied has not inherited tp_hash from object yet. */
    if (tp->tp_dict == NULL) {
        if (PyType_Ready(tp) < 0)
            return -1;
        if (tp->tp_hash != NULL)
            return tp->tp_hash(v);
    }
    return PyObject_HashNotImplemented(v);
}

int PyObject_IsTrue(PyObject *v)
{
    if (v == Py_True)
        return 1;
    if (v == Py_False || v == Py_None)
        return 0;
    PyTypeObject *tp = Py_TYPE(v);
    Py_ssize_t res;
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL)
        res = tp->tp_as_number->nb_bool(v);
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL)
        res = tp->tp_as_mapping->mp_length(v);
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL)
        res = tp->tp_as_sequence->sq_length(v);
    else
        return 1;
    return (res > 0) ? 1 : (int)res;
}

int PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0)
        return res;
    return res == 0;
}

int PyCallable_Check(PyObject *x)
{
    return x != NULL && Py_TYPE(x)->tp_call != NULL;
}

PyObject *PyObject_SelfIter(PyObject *obj) { return Py_NewRef(obj); }

/* ---- attribute access ---------------------------------------------------------------- */

/* Record which object and name an AttributeError was about (used for "Did you mean"
 * suggestions), unless whoever raised it already did. */
static void set_attribute_error_context(PyObject *v, PyObject *name)
{
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return;
    PyObject *exc = PyErr_GetRaisedException();
    if (exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_AttributeError)) {
        PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
        if (ae->name == NULL && ae->obj == NULL) {
            ae->name = Py_NewRef(name);
            ae->obj = Py_NewRef(v);
        }
    }
    PyErr_SetRaisedException(exc);
}

static int check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0)
        return NULL;
    PyObject *res;
    if (tp->tp_getattro != NULL) {
        res = tp->tp_getattro(v, name);
    }
    else if (tp->tp_getattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        if (s == NULL)
            return NULL;
        res = tp->tp_getattr(v, (char *)s);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        res = NULL;
    }
    if (res == NULL)
        set_attribute_error_context(v, name);
    return res;
}

int PyObject_GetOptionalAttr(PyObject *v, PyObject *name, PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == PyObject_GenericGetAttr) {
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
        if (*result != NULL)
            return 1;
        return PyErr_Occurred() ? -1 : 0;
    }
    *result = PyObject_GetAttr(v, name);
    if (*result != NULL)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
    PyErr_Clear();
    return 0;
}

int PyObject_GetOptionalAttrString(PyObject *v, const char *name, PyObject **result)
{
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL) {
        *result = NULL;
        return -1;
    }
    int r = PyObject_GetOptionalAttr(v, s, result);
    Py_DECREF(s);
    return r;
}

PyObject *PyObject_GetAttrString(PyObject *v, const char *name)
{
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL)
        return NULL;
    PyObject *res = PyObject_GetAttr(v, s);
    Py_DECREF(s);
    return res;
}

int PyObject_HasAttrWithError(PyObject *v, PyObject *name)
{
    PyObject *res;
    int r = PyObject_GetOptionalAttr(v, name, &res);
    Py_XDECREF(res);
    return r;
}

int PyObject_HasAttr(PyObject *v, PyObject *name)
{
    int r = PyObject_HasAttrWithError(v, name);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

int PyObject_HasAttrString(PyObject *v, const char *name)
{
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PyObject_HasAttr(v, s);
    Py_DECREF(s);
    return r;
}

int PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0)
        return -1;
    Py_INCREF(name);
    /* Interning keeps the instance dicts' keys shareable and the method cache hot. */
    if (PyUnicode_CheckExact(name))
        PyUnicode_InternInPlace(&name);
    int err;
    if (tp->tp_setattro != NULL) {
        err = tp->tp_setattro(v, name, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_setattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        if (s == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = tp->tp_setattr(v, (char *)s, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_getattro == NULL && tp->tp_getattr == NULL)
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has no attributes (%s .%U)", tp->tp_name,
                     value == NULL ? "del" : "assign to", name);
    else
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has only read-only attributes (%s .%U)", tp->tp_name,
                     value == NULL ? "del" : "assign to", name);
    Py_DECREF(name);
    return -1;
}

int PyObject_DelAttr(PyObject *v, PyObject *name) { return PyObject_SetAttr(v, name, NULL); }

int PyObject_SetAttrString(PyObject *v, const char *name, PyObject *value)
{
    PyObject *s = PyUnicode_InternFromString(name);
    if (s == NULL)
        return -1;
    int r = PyObject_SetAttr(v, s, value);
    Py_DECREF(s);
    return r;
}

int PyObject_DelAttrString(PyObject *v, const char *name)
{
    return PyObject_SetAttrString(v, name, NULL);
}

/* Where the instance __dict__ pointer of `obj` lives, or NULL if it has none. Managed
 * dicts live in the pre-header just before the GC header (see typeobject.c). */
PyObject **_PyObject_GetDictPtr(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return _PyObject_ManagedDictPtr(obj);
    Py_ssize_t off = tp->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        Py_ssize_t n = Py_SIZE(obj);
        if (n < 0)
            n = -n;
        off += (Py_ssize_t)_PyObject_VAR_SIZE(tp, n);
    }
    return (PyObject **)((char *)obj + off);
}

PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                           int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr, *res = NULL;
    descrgetfunc f = NULL;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return NULL;

    descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            /* Data descriptors take precedence over the instance dict. */
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_GetDictPtr(obj);
        if (dictptr != NULL)
            dict = *dictptr;
    }
    if (dict != NULL) {
        Py_INCREF(dict);
        int r = PyDict_GetItemRef(dict, name, &res);
        Py_DECREF(dict);
        if (r != 0) /* found (res set) or error (res NULL) */
            goto done;
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        set_attribute_error_context(obj, name);
    }
done:
    Py_XDECREF(descr);
    return res;
}

PyObject *PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
                                     PyObject *dict)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int res = -1;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return -1;

    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrsetfunc f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_GetDictPtr(obj);
        if (dictptr == NULL) {
            if (descr == NULL) {
                PyErr_Format(PyExc_AttributeError,
                             "'%.100s' object has no attribute '%U' and no "
                             "__dict__ for setting new attributes",
                             tp->tp_name, name);
            }
            else {
                PyErr_Format(PyExc_AttributeError,
                             "'%.100s' object attribute '%U' is read-only", tp->tp_name,
                             name);
            }
            set_attribute_error_context(obj, name);
            goto done;
        }
        if (*dictptr == NULL) {
            if (value == NULL) {
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             tp->tp_name, name);
                set_attribute_error_context(obj, name);
                goto done;
            }
            *dictptr = _KrDict_NewForObject(obj);
            if (*dictptr == NULL)
                goto done;
        }
        dict = *dictptr;
    }
    Py_INCREF(dict);
    if (value == NULL) {
        res = PyDict_DelItem(dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
            set_attribute_error_context(obj, name);
        }
    }
    else {
        res = PyDict_SetItem(dict, name, value);
    }
    Py_DECREF(dict);
done:
    Py_XDECREF(descr);
    return res;
}

int PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    return _PyObject_GenericSetAttrWithDict(obj, name, value, NULL);
}

PyObject *PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError,
                        "This object has no __dict__");
        return NULL;
    }
    if (*dictptr == NULL) {
        *dictptr = _KrDict_NewForObject(obj);
        if (*dictptr == NULL)
            return NULL;
    }
    return Py_NewRef(*dictptr);
}

int PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyObject *old = *dictptr;
    *dictptr = Py_NewRef(value);
    if (old != NULL) {
        _KrDict_DetachFromObject(old);
        Py_DECREF(old);
    }
    return 0;
}

int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr;
    descrgetfunc f = NULL;
    int meth_found = 0;

    *method = NULL;
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return 0;

    descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = Py_NewRef(*dictptr);
        PyObject *attr;
        int r = PyDict_GetItemRef(dict, name, &attr);
        Py_DECREF(dict);
        if (r != 0) {
            Py_XDECREF(descr);
            *method = attr;
            return 0;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        return 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name,
                 name);
    set_attribute_error_context(obj, name);
    return 0;
}

/* Special methods are looked up on the type, never the instance, but still bound. */
PyObject *_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), attr);
    if (res == NULL)
        return NULL;
    descrgetfunc f = Py_TYPE(res)->tp_descr_get;
    if (f != NULL) {
        PyObject *bound = f(res, self, (PyObject *)Py_TYPE(self));
        Py_DECREF(res);
        return bound;
    }
    return res;
}

/* ---- repr recursion guard -------------------------------------------------------------- */

/* The objects being repr'd on this thread are kept in a list in the thread's dict, so a
 * container that contains itself prints as [...] instead of recursing forever. */
static PyObject *repr_list(int create)
{
    PyObject *dict = PyThreadState_GetDict();
    if (dict == NULL)
        return NULL;
    PyObject *key = PyUnicode_InternFromString("Py_Repr");
    if (key == NULL)
        return NULL;
    PyObject *list = PyDict_GetItemWithError(dict, key);
    if (list == NULL && create && !PyErr_Occurred()) {
        list = PyList_New(0);
        if (list != NULL) {
            if (PyDict_SetItem(dict, key, list) < 0) {
                Py_DECREF(list);
                list = NULL;
            }
            else {
                Py_DECREF(list); /* the dict keeps it alive */
            }
        }
    }
    Py_DECREF(key);
    return list;
}

int Py_ReprEnter(PyObject *obj)
{
    PyObject *list = repr_list(1);
    if (list == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = n; --i >= 0;) {
        if (PyList_GET_ITEM(list, i) == obj)
            return 1;
    }
    if (PyList_Append(list, obj) < 0)
        return -1;
    return 0;
}

void Py_ReprLeave(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *list = repr_list(0);
    if (list != NULL && PyList_Check(list)) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        for (Py_ssize_t i = n; --i >= 0;) {
            if (PyList_GET_ITEM(list, i) == obj) {
                PyList_SetSlice(list, i, i + 1, NULL);
                break;
            }
        }
    }
    PyErr_SetRaisedException(exc);
}

/* ---- dir() and format() ---------------------------------------------------------------- */

static PyObject *dir_locals(void)
{
    PyObject *locals = PyEval_GetLocals();
    if (locals == NULL)
        return NULL;
    PyObject *names = PyMapping_Keys(locals);
    if (names == NULL)
        return NULL;
    if (!PyList_Check(names)) {
        PyErr_Format(PyExc_TypeError, "dir(): expected keys() of locals to be a list, not '%.200s'",
                     Py_TYPE(names)->tp_name);
        Py_DECREF(names);
        return NULL;
    }
    if (PyList_Sort(names) < 0) {
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

PyObject *PyObject_Dir(PyObject *obj)
{
    if (obj == NULL)
        return dir_locals();
    PyObject *dirfunc = _PyObject_LookupSpecial(obj, _Py_ID(__dir__));
    if (dirfunc == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(dirfunc);
    Py_DECREF(dirfunc);
    if (result == NULL)
        return NULL;
    PyObject *sorted = PySequence_List(result);
    Py_DECREF(result);
    if (sorted == NULL)
        return NULL;
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return NULL;
    }
    return sorted;
}

PyObject *PyObject_Format(PyObject *obj, PyObject *format_spec)
{
    PyObject *empty = NULL, *meth, *result;
    if (format_spec != NULL && !PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_SystemError, "Format specifier must be a string, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (format_spec == NULL || PyUnicode_GET_LENGTH(format_spec) == 0) {
        if (PyUnicode_CheckExact(obj))
            return Py_NewRef(obj);
        if (PyLong_CheckExact(obj))
            return PyObject_Str(obj);
    }
    if (format_spec == NULL) {
        empty = PyUnicode_New(0, 0);
        if (empty == NULL)
            return NULL;
        format_spec = empty;
    }
    meth = _PyObject_LookupSpecial(obj, _Py_ID(__format__));
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __format__",
                         Py_TYPE(obj)->tp_name);
        Py_XDECREF(empty);
        return NULL;
    }
    result = PyObject_CallOneArg(meth, format_spec);
    Py_DECREF(meth);
    Py_XDECREF(empty);
    if (result != NULL && !PyUnicode_Check(result)) {
        PyErr_Format(PyExc_TypeError, "__format__ must return a str, not %.200s",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* "module.qualname()" for error messages about calls; plain "qualname()" for builtins. */
PyObject *_PyObject_FunctionStr(PyObject *x)
{
    PyObject *qualname = NULL, *module = NULL, *result = NULL;
    int r = PyObject_GetOptionalAttr(x, _Py_ID(__qualname__), &qualname);
    if (r < 0)
        return NULL;
    if (r == 0)
        return PyObject_Str(x);
    r = PyObject_GetOptionalAttr(x, _Py_ID(__module__), &module);
    if (r < 0)
        goto done;
    if (module != NULL && module != Py_None && PyUnicode_Check(module) &&
        !_PyUnicode_EqualToASCIIString(module, "builtins"))
        result = PyUnicode_FromFormat("%S.%S()", module, qualname);
    else
        result = PyUnicode_FromFormat("%S()", qualname);
done:
    Py_XDECREF(qualname);
    Py_XDECREF(module);
    return result;
}
