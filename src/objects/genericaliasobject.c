/* types.GenericAlias: list[int] and friends (PEP 585). Attribute access falls through to
 * the origin class; subscripting substitutes type variables. */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;
    PyObject *parameters;
    PyObject *weakreflist;
    int starred; /* *tuple[int] */
} gaobject;

int _Py_typing_type_repr(_PyUnicodeWriter *writer, PyObject *p);

int _KrGenericAlias_Check(PyObject *obj)
{
    return PyObject_TypeCheck(obj, &Py_GenericAliasType);
}

static void ga_dealloc(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject_GC_UnTrack(self);
    if (alias->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    gaobject *alias = (gaobject *)self;
    Py_VISIT(alias->origin);
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

static int ga_repr_items_list(_PyUnicodeWriter *writer, PyObject *p)
{
    if (_PyUnicodeWriter_WriteChar(writer, '[') < 0)
        return -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(p); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(writer, ", ", 2) < 0)
            return -1;
        PyObject *item = PyList_GET_ITEM(p, i);
        if (PyList_CheckExact(item)) {
            if (ga_repr_items_list(writer, item) < 0)
                return -1;
        }
        else if (_Py_typing_type_repr(writer, item) < 0) {
            return -1;
        }
    }
    return _PyUnicodeWriter_WriteChar(writer, ']');
}

static PyObject *ga_repr(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_ssize_t len = PyTuple_GET_SIZE(alias->args);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (alias->starred && _PyUnicodeWriter_WriteChar(&writer, '*') < 0)
        goto error;
    if (_Py_typing_type_repr(&writer, alias->origin) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *p = PyTuple_GET_ITEM(alias->args, i);
        if (PyList_CheckExact(p)) {
            if (ga_repr_items_list(&writer, p) < 0)
                goto error;
        }
        else if (_Py_typing_type_repr(&writer, p) < 0) {
            goto error;
        }
    }
    if (len == 0 && _PyUnicodeWriter_WriteASCIIString(&writer, "()", 2) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* Type variables are recognised by their __typing_subst__ method. */
static int is_typevar_like(PyObject *obj)
{
    if (PyType_Check(obj))
        return 0;
    return PyObject_HasAttrWithError(obj, _Py_ID(__typing_subst__));
}

static int tuple_index(PyObject *tuple, PyObject *item)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++)
        if (PyTuple_GET_ITEM(tuple, i) == item)
            return (int)i;
    return -1;
}

PyObject *_Py_make_parameters(PyObject *args)
{
    PyObject *params = PyList_New(0);
    if (params == NULL)
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i);
        int r = is_typevar_like(t);
        if (r < 0)
            goto error;
        if (r) {
            int has = PySequence_Contains(params, t);
            if (has < 0 || (!has && PyList_Append(params, t) < 0))
                goto error;
            continue;
        }
        if (PyType_Check(t))
            continue;
        PyObject *subparams;
        if (PyObject_GetOptionalAttr(t, _Py_ID(__parameters__), &subparams) < 0)
            goto error;
        if (subparams != NULL && PyTuple_Check(subparams)) {
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(subparams); j++) {
                PyObject *p = PyTuple_GET_ITEM(subparams, j);
                int has = PySequence_Contains(params, p);
                if (has < 0 || (!has && PyList_Append(params, p) < 0)) {
                    Py_DECREF(subparams);
                    goto error;
                }
            }
        }
        Py_XDECREF(subparams);
    }
    PyObject *res = PyList_AsTuple(params);
    Py_DECREF(params);
    return res;
error:
    Py_DECREF(params);
    return NULL;
}

/* The arguments of `self` with its parameters replaced by the subscript `item`. */
PyObject *_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                              PyObject *item)
{
    Py_ssize_t nparams = PyTuple_GET_SIZE(parameters);
    if (nparams == 0)
        return PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
    PyObject *argitems = PyTuple_Check(item) ? Py_NewRef(item) : PyTuple_Pack(1, item);
    if (argitems == NULL)
        return NULL;
    Py_ssize_t nitems = PyTuple_GET_SIZE(argitems);
    if (nitems != nparams) {
        PyErr_Format(PyExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems, nparams);
        Py_DECREF(argitems);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *newargs = PyTuple_New(nargs);
    if (newargs == NULL) {
        Py_DECREF(argitems);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i), *newarg = NULL;
        if (PyType_Check(arg)) {
            newarg = Py_NewRef(arg);
        }
        else {
            PyObject *subst;
            if (PyObject_GetOptionalAttr(arg, _Py_ID(__typing_subst__), &subst) < 0)
                goto error;
            if (subst != NULL) {
                int idx = tuple_index(parameters, arg);
                newarg = idx >= 0 ? PyObject_CallOneArg(subst, PyTuple_GET_ITEM(argitems, idx))
                                  : Py_NewRef(arg);
                Py_DECREF(subst);
            }
            else {
                PyObject *subparams;
                if (PyObject_GetOptionalAttr(arg, _Py_ID(__parameters__), &subparams) < 0)
                    goto error;
                if (subparams != NULL && PyTuple_Check(subparams) && PyTuple_GET_SIZE(subparams)) {
                    Py_ssize_t ns = PyTuple_GET_SIZE(subparams);
                    PyObject *subargs = PyTuple_New(ns);
                    if (subargs == NULL) {
                        Py_DECREF(subparams);
                        goto error;
                    }
                    for (Py_ssize_t j = 0; j < ns; j++) {
                        int idx = tuple_index(parameters, PyTuple_GET_ITEM(subparams, j));
                        PyObject *v = idx >= 0 ? PyTuple_GET_ITEM(argitems, idx)
                                               : PyTuple_GET_ITEM(subparams, j);
                        PyTuple_SET_ITEM(subargs, j, Py_NewRef(v));
                    }
                    if (ns == 1) {
                        PyObject *one = Py_NewRef(PyTuple_GET_ITEM(subargs, 0));
                        Py_SETREF(subargs, one);
                    }
                    newarg = PyObject_GetItem(arg, subargs);
                    Py_DECREF(subargs);
                }
                else {
                    newarg = Py_NewRef(arg);
                }
                Py_XDECREF(subparams);
            }
        }
        if (newarg == NULL)
            goto error;
        PyTuple_SET_ITEM(newargs, i, newarg);
    }
    Py_DECREF(argitems);
    return newargs;
error:
    Py_DECREF(argitems);
    Py_DECREF(newargs);
    return NULL;
}

static PyObject *ga_new_from(PyTypeObject *type, PyObject *origin, PyObject *args, int starred)
{
    gaobject *alias = (gaobject *)PyType_GenericAlloc(type, 0);
    if (alias == NULL)
        return NULL;
    if (!PyTuple_Check(args)) {
        args = PyTuple_Pack(1, args);
        if (args == NULL) {
            Py_DECREF(alias);
            return NULL;
        }
    }
    else {
        Py_INCREF(args);
    }
    alias->origin = Py_NewRef(origin);
    alias->args = args;
    alias->parameters = NULL;
    alias->weakreflist = NULL;
    alias->starred = starred;
    return (PyObject *)alias;
}

PyObject *Py_GenericAlias(PyObject *origin, PyObject *args)
{
    return ga_new_from(&Py_GenericAliasType, origin, args, 0);
}

static PyObject *ga_getitem(PyObject *self, PyObject *item)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, alias->args, alias->parameters, item);
    if (newargs == NULL)
        return NULL;
    PyObject *res = ga_new_from(Py_TYPE(self), alias->origin, newargs, alias->starred);
    Py_DECREF(newargs);
    return res;
}

static PyMappingMethods ga_as_mapping = {.mp_subscript = ga_getitem};

static Py_hash_t ga_hash(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(alias->origin);
    if (h0 == -1)
        return -1;
    Py_hash_t h1 = PyObject_Hash(alias->args);
    if (h1 == -1)
        return -1;
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PyObject *ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Call(alias->origin, args, kwds);
    if (obj != NULL) {
        if (PyObject_SetAttrString(obj, "__orig_class__", self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

static const char *const attr_exceptions[] = {
    "__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static PyObject *ga_getattro(PyObject *self, PyObject *name)
{
    gaobject *alias = (gaobject *)self;
    if (PyUnicode_Check(name)) {
        int excepted = 0;
        for (const char *const *p = attr_exceptions; *p; p++) {
            if (_PyUnicode_EqualToASCIIString(name, *p)) {
                excepted = 1;
                break;
            }
        }
        if (!excepted)
            return PyObject_GetAttr(alias->origin, name);
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_KrGenericAlias_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    gaobject *aa = (gaobject *)a, *bb = (gaobject *)b;
    if (aa->starred != bb->starred)
        return PyBool_FromLong(op == Py_NE);
    int eq = PyObject_RichCompareBool(aa->origin, bb->origin, Py_EQ);
    if (eq < 0)
        return NULL;
    if (!eq)
        return PyBool_FromLong(op == Py_NE);
    return PyObject_RichCompare(aa->args, bb->args, op);
}

static PyObject *ga_mro_entries(PyObject *self, PyObject *args)
{
    return PyTuple_Pack(1, ((gaobject *)self)->origin);
}

static PyObject *ga_instancecheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *ga_subclasscheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *ga_reduce(PyObject *self, PyObject *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred) {
        PyObject *tmp = Py_GenericAlias(alias->origin, alias->args);
        if (tmp == NULL)
            return NULL;
        PyObject *it = PyObject_GetIter(tmp);
        Py_DECREF(tmp);
        if (it == NULL)
            return NULL;
        PyObject *next = PyDict_GetItemString(PyEval_GetBuiltins(), "next");
        PyObject *res = next ? Py_BuildValue("O(N)", next, it) : NULL;
        if (next == NULL)
            Py_DECREF(it);
        return res;
    }
    return Py_BuildValue("O(OO)", Py_TYPE(self), alias->origin, alias->args);
}

static PyObject *ga_dir(PyObject *self, PyObject *unused)
{
    gaobject *alias = (gaobject *)self;
    PyObject *dir = PyObject_Dir(alias->origin);
    if (dir == NULL)
        return NULL;
    for (const char *const *p = attr_exceptions; *p; p++) {
        PyObject *s = PyUnicode_FromString(*p);
        if (s == NULL) {
            Py_DECREF(dir);
            return NULL;
        }
        int has = PySequence_Contains(dir, s);
        if (has < 0 || (!has && PyList_Append(dir, s) < 0)) {
            Py_DECREF(s);
            Py_DECREF(dir);
            return NULL;
        }
        Py_DECREF(s);
    }
    return dir;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(gaobject, origin), Py_READONLY, NULL},
    {"__args__", _Py_T_OBJECT, offsetof(gaobject, args), Py_READONLY, NULL},
    {"__unpacked__", Py_T_BOOL, offsetof(gaobject, starred), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *ga_parameters(PyObject *self, void *c)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    return Py_NewRef(alias->parameters);
}

static PyObject *ga_unpacked_tuple_args(PyObject *self, void *c)
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred && alias->origin == (PyObject *)&PyTuple_Type)
        return Py_NewRef(alias->args);
    Py_RETURN_NONE;
}

static PyGetSetDef ga_properties[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "GenericAlias() takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "GenericAlias expected 2 arguments, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    return ga_new_from(type, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1), 0);
}

/* Iterating an alias yields it once, starred: [*tuple[int, str]]. */
typedef struct {
    PyObject_HEAD
    PyObject *obj; /* NULL when exhausted */
} gaiterobject;

static PyObject *ga_iternext(PyObject *self)
{
    gaiterobject *gi = (gaiterobject *)self;
    if (gi->obj == NULL)
        return NULL;
    gaobject *alias = (gaobject *)gi->obj;
    PyObject *starred = ga_new_from(Py_TYPE(alias), alias->origin, alias->args, 1);
    Py_CLEAR(gi->obj);
    return starred;
}

static void ga_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((gaiterobject *)self)->obj);
    PyObject_GC_Del(self);
}

static int ga_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((gaiterobject *)self)->obj);
    return 0;
}

PyTypeObject _Py_GenericAliasIterType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generic_alias_iterator",
    .tp_basicsize = sizeof(gaiterobject),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = ga_iternext,
    .tp_traverse = ga_iter_traverse,
    .tp_dealloc = ga_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
};

static PyObject *ga_iter(PyObject *self)
{
    gaiterobject *gi = PyObject_GC_New(gaiterobject, &_Py_GenericAliasIterType);
    if (gi == NULL)
        return NULL;
    gi->obj = Py_NewRef(self);
    PyObject_GC_Track(gi);
    return (PyObject *)gi;
}

static PyNumberMethods ga_as_number = {.nb_or = _Py_union_type_or};

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_doc = "GenericAlias(origin, args, /)\n--\n\n"
              "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
              "and t.__args__ is (int,).",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(gaobject, weakreflist),
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
    .tp_getset = ga_properties,
};
