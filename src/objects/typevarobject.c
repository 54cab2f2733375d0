/* PEP 695 typing objects: TypeVar, ParamSpec, TypeVarTuple, ParamSpecArgs/Kwargs,
 * TypeAliasType, Generic and NoDefault, exported by the _typing module. The parts of
 * their behaviour that CPython writes in Python (substitution, Generic[...]) are
 * delegated to the typing module's helpers when it is available. */
#include "Python.h"
#include "internal/pycore_frame.h"

extern PyTypeObject _PyTypeVar_Type, _PyParamSpec_Type, _PyTypeVarTuple_Type,
    _PyParamSpecArgs_Type, _PyParamSpecKwargs_Type, _PyTypeAlias_Type, _PyNoDefault_Type,
    _PyGeneric_Type;
PyObject *_Py_union_type_or(PyObject *, PyObject *);

PyObject _Py_NoDefaultStruct = {_Py_IMMORTAL_REFCNT, &_PyNoDefault_Type};
#define Py_NoDefault (&_Py_NoDefaultStruct)

enum { KR_TV_TYPEVAR, KR_TV_PARAMSPEC, KR_TV_TYPEVARTUPLE };

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *bound, *evaluate_bound;
    PyObject *constraints, *evaluate_constraints;
    PyObject *default_value, *evaluate_default;
    PyObject *dict;
    char covariant, contravariant, infer_variance;
} typevarobject;

typedef struct {
    PyObject_HEAD
    PyObject *origin;
} paramspecattrobject;

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *type_params;
    PyObject *compute_value;
    PyObject *value;
    PyObject *module;
} typealiasobject;

/* ---- helpers ------------------------------------------------------------------------ */

static PyObject *caller_module(void)
{
    PyObject *globals = PyEval_GetGlobals();
    if (globals == NULL)
        Py_RETURN_NONE;
    PyObject *name = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    if (name == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return Py_NewRef(name);
}

/* Calls typing.<helper>(*args); NULL with an exception on failure. */
static PyObject *call_typing(const char *helper, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typing = PyImport_ImportModule("typing");
    if (typing == NULL)
        return NULL;
    PyObject *func = PyObject_GetAttrString(typing, helper);
    Py_DECREF(typing);
    if (func == NULL)
        return NULL;
    PyObject *res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    Py_DECREF(func);
    return res;
}

static PyObject *make_typevar_obj(PyTypeObject *type, PyObject *name)
{
    typevarobject *tv = PyObject_GC_New(typevarobject, type);
    if (tv == NULL)
        return NULL;
    tv->name = Py_NewRef(name);
    tv->bound = tv->evaluate_bound = NULL;
    tv->constraints = tv->evaluate_constraints = NULL;
    tv->default_value = tv->evaluate_default = NULL;
    tv->dict = NULL;
    tv->covariant = tv->contravariant = tv->infer_variance = 0;
    PyObject_GC_Track(tv);
    return (PyObject *)tv;
}

static int set_module(PyObject *obj, PyObject *module)
{
    if (module == NULL || module == Py_None)
        return 0;
    return PyObject_SetAttr(obj, _Py_ID(__module__), module);
}

static void typevar_dealloc(PyObject *self)
{
    typevarobject *tv = (typevarobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(tv->name);
    Py_XDECREF(tv->bound);
    Py_XDECREF(tv->evaluate_bound);
    Py_XDECREF(tv->constraints);
    Py_XDECREF(tv->evaluate_constraints);
    Py_XDECREF(tv->default_value);
    Py_XDECREF(tv->evaluate_default);
    Py_XDECREF(tv->dict);
    PyObject_GC_Del(self);
}

static int typevar_traverse(PyObject *self, visitproc visit, void *arg)
{
    typevarobject *tv = (typevarobject *)self;
    Py_VISIT(tv->bound);
    Py_VISIT(tv->evaluate_bound);
    Py_VISIT(tv->constraints);
    Py_VISIT(tv->evaluate_constraints);
    Py_VISIT(tv->default_value);
    Py_VISIT(tv->evaluate_default);
    Py_VISIT(tv->dict);
    return 0;
}

static int typevar_clear(PyObject *self)
{
    typevarobject *tv = (typevarobject *)self;
    Py_CLEAR(tv->bound);
    Py_CLEAR(tv->evaluate_bound);
    Py_CLEAR(tv->constraints);
    Py_CLEAR(tv->evaluate_constraints);
    Py_CLEAR(tv->default_value);
    Py_CLEAR(tv->evaluate_default);
    Py_CLEAR(tv->dict);
    return 0;
}

static PyObject *typevar_repr(PyObject *self)
{
    typevarobject *tv = (typevarobject *)self;
    if (Py_IS_TYPE(self, &_PyTypeVarTuple_Type))
        return Py_NewRef(tv->name);
    if (tv->infer_variance)
        return Py_NewRef(tv->name);
    char variance = tv->covariant ? '+' : tv->contravariant ? '-' : '~';
    return PyUnicode_FromFormat("%c%U", variance, tv->name);
}

static PyObject *lazy_value(PyObject **slot, PyObject *evaluate, PyObject *fallback)
{
    if (*slot != NULL)
        return Py_NewRef(*slot);
    if (evaluate == NULL)
        return Py_NewRef(fallback);
    PyObject *v = PyObject_CallNoArgs(evaluate);
    if (v == NULL)
        return NULL;
    *slot = Py_NewRef(v);
    return v;
}

static PyObject *typevar_bound(PyObject *self, void *c)
{
    typevarobject *tv = (typevarobject *)self;
    return lazy_value(&tv->bound, tv->evaluate_bound, Py_None);
}

static PyObject *typevar_constraints(PyObject *self, void *c)
{
    typevarobject *tv = (typevarobject *)self;
    if (tv->constraints == NULL && tv->evaluate_constraints == NULL)
        return PyTuple_New(0);
    return lazy_value(&tv->constraints, tv->evaluate_constraints, Py_None);
}

static PyObject *typevar_default(PyObject *self, void *c)
{
    typevarobject *tv = (typevarobject *)self;
    return lazy_value(&tv->default_value, tv->evaluate_default, Py_NoDefault);
}

static PyObject *typevar_name(PyObject *self, void *c)
{
    return Py_NewRef(((typevarobject *)self)->name);
}

static PyObject *typevar_flag(char v)
{
    return Py_NewRef(v ? Py_True : Py_False);
}

static PyObject *typevar_covariant(PyObject *self, void *c)
{
    return typevar_flag(((typevarobject *)self)->covariant);
}

static PyObject *typevar_contravariant(PyObject *self, void *c)
{
    return typevar_flag(((typevarobject *)self)->contravariant);
}

static PyObject *typevar_infer_variance(PyObject *self, void *c)
{
    return typevar_flag(((typevarobject *)self)->infer_variance);
}

static PyObject *typevar_evaluate_default(PyObject *self, void *c)
{
    PyObject *e = ((typevarobject *)self)->evaluate_default;
    return Py_NewRef(e ? e : Py_None);
}

static PyObject *typevar_has_default(PyObject *self, PyObject *unused)
{
    typevarobject *tv = (typevarobject *)self;
    int has = tv->evaluate_default != NULL ||
              (tv->default_value != NULL && tv->default_value != Py_NoDefault);
    return typevar_flag((char)has);
}

static PyObject *typevar_reduce(PyObject *self, PyObject *unused)
{
    return Py_NewRef(((typevarobject *)self)->name);
}

static PyObject *typevar_mro_entries(PyObject *self, PyObject *bases)
{
    PyErr_Format(PyExc_TypeError, "Cannot subclass an instance of %s",
                 _PyType_Name(Py_TYPE(self)));
    return NULL;
}

static PyObject *typevar_or(PyObject *self, PyObject *other)
{
    /* T | X is typing.Union[T, X], built by typing (as CPython does); a TypeVarTuple
     * shares the number methods but takes no part in unions. */
    if (Py_IS_TYPE(self, &_PyTypeVarTuple_Type) || Py_IS_TYPE(other, &_PyTypeVarTuple_Type))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *args[2] = {self, other};
    return call_typing("_make_union", args, 2);
}

static PyObject *typealias_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyObject *typevar_typing_subst(PyObject *self, PyObject *arg)
{
    const char *helper = Py_IS_TYPE(self, &_PyParamSpec_Type) ? "_paramspec_subst"
                                                                : "_typevar_subst";
    if (Py_IS_TYPE(self, &_PyTypeVarTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "Substitution of bare TypeVarTuple is not supported");
        return NULL;
    }
    PyObject *args[2] = {self, arg};
    return call_typing(helper, args, 2);
}

static PyObject *typevar_typing_prepare_subst(PyObject *self, PyObject *const *args,
                                              Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "__typing_prepare_subst__ expected 2 arguments, got %zd",
                     nargs);
        return NULL;
    }
    const char *helper = Py_IS_TYPE(self, &_PyParamSpec_Type)      ? "_paramspec_prepare_subst"
                         : Py_IS_TYPE(self, &_PyTypeVarTuple_Type) ? "_typevartuple_prepare_subst"
                                                                   : "_typevar_prepare_subst";
    PyObject *cargs[3] = {self, args[0], args[1]};
    return call_typing(helper, cargs, 3);
}

static PyNumberMethods typevar_as_number = {.nb_or = typevar_or};

static PyMethodDef typevar_methods[] = {
    {"__typing_subst__", typevar_typing_subst, METH_O, NULL},
    {"__typing_prepare_subst__", _PyCFunction_CAST(typevar_typing_prepare_subst), METH_FASTCALL,
     NULL},
    {"__reduce__", typevar_reduce, METH_NOARGS, NULL},
    {"__mro_entries__", typevar_mro_entries, METH_O, NULL},
    {"has_default", typevar_has_default, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef typevar_getset[] = {
    {"__name__", typevar_name, NULL, NULL, NULL},
    {"__bound__", typevar_bound, NULL, NULL, NULL},
    {"__constraints__", typevar_constraints, NULL, NULL, NULL},
    {"__covariant__", typevar_covariant, NULL, NULL, NULL},
    {"__contravariant__", typevar_contravariant, NULL, NULL, NULL},
    {"__infer_variance__", typevar_infer_variance, NULL, NULL, NULL},
    {"__default__", typevar_default, NULL, NULL, NULL},
    {"evaluate_default", typevar_evaluate_default, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int parse_variance(PyObject *cov, PyObject *contra, PyObject *infer, typevarobject *tv)
{
    int c = cov ? PyObject_IsTrue(cov) : 0;
    int d = contra ? PyObject_IsTrue(contra) : 0;
    int i = infer ? PyObject_IsTrue(infer) : 0;
    if (c < 0 || d < 0 || i < 0)
        return -1;
    if (c && d) {
        PyErr_SetString(PyExc_ValueError, "Bivariant types are not supported.");
        return -1;
    }
    if (i && (c || d)) {
        PyErr_SetString(PyExc_ValueError, "Variance cannot be specified with infer_variance.");
        return -1;
    }
    tv->covariant = (char)c;
    tv->contravariant = (char)d;
    tv->infer_variance = (char)i;
    return 0;
}

static PyObject *typevar_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"name", "bound", "covariant", "contravariant", "infer_variance",
                             "default", NULL};
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "TypeVar() missing required argument 'name' (pos 1)");
        return NULL;
    }
    PyObject *first = PyTuple_GetSlice(args, 0, 1);
    PyObject *constraints = PyTuple_GetSlice(args, 1, n);
    if (first == NULL || constraints == NULL) {
        Py_XDECREF(first);
        Py_XDECREF(constraints);
        return NULL;
    }
    PyObject *name, *bound = Py_None, *cov = NULL, *contra = NULL, *infer = NULL;
    PyObject *def = Py_NoDefault;
    int ok = PyArg_ParseTupleAndKeywords(first, kwargs, "U|$OOOOO:TypeVar", kwlist, &name,
                                         &bound, &cov, &contra, &infer, &def);
    Py_DECREF(first);
    if (!ok) {
        Py_DECREF(constraints);
        return NULL;
    }
    if (PyTuple_GET_SIZE(constraints) == 1) {
        PyErr_SetString(PyExc_TypeError, "A single constraint is not allowed");
        Py_DECREF(constraints);
        return NULL;
    }
    if (PyTuple_GET_SIZE(constraints) > 1 && bound != Py_None) {
        PyErr_SetString(PyExc_TypeError, "Constraints cannot be combined with bound=...");
        Py_DECREF(constraints);
        return NULL;
    }
    typevarobject *tv = (typevarobject *)make_typevar_obj(&_PyTypeVar_Type, name);
    if (tv == NULL || parse_variance(cov, contra, infer, tv) < 0) {
        Py_XDECREF(tv);
        Py_DECREF(constraints);
        return NULL;
    }
    if (bound != Py_None) {
        PyObject *checked = bound;
        PyObject *cargs[2] = {bound, NULL};
        cargs[1] = PyUnicode_FromString("Bound must be a type.");
        if (cargs[1] != NULL) {
            checked = call_typing("_type_check", cargs, 2);
            Py_DECREF(cargs[1]);
        }
        else {
            checked = NULL;
        }
        if (checked == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_ImportError) &&
                !PyErr_ExceptionMatches(PyExc_AttributeError)) {
                Py_DECREF(tv);
                Py_DECREF(constraints);
                return NULL;
            }
            PyErr_Clear();
            checked = Py_NewRef(bound);
        }
        tv->bound = checked;
    }
    tv->constraints = constraints;
    if (def != Py_NoDefault)
        tv->default_value = Py_NewRef(def);
    PyObject *module = caller_module();
    if (module == NULL || set_module((PyObject *)tv, module) < 0) {
        Py_XDECREF(module);
        Py_DECREF(tv);
        return NULL;
    }
    Py_DECREF(module);
    return (PyObject *)tv;
}

static PyObject *paramspec_like_new(PyTypeObject *type, PyObject *args, PyObject *kwargs,
                                    int kind)
{
    static char *kwlist_ps[] = {"name", "bound", "covariant", "contravariant", "infer_variance",
                                "default", NULL};
    static char *kwlist_tvt[] = {"name", "default", NULL};
    PyObject *name, *bound = Py_None, *cov = NULL, *contra = NULL, *infer = NULL;
    PyObject *def = Py_NoDefault;
    typevarobject *tv;
    if (kind == KR_TV_PARAMSPEC) {
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|$OOOOO:ParamSpec", kwlist_ps, &name,
                                         &bound, &cov, &contra, &infer, &def))
            return NULL;
        tv = (typevarobject *)make_typevar_obj(&_PyParamSpec_Type, name);
        if (tv == NULL)
            return NULL;
        if (parse_variance(cov, contra, infer, tv) < 0) {
            Py_DECREF(tv);
            return NULL;
        }
        if (bound != Py_None)
            tv->bound = Py_NewRef(bound);
    }
    else {
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|$O:TypeVarTuple", kwlist_tvt, &name,
                                         &def))
            return NULL;
        tv = (typevarobject *)make_typevar_obj(&_PyTypeVarTuple_Type, name);
        if (tv == NULL)
            return NULL;
    }
    if (def != Py_NoDefault)
        tv->default_value = Py_NewRef(def);
    PyObject *module = caller_module();
    if (module == NULL || set_module((PyObject *)tv, module) < 0) {
        Py_XDECREF(module);
        Py_DECREF(tv);
        return NULL;
    }
    Py_DECREF(module);
    return (PyObject *)tv;
}

static PyObject *paramspec_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    return paramspec_like_new(type, args, kwargs, KR_TV_PARAMSPEC);
}

static PyObject *typevartuple_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    return paramspec_like_new(type, args, kwargs, KR_TV_TYPEVARTUPLE);
}

#define KR_TYPEVAR_TYPE(cname, pyname, newfn, extra_iter)                             \
    PyTypeObject cname = {                                                            \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                        \
        .tp_name = pyname,                                                            \
        .tp_basicsize = sizeof(typevarobject),                                        \
        .tp_dealloc = typevar_dealloc,                                                \
        .tp_repr = typevar_repr,                                                      \
        .tp_as_number = &typevar_as_number,                                           \
        .tp_getattro = PyObject_GenericGetAttr,                                       \
        .tp_setattro = PyObject_GenericSetAttr,                                       \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE, \
        .tp_traverse = typevar_traverse,                                              \
        .tp_clear = typevar_clear,                                                    \
        .tp_methods = typevar_methods,                                                \
        .tp_getset = typevar_getset,                                                  \
        .tp_dictoffset = offsetof(typevarobject, dict),                               \
        .tp_new = newfn,                                                              \
        .tp_iter = extra_iter,                                                        \
    };

/* iter(Ts) yields Unpack[Ts], as *Ts does. */
static PyObject *typevartuple_iter(PyObject *self)
{
    PyObject *typing = PyImport_ImportModule("typing");
    if (typing == NULL)
        return NULL;
    PyObject *unpack = PyObject_GetAttrString(typing, "Unpack");
    Py_DECREF(typing);
    if (unpack == NULL)
        return NULL;
    PyObject *item = PyObject_GetItem(unpack, self);
    Py_DECREF(unpack);
    if (item == NULL)
        return NULL;
    PyObject *t = PyTuple_Pack(1, item);
    Py_DECREF(item);
    if (t == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(t);
    Py_DECREF(t);
    return it;
}

KR_TYPEVAR_TYPE(_PyTypeVar_Type, "typing.TypeVar", typevar_new, NULL)
KR_TYPEVAR_TYPE(_PyTypeVarTuple_Type, "typing.TypeVarTuple", typevartuple_new,
                typevartuple_iter)

/* ParamSpec adds .args / .kwargs. */
static PyObject *paramspecattr_new_obj(PyTypeObject *type, PyObject *origin)
{
    paramspecattrobject *o = PyObject_GC_New(paramspecattrobject, type);
    if (o == NULL)
        return NULL;
    o->origin = Py_NewRef(origin);
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *paramspec_args(PyObject *self, void *c)
{
    return paramspecattr_new_obj(&_PyParamSpecArgs_Type, self);
}

static PyObject *paramspec_kwargs(PyObject *self, void *c)
{
    return paramspecattr_new_obj(&_PyParamSpecKwargs_Type, self);
}

static PyGetSetDef paramspec_getset[] = {
    {"__name__", typevar_name, NULL, NULL, NULL},
    {"__bound__", typevar_bound, NULL, NULL, NULL},
    {"__covariant__", typevar_covariant, NULL, NULL, NULL},
    {"__contravariant__", typevar_contravariant, NULL, NULL, NULL},
    {"__infer_variance__", typevar_infer_variance, NULL, NULL, NULL},
    {"__default__", typevar_default, NULL, NULL, NULL},
    {"evaluate_default", typevar_evaluate_default, NULL, NULL, NULL},
    {"args", paramspec_args, NULL, NULL, NULL},
    {"kwargs", paramspec_kwargs, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyParamSpec_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.ParamSpec",
    .tp_basicsize = sizeof(typevarobject),
    .tp_dealloc = typevar_dealloc,
    .tp_repr = typevar_repr,
    .tp_as_number = &typevar_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_traverse = typevar_traverse,
    .tp_clear = typevar_clear,
    .tp_methods = typevar_methods,
    .tp_getset = paramspec_getset,
    .tp_dictoffset = offsetof(typevarobject, dict),
    .tp_new = paramspec_new,
};

static void paramspecattr_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((paramspecattrobject *)self)->origin);
    PyObject_GC_Del(self);
}

static int paramspecattr_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((paramspecattrobject *)self)->origin);
    return 0;
}

static PyObject *paramspecattr_repr(PyObject *self)
{
    PyObject *origin = ((paramspecattrobject *)self)->origin;
    const char *suffix = Py_IS_TYPE(self, &_PyParamSpecArgs_Type) ? "args" : "kwargs";
    if (Py_IS_TYPE(origin, &_PyParamSpec_Type))
        return PyUnicode_FromFormat("%U.%s", ((typevarobject *)origin)->name, suffix);
    return PyUnicode_FromFormat("%R.%s", origin, suffix);
}

static PyObject *paramspecattr_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Py_IS_TYPE(b, Py_TYPE(a)) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    return PyObject_RichCompare(((paramspecattrobject *)a)->origin,
                                ((paramspecattrobject *)b)->origin, op);
}

static PyObject *paramspecattr_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *origin;
    if (!PyArg_UnpackTuple(args, type->tp_name, 1, 1, &origin))
        return NULL;
    return paramspecattr_new_obj(type, origin);
}

static PyMemberDef paramspecattr_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(paramspecattrobject, origin), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define KR_PSATTR_TYPE(cname, pyname)                                             \
    PyTypeObject cname = {                                                        \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                    \
        .tp_name = pyname,                                                        \
        .tp_basicsize = sizeof(paramspecattrobject),                              \
        .tp_dealloc = paramspecattr_dealloc,                                      \
        .tp_repr = paramspecattr_repr,                                            \
        .tp_getattro = PyObject_GenericGetAttr,                                   \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE, \
        .tp_traverse = paramspecattr_traverse,                                    \
        .tp_richcompare = paramspecattr_richcompare,                              \
        .tp_members = paramspecattr_members,                                      \
        .tp_new = paramspecattr_new,                                              \
    };
KR_PSATTR_TYPE(_PyParamSpecArgs_Type, "typing.ParamSpecArgs")
KR_PSATTR_TYPE(_PyParamSpecKwargs_Type, "typing.ParamSpecKwargs")

/* ---- intrinsics --------------------------------------------------------------------- */

PyObject *_Py_make_typevar(PyObject *name, PyObject *evaluate_bound,
                           PyObject *evaluate_constraints)
{
    typevarobject *tv = (typevarobject *)make_typevar_obj(&_PyTypeVar_Type, name);
    if (tv == NULL)
        return NULL;
    tv->infer_variance = 1;
    tv->evaluate_bound = Py_XNewRef(evaluate_bound);
    tv->evaluate_constraints = Py_XNewRef(evaluate_constraints);
    PyObject *module = caller_module();
    if (module == NULL || set_module((PyObject *)tv, module) < 0) {
        Py_XDECREF(module);
        Py_DECREF(tv);
        return NULL;
    }
    Py_DECREF(module);
    return (PyObject *)tv;
}

static PyObject *make_simple(PyTypeObject *type, PyObject *name)
{
    typevarobject *tv = (typevarobject *)make_typevar_obj(type, name);
    if (tv == NULL)
        return NULL;
    tv->infer_variance = type == &_PyParamSpec_Type;
    PyObject *module = caller_module();
    if (module == NULL || set_module((PyObject *)tv, module) < 0) {
        Py_XDECREF(module);
        Py_DECREF(tv);
        return NULL;
    }
    Py_DECREF(module);
    return (PyObject *)tv;
}

PyObject *_Py_make_paramspec(PyThreadState *tstate, PyObject *v)
{
    return make_simple(&_PyParamSpec_Type, v);
}

PyObject *_Py_make_typevartuple(PyThreadState *tstate, PyObject *v)
{
    return make_simple(&_PyTypeVarTuple_Type, v);
}

PyObject *_Py_set_typeparam_default(PyThreadState *tstate, PyObject *typeparam,
                                    PyObject *evaluate_default)
{
    if (Py_IS_TYPE(typeparam, &_PyTypeVar_Type) || Py_IS_TYPE(typeparam, &_PyParamSpec_Type) ||
        Py_IS_TYPE(typeparam, &_PyTypeVarTuple_Type)) {
        Py_XSETREF(((typevarobject *)typeparam)->evaluate_default, Py_NewRef(evaluate_default));
        return Py_NewRef(typeparam);
    }
    PyErr_Format(PyExc_TypeError, "Expected a type param, got %R", typeparam);
    return NULL;
}

/* ---- NoDefault ---------------------------------------------------------------------- */

static PyObject *nodefault_repr(PyObject *self)
{
    return PyUnicode_FromString("typing.NoDefault");
}

static PyObject *nodefault_reduce(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("NoDefault");
}

static PyObject *nodefault_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoDefaultType takes no arguments");
        return NULL;
    }
    return Py_NewRef(Py_NoDefault);
}

static PyMethodDef nodefault_methods[] = {
    {"__reduce__", nodefault_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyNoDefault_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoDefaultType",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = nodefault_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_methods = nodefault_methods,
    .tp_new = nodefault_new,
};

/* ---- TypeAliasType ------------------------------------------------------------------ */

static PyObject *typealias_alloc(PyObject *name, PyObject *type_params,
                                 PyObject *compute_value, PyObject *value, PyObject *module)
{
    typealiasobject *ta = PyObject_GC_New(typealiasobject, &_PyTypeAlias_Type);
    if (ta == NULL)
        return NULL;
    ta->name = Py_NewRef(name);
    ta->type_params = (type_params == NULL || type_params == Py_None ||
                       PyTuple_GET_SIZE(type_params) == 0)
                          ? NULL
                          : Py_NewRef(type_params);
    ta->compute_value = Py_XNewRef(compute_value);
    ta->value = Py_XNewRef(value);
    ta->module = Py_XNewRef(module);
    PyObject_GC_Track(ta);
    return (PyObject *)ta;
}

PyObject *_Py_make_typealias(PyThreadState *tstate, PyObject *args)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3) {
        PyErr_SetString(PyExc_SystemError, "bad TYPEALIAS intrinsic arguments");
        return NULL;
    }
    PyObject *module = caller_module();
    if (module == NULL)
        return NULL;
    PyObject *res = typealias_alloc(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                                    PyTuple_GET_ITEM(args, 2), NULL, module);
    Py_DECREF(module);
    return res;
}

static void typealias_dealloc(PyObject *self)
{
    typealiasobject *ta = (typealiasobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(ta->name);
    Py_XDECREF(ta->type_params);
    Py_XDECREF(ta->compute_value);
    Py_XDECREF(ta->value);
    Py_XDECREF(ta->module);
    PyObject_GC_Del(self);
}

static int typealias_traverse(PyObject *self, visitproc visit, void *arg)
{
    typealiasobject *ta = (typealiasobject *)self;
    Py_VISIT(ta->type_params);
    Py_VISIT(ta->compute_value);
    Py_VISIT(ta->value);
    Py_VISIT(ta->module);
    return 0;
}

static int typealias_clear(PyObject *self)
{
    typealiasobject *ta = (typealiasobject *)self;
    Py_CLEAR(ta->type_params);
    Py_CLEAR(ta->compute_value);
    Py_CLEAR(ta->value);
    Py_CLEAR(ta->module);
    return 0;
}

static PyObject *typealias_repr(PyObject *self)
{
    return Py_NewRef(((typealiasobject *)self)->name);
}

static PyObject *typealias_value(PyObject *self, void *c)
{
    typealiasobject *ta = (typealiasobject *)self;
    if (ta->value != NULL)
        return Py_NewRef(ta->value);
    if (ta->compute_value == NULL)
        Py_RETURN_NONE;
    PyObject *v = PyObject_CallNoArgs(ta->compute_value);
    if (v == NULL)
        return NULL;
    ta->value = Py_NewRef(v);
    return v;
}

static PyObject *typealias_name(PyObject *self, void *c)
{
    return Py_NewRef(((typealiasobject *)self)->name);
}

static PyObject *typealias_type_params(PyObject *self, void *c)
{
    PyObject *tp = ((typealiasobject *)self)->type_params;
    if (tp == NULL)
        return PyTuple_New(0);
    return Py_NewRef(tp);
}

static PyObject *typealias_module(PyObject *self, void *c)
{
    PyObject *m = ((typealiasobject *)self)->module;
    return Py_NewRef(m ? m : Py_None);
}

static PyObject *typealias_subscript(PyObject *self, PyObject *args)
{
    if (((typealiasobject *)self)->type_params == NULL) {
        PyErr_SetString(PyExc_TypeError, "Only generic type aliases are subscriptable");
        return NULL;
    }
    return Py_GenericAlias(self, args);
}

static PyObject *typealias_reduce(PyObject *self, PyObject *unused)
{
    return Py_NewRef(((typealiasobject *)self)->name);
}

static PyObject *typealias_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"name", "value", "type_params", NULL};
    PyObject *name, *value, *type_params = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UO|$O:TypeAliasType", kwlist, &name,
                                     &value, &type_params))
        return NULL;
    if (type_params != NULL && !PyTuple_Check(type_params)) {
        PyErr_SetString(PyExc_TypeError, "type_params must be a tuple");
        return NULL;
    }
    PyObject *module = caller_module();
    if (module == NULL)
        return NULL;
    PyObject *res = typealias_alloc(name, type_params, NULL, value, module);
    Py_DECREF(module);
    return res;
}

static PyMappingMethods typealias_as_mapping = {.mp_subscript = typealias_subscript};

static PyGetSetDef typealias_getset[] = {
    {"__name__", typealias_name, NULL, NULL, NULL},
    {"__value__", typealias_value, NULL, NULL, NULL},
    {"__type_params__", typealias_type_params, NULL, NULL, NULL},
    {"__parameters__", typealias_type_params, NULL, NULL, NULL},
    {"__module__", typealias_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef typealias_methods[] = {
    {"__reduce__", typealias_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods typealias_as_number = {.nb_or = typealias_or};

PyTypeObject _PyTypeAlias_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.TypeAliasType",
    .tp_basicsize = sizeof(typealiasobject),
    .tp_dealloc = typealias_dealloc,
    .tp_repr = typealias_repr,
    .tp_as_number = &typealias_as_number,
    .tp_as_mapping = &typealias_as_mapping,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_traverse = typealias_traverse,
    .tp_clear = typealias_clear,
    .tp_methods = typealias_methods,
    .tp_getset = typealias_getset,
    .tp_new = typealias_new,
};

/* ---- Generic ------------------------------------------------------------------------ */

static PyObject *generic_class_getitem(PyObject *cls, PyObject *params)
{
    PyObject *args[2] = {cls, params};
    PyObject *res = call_typing("_generic_class_getitem", args, 2);
    if (res == NULL && (PyErr_ExceptionMatches(PyExc_ImportError) ||
                        PyErr_ExceptionMatches(PyExc_AttributeError))) {
        PyErr_Clear();
        return Py_GenericAlias(cls, params);
    }
    return res;
}

static PyObject *generic_init_subclass(PyObject *cls, PyObject *args, PyObject *kwargs)
{
    PyObject *typing = PyImport_ImportModule("typing");
    PyObject *func = NULL;
    if (typing != NULL) {
        func = PyObject_GetAttrString(typing, "_generic_init_subclass");
        Py_DECREF(typing);
    }
    if (func == NULL) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    PyObject *res = _PyObject_Call_Prepend(func, cls, args, kwargs);
    Py_DECREF(func);
    return res;
}

static PyMethodDef generic_methods[] = {
    {"__class_getitem__", generic_class_getitem, METH_O | METH_CLASS, NULL},
    {"__init_subclass__", _PyCFunction_CAST(generic_init_subclass),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyGeneric_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.Generic",
    .tp_basicsize = sizeof(PyObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for generic types.",
    .tp_methods = generic_methods,
    .tp_new = PyType_GenericNew,
};

PyObject *_Py_subscript_generic(PyThreadState *tstate, PyObject *params)
{
    return generic_class_getitem((PyObject *)&_PyGeneric_Type, params);
}

/* ---- the _typing module -------------------------------------------------------------- */

static PyObject *typing_idfunc(PyObject *self, PyObject *x)
{
    return Py_NewRef(x);
}

static PyMethodDef typing_methods[] = {
    {"_idfunc", typing_idfunc, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef typing_module = {
    PyModuleDef_HEAD_INIT, "_typing", "Primitives and accelerators for the typing module.\n",
    0, typing_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__typing(void)
{
    PyObject *m = PyModule_Create(&typing_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "TypeVar", (PyObject *)&_PyTypeVar_Type) < 0 ||
        PyModule_AddObjectRef(m, "ParamSpec", (PyObject *)&_PyParamSpec_Type) < 0 ||
        PyModule_AddObjectRef(m, "TypeVarTuple", (PyObject *)&_PyTypeVarTuple_Type) < 0 ||
        PyModule_AddObjectRef(m, "ParamSpecArgs", (PyObject *)&_PyParamSpecArgs_Type) < 0 ||
        PyModule_AddObjectRef(m, "ParamSpecKwargs", (PyObject *)&_PyParamSpecKwargs_Type) < 0 ||
        PyModule_AddObjectRef(m, "TypeAliasType", (PyObject *)&_PyTypeAlias_Type) < 0 ||
        PyModule_AddObjectRef(m, "Generic", (PyObject *)&_PyGeneric_Type) < 0 ||
        PyModule_AddObjectRef(m, "NoDefault", Py_NoDefault) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
