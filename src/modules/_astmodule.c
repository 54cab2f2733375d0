/* The _ast module: the AST base class and the node classes of Python 3.13, built at
 * import time from the tables in _ast_spec.c as heap subclasses of AST (as CPython
 * does), with CPython 3.13's constructor rules: positional arguments fill _fields in
 * order, omitted optional fields become None, omitted list fields [], an omitted
 * expression context Load(); other omissions only warn. */
#include "_ast_internal.h"

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} ASTObject;

static int
ast_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((ASTObject *)self)->dict);
    return 0;
}

static int
ast_clear(PyObject *self)
{
    Py_CLEAR(((ASTObject *)self)->dict);
    return 0;
}

/* Node classes are heap subclasses; their subtype_dealloc drops the class reference,
 * so this static base must not. */
static void
ast_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((ASTObject *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

/* The table row describing `tp` (or the nearest node class it derives from), or -1. */
static int
node_index(KrAstState *st, PyTypeObject *tp)
{
    PyObject *mro = tp->tp_mro;
    if (mro == NULL || !PyTuple_Check(mro))
        return -1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *idx = PyDict_GetItemWithError(st->index_of, PyTuple_GET_ITEM(mro, i));
        if (idx != NULL)
            return (int)PyLong_AsLong(idx);
        if (PyErr_Occurred())
            return -1;
    }
    return -1;
}

static PyObject *
class_tuple(PyObject *type, const char *name)
{
    PyObject *t = PyObject_GetAttrString(type, name);
    if (t == NULL)
        return NULL;
    if (!PyTuple_Check(t)) {
        PyObject *tt = PySequence_Tuple(t);
        Py_DECREF(t);
        return tt;
    }
    return t;
}

static int
default_for_field(KrAstState *st, const KrAstField *f, PyObject **out)
{
    if (f->shape == KR_SEQ) {
        *out = PyList_New(0);
        return *out ? 1 : -1;
    }
    if (f->shape == KR_OPT) {
        *out = Py_NewRef(Py_None);
        return 1;
    }
    if (f->type == KR_CAT_CTX) {
        /* Load is the first expr_context node. */
        for (int i = 0; i < _KrAst_NumNodes; i++)
            if (_KrAst_Nodes[i].cat == KR_CAT_CTX) {
                *out = PyObject_CallNoArgs(st->node_class[i]);
                return *out ? 1 : -1;
            }
    }
    return 0;
}

static int
ast_init(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *type = (PyObject *)Py_TYPE(self);
    const char *tname = Py_TYPE(self)->tp_name;
    PyObject *fields = class_tuple(type, "_fields");
    if (fields == NULL)
        return -1;
    PyObject *attributes = NULL;
    Py_ssize_t nfields = PyTuple_GET_SIZE(fields);
    Py_ssize_t nargs = args ? PyTuple_GET_SIZE(args) : 0;
    int res = -1;
    if (nargs > nfields) {
        PyErr_Format(PyExc_TypeError, "%.400s constructor takes at most %zd positional argument%s",
                     tname, nfields, nfields == 1 ? "" : "s");
        goto done;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        if (PyObject_SetAttr(self, PyTuple_GET_ITEM(fields, i), PyTuple_GET_ITEM(args, i)) < 0)
            goto done;
    if (kw != NULL) {
        attributes = class_tuple(type, "_attributes");
        if (attributes == NULL)
            goto done;
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            int known = PySequence_Contains(fields, key);
            if (known < 0)
                goto done;
            if (known) {
                Py_ssize_t idx = PySequence_Index(fields, key);
                if (idx < 0)
                    goto done;
                if (idx < nargs) {
                    PyErr_Format(PyExc_TypeError, "%.400s got multiple values for argument %R",
                                 tname, key);
                    goto done;
                }
            }
            else {
                int attr = PySequence_Contains(attributes, key);
                if (attr < 0)
                    goto done;
                if (!attr && PyErr_WarnFormat(
                                 PyExc_DeprecationWarning, 1,
                                 "%.400s.__init__ got an unexpected keyword argument %R. "
                                 "Support for arbitrary keyword arguments is deprecated and "
                                 "will be removed in Python 3.15.", tname, key) < 0)
                    goto done;
            }
            if (PyObject_SetAttr(self, key, value) < 0)
                goto done;
        }
    }
    KrAstState *st = nfields ? _KrAst_GetState() : NULL;
    if (nfields && st == NULL)
        goto done;
    int idx = st ? node_index(st, Py_TYPE(self)) : -1;
    if (idx < 0 && PyErr_Occurred())
        goto done;
    if (idx >= 0) {
        const KrAstNode *node = &_KrAst_Nodes[idx];
        for (int i = 0; i < node->nfields; i++) {
            const KrAstField *f = &node->fields[i];
            PyObject *name = PyUnicode_InternFromString(f->name);
            if (name == NULL)
                goto done;
            PyObject *cur = NULL;
            int has = PyObject_GetOptionalAttr(self, name, &cur);
            Py_XDECREF(cur);
            PyObject *dflt = NULL;
            int r = has ? 0 : has < 0 ? -1 : default_for_field(st, f, &dflt);
            if (r > 0) {
                r = PyObject_SetAttr(self, name, dflt);
                Py_DECREF(dflt);
            }
            else if (r == 0 && !has) {
                r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                     "%.400s.__init__ missing 1 required positional argument: "
                                     "%R. This will become an error in Python 3.15.",
                                     tname, name);
            }
            Py_DECREF(name);
            if (r < 0)
                goto done;
        }
    }
    res = 0;
done:
    Py_DECREF(fields);
    Py_XDECREF(attributes);
    return res;
}

/* Pickling: the class, a None for each required field present (so that __init__ does
 * not warn), and the instance dict. */
static PyObject *
ast_reduce(PyObject *self, PyObject *unused)
{
    KrAstState *st = _KrAst_GetState();
    if (st == NULL)
        return NULL;
    PyObject *dict = ((ASTObject *)self)->dict;
    Py_ssize_t nreq = 0;
    int idx = node_index(st, Py_TYPE(self));
    if (idx < 0 && PyErr_Occurred())
        return NULL;
    if (idx >= 0 && dict != NULL) {
        const KrAstNode *node = &_KrAst_Nodes[idx];
        for (int i = 0; i < node->nfields; i++) {
            if (node->fields[i].shape != KR_ONE)
                continue;
            PyObject *v = PyDict_GetItemString(dict, node->fields[i].name);
            if (v != NULL)
                nreq++;
        }
    }
    PyObject *args = PyTuple_New(nreq);
    if (args == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nreq; i++)
        PyTuple_SET_ITEM(args, i, Py_NewRef(Py_None));
    if (dict == NULL)
        return Py_BuildValue("ONN", (PyObject *)Py_TYPE(self), args, PyDict_New());
    return Py_BuildValue("ONO", (PyObject *)Py_TYPE(self), args, dict);
}

static PyMethodDef ast_methods[] = {
    {"__reduce__", ast_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ast_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _KrAST_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(ASTObject),
    .tp_dealloc = ast_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_methods = ast_methods,
    .tp_getset = ast_getset,
    .tp_dictoffset = offsetof(ASTObject, dict),
    .tp_init = ast_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- class construction --------------------------------------------------------- */

static const char *
type_name(int type)
{
    switch (type) {
    case KR_T_IDENT: return "identifier";
    case KR_T_STRING: return "string";
    case KR_T_CONST: return "constant";
    case KR_T_INT: return "int";
    default: return _KrAst_Categories[type].name;
    }
}

/* "Name(identifier id, expr_context ctx)" — the ASDL signature CPython uses as __doc__. */
static PyObject *
node_signature(const KrAstNode *node)
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (int i = 0; i < node->nfields; i++) {
        const KrAstField *f = &node->fields[i];
        PyObject *s = PyUnicode_FromFormat("%s%s %s", type_name(f->type),
                                           f->shape == KR_SEQ ? "*" : f->shape == KR_OPT ? "?" : "",
                                           f->name);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *r = NULL;
    if (node->nfields == 0) {
        r = PyUnicode_FromString(node->name);
    }
    else {
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
        if (joined)
            r = PyUnicode_FromFormat("%s(%U)", node->name, joined);
        Py_XDECREF(sep);
        Py_XDECREF(joined);
    }
    Py_DECREF(parts);
    return r;
}

static PyObject *
names_tuple(const char *const *names, int n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *s = PyUnicode_InternFromString(names[i]);
        if (s == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, s);
    }
    return t;
}

static const char *const pos_names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};

/* type(name, (base,), ns) with the standard class attributes. */
static PyObject *
make_class(const char *name, PyObject *base, PyObject *fields, PyObject *attributes,
           PyObject *doc, PyObject *extra)
{
    PyObject *ns = PyDict_New();
    PyObject *cls = NULL;
    if (ns == NULL)
        return NULL;
    PyObject *modname = PyUnicode_FromString("ast");
    if (modname == NULL || PyDict_SetItemString(ns, "__module__", modname) < 0 ||
        PyDict_SetItemString(ns, "_fields", fields) < 0 ||
        PyDict_SetItemString(ns, "__match_args__", fields) < 0 ||
        PyDict_SetItemString(ns, "_attributes", attributes) < 0 ||
        PyDict_SetItemString(ns, "__doc__", doc ? doc : Py_None) < 0 ||
        (extra && PyDict_Update(ns, extra) < 0))
        goto done;
    cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", name, base, ns);
done:
    Py_XDECREF(modname);
    Py_DECREF(ns);
    return cls;
}

static PyObject *
category_doc(int cat)
{
    const KrAstCategory *c = &_KrAst_Categories[cat];
    if (c->style == 1)
        return NULL;
    PyObject *doc = PyUnicode_FromFormat("%s = ", c->name);
    PyObject *sep = PyUnicode_FromFormat(c->style == 2 ? " | " : "\n%*s| ",
                                         (int)strlen(c->name) + 1, "");
    int first = 1;
    for (int i = 0; doc && sep && i < _KrAst_NumNodes; i++) {
        if (_KrAst_Nodes[i].cat != cat)
            continue;
        PyObject *sig = node_signature(&_KrAst_Nodes[i]);
        PyObject *next = NULL;
        if (sig != NULL)
            next = first ? PyUnicode_Concat(doc, sig)
                         : PyUnicode_FromFormat("%U%U%U", doc, sep, sig);
        first = 0;
        Py_XDECREF(sig);
        Py_SETREF(doc, next);
    }
    Py_XDECREF(sep);
    return doc;
}

static int add_field_types(KrAstState *st);

static int
build_classes(PyObject *m, KrAstState *st)
{
    PyObject *empty = PyTuple_New(0);
    PyObject *posattrs = names_tuple(pos_names, 4);
    PyObject *extra = NULL;
    int res = -1;
    if (empty == NULL || posattrs == NULL)
        goto done;
    if (PyModule_AddObjectRef(m, "AST", (PyObject *)&_KrAST_Type) < 0)
        goto done;
    /* Abstract bases of the sum and enum types; optional end positions default to None. */
    for (int c = 0; c < KR_NCATS; c++) {
        const KrAstCategory *cat = &_KrAst_Categories[c];
        if (cat->style == 1)
            continue;
        PyObject *attrs = cat->pos >= 0 ? posattrs : empty;
        extra = PyDict_New();
        if (extra == NULL)
            goto done;
        if (cat->end_optional && (PyDict_SetItemString(extra, "end_lineno", Py_None) < 0 ||
                                  PyDict_SetItemString(extra, "end_col_offset", Py_None) < 0))
            goto done;
        PyObject *doc = category_doc(c);
        if (doc == NULL)
            goto done;
        st->cat_class[c] = make_class(cat->name, (PyObject *)&_KrAST_Type, empty, attrs, doc,
                                      extra);
        Py_DECREF(doc);
        Py_CLEAR(extra);
        if (st->cat_class[c] == NULL ||
            PyModule_AddObjectRef(m, cat->name, st->cat_class[c]) < 0)
            goto done;
    }
    for (int i = 0; i < _KrAst_NumNodes; i++) {
        const KrAstNode *node = &_KrAst_Nodes[i];
        const KrAstCategory *cat = &_KrAst_Categories[node->cat];
        const char *fnames[8];
        for (int k = 0; k < node->nfields; k++)
            fnames[k] = node->fields[k].name;
        PyObject *fields = names_tuple(fnames, node->nfields);
        if (fields == NULL)
            goto done;
        extra = PyDict_New();
        PyObject *doc = node_signature(node);
        if (extra == NULL || doc == NULL) {
            Py_DECREF(fields);
            Py_XDECREF(doc);
            goto done;
        }
        /* Optional fields read as None even when never assigned. */
        for (int k = 0; k < node->nfields; k++)
            if (node->fields[k].shape == KR_OPT &&
                PyDict_SetItemString(extra, node->fields[k].name, Py_None) < 0) {
                Py_DECREF(fields);
                Py_DECREF(doc);
                goto done;
            }
        int product = cat->style == 1;
        if (product && cat->end_optional &&
            (PyDict_SetItemString(extra, "end_lineno", Py_None) < 0 ||
             PyDict_SetItemString(extra, "end_col_offset", Py_None) < 0)) {
            Py_DECREF(fields);
            Py_DECREF(doc);
            goto done;
        }
        PyObject *base = product ? (PyObject *)&_KrAST_Type : st->cat_class[node->cat];
        PyObject *attrs = cat->pos >= 0 ? posattrs : empty;
        st->node_class[i] = make_class(node->name, base, fields, attrs, doc, extra);
        Py_DECREF(fields);
        Py_DECREF(doc);
        Py_CLEAR(extra);
        if (st->node_class[i] == NULL ||
            PyModule_AddObjectRef(m, node->name, st->node_class[i]) < 0)
            goto done;
        if (product)
            st->cat_class[node->cat] = Py_NewRef(st->node_class[i]);
        if (i == 0 || _KrAst_Nodes[i - 1].cat != node->cat)
            st->first_node[node->cat] = i;
        PyObject *idx = PyLong_FromLong(i);
        if (idx == NULL || PyDict_SetItem(st->index_of, st->node_class[i], idx) < 0) {
            Py_XDECREF(idx);
            goto done;
        }
        Py_DECREF(idx);
        if (cat->style == 2) {
            PyTypeObject *tp = (PyTypeObject *)st->node_class[i];
            st->singleton[i] = tp->tp_alloc(tp, 0);
            if (st->singleton[i] == NULL)
                goto done;
        }
    }
    res = add_field_types(st);
done:
    Py_XDECREF(extra);
    Py_XDECREF(empty);
    Py_XDECREF(posattrs);
    return res;
}

/* _field_types (also __annotations__): str, int, object or the node class, as
 * list[T] for sequences and T | None for optional fields. Runs once every class exists,
 * since fields refer to product classes defined later in the table. */
static PyObject *
field_type(KrAstState *st, const KrAstField *f)
{
    PyObject *base;
    switch (f->type) {
    case KR_T_IDENT: case KR_T_STRING: base = (PyObject *)&PyUnicode_Type; break;
    case KR_T_INT: base = (PyObject *)&PyLong_Type; break;
    case KR_T_CONST: base = (PyObject *)&PyBaseObject_Type; break;
    default: base = st->cat_class[f->type]; break;
    }
    if (f->shape == KR_SEQ)
        return Py_GenericAlias((PyObject *)&PyList_Type, base);
    if (f->shape == KR_OPT)
        return PyNumber_Or(base, Py_None);
    return Py_NewRef(base);
}

static int
add_field_types(KrAstState *st)
{
    for (int i = 0; i < _KrAst_NumNodes; i++) {
        const KrAstNode *node = &_KrAst_Nodes[i];
        PyObject *types = PyDict_New();
        if (types == NULL)
            return -1;
        for (int k = 0; k < node->nfields; k++) {
            PyObject *t = field_type(st, &node->fields[k]);
            if (t == NULL || PyDict_SetItemString(types, node->fields[k].name, t) < 0) {
                Py_XDECREF(t);
                Py_DECREF(types);
                return -1;
            }
            Py_DECREF(t);
        }
        int r = PyObject_SetAttrString(st->node_class[i], "_field_types", types);
        if (r == 0)
            r = PyObject_SetAttrString(st->node_class[i], "__annotations__", types);
        Py_DECREF(types);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ---- the module ------------------------------------------------------------------- */

static int
astmodule_traverse(PyObject *m, visitproc visit, void *arg)
{
    KrAstState *st = PyModule_GetState(m);
    if (st == NULL)
        return 0;
    for (int c = 0; c < KR_NCATS; c++)
        Py_VISIT(st->cat_class[c]);
    if (st->node_class)
        for (int i = 0; i < _KrAst_NumNodes; i++) {
            Py_VISIT(st->node_class[i]);
            Py_VISIT(st->singleton[i]);
        }
    Py_VISIT(st->index_of);
    return 0;
}

static int
astmodule_clear(PyObject *m)
{
    KrAstState *st = PyModule_GetState(m);
    if (st == NULL)
        return 0;
    for (int c = 0; c < KR_NCATS; c++)
        Py_CLEAR(st->cat_class[c]);
    if (st->node_class)
        for (int i = 0; i < _KrAst_NumNodes; i++) {
            Py_CLEAR(st->node_class[i]);
            Py_CLEAR(st->singleton[i]);
        }
    Py_CLEAR(st->index_of);
    return 0;
}

static void
astmodule_free(void *m)
{
    KrAstState *st = PyModule_GetState((PyObject *)m);
    astmodule_clear((PyObject *)m);
    if (st != NULL) {
        PyMem_Free(st->node_class);
        st->node_class = NULL;
        st->singleton = NULL;
    }
}

static struct PyModuleDef astmodule = {
    PyModuleDef_HEAD_INIT, "_ast", NULL, sizeof(KrAstState),
    NULL, NULL, astmodule_traverse, astmodule_clear, astmodule_free,
};

KrAstState *
_KrAst_GetState(void)
{
    PyObject *m = PyImport_ImportModule("_ast");
    if (m == NULL)
        return NULL;
    KrAstState *st = PyModule_GetState(m);
    Py_DECREF(m); /* sys.modules keeps it alive */
    if (st == NULL || st->index_of == NULL) {
        PyErr_SetString(PyExc_SystemError, "_ast module is not initialised");
        return NULL;
    }
    return st;
}

PyObject *
PyInit__ast(void)
{
    if (PyType_Ready(&_KrAST_Type) < 0)
        return NULL;
    if (PyDict_GetItemString(_KrAST_Type.tp_dict, "_fields") == NULL) {
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL ||
            PyDict_SetItemString(_KrAST_Type.tp_dict, "_fields", empty) < 0 ||
            PyDict_SetItemString(_KrAST_Type.tp_dict, "_attributes", empty) < 0) {
            Py_XDECREF(empty);
            return NULL;
        }
        Py_DECREF(empty);
        PyType_Modified(&_KrAST_Type);
    }
    PyObject *m = PyModule_Create(&astmodule);
    if (m == NULL)
        return NULL;
    KrAstState *st = PyModule_GetState(m);
    /* One allocation holds both per-node arrays. */
    st->node_class = PyMem_Calloc((size_t)_KrAst_NumNodes * 2, sizeof(PyObject *));
    if (st->node_class == NULL) {
        PyErr_NoMemory();
        Py_DECREF(m);
        return NULL;
    }
    st->singleton = st->node_class + _KrAst_NumNodes;
    st->index_of = PyDict_New();
    if (st->index_of == NULL || build_classes(m, st) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_ONLY_AST", PyCF_ONLY_AST) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
