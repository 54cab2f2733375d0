/* enumerate() and reversed(). */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;     /* next index while it fits */
    PyObject *en_sit;        /* the underlying iterator */
    PyObject *en_result;     /* unused; keeps the layout (and getsizeof) CPython's */
    PyObject *en_longindex;  /* next index once past PY_SSIZE_T_MAX, else NULL */
    PyObject *en_reserved;   /* unused, as above */
} enumobject;

static PyObject *
enum_new_impl(PyTypeObject *type, PyObject *iterable, PyObject *start)
{
    enumobject *en = (enumobject *)type->tp_alloc(type, 0);
    if (en == NULL)
        return NULL;
    en->en_index = 0;
    en->en_longindex = NULL;
    en->en_sit = NULL;
    en->en_result = NULL;
    en->en_reserved = NULL;
    if (start != NULL) {
        start = PyNumber_Index(start);
        if (start == NULL) {
            Py_DECREF(en);
            return NULL;
        }
        en->en_index = PyLong_AsSsize_t(start);
        if (en->en_index == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            en->en_index = PY_SSIZE_T_MAX;
            en->en_longindex = start;
        }
        else
            Py_DECREF(start);
    }
    en->en_sit = PyObject_GetIter(iterable);
    if (en->en_sit == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    return (PyObject *)en;
}

/* enumerate(iterable, start=0) with CPython's argument errors. */
static int
enum_parse(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject *const *kwvals,
           PyObject **iterable, PyObject **start)
{
    *iterable = NULL;
    *start = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                     nargs + nkw);
        return -1;
    }
    if (nargs >= 1)
        *iterable = args[0];
    if (nargs >= 2)
        *start = args[1];
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (_PyUnicode_EqualToASCIIString(name, "iterable") && *iterable == NULL)
            *iterable = kwvals[i];
        else if (_PyUnicode_EqualToASCIIString(name, "start") && *start == NULL)
            *start = kwvals[i];
        else if (_PyUnicode_EqualToASCIIString(name, "iterable") ||
                 _PyUnicode_EqualToASCIIString(name, "start")) {
            PyErr_Format(PyExc_TypeError,
                         "argument for enumerate() given by name ('%U') and position (%d)",
                         name, _PyUnicode_EqualToASCIIString(name, "iterable") ? 1 : 2);
            return -1;
        }
        else {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for enumerate()",
                         name);
            return -1;
        }
    }
    if (*iterable == NULL) {
        PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
        return -1;
    }
    return 0;
}

static PyObject *
enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable, *start;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *kwnames = NULL;
    PyObject *stack[2] = {NULL, NULL};
    Py_ssize_t nkw = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        nkw = PyDict_GET_SIZE(kwds);
        if (nkw > 2 || nargs + nkw > 2) {
            PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                         nargs + nkw);
            return NULL;
        }
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        Py_ssize_t pos = 0, i = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(k));
            stack[i++] = v;
        }
    }
    int r = enum_parse(_PyTuple_ITEMS(args), nargs, kwnames, stack, &iterable, &start);
    Py_XDECREF(kwnames);
    if (r < 0)
        return NULL;
    return enum_new_impl(type, iterable, start);
}

static PyObject *
enum_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *iterable, *start;
    if (enum_parse(args, nargs, kwnames, args + nargs, &iterable, &start) < 0)
        return NULL;
    return enum_new_impl((PyTypeObject *)type, iterable, start);
}

static void
enum_dealloc(PyObject *self)
{
    enumobject *en = (enumobject *)self;
    PyObject_GC_UnTrack(en);
    Py_XDECREF(en->en_sit);
    Py_XDECREF(en->en_longindex);
    Py_TYPE(en)->tp_free(en);
}

static int
enum_traverse(PyObject *self, visitproc visit, void *arg)
{
    enumobject *en = (enumobject *)self;
    Py_VISIT(en->en_sit);
    Py_VISIT(en->en_longindex);
    return 0;
}

static PyObject *
enum_next_long(enumobject *en, PyObject *next_item)
{
    if (en->en_longindex == NULL) {
        en->en_longindex = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (en->en_longindex == NULL) {
            Py_DECREF(next_item);
            return NULL;
        }
    }
    PyObject *next_index = en->en_longindex;
    PyObject *stepped_up = PyNumber_Add(next_index, _PyLong_GetOne());
    if (stepped_up == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_longindex = stepped_up;
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(next_index);
        Py_DECREF(next_item);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, next_index);
    PyTuple_SET_ITEM(result, 1, next_item);
    return result;
}

static PyObject *
enum_next(PyObject *self)
{
    enumobject *en = (enumobject *)self;
    PyObject *it = en->en_sit;
    PyObject *next_item = (*Py_TYPE(it)->tp_iternext)(it);
    if (next_item == NULL)
        return NULL;
    if (en->en_index == PY_SSIZE_T_MAX)
        return enum_next_long(en, next_item);
    PyObject *next_index = PyLong_FromSsize_t(en->en_index);
    if (next_index == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_index++;
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(next_index);
        Py_DECREF(next_item);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, next_index);
    PyTuple_SET_ITEM(result, 1, next_item);
    return result;
}

static PyObject *
enum_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    enumobject *en = (enumobject *)self;
    if (en->en_longindex != NULL)
        return Py_BuildValue("O(OO)", Py_TYPE(en), en->en_sit, en->en_longindex);
    return Py_BuildValue("O(On)", Py_TYPE(en), en->en_sit, en->en_index);
}

static PyMethodDef enum_methods[] = {
    {"__reduce__", (PyCFunction)enum_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__class_getitem__", (PyCFunction)Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n  iterable\n    an object supporting "
              "iteration\n\nThe enumerate object yields pairs containing a count (from start, "
              "which\ndefaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, "
              "seq[1]), (2, seq[2]), ...",
    .tp_traverse = enum_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_methods = enum_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = enum_vectorcall,
};

/* ---- reversed ------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq; /* NULL once exhausted */
} reversedobject;

static PyObject *
reversed_new_impl(PyTypeObject *type, PyObject *seq)
{
    PyObject *reversed_meth = _PyObject_LookupSpecial(seq, _Py_ID(__reversed__));
    if (reversed_meth == Py_None) {
        Py_DECREF(reversed_meth);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    if (reversed_meth != NULL) {
        PyObject *res = PyObject_CallNoArgs(reversed_meth);
        Py_DECREF(reversed_meth);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    if (!PySequence_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n == -1)
        return NULL;
    reversedobject *ro = (reversedobject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->index = n - 1;
    ro->seq = Py_NewRef(seq);
    return (PyObject *)ro;
}

static PyObject *
reversed_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyReversed_Type || type->tp_init == PyReversed_Type.tp_init) &&
        kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("reversed", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("reversed", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    return reversed_new_impl(type, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
reversed_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("reversed", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("reversed", nargs, 1, 1))
        return NULL;
    return reversed_new_impl((PyTypeObject *)type, args[0]);
}

static void
reversed_dealloc(PyObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    PyObject_GC_UnTrack(ro);
    Py_XDECREF(ro->seq);
    Py_TYPE(ro)->tp_free(ro);
}

static int
reversed_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((reversedobject *)self)->seq);
    return 0;
}

static PyObject *
reversed_next(PyObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    Py_ssize_t index = ro->index;
    if (index >= 0) {
        PyObject *item = PySequence_GetItem(ro->seq, index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (PyErr_ExceptionMatches(PyExc_IndexError) ||
            PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
    }
    ro->index = -1;
    Py_CLEAR(ro->seq);
    return NULL;
}

static PyObject *
reversed_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    reversedobject *ro = (reversedobject *)self;
    if (ro->seq == NULL)
        return PyLong_FromLong(0);
    Py_ssize_t seqsize = PySequence_Size(ro->seq);
    if (seqsize == -1)
        return NULL;
    Py_ssize_t position = ro->index + 1;
    return PyLong_FromSsize_t(seqsize < position ? 0 : position);
}

static PyObject *
reversed_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    reversedobject *ro = (reversedobject *)self;
    if (ro->seq)
        return Py_BuildValue("O(O)n", Py_TYPE(ro), ro->seq, ro->index);
    return Py_BuildValue("O(())", Py_TYPE(ro));
}

static PyObject *
reversed_setstate(PyObject *self, PyObject *state)
{
    reversedobject *ro = (reversedobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (ro->seq != NULL) {
        Py_ssize_t n = PySequence_Size(ro->seq);
        if (n < 0)
            return NULL;
        if (index < -1)
            index = -1;
        else if (index > n - 1)
            index = n - 1;
        ro->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef reversediter_methods[] = {
    {"__length_hint__", (PyCFunction)reversed_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)reversed_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)reversed_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversediter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = reversed_vectorcall,
};
