/* Descriptors for what C types define in tables: methods (PyMethodDef), class methods,
 * members (PyMemberDef), getsets (PyGetSetDef) and slot wrappers, plus the bound
 * "method-wrapper" objects the latter produce. property is in propertyobject.c and
 * mappingproxy in mappingproxy.c. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"

PyObject *_KrDoc_FromInternal(const char *name, const char *doc);
PyObject *_KrDoc_TextSignature(const char *name, const char *doc);

/* ---- common ------------------------------------------------------------------------------- */

static void descr_dealloc(PyObject *self)
{
    PyDescrObject *d = (PyDescrObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(d->d_type);
    Py_XDECREF(d->d_name);
    Py_XDECREF(d->d_qualname);
    PyObject_GC_Del(self);
}

static int descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)((PyDescrObject *)self)->d_type);
    return 0;
}

static PyObject *descr_name(PyDescrObject *d)
{
    if (d->d_name != NULL && PyUnicode_Check(d->d_name))
        return d->d_name;
    return NULL;
}

static PyObject *descr_repr_fmt(PyDescrObject *d, const char *kind)
{
    PyObject *name = descr_name(d);
    if (name == NULL)
        return PyUnicode_FromFormat("<%s '?' of '%s' objects>", kind, d->d_type->tp_name);
    return PyUnicode_FromFormat("<%s '%U' of '%s' objects>", kind, name, d->d_type->tp_name);
}

static PyObject *method_repr(PyObject *d) { return descr_repr_fmt((PyDescrObject *)d, "method"); }
static PyObject *member_repr(PyObject *d) { return descr_repr_fmt((PyDescrObject *)d, "member"); }
static PyObject *getset_repr(PyObject *d) { return descr_repr_fmt((PyDescrObject *)d, "attribute"); }
static PyObject *wrapperdescr_repr(PyObject *d)
{
    return descr_repr_fmt((PyDescrObject *)d, "slot wrapper");
}

/* 1: obj may use the descriptor; 0 with TypeError otherwise. */
static int descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return 0;
    }
    return 1;
}

/* Takes the reference to name (an interned str, or NULL after a failed interning). */
static PyDescrObject *descr_new_named(PyTypeObject *descrtype, PyTypeObject *type,
                                      PyObject *name)
{
    if (name == NULL)
        return NULL;
    /* Start-up makes a descriptor for every slot and method of every built-in type: the
     * plain GC allocation, clearing only what follows the common header, is cheaper than
     * the generic allocator's size computation and full clear. */
    PyDescrObject *descr = (PyDescrObject *)_PyObject_GC_New(descrtype);
    if (descr == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    size_t size = (size_t)descrtype->tp_basicsize;
    if (size > sizeof(PyDescrObject))
        memset((char *)descr + sizeof(PyDescrObject), 0, size - sizeof(PyDescrObject));
    descr->d_type = (PyTypeObject *)Py_XNewRef(type);
    descr->d_name = name;
    descr->d_qualname = NULL;
    PyObject_GC_Track(descr);
    return descr;
}

static PyDescrObject *descr_new(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    return descr_new_named(descrtype, type, PyUnicode_InternFromString(name));
}

static PyObject *descr_get_qualname(PyObject *self, void *c)
{
    PyDescrObject *d = (PyDescrObject *)self;
    if (d->d_qualname == NULL) {
        PyObject *tq = PyType_GetQualName(d->d_type);
        if (tq == NULL)
            return NULL;
        d->d_qualname = PyUnicode_FromFormat("%U.%U", tq, d->d_name);
        Py_DECREF(tq);
        if (d->d_qualname == NULL)
            return NULL;
    }
    return Py_NewRef(d->d_qualname);
}

static PyObject *descr_reduce(PyObject *self, PyObject *unused)
{
    PyDescrObject *d = (PyDescrObject *)self;
    PyObject *getattr = PyDict_GetItemString(PyEval_GetBuiltins(), "getattr");
    if (getattr == NULL)
        return PyErr_Format(PyExc_RuntimeError, "builtins.getattr is missing");
    return Py_BuildValue("O(OO)", getattr, (PyObject *)d->d_type, d->d_name);
}

static PyMethodDef descr_methods[] = {
    {"__reduce__", descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef descr_members[] = {
    {"__objclass__", _Py_T_OBJECT, offsetof(PyDescrObject, d_type), Py_READONLY, NULL},
    {"__name__", _Py_T_OBJECT, offsetof(PyDescrObject, d_name), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- calling a PyMethodDef ---------------------------------------------------------------- */

/* "list.append" for messages. */
static PyObject *descr_qualname_for_error(PyDescrObject *d)
{
    PyObject *q = descr_get_qualname((PyObject *)d, NULL);
    if (q == NULL) {
        PyErr_Clear();
        return Py_NewRef(d->d_name);
    }
    return q;
}

static PyObject *call_methoddef(PyDescrObject *d, PyMethodDef *ml, PyObject *self,
                                PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                PyTypeObject *cls)
{
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *res = NULL;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    switch (flags) {
    case METH_NOARGS:
    case METH_O:
        if (nkw) {
            PyObject *q = descr_qualname_for_error(d);
            PyErr_Format(PyExc_TypeError, "%U() takes no keyword arguments", q);
            Py_DECREF(q);
            break;
        }
        if (flags == METH_NOARGS && nargs != 0) {
            PyObject *q = descr_qualname_for_error(d);
            PyErr_Format(PyExc_TypeError, "%U() takes no arguments (%zd given)", q, nargs);
            Py_DECREF(q);
            break;
        }
        if (flags == METH_O && nargs != 1) {
            PyObject *q = descr_qualname_for_error(d);
            PyErr_Format(PyExc_TypeError, "%U() takes exactly one argument (%zd given)", q, nargs);
            Py_DECREF(q);
            break;
        }
        res = ml->ml_meth(self, flags == METH_O ? args[0] : NULL);
        break;
    case METH_FASTCALL:
        if (nkw) {
            PyObject *q = descr_qualname_for_error(d);
            PyErr_Format(PyExc_TypeError, "%U() takes no keyword arguments", q);
            Py_DECREF(q);
            break;
        }
        res = ((PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                                        nkw ? kwnames : NULL);
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, args, (size_t)nargs,
                                                       nkw ? kwnames : NULL);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        if (flags == METH_VARARGS && nkw) {
            PyObject *q = descr_qualname_for_error(d);
            PyErr_Format(PyExc_TypeError, "%U() takes no keyword arguments", q);
            Py_DECREF(q);
            break;
        }
        PyObject *tuple = _PyTuple_FromArray(args, nargs);
        if (tuple == NULL)
            break;
        PyObject *kwdict = NULL;
        if (nkw) {
            kwdict = _PyStack_AsDict(args + nargs, kwnames);
            if (kwdict == NULL) {
                Py_DECREF(tuple);
                break;
            }
        }
        if (flags & METH_KEYWORDS)
            res = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, tuple, kwdict);
        else
            res = ml->ml_meth(self, tuple);
        Py_DECREF(tuple);
        Py_XDECREF(kwdict);
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", ml->ml_name);
        break;
    }
    Py_LeaveRecursiveCall();
    return res;
}

/* ---- method descriptors -------------------------------------------------------------------- */

static PyObject *method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (!descr_check((PyDescrObject *)d, obj))
        return NULL;
    if (d->d_method->ml_flags & METH_METHOD)
        return PyCMethod_New(d->d_method, obj, NULL, d->d_common.d_type);
    return PyCFunction_NewEx(d->d_method, obj, NULL);
}

static PyObject *method_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyObject *q = descr_qualname_for_error((PyDescrObject *)d);
        PyErr_Format(PyExc_TypeError, "unbound method %U() needs an argument", q);
        Py_DECREF(q);
        return NULL;
    }
    if (!descr_check((PyDescrObject *)d, args[0]))
        return NULL;
    return call_methoddef((PyDescrObject *)d, d->d_method, args[0], args + 1, nargs - 1, kwnames,
                          d->d_common.d_type);
}

static PyObject *classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)self;
    if (type == NULL) {
        if (obj != NULL)
            type = (PyObject *)Py_TYPE(obj);
        else {
            PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs either an "
                         "object or a type", descr_name((PyDescrObject *)d), "?",
                         d->d_common.d_type->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                     descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name,
                     Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, d->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' requires a subtype of '%.100s' but received '%.100s'",
                     descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name,
                     ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    if (d->d_method->ml_flags & METH_METHOD)
        return PyCMethod_New(d->d_method, type, NULL, d->d_common.d_type);
    return PyCFunction_NewEx(d->d_method, type, NULL);
}

static PyObject *classmethoddescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)self;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *bound = classmethod_get(self, NULL, PyTuple_GET_ITEM(args, 0));
    if (bound == NULL)
        return NULL;
    PyObject *rest = PyTuple_GetSlice(args, 1, n);
    PyObject *res = rest ? PyObject_Call(bound, rest, kwds) : NULL;
    Py_XDECREF(rest);
    Py_DECREF(bound);
    return res;
}

static PyObject *method_get_doc(PyObject *self, void *c)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)self;
    return _KrDoc_FromInternal(d->d_method->ml_name, d->d_method->ml_doc);
}

static PyObject *method_get_text_signature(PyObject *self, void *c)
{
    PyMethodDescrObject *d = (PyMethodDescrObject *)self;
    return _KrDoc_TextSignature(d->d_method->ml_name, d->d_method->ml_doc);
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", method_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_repr,
    .tp_call = classmethoddescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
};

PyObject *PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *d =
        (PyMethodDescrObject *)descr_new(&PyMethodDescr_Type, type, method->ml_name);
    if (d != NULL) {
        d->d_method = method;
        d->vectorcall = method_vectorcall;
    }
    return (PyObject *)d;
}

PyObject *PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *d =
        (PyMethodDescrObject *)descr_new(&PyClassMethodDescr_Type, type, method->ml_name);
    if (d != NULL) {
        d->d_method = method;
        d->vectorcall = NULL;
    }
    return (PyObject *)d;
}

/* ---- member descriptors -------------------------------------------------------------------- */

static PyObject *member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *d = (PyMemberDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (!descr_check((PyDescrObject *)d, obj))
        return NULL;
    if (d->d_member->flags & Py_AUDIT_READ) {
        if (PySys_Audit("object.__getattr__", "Os", obj, d->d_member->name) < 0)
            return NULL;
    }
    if (d->d_member->type == Py_T_OBJECT_EX) {
        PyObject *v = *(PyObject **)((char *)obj + d->d_member->offset);
        if (v == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE(obj)->tp_name, d->d_member->name);
            return NULL;
        }
        return Py_NewRef(v);
    }
    return PyMember_GetOne((const char *)obj, d->d_member);
}

static int member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *d = (PyMemberDescrObject *)self;
    if (!descr_check((PyDescrObject *)d, obj))
        return -1;
    return PyMember_SetOne((char *)obj, d->d_member, value);
}

static PyObject *member_get_doc(PyObject *self, void *c)
{
    PyMemberDescrObject *d = (PyMemberDescrObject *)self;
    if (d->d_member->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(d->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

PyObject *PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    PyMemberDescrObject *d =
        (PyMemberDescrObject *)descr_new(&PyMemberDescr_Type, type, member->name);
    if (d != NULL)
        d->d_member = member;
    return (PyObject *)d;
}

/* ---- getset descriptors -------------------------------------------------------------------- */

static PyObject *getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *d = (PyGetSetDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (!descr_check((PyDescrObject *)d, obj))
        return NULL;
    if (d->d_getset->get != NULL)
        return d->d_getset->get(obj, d->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not readable",
                 descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name);
    return NULL;
}

static int getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *d = (PyGetSetDescrObject *)self;
    if (!descr_check((PyDescrObject *)d, obj))
        return -1;
    if (d->d_getset->set != NULL)
        return d->d_getset->set(obj, value, d->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not writable",
                 descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name);
    return -1;
}

static PyObject *getset_get_doc(PyObject *self, void *c)
{
    PyGetSetDescrObject *d = (PyGetSetDescrObject *)self;
    if (d->d_getset->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(d->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

PyObject *PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *d =
        (PyGetSetDescrObject *)descr_new(&PyGetSetDescr_Type, type, getset->name);
    if (d != NULL)
        d->d_getset = getset;
    return (PyObject *)d;
}

/* ---- slot wrappers --------------------------------------------------------------------------- */

static PyObject *wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (!descr_check((PyDescrObject *)d, obj))
        return NULL;
    return PyWrapper_New(self, obj);
}

static PyObject *wrapperdescr_raw_call(PyWrapperDescrObject *d, PyObject *self, PyObject *args,
                                       PyObject *kwds)
{
    wrapperfunc wrapper = d->d_base->wrapper;
    if (d->d_base->flags & PyWrapperFlag_KEYWORDS)
        return ((wrapperfunc_kwds)(void (*)(void))wrapper)(self, args, d->d_wrapped, kwds);
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments",
                     d->d_base->name);
        return NULL;
    }
    return wrapper(self, args, d->d_wrapped);
}

static PyObject *wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, d->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' requires a '%.100s' object but received a '%.100s'",
                     descr_name((PyDescrObject *)d), "?", d->d_common.d_type->tp_name,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, n);
    if (rest == NULL)
        return NULL;
    PyObject *res = wrapperdescr_raw_call(d, obj, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyObject *wrapperdescr_get_doc(PyObject *self, void *c)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    return _KrDoc_FromInternal(d->d_base->name, d->d_base->doc);
}

static PyObject *wrapperdescr_get_text_signature(PyObject *self, void *c)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    return _KrDoc_TextSignature(d->d_base->name, d->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", wrapperdescr_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
};

PyObject *PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *d =
        (PyWrapperDescrObject *)(base->name_strobj != NULL
                                     ? descr_new_named(&PyWrapperDescr_Type, type,
                                                       Py_NewRef(base->name_strobj))
                                     : descr_new(&PyWrapperDescr_Type, type, base->name));
    if (d != NULL) {
        d->d_base = base;
        d->d_wrapped = wrapped;
    }
    return (PyObject *)d;
}

int _KrDescr_IsData(PyObject *descr) { return Py_TYPE(descr)->tp_descr_set != NULL; }
int PyDescr_IsData(PyObject *descr) { return Py_TYPE(descr)->tp_descr_set != NULL; }

/* ---- method-wrapper: a slot wrapper bound to an object ----------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} wrapperobject;

static void wrapper_dealloc(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(op);
}

static int wrapper_traverse(PyObject *op, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)op;
    Py_VISIT((PyObject *)wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

static PyObject *wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !Py_IS_TYPE(b, &_PyMethodWrapper_Type))
        Py_RETURN_NOTIMPLEMENTED;
    wrapperobject *wa = (wrapperobject *)a, *wb = (wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t wrapper_hash(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    Py_hash_t x = _Py_HashPointer(wp->self);
    Py_hash_t y = _Py_HashPointer(wp->descr);
    x = x ^ y;
    if (x == -1)
        x = -2;
    return x;
}

static PyObject *wrapper_repr(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>", wp->descr->d_base->name,
                                Py_TYPE(wp->self)->tp_name, (void *)wp->self);
}

static PyObject *wrapper_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    wrapperobject *wp = (wrapperobject *)op;
    return wrapperdescr_raw_call(wp->descr, wp->self, args, kwds);
}

static PyObject *wrapper_objclass(PyObject *op, void *c)
{
    return Py_NewRef(((wrapperobject *)op)->descr->d_common.d_type);
}

static PyObject *wrapper_name(PyObject *op, void *c)
{
    return PyUnicode_FromString(((wrapperobject *)op)->descr->d_base->name);
}

static PyObject *wrapper_qualname(PyObject *op, void *c)
{
    return descr_get_qualname((PyObject *)((wrapperobject *)op)->descr, NULL);
}

static PyObject *wrapper_doc(PyObject *op, void *c)
{
    return wrapperdescr_get_doc((PyObject *)((wrapperobject *)op)->descr, NULL);
}

static PyObject *wrapper_text_signature(PyObject *op, void *c)
{
    return wrapperdescr_get_text_signature((PyObject *)((wrapperobject *)op)->descr, NULL);
}

static PyObject *wrapper_reduce(PyObject *op, PyObject *unused)
{
    wrapperobject *wp = (wrapperobject *)op;
    PyObject *getattr = PyDict_GetItemString(PyEval_GetBuiltins(), "getattr");
    if (getattr == NULL)
        return PyErr_Format(PyExc_RuntimeError, "builtins.getattr is missing");
    return Py_BuildValue("O(OO)", getattr, wp->self, wp->descr->d_common.d_name);
}

static PyMemberDef wrapper_members[] = {
    {"__self__", _Py_T_OBJECT, offsetof(wrapperobject, self), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_methods = wrapper_methods,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getsets,
};

PyObject *PyWrapper_New(PyObject *d, PyObject *self)
{
    wrapperobject *wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp == NULL)
        return NULL;
    wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
    wp->self = Py_NewRef(self);
    PyObject_GC_Track(wp);
    return (PyObject *)wp;
}

/* ---- reading and writing PyMemberDef fields ---------------------------------------------------- */

PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    const char *addr = obj_addr + l->offset;
    PyObject *v;
    switch (l->type) {
    case Py_T_BOOL: v = PyBool_FromLong(*(const char *)addr); break;
    case Py_T_BYTE: v = PyLong_FromLong(*(const signed char *)addr); break;
    case Py_T_UBYTE: v = PyLong_FromUnsignedLong(*(const unsigned char *)addr); break;
    case Py_T_SHORT: v = PyLong_FromLong(*(const short *)addr); break;
    case Py_T_USHORT: v = PyLong_FromUnsignedLong(*(const unsigned short *)addr); break;
    case Py_T_INT: v = PyLong_FromLong(*(const int *)addr); break;
    case Py_T_UINT: v = PyLong_FromUnsignedLong(*(const unsigned int *)addr); break;
    case Py_T_LONG: v = PyLong_FromLong(*(const long *)addr); break;
    case Py_T_ULONG: v = PyLong_FromUnsignedLong(*(const unsigned long *)addr); break;
    case Py_T_PYSSIZET: v = PyLong_FromSsize_t(*(const Py_ssize_t *)addr); break;
    case Py_T_FLOAT: v = PyFloat_FromDouble((double)*(const float *)addr); break;
    case Py_T_DOUBLE: v = PyFloat_FromDouble(*(const double *)addr); break;
    case Py_T_STRING:
        if (*(char *const *)addr == NULL)
            v = Py_NewRef(Py_None);
        else
            v = PyUnicode_FromString(*(char *const *)addr);
        break;
    case Py_T_STRING_INPLACE: v = PyUnicode_FromString(addr); break;
    case Py_T_CHAR: v = PyUnicode_FromStringAndSize(addr, 1); break;
    case _Py_T_OBJECT:
        v = *(PyObject *const *)addr;
        v = Py_NewRef(v ? v : Py_None);
        break;
    case Py_T_OBJECT_EX:
        v = *(PyObject *const *)addr;
        if (v == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
                         "object", l->name);
            return NULL;
        }
        Py_INCREF(v);
        break;
    case Py_T_LONGLONG: v = PyLong_FromLongLong(*(const long long *)addr); break;
    case Py_T_ULONGLONG: v = PyLong_FromUnsignedLongLong(*(const unsigned long long *)addr); break;
    case Py_T_NONE: v = Py_NewRef(Py_None); break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        v = NULL;
    }
    return v;
}

static int member_long(PyObject *v, long long lo, unsigned long long hi, long long *out)
{
    PyObject *idx = PyNumber_Index(v);
    if (idx == NULL)
        return -1;
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (overflow || x < lo || (x > 0 && (unsigned long long)x > hi)) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = x;
    return 0;
}

int PyMember_SetOne(char *obj_addr, PyMemberDef *l, PyObject *v)
{
    char *addr = obj_addr + l->offset;
    if (l->flags & Py_READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL) {
        if (l->type == Py_T_OBJECT_EX) {
            if (*(PyObject **)addr == NULL) {
                PyErr_SetString(PyExc_AttributeError, l->name);
                return -1;
            }
        }
        else if (l->type != _Py_T_OBJECT) {
            PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
    }
    long long x;
    switch (l->type) {
    case Py_T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(v == Py_True);
        break;
    case Py_T_BYTE:
        if (member_long(v, SCHAR_MIN, UCHAR_MAX, &x) < 0) return -1;
        *(char *)addr = (char)x;
        break;
    case Py_T_UBYTE:
        if (member_long(v, SCHAR_MIN, UCHAR_MAX, &x) < 0) return -1;
        *(unsigned char *)addr = (unsigned char)x;
        break;
    case Py_T_SHORT:
        if (member_long(v, SHRT_MIN, USHRT_MAX, &x) < 0) return -1;
        *(short *)addr = (short)x;
        break;
    case Py_T_USHORT:
        if (member_long(v, SHRT_MIN, USHRT_MAX, &x) < 0) return -1;
        *(unsigned short *)addr = (unsigned short)x;
        break;
    case Py_T_INT:
        if (member_long(v, INT_MIN, UINT_MAX, &x) < 0) return -1;
        *(int *)addr = (int)x;
        break;
    case Py_T_UINT:
        if (member_long(v, INT_MIN, UINT_MAX, &x) < 0) return -1;
        *(unsigned int *)addr = (unsigned int)x;
        break;
    case Py_T_LONG:
    case Py_T_LONGLONG:
        if (member_long(v, LLONG_MIN, LLONG_MAX, &x) < 0) return -1;
        if (l->type == Py_T_LONG) *(long *)addr = (long)x;
        else *(long long *)addr = x;
        break;
    case Py_T_ULONG:
    case Py_T_ULONGLONG: {
        PyObject *idx = PyNumber_Index(v);
        if (idx == NULL)
            return -1;
        unsigned long long u = PyLong_AsUnsignedLongLong(idx);
        Py_DECREF(idx);
        if (u == (unsigned long long)-1 && PyErr_Occurred())
            return -1;
        if (l->type == Py_T_ULONG) *(unsigned long *)addr = (unsigned long)u;
        else *(unsigned long long *)addr = u;
        break;
    }
    case Py_T_PYSSIZET: {
        Py_ssize_t s = PyNumber_AsSsize_t(v, PyExc_OverflowError);
        if (s == -1 && PyErr_Occurred())
            return -1;
        *(Py_ssize_t *)addr = s;
        break;
    }
    case Py_T_FLOAT:
    case Py_T_DOUBLE: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred())
            return -1;
        if (l->type == Py_T_FLOAT) *(float *)addr = (float)d;
        else *(double *)addr = d;
        break;
    }
    case _Py_T_OBJECT:
    case Py_T_OBJECT_EX: {
        PyObject *old = *(PyObject **)addr;
        *(PyObject **)addr = Py_XNewRef(v);
        Py_XDECREF(old);
        break;
    }
    case Py_T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (s == NULL || len != 1) {
            if (!PyErr_Occurred())
                PyErr_BadArgument();
            return -1;
        }
        *addr = s[0];
        break;
    }
    case Py_T_STRING:
    case Py_T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
    return 0;
}
