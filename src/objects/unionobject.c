/* types.UnionType: the result of X | Y on types (PEP 604). isinstance/issubclass treat a
 * union like the tuple of its members (see abstract.c). */
#include "Python.h"
#include "internal/pycore_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;       /* tuple of the members, flattened and de-duplicated */
    PyObject *parameters; /* lazily computed type variables */
} unionobject;

int _PyUnion_Check(PyObject *obj) { return Py_IS_TYPE(obj, &_PyUnion_Type); }

PyObject *_Py_union_args(PyObject *self) { return ((unionobject *)self)->args; }

int _KrGenericAlias_Check(PyObject *obj);
PyObject *_Py_make_parameters(PyObject *args);
PyObject *_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                              PyObject *item);

static void unionobject_dealloc(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int union_traverse(PyObject *self, visitproc visit, void *arg)
{
    unionobject *alias = (unionobject *)self;
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

static Py_hash_t union_hash(PyObject *self)
{
    PyObject *set = PyFrozenSet_New(((unionobject *)self)->args);
    if (set == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

static PyObject *union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *sa = PyFrozenSet_New(((unionobject *)a)->args);
    if (sa == NULL)
        return NULL;
    PyObject *sb = PyFrozenSet_New(((unionobject *)b)->args);
    if (sb == NULL) {
        Py_DECREF(sa);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(sa, sb, op);
    Py_DECREF(sa);
    Py_DECREF(sb);
    return res;
}

static int is_same(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (_KrGenericAlias_Check(a) && _KrGenericAlias_Check(b))
        return PyObject_RichCompareBool(a, b, Py_EQ);
    return 0;
}

/* Members of nested unions are inlined, None becomes NoneType, duplicates go. */
static PyObject *dedup_and_flatten_args(PyObject *args)
{
    PyObject *flat = PyList_New(0);
    if (flat == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        if (_PyUnion_Check(arg)) {
            PyObject *sub = ((unionobject *)arg)->args;
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sub); j++) {
                if (PyList_Append(flat, PyTuple_GET_ITEM(sub, j)) < 0)
                    goto error;
            }
        }
        else {
            if (arg == Py_None)
                arg = (PyObject *)&_PyNone_Type;
            if (PyList_Append(flat, arg) < 0)
                goto error;
        }
    }
    PyObject *res = PyList_New(0);
    if (res == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(flat); i++) {
        PyObject *el = PyList_GET_ITEM(flat, i);
        int dup = 0;
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(res); j++) {
            int r = is_same(el, PyList_GET_ITEM(res, j));
            if (r < 0) {
                Py_DECREF(res);
                goto error;
            }
            if (r) {
                dup = 1;
                break;
            }
        }
        if (!dup && PyList_Append(res, el) < 0) {
            Py_DECREF(res);
            goto error;
        }
    }
    Py_DECREF(flat);
    PyObject *t = PyList_AsTuple(res);
    Py_DECREF(res);
    return t;
error:
    Py_DECREF(flat);
    return NULL;
}

static int is_unionable(PyObject *obj)
{
    if (obj == Py_None || PyType_Check(obj) || _KrGenericAlias_Check(obj) || _PyUnion_Check(obj))
        return 1;
    /* typing's TypeAliasType (type X = ...) also unions. */
    return strcmp(Py_TYPE(obj)->tp_name, "typing.TypeAliasType") == 0;
}

static PyObject *make_union(PyObject *args)
{
    PyObject *flat = dedup_and_flatten_args(args);
    if (flat == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(flat) == 1) {
        PyObject *r = Py_NewRef(PyTuple_GET_ITEM(flat, 0));
        Py_DECREF(flat);
        return r;
    }
    unionobject *result = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (result == NULL) {
        Py_DECREF(flat);
        return NULL;
    }
    result->args = flat;
    result->parameters = NULL;
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

PyObject *_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!is_unionable(self) || !is_unionable(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *tuple = PyTuple_Pack(2, self, other);
    if (tuple == NULL)
        return NULL;
    PyObject *res = make_union(tuple);
    Py_DECREF(tuple);
    return res;
}

/* How types print inside union and generic-alias reprs: builtins unqualified. */
int _Py_typing_type_repr(_PyUnicodeWriter *writer, PyObject *p)
{
    PyObject *qualname = NULL, *module = NULL, *r = NULL;
    int rc;
    if (p == Py_Ellipsis)
        return _PyUnicodeWriter_WriteASCIIString(writer, "...", 3);
    if (p == (PyObject *)&_PyNone_Type)
        return _PyUnicodeWriter_WriteASCIIString(writer, "None", 4);
    rc = PyObject_HasAttrWithError(p, _Py_ID(__origin__));
    if (rc < 0)
        return -1;
    if (rc > 0) {
        rc = PyObject_HasAttrWithError(p, _Py_ID(__args__));
        if (rc < 0)
            return -1;
        if (rc > 0)
            goto use_repr; /* a generic alias */
    }
    if (PyObject_GetOptionalAttr(p, _Py_ID(__qualname__), &qualname) < 0)
        return -1;
    if (qualname == NULL)
        goto use_repr;
    if (PyObject_GetOptionalAttr(p, _Py_ID(__module__), &module) < 0) {
        Py_DECREF(qualname);
        return -1;
    }
    if (module == NULL || module == Py_None) {
        Py_XDECREF(module);
        Py_DECREF(qualname);
        goto use_repr;
    }
    if (PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, "builtins"))
        r = PyObject_Str(qualname);
    else
        r = PyUnicode_FromFormat("%S.%S", module, qualname);
    Py_DECREF(module);
    Py_DECREF(qualname);
    goto write;
use_repr:
    r = PyObject_Repr(p);
write:
    if (r == NULL)
        return -1;
    rc = _PyUnicodeWriter_WriteStr(writer, r);
    Py_DECREF(r);
    return rc;
}

static PyObject *union_repr(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(alias->args); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, " | ", 3) < 0)
            goto error;
        if (_Py_typing_type_repr(&writer, PyTuple_GET_ITEM(alias->args, i)) < 0)
            goto error;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static PyObject *union_parameters(PyObject *self, void *c)
{
    unionobject *alias = (unionobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    return Py_NewRef(alias->parameters);
}

static PyObject *union_getitem(PyObject *self, PyObject *item)
{
    unionobject *alias = (unionobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, alias->args, alias->parameters, item);
    if (newargs == NULL)
        return NULL;
    PyObject *res;
    Py_ssize_t n = PyTuple_GET_SIZE(newargs);
    if (n == 0) {
        res = make_union(newargs);
    }
    else {
        /* Rebuild with | so that non-type members (typing forms) combine their way. */
        res = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
        for (Py_ssize_t i = 1; i < n; i++) {
            Py_SETREF(res, PyNumber_Or(res, PyTuple_GET_ITEM(newargs, i)));
            if (res == NULL)
                break;
        }
    }
    Py_DECREF(newargs);
    return res;
}

static PyObject *union_mro_entries(PyObject *self, PyObject *args)
{
    return PyErr_Format(PyExc_TypeError, "Cannot subclass %R", self);
}

static PyObject *union_getattro(PyObject *self, PyObject *name)
{
    return PyObject_GenericGetAttr(self, name);
}

static PyMemberDef union_members[] = {
    {"__args__", _Py_T_OBJECT, offsetof(unionobject, args), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef union_properties[] = {
    {"__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef union_methods[] = {
    {"__mro_entries__", union_mro_entries, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods union_as_number = {.nb_or = _Py_union_type_or};
static PyMappingMethods union_as_mapping = {.mp_subscript = union_getitem};

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = unionobject_dealloc,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = union_traverse,
    .tp_hash = union_hash,
    .tp_getattro = union_getattro,
    .tp_members = union_members,
    .tp_methods = union_methods,
    .tp_richcompare = union_richcompare,
    .tp_as_mapping = &union_as_mapping,
    .tp_as_number = &union_as_number,
    .tp_repr = union_repr,
    .tp_getset = union_properties,
};
