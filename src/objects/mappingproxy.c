/* mappingproxy: a read-only view of a mapping (type.__dict__, types.MappingProxyType). */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} mappingproxyobject;

static Py_ssize_t mappingproxy_len(PyObject *self)
{
    return PyObject_Size(((mappingproxyobject *)self)->mapping);
}

static PyObject *mappingproxy_getitem(PyObject *self, PyObject *key)
{
    return PyObject_GetItem(((mappingproxyobject *)self)->mapping, key);
}

static int mappingproxy_contains(PyObject *self, PyObject *key)
{
    PyObject *m = ((mappingproxyobject *)self)->mapping;
    if (PyDict_CheckExact(m))
        return PyDict_Contains(m, key);
    return PySequence_Contains(m, key);
}

static PyObject *mappingproxy_or(PyObject *left, PyObject *right)
{
    if (Py_IS_TYPE(left, &PyDictProxy_Type))
        left = ((mappingproxyobject *)left)->mapping;
    if (Py_IS_TYPE(right, &PyDictProxy_Type))
        right = ((mappingproxyobject *)right)->mapping;
    return PyNumber_Or(left, right);
}

static PyObject *mappingproxy_ior(PyObject *self, PyObject *other)
{
    return PyErr_Format(PyExc_TypeError, "'|=' is not supported by %s; use '|' instead",
                        Py_TYPE(self)->tp_name);
}

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};
static PyMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};
static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static PyObject *mappingproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            return PyErr_Format(PyExc_TypeError, "get expected at least 1 argument, got %zd", nargs);
        return PyErr_Format(PyExc_TypeError, "get expected at most 2 arguments, got %zd", nargs);
    }
    PyObject *m = ((mappingproxyobject *)self)->mapping;
    PyObject *stack[3] = {m, args[0], nargs > 1 ? args[1] : Py_None};
    return PyObject_VectorcallMethod(_Py_ID(get), stack, 3, NULL);
}

static PyObject *call_method0(PyObject *self, PyObject *name)
{
    return PyObject_CallMethodNoArgs(((mappingproxyobject *)self)->mapping, name);
}
static PyObject *mappingproxy_keys(PyObject *self, PyObject *u) { return call_method0(self, _Py_ID(keys)); }
static PyObject *mappingproxy_values(PyObject *self, PyObject *u) { return call_method0(self, _Py_ID(values)); }
static PyObject *mappingproxy_items(PyObject *self, PyObject *u) { return call_method0(self, _Py_ID(items)); }
static PyObject *mappingproxy_copy(PyObject *self, PyObject *u) { return call_method0(self, _Py_ID(copy)); }
static PyObject *mappingproxy_reversed(PyObject *self, PyObject *u)
{
    return call_method0(self, _Py_ID(__reversed__));
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", _PyCFunction_CAST(mappingproxy_get), METH_FASTCALL,
     "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the mapping, else default."},
    {"keys", mappingproxy_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mappingproxy_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", mappingproxy_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mappingproxy_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS, "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL},
};

static void mappingproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((mappingproxyobject *)self)->mapping);
    PyObject_GC_Del(self);
}

static PyObject *mappingproxy_getiter(PyObject *self)
{
    return PyObject_GetIter(((mappingproxyobject *)self)->mapping);
}

static Py_hash_t mappingproxy_hash(PyObject *self)
{
    return PyObject_Hash(((mappingproxyobject *)self)->mapping);
}

static PyObject *mappingproxy_str(PyObject *self)
{
    return PyObject_Str(((mappingproxyobject *)self)->mapping);
}

static PyObject *mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", ((mappingproxyobject *)self)->mapping);
}

static int mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

static PyObject *mappingproxy_richcompare(PyObject *self, PyObject *w, int op)
{
    return PyObject_RichCompare(((mappingproxyobject *)self)->mapping, w, op);
}

static int mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *mappingproxy_create(PyObject *mapping)
{
    mappingproxyobject *pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp == NULL)
        return NULL;
    pp->mapping = Py_NewRef(mapping);
    PyObject_GC_Track(pp);
    return (PyObject *)pp;
}

static PyObject *mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"mapping", NULL};
    PyObject *mapping;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:mappingproxy", kwlist, &mapping))
        return NULL;
    if (mappingproxy_check_mapping(mapping) < 0)
        return NULL;
    return mappingproxy_create(mapping);
}

PyObject *PyDictProxy_New(PyObject *mapping)
{
    if (mappingproxy_check_mapping(mapping) < 0)
        return NULL;
    return mappingproxy_create(mapping);
}

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_hash = mappingproxy_hash,
    .tp_str = mappingproxy_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_doc = "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.",
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};
