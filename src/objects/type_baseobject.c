/* The `object` type: the root of every class. Its construction checks, default repr,
 * equality, hashing, __class__ assignment, pickling support (__reduce_ex__,
 * __getstate__) and default __dir__/__format__/__sizeof__. */
#include "Python.h"
#include "internal/pycore_typeobject.h"
#include "internal/pycore_ids.h"

static int excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds));
}

int _KrObject_Init(PyObject *self, PyObject *args, PyObject *kwds);
PyObject *_KrObject_New(PyTypeObject *type, PyObject *args, PyObject *kwds);

int _KrObject_Init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != _KrObject_Init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == _KrObject_New) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

int _KrType_IsAbstractInstantiation(PyTypeObject *type)
{
    PyObject *abstract = PyObject_GetAttr((PyObject *)type, _Py_ID(__abstractmethods__));
    if (abstract == NULL)
        return -1;
    PyObject *sorted = PySequence_List(abstract);
    Py_DECREF(abstract);
    if (sorted == NULL)
        return -1;
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return -1;
    }
    PyObject *sep = PyUnicode_FromString("', '");
    if (sep == NULL) {
        Py_DECREF(sorted);
        return -1;
    }
    PyObject *joined = PyUnicode_Join(sep, sorted);
    Py_DECREF(sep);
    Py_ssize_t n = PyList_GET_SIZE(sorted);
    Py_DECREF(sorted);
    if (joined == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError,
                 "Can't instantiate abstract class %s without an implementation for abstract "
                 "method%s '%U'",
                 type->tp_name, n > 1 ? "s" : "", joined);
    Py_DECREF(joined);
    return -1;
}

PyObject *_KrObject_New(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != _KrObject_New) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == _KrObject_Init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        _KrType_IsAbstractInstantiation(type);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

static void object_dealloc(PyObject *self) { Py_TYPE(self)->tp_free(self); }

static PyObject *object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = _KrType_GetModule(type);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    PyObject *name = _KrType_GetQualname(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *res;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins"))
        res = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, (void *)self);
    else
        res = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, (void *)self);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return res;
}

static PyObject *object_str(PyObject *self)
{
    reprfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL)
        f = object_repr;
    return f(self);
}

PyObject *_KrObject_Richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *res;
    switch (op) {
    case Py_EQ:
        res = (self == other) ? Py_True : Py_NotImplemented;
        return Py_NewRef(res);
    case Py_NE:
        /* != defaults to the inverse of ==, whatever == is for this type. */
        if (Py_TYPE(self)->tp_richcompare == NULL)
            Py_RETURN_NOTIMPLEMENTED;
        res = Py_TYPE(self)->tp_richcompare(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0)
                return NULL;
            return PyBool_FromLong(!ok);
        }
        return res;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t object_hash(PyObject *self) { return _Py_HashPointer(self); }

/* ---- __class__ ------------------------------------------------------------------------- */

static PyObject *object_get_class(PyObject *self, void *c) { return Py_NewRef(Py_TYPE(self)); }

static int compatible_with_tp_base(PyTypeObject *child)
{
    PyTypeObject *parent = child->tp_base;
    return parent != NULL && child->tp_basicsize == parent->tp_basicsize &&
           child->tp_itemsize == parent->tp_itemsize &&
           child->tp_dictoffset == parent->tp_dictoffset &&
           child->tp_weaklistoffset == parent->tp_weaklistoffset &&
           ((child->tp_flags ^ parent->tp_flags) & (Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_PREHEADER)) == 0 &&
           (child->tp_dealloc == _KrType_SubtypeDealloc || child->tp_dealloc == parent->tp_dealloc);
}

static int same_slots_added(PyTypeObject *a, PyTypeObject *b)
{
    if (a->tp_basicsize != b->tp_basicsize ||
        ((a->tp_flags ^ b->tp_flags) & Py_TPFLAGS_PREHEADER))
        return 0;
    PyObject *sa = (a->tp_flags & Py_TPFLAGS_HEAPTYPE) ? ((PyHeapTypeObject *)a)->ht_slots : NULL;
    PyObject *sb = (b->tp_flags & Py_TPFLAGS_HEAPTYPE) ? ((PyHeapTypeObject *)b)->ht_slots : NULL;
    if (sa == sb)
        return 1;
    if (sa == NULL || sb == NULL)
        return 0;
    int r = PyObject_RichCompareBool(sa, sb, Py_EQ);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

int _KrType_CompatibleForAssignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr)
{
    if (newto->tp_free != oldto->tp_free) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                     newto->tp_name, oldto->tp_name);
        return 0;
    }
    PyTypeObject *newbase = newto, *oldbase = oldto;
    while (compatible_with_tp_base(newbase))
        newbase = newbase->tp_base;
    while (compatible_with_tp_base(oldbase))
        oldbase = oldbase->tp_base;
    if (newbase != oldbase &&
        (newbase->tp_base != oldbase->tp_base || !same_slots_added(newbase, oldbase))) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' object layout differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    return 1;
}

static int object_set_class(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value, *oldto = Py_TYPE(self);
    if (!(PyType_IsSubtype(newto, &PyModule_Type) && PyType_IsSubtype(oldto, &PyModule_Type)) &&
        ((newto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) ||
         (oldto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE))) {
        PyErr_SetString(PyExc_TypeError,
                        "__class__ assignment only supported for mutable types or ModuleType "
                        "subclasses");
        return -1;
    }
    if (!_KrType_CompatibleForAssignment(oldto, newto, "__class__"))
        return -1;
    if (newto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(oldto);
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class,
     "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- pickling support ------------------------------------------------------------------ */

/* Names of the __slots__ of cls and its bases (mangled, without __dict__/__weakref__). */
static PyObject *slot_names(PyTypeObject *cls)
{
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return NULL;
    PyObject *mro = cls->tp_mro;
    for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(b->tp_flags & Py_TPFLAGS_HEAPTYPE))
            continue;
        PyObject *slots = ((PyHeapTypeObject *)b)->ht_slots;
        if (slots == NULL)
            continue;
        PyMemberDef *mp = (PyMemberDef *)((char *)b + Py_TYPE(b)->tp_basicsize);
        for (Py_ssize_t j = 0; j < Py_SIZE(b) && mp[j].name != NULL; j++) {
            PyObject *nm = PyUnicode_FromString(mp[j].name);
            if (nm == NULL || PyList_Append(names, nm) < 0) {
                Py_XDECREF(nm);
                Py_DECREF(names);
                return NULL;
            }
            Py_DECREF(nm);
        }
    }
    return names;
}

static PyObject *object_getstate_default(PyObject *obj, int required)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (required && tp->tp_itemsize) {
        return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", tp->tp_name);
    }
    PyObject *state;
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL && PyDict_GET_SIZE(*dictptr) > 0) {
        state = PyDict_Copy(*dictptr);
        if (state == NULL)
            return NULL;
    }
    else {
        state = Py_NewRef(Py_None);
    }
    PyObject *names = slot_names(tp);
    if (names == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (required) {
        Py_ssize_t basicsize = PyBaseObject_Type.tp_basicsize;
        if (tp->tp_dictoffset > 0)
            basicsize += sizeof(PyObject *);
        if (tp->tp_weaklistoffset > 0)
            basicsize += sizeof(PyObject *);
        basicsize += sizeof(PyObject *) * PyList_GET_SIZE(names);
        if (tp->tp_basicsize > basicsize) {
            Py_DECREF(names);
            Py_DECREF(state);
            return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", tp->tp_name);
        }
    }
    if (PyList_GET_SIZE(names) > 0) {
        PyObject *slots = PyDict_New();
        if (slots == NULL)
            goto error;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
            PyObject *name = PyList_GET_ITEM(names, i), *value;
            int r = PyObject_GetOptionalAttr(obj, name, &value);
            if (r < 0) {
                Py_DECREF(slots);
                goto error;
            }
            if (r > 0) {
                r = PyDict_SetItem(slots, name, value);
                Py_DECREF(value);
                if (r < 0) {
                    Py_DECREF(slots);
                    goto error;
                }
            }
        }
        if (PyDict_GET_SIZE(slots) > 0) {
            PyObject *pair = PyTuple_Pack(2, state, slots);
            Py_DECREF(state);
            state = pair;
        }
        Py_DECREF(slots);
        if (state == NULL) {
            Py_DECREF(names);
            return NULL;
        }
    }
    Py_DECREF(names);
    return state;
error:
    Py_DECREF(names);
    Py_DECREF(state);
    return NULL;
}

static PyObject *object___getstate__(PyObject *self, PyObject *unused);

static PyObject *object_getstate(PyObject *obj, int required)
{
    PyObject *getstate = PyObject_GetAttr(obj, _Py_ID(__getstate__));
    if (getstate == NULL)
        return NULL;
    PyObject *state;
    if (PyCFunction_Check(getstate) &&
        ((PyCFunctionObject *)getstate)->m_self == obj &&
        ((PyCFunctionObject *)getstate)->m_ml->ml_meth == object___getstate__) {
        state = object_getstate_default(obj, required);
    }
    else {
        state = PyObject_CallNoArgs(getstate);
    }
    Py_DECREF(getstate);
    return state;
}

PyObject *_PyObject_GetState(PyObject *obj) { return object_getstate(obj, 0); }

static PyObject *object___getstate__(PyObject *self, PyObject *unused)
{
    return object_getstate_default(self, 0);
}

static int getnewargs(PyObject *obj, PyObject **args, PyObject **kwargs)
{
    *args = *kwargs = NULL;
    PyObject *fn = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs_ex__));
    if (fn != NULL) {
        PyObject *res = PyObject_CallNoArgs(fn);
        Py_DECREF(fn);
        if (res == NULL)
            return -1;
        if (!PyTuple_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        if (PyTuple_GET_SIZE(res) != 2) {
            PyErr_Format(PyExc_ValueError,
                         "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         PyTuple_GET_SIZE(res));
            Py_DECREF(res);
            return -1;
        }
        PyObject *a = PyTuple_GET_ITEM(res, 0), *k = PyTuple_GET_ITEM(res, 1);
        if (!PyTuple_Check(a)) {
            PyErr_Format(PyExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'",
                         Py_TYPE(a)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        if (!PyDict_Check(k)) {
            PyErr_Format(PyExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'",
                         Py_TYPE(k)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        *args = Py_NewRef(a);
        *kwargs = Py_NewRef(k);
        Py_DECREF(res);
        return 0;
    }
    if (PyErr_Occurred())
        return -1;
    fn = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs__));
    if (fn != NULL) {
        PyObject *res = PyObject_CallNoArgs(fn);
        Py_DECREF(fn);
        if (res == NULL)
            return -1;
        if (!PyTuple_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        *args = res;
        return 0;
    }
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *reduce_newobj(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_new == NULL)
        return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", tp->tp_name);
    PyObject *args, *kwargs;
    if (getnewargs(obj, &args, &kwargs) < 0)
        return NULL;
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    int hasargs = args != NULL;
    PyObject *newobj, *newargs;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        newobj = PyObject_GetAttr(copyreg, _Py_ID(__newobj__));
        Py_ssize_t n = args ? PyTuple_GET_SIZE(args) : 0;
        newargs = newobj ? PyTuple_New(n + 1) : NULL;
        if (newargs != NULL) {
            PyTuple_SET_ITEM(newargs, 0, Py_NewRef(tp));
            for (Py_ssize_t i = 0; i < n; i++)
                PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        }
    }
    else {
        newobj = PyObject_GetAttr(copyreg, _Py_ID(__newobj_ex__));
        newargs = newobj ? PyTuple_Pack(3, (PyObject *)tp, args, kwargs) : NULL;
    }
    Py_DECREF(copyreg);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    if (newargs == NULL) {
        Py_XDECREF(newobj);
        return NULL;
    }
    int required = !hasargs && !PyList_Check(obj) && !PyDict_Check(obj);
    PyObject *state = object_getstate(obj, required);
    PyObject *listitems = NULL, *dictitems = NULL;
    if (state == NULL)
        goto fail;
    if (PyList_Check(obj)) {
        listitems = PyObject_GetIter(obj);
        if (listitems == NULL)
            goto fail;
    }
    if (PyDict_Check(obj)) {
        PyObject *items = PyObject_CallMethod(obj, "items", NULL);
        if (items == NULL)
            goto fail;
        dictitems = PyObject_GetIter(items);
        Py_DECREF(items);
        if (dictitems == NULL)
            goto fail;
    }
    PyObject *res = PyTuple_Pack(5, newobj, newargs, state, listitems ? listitems : Py_None,
                                 dictitems ? dictitems : Py_None);
    Py_DECREF(newobj);
    Py_DECREF(newargs);
    Py_DECREF(state);
    Py_XDECREF(listitems);
    Py_XDECREF(dictitems);
    return res;
fail:
    Py_DECREF(newobj);
    Py_DECREF(newargs);
    Py_XDECREF(state);
    Py_XDECREF(listitems);
    return NULL;
}

static PyObject *common_reduce(PyObject *self, int proto)
{
    if (proto >= 2)
        return reduce_newobj(self);
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(copyreg, "_reduce_ex", "Oi", self, proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *object___reduce__(PyObject *self, PyObject *unused)
{
    return common_reduce(self, 0);
}

static PyObject *object___reduce_ex__(PyObject *self, PyObject *arg)
{
    int proto = PyLong_AsInt(arg);
    if (proto == -1 && PyErr_Occurred())
        return NULL;
    PyObject *reduce;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__reduce__), &reduce) < 0)
        return NULL;
    if (reduce != NULL) {
        /* An overridden __reduce__ wins over the default protocol. */
        PyObject *cls_reduce = PyObject_GetAttr((PyObject *)Py_TYPE(self), _Py_ID(__reduce__));
        PyObject *obj_reduce = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict,
                                                       _Py_ID(__reduce__));
        if (cls_reduce == NULL) {
            Py_DECREF(reduce);
            return NULL;
        }
        int override = cls_reduce != obj_reduce;
        Py_DECREF(cls_reduce);
        if (override) {
            PyObject *res = PyObject_CallNoArgs(reduce);
            Py_DECREF(reduce);
            return res;
        }
        Py_DECREF(reduce);
    }
    return common_reduce(self, proto);
}

static PyObject *object_subclasshook(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *object_init_subclass(PyObject *cls, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *object___format__(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *object___sizeof__(PyObject *self, PyObject *unused)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_ssize_t size = tp->tp_basicsize;
    if (tp->tp_itemsize) {
        Py_ssize_t n = Py_SIZE(self);
        if (n < 0)
            n = -n;
        size += tp->tp_itemsize * n;
    }
    return PyLong_FromSsize_t(size);
}

int _KrType_MergeClassDict(PyObject *dict, PyObject *aclass);

static PyObject *object___dir__(PyObject *self, PyObject *unused)
{
    PyObject *dict, *itsclass = NULL, *result = NULL;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL) {
        dict = PyDict_New();
    }
    else if (!PyDict_Check(dict)) {
        Py_DECREF(dict);
        dict = PyDict_New();
    }
    else {
        Py_SETREF(dict, PyDict_Copy(dict));
    }
    if (dict == NULL)
        return NULL;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__class__), &itsclass) < 0)
        goto done;
    if (itsclass != NULL && _KrType_MergeClassDict(dict, itsclass) < 0)
        goto done;
    result = PyDict_Keys(dict);
done:
    Py_XDECREF(itsclass);
    Py_DECREF(dict);
    return result;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object___reduce_ex__, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", object___reduce__, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", object___getstate__, METH_NOARGS,
     "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__subclasshook__", object_subclasshook, METH_CLASS | METH_VARARGS,
     "Abstract classes can override this to customize issubclass().\n\n"
     "This is invoked early on by abc.ABCMeta.__subclasscheck__().\n"
     "It should return True, False or NotImplemented.  If it returns\n"
     "NotImplemented, the normal algorithm is used.  Otherwise, it\n"
     "overrides the normal algorithm (and the outcome is cached).\n"},
    {"__init_subclass__", object_init_subclass, METH_CLASS | METH_NOARGS,
     "This method is called when a class is subclassed.\n\n"
     "The default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__format__", object___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nDefault object formatter.\n\n"
     "Return str(self) if format_spec is empty. Raise TypeError otherwise."},
    {"__sizeof__", object___sizeof__, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", object___dir__, METH_NOARGS,
     "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = _KrObject_Richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = _KrObject_Init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = _KrObject_New,
    .tp_free = PyObject_Free,
};
