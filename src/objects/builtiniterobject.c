/* The lazy builtins map(), filter() and zip(). */
#include "Python.h"

#define KR_SMALL_STACK 5

/* ---- map -------------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *iters; /* tuple of iterators */
    PyObject *func;
} mapobject;

static PyObject *
map_new_impl(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = PyTuple_New(nargs - 1);
    if (iters == NULL)
        return NULL;
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *it = PyObject_GetIter(args[i]);
        if (it == NULL) {
            Py_DECREF(iters);
            return NULL;
        }
        PyTuple_SET_ITEM(iters, i - 1, it);
    }
    mapobject *lz = (mapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Py_NewRef(args[0]);
    return (PyObject *)lz;
}

static PyObject *
map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyMap_Type || type->tp_init == PyMap_Type.tp_init) && kwds != NULL &&
        PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("map", kwds))
        return NULL;
    return map_new_impl(type, _PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *
map_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("map", kwnames))
        return NULL;
    return map_new_impl((PyTypeObject *)type, args, PyVectorcall_NARGS(nargsf));
}

static void
map_dealloc(PyObject *self)
{
    mapobject *lz = (mapobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->iters);
    Py_XDECREF(lz->func);
    Py_TYPE(lz)->tp_free(lz);
}

static int
map_traverse(PyObject *self, visitproc visit, void *arg)
{
    mapobject *lz = (mapobject *)self;
    Py_VISIT(lz->iters);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *
map_next(PyObject *self)
{
    mapobject *lz = (mapobject *)self;
    PyObject *small_stack[KR_SMALL_STACK];
    PyObject **stack;
    Py_ssize_t niters = PyTuple_GET_SIZE(lz->iters);
    if (niters <= KR_SMALL_STACK)
        stack = small_stack;
    else {
        stack = PyMem_Malloc((size_t)niters * sizeof(stack[0]));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    Py_ssize_t nargs = 0;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < niters; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->iters, i);
        PyObject *val = Py_TYPE(it)->tp_iternext(it);
        if (val == NULL)
            goto exit;
        stack[i] = val;
        nargs++;
    }
    result = PyObject_Vectorcall(lz->func, stack, (size_t)nargs, NULL);
exit:
    for (Py_ssize_t i = 0; i < nargs; i++)
        Py_DECREF(stack[i]);
    if (stack != small_stack)
        PyMem_Free(stack);
    return result;
}

static PyObject *
map_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    mapobject *lz = (mapobject *)self;
    Py_ssize_t numargs = PyTuple_GET_SIZE(lz->iters);
    PyObject *args = PyTuple_New(numargs + 1);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, Py_NewRef(lz->func));
    for (Py_ssize_t i = 0; i < numargs; i++)
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(lz->iters, i)));
    return Py_BuildValue("ON", Py_TYPE(lz), args);
}

static PyMethodDef map_methods[] = {
    {"__reduce__", (PyCFunction)map_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_dealloc = map_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "map(function, iterable, /, *iterables)\n--\n\nMake an iterator that computes "
              "the function using arguments from\neach of the iterables.  Stops when the "
              "shortest iterable is exhausted.",
    .tp_traverse = map_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = map_next,
    .tp_methods = map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = map_vectorcall,
};

/* ---- filter -------------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
} filterobject;

static PyObject *
filter_new_impl(PyTypeObject *type, PyObject *func, PyObject *seq)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    filterobject *lz = (filterobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static PyObject *
filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyFilter_Type || type->tp_init == PyFilter_Type.tp_init) && kwds != NULL &&
        PyDict_GET_SIZE(kwds) != 0 && !_PyArg_NoKeywords("filter", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("filter", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    return filter_new_impl(type, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1));
}

static PyObject *
filter_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("filter", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("filter", nargs, 2, 2))
        return NULL;
    return filter_new_impl((PyTypeObject *)type, args[0], args[1]);
}

static void
filter_dealloc(PyObject *self)
{
    filterobject *lz = (filterobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int
filter_traverse(PyObject *self, visitproc visit, void *arg)
{
    filterobject *lz = (filterobject *)self;
    Py_VISIT(lz->it);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *
filter_next(PyObject *self)
{
    filterobject *lz = (filterobject *)self;
    PyObject *it = lz->it;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    int checktrue = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL)
            return NULL;
        long ok;
        if (checktrue)
            ok = PyObject_IsTrue(item);
        else {
            PyObject *good = PyObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            ok = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (ok > 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
filter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    filterobject *lz = (filterobject *)self;
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", (PyCFunction)filter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_traverse = filter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = filter_vectorcall,
};

/* ---- zip ------------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple; /* tuple of iterators */
    PyObject *result;  /* unused; keeps the layout (and getsizeof) CPython's */
    int strict;
} zipobject;

static PyObject *
zip_new_impl(PyTypeObject *type, PyObject *const *args, Py_ssize_t tuplesize, int strict)
{
    PyObject *ittuple = PyTuple_New(tuplesize);
    if (ittuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; ++i) {
        PyObject *it = PyObject_GetIter(args[i]);
        if (it == NULL) {
            Py_DECREF(ittuple);
            return NULL;
        }
        PyTuple_SET_ITEM(ittuple, i, it);
    }
    zipobject *lz = (zipobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->result = NULL;
    lz->tuplesize = tuplesize;
    lz->strict = strict;
    return (PyObject *)lz;
}

/* strict is the only keyword: returns 0/1, or -1 with CPython's error. */
static int
zip_parse_strict(Py_ssize_t nkw, PyObject *const *names, PyObject *const *values)
{
    int strict = 0;
    if (nkw > 1) {
        PyErr_Format(PyExc_TypeError, "zip() takes at most 1 keyword argument (%zd given)", nkw);
        return -1;
    }
    if (nkw == 1) {
        if (!_PyUnicode_EqualToASCIIString(names[0], "strict")) {
            PyErr_Format(PyExc_TypeError, "zip() got an unexpected keyword argument '%U'",
                         names[0]);
            return -1;
        }
        strict = PyObject_IsTrue(values[0]);
    }
    return strict;
}

static PyObject *
zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        PyObject *names[2], *values[2];
        Py_ssize_t n = 0;
        while (PyDict_Next(kwds, &pos, &k, &v) && n < 2) {
            names[n] = k;
            values[n++] = v;
        }
        strict = zip_parse_strict(PyDict_GET_SIZE(kwds), names, values);
        if (strict < 0)
            return NULL;
    }
    return zip_new_impl(type, _PyTuple_ITEMS(args), PyTuple_GET_SIZE(args), strict);
}

static PyObject *
zip_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    int strict = 0;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        strict = zip_parse_strict(PyTuple_GET_SIZE(kwnames), _PyTuple_ITEMS(kwnames),
                                  args + nargs);
        if (strict < 0)
            return NULL;
    }
    return zip_new_impl((PyTypeObject *)type, args, nargs, strict);
}

static void
zip_dealloc(PyObject *self)
{
    zipobject *lz = (zipobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->ittuple);
    Py_TYPE(lz)->tp_free(lz);
}

static int
zip_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((zipobject *)self)->ittuple);
    return 0;
}

/* The iteration ended at iterator i: with strict=True, check that all ended together. */
static PyObject *
zip_check_strict(zipobject *lz, Py_ssize_t i)
{
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    if (i) {
        const char *plural = i == 1 ? " " : "s 1-";
        return PyErr_Format(PyExc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, plural, i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = Py_TYPE(it)->tp_iternext(it);
        if (item) {
            Py_DECREF(item);
            const char *plural = i == 1 ? " " : "s 1-";
            return PyErr_Format(PyExc_ValueError,
                                "zip() argument %zd is longer than argument%s%zd", i + 1, plural,
                                i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
    }
    return NULL;
}

static PyObject *
zip_next(PyObject *self)
{
    zipobject *lz = (zipobject *)self;
    Py_ssize_t tuplesize = lz->tuplesize;
    if (tuplesize == 0)
        return NULL;
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = Py_TYPE(it)->tp_iternext(it);
        if (item == NULL) {
            Py_DECREF(result);
            if (lz->strict)
                return zip_check_strict(lz, i);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *
zip_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    zipobject *lz = (zipobject *)self;
    if (lz->strict)
        return PyTuple_Pack(3, Py_TYPE(lz), lz->ittuple, Py_True);
    return PyTuple_Pack(2, Py_TYPE(lz), lz->ittuple);
}

static PyObject *
zip_setstate(PyObject *self, PyObject *state)
{
    int strict = PyObject_IsTrue(state);
    if (strict < 0)
        return NULL;
    ((zipobject *)self)->strict = strict;
    Py_RETURN_NONE;
}

static PyMethodDef zip_methods[] = {
    {"__reduce__", (PyCFunction)zip_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)zip_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_dealloc = zip_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False)\n--\n\nThe zip object yields n-length tuples, "
              "where n is the number of iterables\npassed as positional arguments to zip().  "
              "The i-th element in every tuple\ncomes from the i-th iterable argument to zip()."
              "  This continues until the\nshortest argument is exhausted.\n\nIf strict is "
              "true and one of the arguments is exhausted before the others,\nraise a "
              "ValueError.",
    .tp_traverse = zip_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = zip_vectorcall,
};
