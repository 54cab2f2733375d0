/* super(): attribute lookup that starts after a given class in the MRO of an object's
 * type, binding what it finds to the object. Zero-argument super() gets its arguments
 * from the running frame (the eval loop's _PyEval_GetSuperArgs). */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;
    PyObject *obj;
    PyTypeObject *obj_type;
} superobject;

static PyMemberDef super_members[] = {
    {"__thisclass__", _Py_T_OBJECT, offsetof(superobject, type), Py_READONLY,
     "the class invoking super()"},
    {"__self__", _Py_T_OBJECT, offsetof(superobject, obj), Py_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", _Py_T_OBJECT, offsetof(superobject, obj_type), Py_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

static void super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    const char *tname = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type)
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>", tname,
                                    su->obj_type->tp_name);
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>", tname);
}

/* The class after `type` in the MRO of starttype that defines name: borrowed, or NULL
 * (no exception) when none does. */
static PyObject *super_lookup_mro(PyTypeObject *type, PyTypeObject *starttype, PyObject *name)
{
    PyObject *mro = starttype->tp_mro;
    if (mro == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i;
    /* The last entry is object: nothing after it to look at. */
    for (i = 0; i + 1 < n; i++) {
        if ((PyObject *)type == PyTuple_GET_ITEM(mro, i))
            break;
    }
    i++;
    if (i >= n)
        return NULL;
    Py_INCREF(mro);
    PyObject *res = NULL;
    for (; i < n; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (dict == NULL)
            continue;
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL || PyErr_Occurred())
            break;
    }
    Py_DECREF(mro);
    return res;
}

static PyObject *super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    PyTypeObject *starttype = su->obj_type;
    if (starttype == NULL)
        goto skip;
    /* __class__ is super's own, so that super objects can be introspected. */
    if (PyUnicode_Check(name) && _PyUnicode_Equal(name, _Py_ID(__class__)))
        goto skip;
    PyObject *res = super_lookup_mro(su->type, starttype, name);
    if (res != NULL) {
        Py_INCREF(res);
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            PyObject *bound =
                f(res, (su->obj == (PyObject *)starttype) ? NULL : su->obj, (PyObject *)starttype);
            Py_DECREF(res);
            return bound;
        }
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
skip:
    return PyObject_GenericGetAttr(self, name);
}

static PyTypeObject *supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type))
        return (PyTypeObject *)Py_NewRef(obj);
    if (PyType_IsSubtype(Py_TYPE(obj), type))
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    /* Proxies that claim a class through __class__ are accepted too. */
    PyObject *class_attr;
    if (PyObject_GetOptionalAttr(obj, _Py_ID(__class__), &class_attr) < 0)
        return NULL;
    if (class_attr != NULL && PyType_Check(class_attr) &&
        (PyTypeObject *)class_attr != Py_TYPE(obj)) {
        if (PyType_IsSubtype((PyTypeObject *)class_attr, type))
            return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    PyErr_Format(PyExc_TypeError,
                 "super(type, obj): obj (instance of %.200s) is not an instance or subtype of "
                 "type (%.200s).",
                 Py_TYPE(obj)->tp_name, type->tp_name);
    return NULL;
}

static int super_init_without_args(PyTypeObject **type_p, PyObject **obj_p)
{
    PyTypeObject *type = NULL;
    PyObject *obj = NULL;
    if (_PyEval_GetSuperArgs(&type, &obj) < 0)
        return -1;
    *type_p = type;
    *obj_p = obj;
    return 0;
}

static int super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    superobject *su = (superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (type == NULL) {
        if (super_init_without_args(&type, &obj) < 0)
            return -1;
    }
    if (!PyType_Check((PyObject *)type)) {
        PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                     Py_TYPE(type)->tp_name);
        return -1;
    }
    if (obj == Py_None)
        obj = NULL;
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL)
            return -1;
        Py_INCREF(obj);
    }
    Py_INCREF(type);
    Py_XSETREF(su->type, type);
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

static int super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 2) {
        PyErr_Format(PyExc_TypeError, "super() expected at most 2 arguments, got %zd", n);
        return -1;
    }
    PyTypeObject *type = n > 0 ? (PyTypeObject *)PyTuple_GET_ITEM(args, 0) : NULL;
    PyObject *obj = n > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    return super_init_impl(self, type, obj);
}

static PyObject *super_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *su = type->tp_alloc(type, 0);
    if (su == NULL)
        return NULL;
    if (super_init_impl(su, nargs > 0 ? (PyTypeObject *)args[0] : NULL,
                        nargs > 1 ? args[1] : NULL) < 0) {
        Py_DECREF(su);
        return NULL;
    }
    return su;
}

static PyObject *super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL)
        return Py_NewRef(self);
    if (!Py_IS_TYPE(su, &PySuper_Type))
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type, obj, NULL);
    PyTypeObject *obj_type = supercheck(su->type, obj);
    if (obj_type == NULL)
        return NULL;
    superobject *newobj = (superobject *)PySuper_Type.tp_alloc(&PySuper_Type, 0);
    if (newobj == NULL) {
        Py_DECREF(obj_type);
        return NULL;
    }
    newobj->type = (PyTypeObject *)Py_NewRef(su->type);
    newobj->obj = Py_NewRef(obj);
    newobj->obj_type = obj_type;
    return (PyObject *)newobj;
}

static int super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT((PyObject *)su->type);
    Py_VISIT((PyObject *)su->obj_type);
    return 0;
}

PyObject *_PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name, int *method)
{
    PyTypeObject *starttype = supercheck(type, obj);
    if (starttype == NULL)
        return NULL;
    if (method != NULL)
        *method = 0;
    PyObject *res = super_lookup_mro(type, starttype, name);
    if (res != NULL) {
        Py_INCREF(res);
        if (method != NULL && PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            *method = 1;
        }
        else {
            descrgetfunc f = Py_TYPE(res)->tp_descr_get;
            if (f != NULL) {
                PyObject *bound =
                    f(res, ((PyObject *)starttype == obj) ? NULL : obj, (PyObject *)starttype);
                Py_SETREF(res, bound);
            }
        }
        Py_DECREF(starttype);
        return res;
    }
    Py_DECREF(starttype);
    if (PyErr_Occurred())
        return NULL;
    /* Fall back to super's own attributes, which also raises the usual error. */
    PyObject *stack[2] = {(PyObject *)type, obj};
    PyObject *su = super_vectorcall((PyObject *)&PySuper_Type, stack, 2, NULL);
    if (su == NULL)
        return NULL;
    res = PyObject_GenericGetAttr(su, name);
    Py_DECREF(su);
    return res;
}

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\n"
              "class C(B):\n"
              "    def meth(self, arg):\n"
              "        super().meth(arg)\n"
              "This works for class methods too:\n"
              "class C(B):\n"
              "    @classmethod\n"
              "    def cmeth(cls, arg):\n"
              "        super().cmeth(arg)\n",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};
