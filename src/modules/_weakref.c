/* The _weakref module: the C half of weakref.py. */
#include "Python.h"

static PyObject *
weakref_getweakrefcount(PyObject *module, PyObject *object)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object)))
        return PyLong_FromLong(0);
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(object);
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(*list));
}

static PyObject *
weakref_getweakrefs(PyObject *module, PyObject *object)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object)))
        return PyList_New(0);
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(object);
    Py_ssize_t count = _PyWeakref_GetWeakrefCount(*list);
    PyObject *result = PyList_New(count);
    if (result == NULL)
        return NULL;
    PyWeakReference *current = *list;
    for (Py_ssize_t i = 0; i < count; ++i) {
        PyList_SET_ITEM(result, i, Py_NewRef(current));
        current = current->wr_next;
    }
    return result;
}

static PyObject *
weakref_proxy(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("proxy", nargs, 1, 2))
        return NULL;
    return PyWeakref_NewProxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* Deletes dct[key] if it is still a dead weak reference (WeakValueDictionary cleanup
 * that may race with a new value being stored under the same key). */
static PyObject *
weakref__remove_dead_weakref(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_remove_dead_weakref", nargs, 2, 2))
        return NULL;
    PyObject *dct = args[0], *key = args[1];
    if (!PyDict_Check(dct)) {
        PyErr_Format(PyExc_TypeError,
                     "_remove_dead_weakref() argument 1 must be dict, not %.200s",
                     Py_TYPE(dct)->tp_name);
        return NULL;
    }
    PyObject *value;
    int r = PyDict_GetItemRef(dct, key, &value);
    if (r < 0)
        return NULL;
    if (r == 0)
        Py_RETURN_NONE;
    int dead = 0;
    if (PyWeakref_Check(value)) {
        PyObject *obj;
        if (PyWeakref_GetRef(value, &obj) < 0) {
            Py_DECREF(value);
            return NULL;
        }
        dead = obj == NULL;
        Py_XDECREF(obj);
    }
    Py_DECREF(value);
    if (dead && PyDict_DelItem(dct, key) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_KeyError))
            return NULL;
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyMethodDef weakref_functions[] = {
    {"getweakrefcount", (PyCFunction)weakref_getweakrefcount, METH_O,
     "Return the number of weak references to 'object'."},
    {"_remove_dead_weakref", _PyCFunction_CAST(weakref__remove_dead_weakref), METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"getweakrefs", (PyCFunction)weakref_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", _PyCFunction_CAST(weakref_proxy), METH_FASTCALL,
     "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is "
     "called with a reference to the\nproxy when 'object' is about to be finalized."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef weakrefmodule = {
    PyModuleDef_HEAD_INIT, "_weakref", "Weak-reference support module.", -1,
    weakref_functions, NULL, NULL, NULL, NULL,
};

PyObject *
PyInit__weakref(void)
{
    PyObject *m = PyModule_Create(&weakrefmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "ref", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0 ||
        PyModule_AddObjectRef(m, "CallableProxyType",
                              (PyObject *)&_PyWeakref_CallableProxyType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
