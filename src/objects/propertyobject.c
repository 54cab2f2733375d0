/* property: the data descriptor built from getter/setter/deleter functions. */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc; /* the doc came from fget and follows it through copies */
} propertyobject;

static PyMemberDef property_members[] = {
    {"fget", _Py_T_OBJECT, offsetof(propertyobject, prop_get), Py_READONLY, NULL},
    {"fset", _Py_T_OBJECT, offsetof(propertyobject, prop_set), Py_READONLY, NULL},
    {"fdel", _Py_T_OBJECT, offsetof(propertyobject, prop_del), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static void property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

static int property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int property_clear(PyObject *self)
{
    Py_CLEAR(((propertyobject *)self)->prop_doc);
    return 0;
}

/* The property's name: given by __set_name__, else fget's __name__; *name NULL if none. */
static int property_name(propertyobject *prop, PyObject **name)
{
    if (prop->prop_name != NULL) {
        *name = Py_NewRef(prop->prop_name);
        return 1;
    }
    if (prop->prop_get == NULL) {
        *name = NULL;
        return 0;
    }
    int r = PyObject_GetOptionalAttr(prop->prop_get, _Py_ID(__name__), name);
    return r;
}

static void property_error(propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *propname;
    if (property_name(gs, &propname) < 0)
        return;
    PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
    if (propname != NULL && qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property %R of %R object has no %s", propname,
                     qualname, what);
    else if (qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property of %R object has no %s", qualname, what);
    else
        PyErr_Format(PyExc_AttributeError, "property has no %s", what);
    Py_XDECREF(propname);
    Py_XDECREF(qualname);
}

static PyObject *property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None)
        return Py_NewRef(self);
    propertyobject *gs = (propertyobject *)self;
    if (gs->prop_get == NULL) {
        property_error(gs, obj, "getter");
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

static int property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func = value == NULL ? gs->prop_del : gs->prop_set;
    if (func == NULL) {
        property_error(gs, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    PyObject *res;
    if (value == NULL)
        res = PyObject_CallOneArg(func, obj);
    else
        res = PyObject_CallFunctionObjArgs(func, obj, value, NULL);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    PyObject *doc;
    if (get == NULL || get == Py_None)
        get = pold->prop_get ? pold->prop_get : Py_None;
    if (set == NULL || set == Py_None)
        set = pold->prop_set ? pold->prop_set : Py_None;
    if (del == NULL || del == Py_None)
        del = pold->prop_del ? pold->prop_del : Py_None;
    if (pold->getter_doc && get != Py_None)
        doc = Py_None; /* let __init__ take the new getter's doc */
    else
        doc = pold->prop_doc ? pold->prop_doc : Py_None;
    PyObject *type = (PyObject *)Py_TYPE(old);
    PyObject *new = PyObject_CallFunctionObjArgs(type, get, set, del, doc, NULL);
    if (new == NULL)
        return NULL;
    if (PyObject_TypeCheck(new, &PyProperty_Type))
        Py_XSETREF(((propertyobject *)new)->prop_name, Py_XNewRef(pold->prop_name));
    return new;
}

static PyObject *property_getter(PyObject *self, PyObject *getter)
{
    return property_copy(self, getter, NULL, NULL);
}
static PyObject *property_setter(PyObject *self, PyObject *setter)
{
    return property_copy(self, NULL, setter, NULL);
}
static PyObject *property_deleter(PyObject *self, PyObject *deleter)
{
    return property_copy(self, NULL, NULL, deleter);
}

static PyObject *property_set_name(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    propertyobject *prop = (propertyobject *)self;
    Py_XSETREF(prop->prop_name, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
    Py_RETURN_NONE;
}

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_VARARGS, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static int property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    PyObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:property", kwlist, &fget, &fset, &fdel,
                                     &doc))
        return -1;
    propertyobject *prop = (propertyobject *)self;
    if (fget == Py_None) fget = NULL;
    if (fset == Py_None) fset = NULL;
    if (fdel == Py_None) fdel = NULL;
    Py_XSETREF(prop->prop_get, Py_XNewRef(fget));
    Py_XSETREF(prop->prop_set, Py_XNewRef(fset));
    Py_XSETREF(prop->prop_del, Py_XNewRef(fdel));
    Py_XSETREF(prop->prop_doc, NULL);
    Py_XSETREF(prop->prop_name, NULL);
    prop->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_NewRef(doc);
    }
    else if (fget != NULL) {
        if (PyObject_GetOptionalAttr(fget, _Py_ID(__doc__), &prop_doc) < 0)
            return -1;
        if (prop_doc != NULL && prop_doc == Py_None)
            Py_CLEAR(prop_doc);
        if (prop_doc != NULL)
            prop->getter_doc = 1;
    }
    /* A subclass's class-level __doc__ would shadow the member, so it goes in the instance
     * dict there. */
    if (!Py_IS_TYPE(self, &PyProperty_Type)) {
        if (prop_doc == NULL)
            prop_doc = Py_NewRef(Py_None);
        int err = PyObject_SetAttr(self, _Py_ID(__doc__), prop_doc);
        Py_DECREF(prop_doc);
        if (err < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                return 0;
            }
            return -1;
        }
        return 0;
    }
    prop->prop_doc = prop_doc;
    return 0;
}

static PyObject *property_get___isabstractmethod__(PyObject *self, void *c)
{
    propertyobject *prop = (propertyobject *)self;
    PyObject *fs[3] = {prop->prop_get, prop->prop_set, prop->prop_del};
    for (int i = 0; i < 3; i++) {
        if (fs[i] == NULL)
            continue;
        PyObject *v;
        int r = PyObject_GetOptionalAttr(fs[i], _Py_ID(__isabstractmethod__), &v);
        if (r < 0)
            return NULL;
        if (r > 0) {
            int t = PyObject_IsTrue(v);
            Py_DECREF(v);
            if (t < 0)
                return NULL;
            if (t)
                Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyObject *property_get___name__(PyObject *self, void *c)
{
    PyObject *name;
    if (property_name((propertyobject *)self, &name) < 0)
        return NULL;
    if (name == NULL)
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '__name__'",
                     Py_TYPE(self)->tp_name);
    return name;
}

static int property_set___name__(PyObject *self, PyObject *value, void *c)
{
    Py_XSETREF(((propertyobject *)self)->prop_name, Py_XNewRef(value));
    return 0;
}

static PyGetSetDef property_getsetlist[] = {
    {"__isabstractmethod__", property_get___isabstractmethod__, NULL, NULL, NULL},
    {"__name__", property_get___name__, property_set___name__, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n"
              "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\n"
              "class C(object):\n"
              "    def getx(self): return self._x\n"
              "    def setx(self, value): self._x = value\n"
              "    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
              "Decorators make defining new properties or modifying existing ones easy:\n\n"
              "class C(object):\n"
              "    @property\n"
              "    def x(self):\n"
              "        \"I am the 'x' property.\"\n"
              "        return self._x\n"
              "    @x.setter\n"
              "    def x(self, value):\n"
              "        self._x = value\n"
              "    @x.deleter\n"
              "    def x(self):\n"
              "        del self._x",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsetlist,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
