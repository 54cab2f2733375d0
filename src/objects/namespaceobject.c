/* types.SimpleNamespace: an object whose attributes are its keyword arguments. */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} _PyNamespaceObject;

static PyMemberDef namespace_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(_PyNamespaceObject, ns_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        _PyNamespaceObject *ns = (_PyNamespaceObject *)self;
        ns->ns_dict = PyDict_New();
        if (ns->ns_dict == NULL) {
            Py_DECREF(ns);
            return NULL;
        }
    }
    return self;
}

static int namespace_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 1 argument, got %zd",
                     Py_IS_TYPE(ns, &_PyNamespace_Type) ? "SimpleNamespace" : _PyType_Name(Py_TYPE(ns)),
                     n);
        return -1;
    }
    if (n == 1) {
        PyObject *arg = PyTuple_GET_ITEM(args, 0);
        PyObject *dict;
        if (PyDict_CheckExact(arg)) {
            dict = Py_NewRef(arg);
        }
        else {
            dict = PyObject_CallOneArg((PyObject *)&PyDict_Type, arg);
            if (dict == NULL)
                return -1;
        }
        int err = (!_PyDict_HasOnlyStringKeys(dict)) ? -1 : PyDict_Update(ns->ns_dict, dict);
        if (err < 0 && !PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        Py_DECREF(dict);
        if (err < 0)
            return -1;
    }
    if (kwds == NULL)
        return 0;
    if (!_PyDict_HasOnlyStringKeys(kwds)) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        return -1;
    }
    return PyDict_Update(ns->ns_dict, kwds);
}

static void namespace_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((_PyNamespaceObject *)op)->ns_dict);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *namespace_repr(PyObject *ns)
{
    int i;
    PyObject *pairs = NULL, *d = NULL, *keys = NULL, *result = NULL;
    const char *name = Py_IS_TYPE(ns, &_PyNamespace_Type) ? "namespace" : Py_TYPE(ns)->tp_name;
    PyObject *separator, *pairsrepr;

    i = Py_ReprEnter(ns);
    if (i != 0)
        return i > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    pairs = PyList_New(0);
    if (pairs == NULL)
        goto error;
    d = Py_NewRef(((_PyNamespaceObject *)ns)->ns_dict);
    keys = PyDict_Keys(d);
    if (keys == NULL)
        goto error;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(keys); k++) {
        PyObject *key = PyList_GET_ITEM(keys, k);
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0)
            continue;
        PyObject *value = PyDict_GetItemWithError(d, key);
        if (value == NULL) {
            if (PyErr_Occurred())
                goto error;
            continue;
        }
        PyObject *item = PyUnicode_FromFormat("%U=%R", key, value);
        if (item == NULL)
            goto error;
        int r = PyList_Append(pairs, item);
        Py_DECREF(item);
        if (r < 0)
            goto error;
    }
    separator = PyUnicode_FromString(", ");
    if (separator == NULL)
        goto error;
    pairsrepr = PyUnicode_Join(separator, pairs);
    Py_DECREF(separator);
    if (pairsrepr == NULL)
        goto error;
    result = PyUnicode_FromFormat("%s(%S)", name, pairsrepr);
    Py_DECREF(pairsrepr);
error:
    Py_XDECREF(pairs);
    Py_XDECREF(d);
    Py_XDECREF(keys);
    Py_ReprLeave(ns);
    return result;
}

static int namespace_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static int namespace_clear(PyObject *op)
{
    Py_CLEAR(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static PyObject *namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, &_PyNamespace_Type) &&
        PyObject_TypeCheck(other, &_PyNamespace_Type))
        return PyObject_RichCompare(((_PyNamespaceObject *)self)->ns_dict,
                                    ((_PyNamespaceObject *)other)->ns_dict, op);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *namespace_reduce(PyObject *op, PyObject *unused)
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    PyObject *result = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), args,
                                    ((_PyNamespaceObject *)op)->ns_dict);
    Py_DECREF(args);
    return result;
}

static PyObject *namespace_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "__replace__() takes no positional arguments");
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs((PyObject *)Py_TYPE(self));
    if (result == NULL)
        return NULL;
    if (PyDict_Update(((_PyNamespaceObject *)result)->ns_dict,
                      ((_PyNamespaceObject *)self)->ns_dict) < 0 ||
        (kwargs && PyDict_Update(((_PyNamespaceObject *)result)->ns_dict, kwargs) < 0)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, "Return state information for pickling"},
    {"__replace__", _PyCFunction_CAST(namespace_replace), METH_VARARGS | METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\nReturn a copy of the namespace object with new values for the specified attributes."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(_PyNamespaceObject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\n"
              "A simple attribute-based namespace.",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(_PyNamespaceObject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *_PyNamespace_New(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL)
        return NULL;
    if (kwds == NULL)
        return ns;
    if (PyDict_Update(((_PyNamespaceObject *)ns)->ns_dict, kwds) != 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
