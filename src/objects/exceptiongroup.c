/* BaseExceptionGroup and ExceptionGroup (PEP 654): construction rules, split/subgroup/
 * derive, and the helpers the eval loop uses to run except* clauses. */
#include "Python.h"
#include "internal/pycore_exceptions.h"

#define EG(op) ((PyBaseExceptionGroupObject *)(op))

static int is_exception_group(PyObject *op)
{
    return PyObject_TypeCheck(op, &_PyExc_BaseExceptionGroup);
}

PyObject *_PyExcGroup_New(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(type->tp_name, kwds))
        return NULL;
    PyObject *message, *exceptions;
    if (!PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", &message, &exceptions))
        return NULL;
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    exceptions = PySequence_Tuple(exceptions);
    if (exceptions == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(exceptions);
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    int nested_base = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *exc = PyTuple_GET_ITEM(exceptions, i);
        if (!PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError,
                         "Item %zd of second argument (exceptions) is not an exception", i);
            goto error;
        }
        if (!PyObject_TypeCheck(exc, &_PyExc_Exception))
            nested_base = 1;
    }
    PyTypeObject *cls = type;
    if (cls == &_PyExc_BaseExceptionGroup) {
        /* A group of plain Exceptions is an ExceptionGroup, so `except Exception` sees it. */
        if (!nested_base)
            cls = &_PyExc_ExceptionGroup;
    }
    else if (cls == &_PyExc_ExceptionGroup) {
        if (nested_base) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (nested_base && PyType_IsSubtype(cls, &_PyExc_Exception)) {
        PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%s'", _PyType_Name(cls));
        goto error;
    }
    PyObject *self = _PyExc_BaseException.tp_new(cls, args, kwds);
    if (self == NULL)
        goto error;
    EG(self)->msg = Py_NewRef(message);
    EG(self)->excs = exceptions;
    return self;
error:
    Py_DECREF(exceptions);
    return NULL;
}

int _PyExcGroup_Init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return _PyExc_BaseException.tp_init(self, args, kwds);
}

int _PyExcGroup_Clear(PyObject *self)
{
    Py_CLEAR(EG(self)->msg);
    Py_CLEAR(EG(self)->excs);
    return _PyExc_BaseClear((PyBaseExceptionObject *)self);
}

int _PyExcGroup_Traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(EG(self)->msg);
    Py_VISIT(EG(self)->excs);
    return _PyExc_BaseTraverse((PyBaseExceptionObject *)self, visit, arg);
}

PyObject *_PyExcGroup_Str(PyObject *self)
{
    Py_ssize_t n = EG(self)->excs ? PyTuple_GET_SIZE(EG(self)->excs) : 0;
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", EG(self)->msg ? EG(self)->msg : Py_None,
                                n, n > 1 ? "s" : "");
}

PyObject *_PyExc_CreateExceptionGroup(const char *msg_str, PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString(msg_str);
    if (msg == NULL)
        return NULL;
    PyObject *args[2] = {msg, excs};
    PyObject *res = PyObject_Vectorcall(PyExc_BaseExceptionGroup, args, 2, NULL);
    Py_DECREF(msg);
    return res;
}

static PyObject *eg_derive(PyObject *self, PyObject *excs)
{
    PyObject *args[2] = {EG(self)->msg, excs};
    return PyObject_Vectorcall(PyExc_BaseExceptionGroup, args, 2, NULL);
}

/* ---- split / subgroup ------------------------------------------------------------- */
typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAF_SET } matcher_kind;

typedef struct {
    matcher_kind kind;
    PyObject *value; /* type/tuple, callable, or a set of leaf ids */
} matcher;

static int get_matcher(PyObject *value, matcher *m)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        m->kind = MATCH_PREDICATE;
        m->value = value;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        m->kind = MATCH_TYPE;
        m->value = value;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(value, i)))
                goto bad;
        m->kind = MATCH_TYPE;
        m->value = value;
        return 0;
    }
bad:
    PyErr_SetString(PyExc_TypeError,
                    "expected an exception type, a tuple of exception types, or a callable "
                    "(other than a class)");
    return -1;
}

static int matcher_check(matcher *m, PyObject *exc)
{
    switch (m->kind) {
    case MATCH_TYPE:
        return PyErr_GivenExceptionMatches(exc, m->value);
    case MATCH_PREDICATE: {
        PyObject *r = PyObject_CallOneArg(m->value, exc);
        if (r == NULL)
            return -1;
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        return t;
    }
    case MATCH_LEAF_SET: {
        if (is_exception_group(exc))
            return 0;
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL)
            return -1;
        int r = PySet_Contains(m->value, id);
        Py_DECREF(id);
        return r;
    }
    }
    return 0;
}

/* The group `orig` restricted to `excs`, carrying over orig's traceback, cause, context
 * and notes; None when excs is empty. */
static PyObject *exceptiongroup_subset(PyObject *orig, PyObject *excs)
{
    if (PySequence_Size(excs) == 0)
        return Py_NewRef(Py_None);
    PyObject *eg = PyObject_CallMethod(orig, "derive", "(O)", excs);
    if (eg == NULL)
        return NULL;
    if (!is_exception_group(eg)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(orig);
    if (tb) {
        int r = PyException_SetTraceback(eg, tb);
        Py_DECREF(tb);
        if (r < 0)
            goto error;
    }
    PyException_SetContext(eg, PyException_GetContext(orig));
    PyException_SetCause(eg, PyException_GetCause(orig));
    ((PyBaseExceptionObject *)eg)->suppress_context =
        ((PyBaseExceptionObject *)orig)->suppress_context;
    PyObject *notes;
    if (PyObject_GetOptionalAttr(orig, _Py_ID(__notes__), &notes) < 0)
        goto error;
    if (notes) {
        if (PySequence_Check(notes)) {
            PyObject *copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (copy == NULL)
                goto error;
            notes = copy;
        }
        int r = PyObject_SetAttr(eg, _Py_ID(__notes__), notes);
        Py_DECREF(notes);
        if (r < 0)
            goto error;
    }
    return eg;
error:
    Py_DECREF(eg);
    return NULL;
}

/* Sets *match / *rest (new references, None when empty). rest is only built when wanted. */
static int split_recursive(PyObject *exc, matcher *m, int want_rest, PyObject **match,
                           PyObject **rest)
{
    *match = *rest = NULL;
    int is_match = matcher_check(m, exc);
    if (is_match < 0)
        return -1;
    if (is_match) {
        *match = Py_NewRef(exc);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (!is_exception_group(exc)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(want_rest ? exc : Py_None);
        return 0;
    }
    PyObject *excs = EG(exc)->excs;
    PyObject *match_list = PyList_New(0), *rest_list = want_rest ? PyList_New(0) : NULL;
    if (match_list == NULL || (want_rest && rest_list == NULL))
        goto error;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        PyObject *em, *er;
        if (Py_EnterRecursiveCall(" in exceptiongroup_split_recursive"))
            goto error;
        int r = split_recursive(PyTuple_GET_ITEM(excs, i), m, want_rest, &em, &er);
        Py_LeaveRecursiveCall();
        if (r < 0)
            goto error;
        int fail = (em != Py_None && PyList_Append(match_list, em) < 0) ||
                   (want_rest && er != Py_None && PyList_Append(rest_list, er) < 0);
        Py_DECREF(em);
        Py_DECREF(er);
        if (fail)
            goto error;
    }
    *match = exceptiongroup_subset(exc, match_list);
    if (*match == NULL)
        goto error;
    if (want_rest) {
        *rest = exceptiongroup_subset(exc, rest_list);
        if (*rest == NULL) {
            Py_CLEAR(*match);
            goto error;
        }
    }
    else
        *rest = Py_NewRef(Py_None);
    Py_DECREF(match_list);
    Py_XDECREF(rest_list);
    return 0;
error:
    Py_XDECREF(match_list);
    Py_XDECREF(rest_list);
    return -1;
}

static PyObject *eg_split(PyObject *self, PyObject *arg)
{
    matcher m;
    if (get_matcher(arg, &m) < 0)
        return NULL;
    PyObject *match, *rest;
    if (split_recursive(self, &m, 1, &match, &rest) < 0)
        return NULL;
    PyObject *res = PyTuple_Pack(2, match, rest);
    Py_DECREF(match);
    Py_DECREF(rest);
    return res;
}

static PyObject *eg_subgroup(PyObject *self, PyObject *arg)
{
    matcher m;
    if (get_matcher(arg, &m) < 0)
        return NULL;
    PyObject *match, *rest;
    if (split_recursive(self, &m, 0, &match, &rest) < 0)
        return NULL;
    Py_DECREF(rest);
    return match;
}

static PyObject *eg_class_getitem(PyObject *cls, PyObject *arg)
{
    return Py_GenericAlias(cls, arg);
}

PyMethodDef _PyExcGroup_Methods[] = {
    {"__class_getitem__", eg_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {"derive", eg_derive, METH_O, NULL},
    {"split", eg_split, METH_O, NULL},
    {"subgroup", eg_subgroup, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyMemberDef _PyExcGroup_Members[] = {
    {"message", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), Py_READONLY,
     "exception message"},
    {"exceptions", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), Py_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- except* support ----------------------------------------------------------------- */
int _PyExc_SplitExceptionGroup(PyObject *exc, PyObject *match_type, PyObject **match,
                               PyObject **rest)
{
    if (exc == Py_None) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc, match_type)) {
        /* The whole exception matches: a naked one is wrapped so that the handler always
         * sees an exception group. */
        PyObject *wrapped;
        if (is_exception_group(exc))
            wrapped = Py_NewRef(exc);
        else {
            PyObject *excs = PyTuple_Pack(1, exc);
            if (excs == NULL)
                return -1;
            wrapped = _PyExc_CreateExceptionGroup("", excs);
            Py_DECREF(excs);
            if (wrapped == NULL)
                return -1;
            PyObject *tb = PyException_GetTraceback(exc);
            if (tb != NULL) {
                int r = PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
                if (r < 0) {
                    Py_DECREF(wrapped);
                    return -1;
                }
            }
        }
        *match = wrapped;
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (is_exception_group(exc)) {
        matcher m = {MATCH_TYPE, match_type};
        return split_recursive(exc, &m, 1, match, rest);
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc);
    return 0;
}

static PyObject *notes_of(PyObject *exc)
{
    PyObject *dict = ((PyBaseExceptionObject *)exc)->dict;
    if (dict == NULL)
        return NULL;
    return PyDict_GetItemWithError(dict, _Py_ID(__notes__));
}

/* A re-raised exception (bare `raise` in an except* clause) is the very object, or a
 * split of the original carrying the same metadata. */
static int is_same_exception_metadata(PyObject *e, PyObject *orig)
{
    PyBaseExceptionObject *a = (PyBaseExceptionObject *)e, *b = (PyBaseExceptionObject *)orig;
    return notes_of(e) == notes_of(orig) && a->traceback == b->traceback &&
           a->cause == b->cause && a->context == b->context;
}

static int collect_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (exc == Py_None)
        return 0;
    if (!is_exception_group(exc)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL)
            return -1;
        int r = PySet_Add(leaf_ids, id);
        Py_DECREF(id);
        return r;
    }
    PyObject *excs = EG(exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids"))
            return -1;
        int r = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (r < 0)
            return -1;
    }
    return 0;
}

PyObject *_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0)
        return Py_NewRef(Py_None);
    if (!is_exception_group(orig)) {
        /* A naked exception was caught and wrapped: at most one clause ran. */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    PyObject *raised_list = PyList_New(0), *reraised_list = PyList_New(0);
    PyObject *leaf_ids = NULL, *reraised_eg = NULL, *result = NULL;
    if (raised_list == NULL || reraised_list == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e == Py_None)
            continue;
        PyObject *target = is_same_exception_metadata(e, orig) ? reraised_list : raised_list;
        if (PyList_Append(target, e) < 0)
            goto done;
    }
    leaf_ids = PySet_New(NULL);
    if (leaf_ids == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(reraised_list); i++)
        if (collect_leaf_ids(PyList_GET_ITEM(reraised_list, i), leaf_ids) < 0)
            goto done;
    if (PySet_GET_SIZE(leaf_ids) > 0) {
        matcher m = {MATCH_LEAF_SET, leaf_ids};
        PyObject *rest;
        if (split_recursive(orig, &m, 0, &reraised_eg, &rest) < 0)
            goto done;
        Py_DECREF(rest);
    }
    else
        reraised_eg = Py_NewRef(Py_None);
    if (PyList_GET_SIZE(raised_list) == 0) {
        result = Py_NewRef(reraised_eg);
        goto done;
    }
    if (reraised_eg != Py_None && PyList_Append(raised_list, reraised_eg) < 0)
        goto done;
    if (PyList_GET_SIZE(raised_list) > 1)
        result = _PyExc_CreateExceptionGroup("", raised_list);
    else
        result = Py_NewRef(PyList_GET_ITEM(raised_list, 0));
done:
    Py_XDECREF(raised_list);
    Py_XDECREF(reraised_list);
    Py_XDECREF(leaf_ids);
    Py_XDECREF(reraised_eg);
    return result;
}
