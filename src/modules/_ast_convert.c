/* Conversion between the parser's C AST and the _ast node objects, in both directions,
 * driven by the field tables of _ast_spec.c. These are the hooks pythonrun.c uses for
 * compile(..., PyCF_ONLY_AST) and for compiling an AST object. */
#include <string.h>
#include "_ast_internal.h"

static int
is_enum_cat(int type)
{
    return type < KR_NCATS && _KrAst_Categories[type].style == 2;
}

/* ---- C AST -> objects ------------------------------------------------------------ */

static PyObject *node_to_py(KrAstState *st, int cat, const void *ptr);

static PyObject *
enum_to_py(KrAstState *st, int cat, int value)
{
    int idx = st->first_node[cat] + value - 1;
    if (value < 1 || idx >= _KrAst_NumNodes || _KrAst_Nodes[idx].cat != cat) {
        PyErr_Format(PyExc_SystemError, "invalid %s value %d", _KrAst_Categories[cat].name,
                     value);
        return NULL;
    }
    return Py_NewRef(st->singleton[idx]);
}

static PyObject *
seq_to_py(KrAstState *st, const KrAstField *f, const char *p)
{
    if (is_enum_cat(f->type)) {
        asdl_int_seq *s = *(asdl_int_seq *const *)p;
        Py_ssize_t n = asdl_seq_LEN(s);
        PyObject *list = PyList_New(n);
        for (Py_ssize_t i = 0; list && i < n; i++) {
            PyObject *v = enum_to_py(st, f->type, s->elements[i]);
            if (v == NULL)
                Py_CLEAR(list);
            else
                PyList_SET_ITEM(list, i, v);
        }
        return list;
    }
    asdl_seq *s = *(asdl_seq *const *)p;
    Py_ssize_t n = asdl_seq_LEN(s);
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list && i < n; i++) {
        void *e = asdl_seq_GET(s, i);
        PyObject *v;
        if (f->type >= KR_T_IDENT)
            v = Py_NewRef(e ? (PyObject *)e : Py_None);
        else
            v = node_to_py(st, f->type, e);
        if (v == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, v);
    }
    return list;
}

static PyObject *
field_to_py(KrAstState *st, const KrAstField *f, const char *base)
{
    const char *p = base + f->off;
    if (f->shape == KR_SEQ)
        return seq_to_py(st, f, p);
    switch (f->type) {
    case KR_T_IDENT: case KR_T_STRING: case KR_T_CONST: {
        PyObject *o = *(PyObject *const *)p;
        return Py_NewRef(o ? o : Py_None);
    }
    case KR_T_INT:
        return PyLong_FromLong(*(const int *)p);
    default:
        if (is_enum_cat(f->type))
            return enum_to_py(st, f->type, *(const int *)p);
        return node_to_py(st, f->type, *(void *const *)p);
    }
}

static int
set_positions(PyObject *obj, const int *pos)
{
    static const char *const names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromLong(pos[i]);
        if (v == NULL || PyObject_SetAttrString(obj, names[i], v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(v);
    }
    return 0;
}

static PyObject *
node_to_py(KrAstState *st, int cat, const void *ptr)
{
    if (ptr == NULL)
        return Py_NewRef(Py_None);
    const KrAstCategory *c = &_KrAst_Categories[cat];
    int idx = st->first_node[cat];
    if (c->style == 0) {
        int kind = *(const int *)ptr;
        idx += kind - 1;
        if (kind < 1 || idx >= _KrAst_NumNodes || _KrAst_Nodes[idx].cat != cat) {
            PyErr_Format(PyExc_SystemError, "invalid %s kind %d", c->name, kind);
            return NULL;
        }
    }
    if (Py_EnterRecursiveCall(" during ast construction"))
        return NULL;
    const KrAstNode *node = &_KrAst_Nodes[idx];
    PyTypeObject *tp = (PyTypeObject *)st->node_class[idx];
    PyObject *obj = tp->tp_alloc(tp, 0);
    for (int i = 0; obj && i < node->nfields; i++) {
        PyObject *v = field_to_py(st, &node->fields[i], (const char *)ptr);
        if (v == NULL || PyObject_SetAttrString(obj, node->fields[i].name, v) < 0)
            Py_CLEAR(obj);
        Py_XDECREF(v);
    }
    if (obj && c->pos >= 0 && set_positions(obj, (const int *)((const char *)ptr + c->pos)) < 0)
        Py_CLEAR(obj);
    Py_LeaveRecursiveCall();
    return obj;
}

PyObject *
PyAST_mod2obj(mod_ty mod)
{
    KrAstState *st = _KrAst_GetState();
    if (st == NULL)
        return NULL;
    return node_to_py(st, KR_CAT_MOD, mod);
}

/* ---- objects -> C AST ------------------------------------------------------------ */

typedef struct {
    KrAstState *st;
    PyArena *arena;
} Conv;

static int node_from_py(Conv *cv, int cat, PyObject *obj, void **out);

static int
keep_in_arena(Conv *cv, PyObject *o)
{
    return _PyArena_AddPyObject(cv->arena, Py_NewRef(o));
}

/* Index of the node class of category `cat` that `obj` is an instance of; -1 with
 * TypeError if none. */
static int
find_node(Conv *cv, int cat, PyObject *obj)
{
    for (int i = cv->st->first_node[cat]; i < _KrAst_NumNodes && _KrAst_Nodes[i].cat == cat;
         i++) {
        int r = PyObject_IsInstance(obj, cv->st->node_class[i]);
        if (r < 0)
            return -1;
        if (r)
            return i;
    }
    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %R",
                 _KrAst_Categories[cat].name, obj);
    return -1;
}

static int
valid_constant(PyObject *v)
{
    if (v == Py_None || v == Py_Ellipsis || PyLong_CheckExact(v) || PyFloat_CheckExact(v) ||
        PyComplex_CheckExact(v) || PyBool_Check(v) || PyUnicode_CheckExact(v) ||
        PyBytes_CheckExact(v))
        return 1;
    if (PyTuple_CheckExact(v) || PyFrozenSet_CheckExact(v)) {
        if (Py_EnterRecursiveCall(" during compilation"))
            return -1;
        PyObject *it = PyObject_GetIter(v), *item;
        if (it == NULL) {
            Py_LeaveRecursiveCall();
            return -1;
        }
        int ok = 1;
        while (ok == 1 && (item = PyIter_Next(it)) != NULL) {
            ok = valid_constant(item);
            Py_DECREF(item);
        }
        Py_DECREF(it);
        Py_LeaveRecursiveCall();
        if (PyErr_Occurred())
            return -1;
        return ok;
    }
    return 0;
}

static int
scalar_from_py(Conv *cv, const KrAstField *f, const char *owner, PyObject *v, void *dst)
{
    switch (f->type) {
    case KR_T_IDENT:
    case KR_T_STRING:
        if (v == Py_None && f->shape != KR_ONE) {
            *(PyObject **)dst = NULL;
            return 0;
        }
        if (!PyUnicode_CheckExact(v)) {
            if (v == Py_None)
                PyErr_Format(PyExc_ValueError, "field '%s' is required for %s", f->name, owner);
            else
                PyErr_Format(PyExc_TypeError, "AST %s must be of type str",
                             f->type == KR_T_IDENT ? "identifier" : "string");
            return -1;
        }
        if (f->type == KR_T_IDENT) {
            Py_INCREF(v);
            PyUnicode_InternInPlace(&v);
            int r = _PyArena_AddPyObject(cv->arena, v);
            if (r < 0)
                return -1;
        }
        else if (keep_in_arena(cv, v) < 0)
            return -1;
        *(PyObject **)dst = v;
        return 0;
    case KR_T_CONST: {
        int ok = valid_constant(v);
        if (ok < 0)
            return -1;
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "got an invalid type in %s: %.200s", owner,
                         Py_TYPE(v)->tp_name);
            return -1;
        }
        if (keep_in_arena(cv, v) < 0)
            return -1;
        *(PyObject **)dst = v;
        return 0;
    }
    default: { /* KR_T_INT */
        if (v == Py_None && f->shape == KR_OPT) {
            *(int *)dst = 0;
            return 0;
        }
        int i = PyLong_AsInt(v);
        if (i == -1 && PyErr_Occurred())
            return -1;
        *(int *)dst = i;
        return 0;
    }
    }
}

static int
enum_from_py(Conv *cv, int cat, PyObject *v, int *dst)
{
    int idx = find_node(cv, cat, v);
    if (idx < 0)
        return -1;
    *dst = _KrAst_Nodes[idx].kind;
    return 0;
}

static int
seq_from_py(Conv *cv, const KrAstField *f, const char *owner, PyObject *v, void *dst)
{
    if (!PyList_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s field \"%s\" must be a list, not a %.200s", owner,
                     f->name, Py_TYPE(v)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(v);
    if (is_enum_cat(f->type)) {
        asdl_int_seq *s = _Py_asdl_int_seq_new(n, cv->arena);
        if (s == NULL)
            return -1;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i >= PyList_GET_SIZE(v)) {
                PyErr_Format(PyExc_RuntimeError, "%s field \"%s\" changed size during iteration",
                             owner, f->name);
                return -1;
            }
            if (enum_from_py(cv, f->type, PyList_GET_ITEM(v, i), &s->elements[i]) < 0)
                return -1;
        }
        *(asdl_int_seq **)dst = s;
        return 0;
    }
    asdl_seq *s = _Py_asdl_generic_seq_new(n, cv->arena);
    if (s == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i >= PyList_GET_SIZE(v)) {
            PyErr_Format(PyExc_RuntimeError, "%s field \"%s\" changed size during iteration",
                         owner, f->name);
            return -1;
        }
        PyObject *item = Py_NewRef(PyList_GET_ITEM(v, i));
        void *elem = NULL;
        int r;
        if (f->type >= KR_T_IDENT) {
            KrAstField one = *f;
            one.shape = KR_ONE;
            r = scalar_from_py(cv, &one, owner, item, &elem);
        }
        else if (item == Py_None) {
            /* Only the expression lists with holes (Dict.keys, kw_defaults) take None. */
            r = 0;
            if (f->type != KR_CAT_EXPR) {
                PyErr_Format(PyExc_ValueError, "field '%s' is required for %s", f->name, owner);
                r = -1;
            }
        }
        else {
            r = node_from_py(cv, f->type, item, &elem);
        }
        Py_DECREF(item);
        if (r < 0)
            return -1;
        asdl_seq_SET(s, i, elem);
    }
    *(asdl_seq **)dst = s;
    return 0;
}

static int
get_int_attr(PyObject *obj, const char *name, const char *owner, int required, int *out)
{
    PyObject *v;
    int r = PyObject_GetOptionalAttrString(obj, name, &v);
    if (r < 0)
        return -1;
    if (r == 0 || v == Py_None) {
        Py_XDECREF(v);
        if (required) {
            PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", name, owner);
            return -1;
        }
        return 0;
    }
    int i = PyLong_AsInt(v);
    Py_DECREF(v);
    if (i == -1 && PyErr_Occurred())
        return -1;
    *out = i;
    return 1;
}

static int
node_from_py(Conv *cv, int cat, PyObject *obj, void **out)
{
    const KrAstCategory *c = &_KrAst_Categories[cat];
    int idx = c->style == 0 ? find_node(cv, cat, obj) : cv->st->first_node[cat];
    if (idx < 0)
        return -1;
    const KrAstNode *node = &_KrAst_Nodes[idx];
    char *p = _PyArena_Malloc(cv->arena, c->size);
    if (p == NULL)
        return -1;
    memset(p, 0, c->size);
    if (c->style == 0)
        *(int *)p = node->kind;
    if (Py_EnterRecursiveCall(" during compilation"))
        return -1;
    int res = -1;
    /* Positions are read first, as CPython does (it decides which error is reported). */
    if (c->pos >= 0) {
        int *pos = (int *)(p + c->pos);
        if (get_int_attr(obj, "lineno", c->name, 1, &pos[0]) < 0 ||
            get_int_attr(obj, "col_offset", c->name, 1, &pos[1]) < 0)
            goto done;
        pos[2] = pos[0];
        pos[3] = pos[1];
        if (get_int_attr(obj, "end_lineno", c->name, !c->end_optional, &pos[2]) < 0 ||
            get_int_attr(obj, "end_col_offset", c->name, !c->end_optional, &pos[3]) < 0)
            goto done;
    }
    for (int i = 0; i < node->nfields; i++) {
        const KrAstField *f = &node->fields[i];
        PyObject *v;
        int r = PyObject_GetOptionalAttrString(obj, f->name, &v);
        if (r < 0)
            goto done;
        if (r == 0) {
            if (f->shape == KR_OPT)
                continue;
            PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", f->name,
                         node->name);
            goto done;
        }
        void *dst = p + f->off;
        if (f->shape == KR_SEQ)
            r = seq_from_py(cv, f, node->name, v, dst);
        else if (f->type >= KR_T_IDENT)
            r = scalar_from_py(cv, f, node->name, v, dst);
        else if (is_enum_cat(f->type))
            r = enum_from_py(cv, f->type, v, (int *)dst);
        else if (v == Py_None) {
            r = 0;
            if (f->shape == KR_ONE) {
                PyErr_Format(PyExc_ValueError, "field '%s' is required for %s", f->name,
                             node->name);
                r = -1;
            }
        }
        else
            r = node_from_py(cv, f->type, v, (void **)dst);
        Py_DECREF(v);
        if (r < 0)
            goto done;
    }
    *out = p;
    res = 0;
done:
    Py_LeaveRecursiveCall();
    return res;
}

/* ---- validation -------------------------------------------------------------------
 * The converted tree must be one the parser could have produced, or the compiler may
 * generate nonsense: expression contexts must match their position, bodies and operand
 * lists must not be empty. Checked on the C tree, with CPython's messages. */

static const char *const ctx_names[] = {"", "Load", "Store", "Del"};

static int validate_node(KrAstState *st, int cat, const void *ptr, int ctx, int depth);

static int
has_field(const KrAstNode *node, const char *name, const KrAstField *f)
{
    return strcmp(f->name, name) == 0 && node != NULL;
}

/* The context an expression field requires, given its owner and the owner's own
 * context (for List/Tuple elements and Starred values). */
static int
child_ctx(const KrAstNode *node, const KrAstField *f, int own_ctx)
{
    const char *n = node->name;
    if (node->cat == KR_CAT_STMT) {
        if ((strcmp(n, "Assign") == 0 && has_field(node, "targets", f)) ||
            ((strcmp(n, "AugAssign") == 0 || strcmp(n, "AnnAssign") == 0 ||
              strcmp(n, "For") == 0 || strcmp(n, "AsyncFor") == 0) &&
             has_field(node, "target", f)))
            return Store;
        if (strcmp(n, "Delete") == 0)
            return Del;
        if (strcmp(n, "TypeAlias") == 0 && has_field(node, "name", f))
            return Store;
    }
    else if (node->cat == KR_CAT_EXPR) {
        if (((strcmp(n, "List") == 0 || strcmp(n, "Tuple") == 0) && has_field(node, "elts", f)) ||
            (strcmp(n, "Starred") == 0 && has_field(node, "value", f)))
            return own_ctx;
        if (strcmp(n, "NamedExpr") == 0 && has_field(node, "target", f))
            return Store;
    }
    else if ((node->cat == KR_CAT_COMPREHENSION && has_field(node, "target", f)) ||
             (node->cat == KR_CAT_WITHITEM && has_field(node, "optional_vars", f))) {
        return Store;
    }
    return Load;
}

static int
validate_fields(KrAstState *st, const KrAstNode *node, const char *p, int own_ctx, int depth)
{
    for (int i = 0; i < node->nfields; i++) {
        const KrAstField *f = &node->fields[i];
        if (f->type >= KR_T_IDENT || is_enum_cat(f->type))
            continue;
        int ctx = f->type == KR_CAT_EXPR ? child_ctx(node, f, own_ctx) : Load;
        if (f->shape == KR_SEQ) {
            asdl_seq *s = *(asdl_seq *const *)(p + f->off);
            if (f->type == KR_CAT_STMT && asdl_seq_LEN(s) == 0 && strcmp(f->name, "body") == 0 &&
                node->cat != KR_CAT_MOD) {
                PyErr_Format(PyExc_ValueError, "empty body on %s", node->name);
                return -1;
            }
            for (Py_ssize_t k = 0; k < asdl_seq_LEN(s); k++)
                if (validate_node(st, f->type, asdl_seq_GET(s, k), ctx, depth + 1) < 0)
                    return -1;
        }
        else if (validate_node(st, f->type, *(void *const *)(p + f->off), ctx, depth + 1) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
validate_node(KrAstState *st, int cat, const void *ptr, int ctx, int depth)
{
    if (ptr == NULL)
        return 0;
    if (depth > 10000) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    const KrAstCategory *c = &_KrAst_Categories[cat];
    int idx = st->first_node[cat] + (c->style == 0 ? *(const int *)ptr - 1 : 0);
    const KrAstNode *node = &_KrAst_Nodes[idx];
    int own_ctx = Load;
    if (cat == KR_CAT_EXPR) {
        expr_ty e = (expr_ty)ptr;
        int actual = 0;
        switch (e->kind) {
        case Name_kind: actual = e->v.Name.ctx; break;
        case Attribute_kind: actual = e->v.Attribute.ctx; break;
        case Subscript_kind: actual = e->v.Subscript.ctx; break;
        case Starred_kind: actual = e->v.Starred.ctx; break;
        case List_kind: actual = e->v.List.ctx; break;
        case Tuple_kind: actual = e->v.Tuple.ctx; break;
        case NamedExpr_kind:
            if (e->v.NamedExpr.target->kind != Name_kind) {
                PyErr_SetString(PyExc_TypeError, "NamedExpr target must be a Name");
                return -1;
            }
            break;
        case Compare_kind:
            if (asdl_seq_LEN(e->v.Compare.comparators) == 0) {
                PyErr_SetString(PyExc_ValueError, "Compare with no comparators");
                return -1;
            }
            if (asdl_seq_LEN(e->v.Compare.comparators) != asdl_seq_LEN(e->v.Compare.ops)) {
                PyErr_SetString(PyExc_ValueError,
                                "Compare has a different number of comparators and operands");
                return -1;
            }
            break;
        case BoolOp_kind:
            if (asdl_seq_LEN(e->v.BoolOp.values) < 2) {
                PyErr_SetString(PyExc_ValueError, "BoolOp with less than 2 values");
                return -1;
            }
            break;
        case Dict_kind:
            if (asdl_seq_LEN(e->v.Dict.keys) != asdl_seq_LEN(e->v.Dict.values)) {
                PyErr_SetString(PyExc_ValueError,
                                "Dict doesn't have the same number of keys as values");
                return -1;
            }
            break;
        default:
            break;
        }
        if (actual) {
            if (actual != ctx) {
                PyErr_Format(PyExc_ValueError, "expression must have %s context but has %s instead",
                             ctx_names[ctx], ctx_names[actual]);
                return -1;
            }
            own_ctx = actual;
        }
        else if (ctx != Load) {
            PyErr_Format(PyExc_ValueError, "expression which can't be assigned to in %s context",
                         ctx_names[ctx]);
            return -1;
        }
    }
    return validate_fields(st, node, (const char *)ptr, own_ctx, depth);
}

mod_ty
PyAST_obj2mod(PyObject *obj, PyArena *arena, int mode)
{
    static const char *const expected[] = {"Module", "Expression", "Interactive", "FunctionType"};
    KrAstState *st = _KrAst_GetState();
    if (st == NULL)
        return NULL;
    if (mode < 0 || mode > 3) {
        PyErr_SetString(PyExc_ValueError, "invalid mode");
        return NULL;
    }
    int want = -1;
    for (int i = st->first_node[KR_CAT_MOD]; i < _KrAst_NumNodes; i++)
        if (strcmp(_KrAst_Nodes[i].name, expected[mode]) == 0) {
            want = i;
            break;
        }
    int ok = want >= 0 ? PyObject_IsInstance(obj, st->node_class[want]) : 0;
    if (ok < 0)
        return NULL;
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "expected %s node, got %.400s", expected[mode],
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Conv cv = {st, arena};
    void *mod = NULL;
    if (node_from_py(&cv, KR_CAT_MOD, obj, &mod) < 0 ||
        validate_node(st, KR_CAT_MOD, mod, Load, 0) < 0)
        return NULL;
    return (mod_ty)mod;
}

int
PyAST_Check(PyObject *obj)
{
    return PyObject_TypeCheck(obj, &_KrAST_Type);
}
