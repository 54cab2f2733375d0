/* Context variables (PEP 567): ContextVar, Token, Context and copy_context.
 * A Context's variables live in a dict that is never mutated once shared: setting a
 * variable replaces the current context's dict with an updated copy, so copy_context()
 * is O(1) and earlier copies never see later changes. (CPython uses a HAMT for the same
 * guarantee; contexts hold few variables, so a copied dict is just as good here.)
 * The current context hangs off the thread state and is created on first use. */
#include "Python.h"
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    PyObject *vars;    /* dict ContextVar -> value; replaced, never mutated when shared */
    PyObject *prev;    /* the context that was current before run() entered this one */
    int entered;
} ContextObject;

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *dflt;    /* NULL: no default */
    Py_hash_t hash;
} ContextVarObject;

typedef struct {
    PyObject_HEAD
    PyObject *ctx;
    PyObject *var;
    PyObject *old_value; /* NULL: the variable was unset (Token.MISSING) */
    int used;
} TokenObject;

static PyTypeObject Context_Type, ContextVar_Type, Token_Type, Missing_Type;
static PyObject missing_object = {_Py_IMMORTAL_REFCNT, &Missing_Type};

static ContextObject *context_new_empty(PyObject *vars)
{
    ContextObject *ctx = PyObject_GC_New(ContextObject, &Context_Type);
    if (ctx == NULL)
        return NULL;
    ctx->vars = vars ? Py_NewRef(vars) : PyDict_New();
    ctx->prev = NULL;
    ctx->entered = 0;
    if (ctx->vars == NULL) {
        Py_DECREF(ctx);
        return NULL;
    }
    PyObject_GC_Track(ctx);
    return ctx;
}

/* Borrowed reference to the thread's current context. */
static ContextObject *current_context(void)
{
    PyThreadState *ts = PyThreadState_Get();
    if (ts->context == NULL)
        ts->context = (PyObject *)context_new_empty(NULL);
    return (ContextObject *)ts->context;
}

/* Replace ctx's variables with a copy where var is bound to value (value NULL: unbound). */
static int context_assign(ContextObject *ctx, PyObject *var, PyObject *value)
{
    PyObject *vars = PyDict_Copy(ctx->vars);
    if (vars == NULL)
        return -1;
    int rc = value ? PyDict_SetItem(vars, var, value) : PyDict_DelItem(vars, var);
    if (rc < 0) {
        Py_DECREF(vars);
        return -1;
    }
    Py_SETREF(ctx->vars, vars);
    return 0;
}

/* ---- ContextVar ------------------------------------------------------------------------ */

static PyObject *contextvar_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"name", "default", NULL};
    PyObject *name, *dflt = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:ContextVar", (char **)kwlist, &name,
                                     &dflt))
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "context variable name must be a str");
        return NULL;
    }
    ContextVarObject *var = PyObject_GC_New(ContextVarObject, &ContextVar_Type);
    if (var == NULL)
        return NULL;
    var->name = Py_NewRef(name);
    var->dflt = Py_XNewRef(dflt);
    var->hash = _Py_HashPointer(var);
    PyObject_GC_Track(var);
    return (PyObject *)var;
}

static PyObject *contextvar_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ContextVarObject *var = (ContextVarObject *)self;
    if (!_PyArg_CheckPositional("get", nargs, 0, 1))
        return NULL;
    ContextObject *ctx = current_context();
    if (ctx == NULL)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(ctx->vars, self);
    if (v != NULL)
        return Py_NewRef(v);
    if (PyErr_Occurred())
        return NULL;
    if (nargs == 1)
        return Py_NewRef(args[0]);
    if (var->dflt != NULL)
        return Py_NewRef(var->dflt);
    PyErr_SetObject(PyExc_LookupError, self);
    return NULL;
}

static PyObject *contextvar_set(PyObject *self, PyObject *value)
{
    ContextObject *ctx = current_context();
    if (ctx == NULL)
        return NULL;
    PyObject *old = PyDict_GetItemWithError(ctx->vars, self);
    if (old == NULL && PyErr_Occurred())
        return NULL;
    TokenObject *tok = PyObject_GC_New(TokenObject, &Token_Type);
    if (tok == NULL)
        return NULL;
    tok->ctx = Py_NewRef((PyObject *)ctx);
    tok->var = Py_NewRef(self);
    tok->old_value = Py_XNewRef(old);
    tok->used = 0;
    PyObject_GC_Track(tok);
    if (context_assign(ctx, self, value) < 0) {
        Py_DECREF(tok);
        return NULL;
    }
    return (PyObject *)tok;
}

static PyObject *contextvar_reset(PyObject *self, PyObject *arg)
{
    if (!Py_IS_TYPE(arg, &Token_Type)) {
        PyErr_Format(PyExc_TypeError, "expected an instance of Token, got %R", arg);
        return NULL;
    }
    TokenObject *tok = (TokenObject *)arg;
    if (tok->used) {
        PyErr_Format(PyExc_RuntimeError, "%R has already been used once", arg);
        return NULL;
    }
    if (tok->var != self) {
        PyErr_Format(PyExc_ValueError, "%R was created by a different ContextVar", arg);
        return NULL;
    }
    ContextObject *ctx = current_context();
    if (ctx == NULL)
        return NULL;
    if (tok->ctx != (PyObject *)ctx) {
        PyErr_Format(PyExc_ValueError, "%R was created in a different Context", arg);
        return NULL;
    }
    tok->used = 1;
    if (tok->old_value == NULL) {
        int has = PyDict_Contains(ctx->vars, self);
        if (has < 0 || (has && context_assign(ctx, self, NULL) < 0))
            return NULL;
    }
    else if (context_assign(ctx, self, tok->old_value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *contextvar_repr(PyObject *self)
{
    ContextVarObject *var = (ContextVarObject *)self;
    if (var->dflt != NULL)
        return PyUnicode_FromFormat("<ContextVar name=%R default=%R at %p>", var->name,
                                    var->dflt, self);
    return PyUnicode_FromFormat("<ContextVar name=%R at %p>", var->name, self);
}

static Py_hash_t contextvar_hash(PyObject *self)
{
    return ((ContextVarObject *)self)->hash;
}

static PyObject *contextvar_get_name(PyObject *self, void *closure)
{
    return Py_NewRef(((ContextVarObject *)self)->name);
}

static int contextvar_traverse(PyObject *self, visitproc visit, void *arg)
{
    ContextVarObject *var = (ContextVarObject *)self;
    Py_VISIT(var->name);
    Py_VISIT(var->dflt);
    return 0;
}

static int contextvar_clear(PyObject *self)
{
    ContextVarObject *var = (ContextVarObject *)self;
    Py_CLEAR(var->name);
    Py_CLEAR(var->dflt);
    return 0;
}

static void contextvar_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    contextvar_clear(self);
    PyObject_GC_Del(self);
}

static PyMethodDef contextvar_methods[] = {
    {"get", _PyCFunction_CAST(contextvar_get), METH_FASTCALL,
     "Return a value for the context variable for the current context."},
    {"set", contextvar_set, METH_O, "Call to set a new value for the context variable in the "
     "current context."},
    {"reset", contextvar_reset, METH_O, "Reset the context variable."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef contextvar_getset[] = {
    {"name", contextvar_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ContextVar_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(ContextVarObject),
    .tp_dealloc = contextvar_dealloc,
    .tp_repr = contextvar_repr,
    .tp_hash = contextvar_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = contextvar_traverse,
    .tp_clear = contextvar_clear,
    .tp_methods = contextvar_methods,
    .tp_getset = contextvar_getset,
    .tp_new = contextvar_new,
};

/* ---- Token ----------------------------------------------------------------------------- */

static PyObject *token_repr(PyObject *self)
{
    TokenObject *tok = (TokenObject *)self;
    return PyUnicode_FromFormat("<Token%s var=%R at %p>", tok->used ? " used" : "", tok->var,
                                self);
}

static PyObject *token_get_var(PyObject *self, void *closure)
{
    return Py_NewRef(((TokenObject *)self)->var);
}

static PyObject *token_get_old_value(PyObject *self, void *closure)
{
    TokenObject *tok = (TokenObject *)self;
    return Py_NewRef(tok->old_value ? tok->old_value : &missing_object);
}

static int token_traverse(PyObject *self, visitproc visit, void *arg)
{
    TokenObject *tok = (TokenObject *)self;
    Py_VISIT(tok->ctx);
    Py_VISIT(tok->var);
    Py_VISIT(tok->old_value);
    return 0;
}

static int token_clear(PyObject *self)
{
    TokenObject *tok = (TokenObject *)self;
    Py_CLEAR(tok->ctx);
    Py_CLEAR(tok->var);
    Py_CLEAR(tok->old_value);
    return 0;
}

static void token_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    token_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *token_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static PyGetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef token_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Token_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(TokenObject),
    .tp_dealloc = token_dealloc,
    .tp_repr = token_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = token_traverse,
    .tp_clear = token_clear,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
    .tp_new = token_new,
};

static PyObject *missing_repr(PyObject *self)
{
    return PyUnicode_FromString("<Token.MISSING>");
}

static PyTypeObject Missing_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = missing_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* ---- Context --------------------------------------------------------------------------- */

static PyObject *context_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) || (kwds != NULL && PyDict_GET_SIZE(kwds))) {
        PyErr_SetString(PyExc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return (PyObject *)context_new_empty(NULL);
}

static PyObject *context_run(PyObject *self, PyObject *const *args, Py_ssize_t nargsf,
                             PyObject *kwnames)
{
    ContextObject *ctx = (ContextObject *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (ctx->entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot enter context: %R is already entered", self);
        return NULL;
    }
    PyThreadState *ts = PyThreadState_Get();
    if (current_context() == NULL)
        return NULL;
    ctx->prev = ts->context; /* the reference moves into prev */
    ctx->entered = 1;
    ts->context = Py_NewRef(self);
    PyObject *r = PyObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
    Py_SETREF(ts->context, ctx->prev);
    ctx->prev = NULL;
    ctx->entered = 0;
    return r;
}

static PyObject *context_copy(PyObject *self, PyObject *unused)
{
    return (PyObject *)context_new_empty(((ContextObject *)self)->vars);
}

static PyObject *context_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    if (!Py_IS_TYPE(args[0], &ContextVar_Type)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", args[0]);
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(((ContextObject *)self)->vars, args[0]);
    if (v == NULL && PyErr_Occurred())
        return NULL;
    return Py_NewRef(v ? v : nargs == 2 ? args[1] : Py_None);
}

static PyObject *context_keys(PyObject *self, PyObject *unused)
{
    return PyDict_Keys(((ContextObject *)self)->vars);
}

static PyObject *context_values(PyObject *self, PyObject *unused)
{
    return PyDict_Values(((ContextObject *)self)->vars);
}

static PyObject *context_items(PyObject *self, PyObject *unused)
{
    return PyDict_Items(((ContextObject *)self)->vars);
}

static PyObject *context_subscript(PyObject *self, PyObject *key)
{
    if (!Py_IS_TYPE(key, &ContextVar_Type)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", key);
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(((ContextObject *)self)->vars, key);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_NewRef(v);
}

static Py_ssize_t context_length(PyObject *self)
{
    return PyDict_GET_SIZE(((ContextObject *)self)->vars);
}

static int context_contains(PyObject *self, PyObject *key)
{
    if (!Py_IS_TYPE(key, &ContextVar_Type)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return PyDict_Contains(((ContextObject *)self)->vars, key);
}

static PyObject *context_iter(PyObject *self)
{
    PyObject *keys = PyDict_Keys(((ContextObject *)self)->vars);
    if (keys == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    return it;
}

static PyObject *context_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Py_IS_TYPE(b, &Context_Type) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    return PyObject_RichCompare(((ContextObject *)a)->vars, ((ContextObject *)b)->vars, op);
}

static int context_traverse(PyObject *self, visitproc visit, void *arg)
{
    ContextObject *ctx = (ContextObject *)self;
    Py_VISIT(ctx->vars);
    Py_VISIT(ctx->prev);
    return 0;
}

static int context_clear(PyObject *self)
{
    ContextObject *ctx = (ContextObject *)self;
    Py_CLEAR(ctx->vars);
    Py_CLEAR(ctx->prev);
    return 0;
}

static void context_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    context_clear(self);
    PyObject_GC_Del(self);
}

static PyMethodDef context_methods[] = {
    {"run", _PyCFunction_CAST(context_run), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"copy", context_copy, METH_NOARGS, "Return a shallow copy of the context object."},
    {"get", _PyCFunction_CAST(context_get), METH_FASTCALL,
     "Return the value for `key` if `key` has the value in the context object."},
    {"keys", context_keys, METH_NOARGS, "Return a list of all variables in the context object."},
    {"values", context_values, METH_NOARGS, "Return a list of all variables' values in the context object."},
    {"items", context_items, METH_NOARGS, "Return all variables and their values in the context object."},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods context_as_mapping = {
    .mp_length = context_length,
    .mp_subscript = context_subscript,
};

static PySequenceMethods context_as_sequence = {
    .sq_contains = context_contains,
};

static PyTypeObject Context_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(ContextObject),
    .tp_dealloc = context_dealloc,
    .tp_as_sequence = &context_as_sequence,
    .tp_as_mapping = &context_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = context_traverse,
    .tp_clear = context_clear,
    .tp_richcompare = context_richcompare,
    .tp_iter = context_iter,
    .tp_methods = context_methods,
    .tp_new = context_tp_new,
};

/* ---- module and C API ------------------------------------------------------------------ */

PyObject *PyContext_CopyCurrent(void)
{
    ContextObject *ctx = current_context();
    return ctx ? context_copy((PyObject *)ctx, NULL) : NULL;
}

static PyObject *copy_context(PyObject *module, PyObject *unused)
{
    return PyContext_CopyCurrent();
}

static PyMethodDef contextvars_functions[] = {
    {"copy_context", copy_context, METH_NOARGS, "Return a copy of the current Context."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef contextvarsmodule = {
    PyModuleDef_HEAD_INIT, "_contextvars", "Context Variables", 0, contextvars_functions,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__contextvars(void)
{
    PyTypeObject *types[] = {&Context_Type, &ContextVar_Type, &Token_Type, &Missing_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return NULL;
    if (PyDict_GetItemString(Token_Type.tp_dict, "MISSING") == NULL &&
        PyDict_SetItemString(Token_Type.tp_dict, "MISSING", &missing_object) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&contextvarsmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Context", (PyObject *)&Context_Type) < 0 ||
        PyModule_AddObjectRef(m, "ContextVar", (PyObject *)&ContextVar_Type) < 0 ||
        PyModule_AddObjectRef(m, "Token", (PyObject *)&Token_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
