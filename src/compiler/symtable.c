/* Symbol table construction and scope analysis.
 *
 * Pass 1 walks the AST and records, per scope, how every name is used (DEF_* flags).
 * Pass 2 (analyze_*) resolves each name to LOCAL / CELL / FREE / GLOBAL_* with the LEGB
 * rules: a name bound in a function is local unless declared global/nonlocal; free
 * names resolve to the nearest enclosing function binding (class scopes are skipped);
 * a function-local that a nested scope uses becomes a cell. PEP 709 comprehensions are
 * analysed as separate scopes and then merged into their parent. */
#include "Python.h"
#include "internal/pycore_symtable.h"
#include "internal/pycore_compile.h"

#define LOC(x) (x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset

/* ---- errors ------------------------------------------------------------------------ */

int _KrCompile_SyntaxError(PyObject *filename, int lineno, int col, int end_lineno,
                           int end_col, const char *fmt, ...);

static int
st_error(struct symtable *st, int lineno, int col, int end_lineno, int end_col,
         const char *fmt, PyObject *name)
{
    if (name != NULL)
        return _KrCompile_SyntaxError(st->st_filename, lineno, col, end_lineno, end_col, fmt,
                                      name);
    return _KrCompile_SyntaxError(st->st_filename, lineno, col, end_lineno, end_col, "%s", fmt);
}

/* ---- entries ----------------------------------------------------------------------- */

static PySTEntryObject *
ste_new(struct symtable *st, PyObject *name, _Py_block_ty type, void *key, int lineno,
        int col, int end_lineno, int end_col)
{
    PySTEntryObject *ste = PyMem_Calloc(1, sizeof(*ste));
    if (ste == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (st->st_nall == st->st_allalloc) {
        int n = st->st_allalloc ? st->st_allalloc * 2 : 16;
        PySTEntryObject **a = PyMem_Realloc(st->st_all, (size_t)n * sizeof(*a));
        if (a == NULL) {
            PyMem_Free(ste);
            PyErr_NoMemory();
            return NULL;
        }
        st->st_all = a;
        st->st_allalloc = n;
    }
    st->st_all[st->st_nall++] = ste;
    ste->ste_table = st;
    ste->ste_id = key;
    ste->ste_name = Py_NewRef(name);
    ste->ste_type = type;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col;
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_directives = PyDict_New();
    if (!ste->ste_symbols || !ste->ste_varnames || !ste->ste_directives)
        return NULL;
    PyObject *k = PyLong_FromVoidPtr(key);
    PyObject *v = PyLong_FromVoidPtr(ste);
    int r = (k && v) ? PyDict_SetItem(st->st_blocks, k, v) : -1;
    Py_XDECREF(k);
    Py_XDECREF(v);
    if (r < 0)
        return NULL;
    return ste;
}

static void
ste_free(PySTEntryObject *ste)
{
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_directives);
    Py_XDECREF(ste->ste_mangled_names);
    PyMem_Free(ste->ste_children);
    PyMem_Free(ste);
}

void
_PySymtable_Free(struct symtable *st)
{
    if (st == NULL)
        return;
    for (int i = 0; i < st->st_nall; i++)
        ste_free(st->st_all[i]);
    PyMem_Free(st->st_all);
    PyMem_Free(st->st_stack);
    Py_XDECREF(st->st_filename);
    Py_XDECREF(st->st_blocks);
    Py_XDECREF(st->st_private);
    PyMem_Free(st);
}

PySTEntryObject *
_PySymtable_Lookup(struct symtable *st, void *key)
{
    PyObject *k = PyLong_FromVoidPtr(key);
    if (k == NULL)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(st->st_blocks, k);
    Py_DECREF(k);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "unknown symbol table entry");
        return NULL;
    }
    return (PySTEntryObject *)PyLong_AsVoidPtr(v);
}

long
_PyST_GetSymbol(PySTEntryObject *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    if (v == NULL)
        return 0;
    return PyLong_AsLong(v);
}

int
_PyST_GetScope(PySTEntryObject *ste, PyObject *name)
{
    return SYMBOL_TO_SCOPE(_PyST_GetSymbol(ste, name));
}

int
_PyST_IsFunctionLike(PySTEntryObject *ste)
{
    return ste->ste_type == FunctionBlock || ste->ste_type == AnnotationBlock ||
           ste->ste_type == TypeVarBoundBlock || ste->ste_type == TypeAliasBlock ||
           ste->ste_type == TypeParametersBlock;
}

/* ---- mangling ---------------------------------------------------------------------- */

PyObject *
_Py_Mangle(PyObject *privateobj, PyObject *ident)
{
    if (privateobj == NULL || !PyUnicode_Check(privateobj) || !PyUnicode_Check(ident))
        return Py_NewRef(ident);
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(ident);
    if (nlen < 2 || PyUnicode_READ_CHAR(ident, 0) != '_' || PyUnicode_READ_CHAR(ident, 1) != '_')
        return Py_NewRef(ident);
    /* Dunder names and dotted names (from imports) are left alone. */
    if ((nlen >= 4 && PyUnicode_READ_CHAR(ident, nlen - 1) == '_' &&
         PyUnicode_READ_CHAR(ident, nlen - 2) == '_') ||
        PyUnicode_FindChar(ident, '.', 0, nlen, 1) != -1)
        return Py_NewRef(ident);
    Py_ssize_t plen = PyUnicode_GET_LENGTH(privateobj), ipriv = 0;
    while (ipriv < plen && PyUnicode_READ_CHAR(privateobj, ipriv) == '_')
        ipriv++;
    if (ipriv == plen)
        return Py_NewRef(ident); /* class name is all underscores */
    PyObject *stripped = PyUnicode_Substring(privateobj, ipriv, plen);
    if (stripped == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    if (res != NULL)
        PyUnicode_InternInPlace(&res);
    return res;
}

PyObject *
_Py_MaybeMangle(PyObject *privateobj, PySTEntryObject *ste, PyObject *name)
{
    if (ste != NULL && ste->ste_mangled_names != NULL) {
        int r = PySet_Contains(ste->ste_mangled_names, name);
        if (r < 0)
            return NULL;
        if (r == 0)
            return Py_NewRef(name);
    }
    return _Py_Mangle(privateobj, name);
}

/* ---- pass 1 ------------------------------------------------------------------------- */

static int
st_enter_block(struct symtable *st, PyObject *name, _Py_block_ty type, void *key, int lineno,
               int col, int end_lineno, int end_col)
{
    PySTEntryObject *prev = st->st_cur;
    PySTEntryObject *ste = ste_new(st, name, type, key, lineno, col, end_lineno, end_col);
    if (ste == NULL)
        return 0;
    if (prev != NULL) {
        ste->ste_parent = prev;
        if (prev->ste_nested || _PyST_IsFunctionLike(prev))
            ste->ste_nested = 1;
        if (prev->ste_nchildren == prev->ste_childalloc) {
            int n = prev->ste_childalloc ? prev->ste_childalloc * 2 : 4;
            PySTEntryObject **c = PyMem_Realloc(prev->ste_children, (size_t)n * sizeof(*c));
            if (c == NULL) {
                PyErr_NoMemory();
                return 0;
            }
            prev->ste_children = c;
            prev->ste_childalloc = n;
        }
        prev->ste_children[prev->ste_nchildren++] = ste;
        /* Annotation-like scopes inside a method may still need class-scope mangling. */
        if (type == AnnotationBlock || type == TypeVarBoundBlock || type == TypeAliasBlock)
            ste->ste_mangled_names = prev->ste_mangled_names ? Py_NewRef(prev->ste_mangled_names) : NULL;
    }
    if (st->st_nstack == st->st_stackalloc) {
        int n = st->st_stackalloc ? st->st_stackalloc * 2 : 16;
        PySTEntryObject **s = PyMem_Realloc(st->st_stack, (size_t)n * sizeof(*s));
        if (s == NULL) {
            PyErr_NoMemory();
            return 0;
        }
        st->st_stack = s;
        st->st_stackalloc = n;
    }
    st->st_stack[st->st_nstack++] = ste;
    st->st_cur = ste;
    if (type == ModuleBlock)
        st->st_global = ste->ste_symbols;
    if (st->st_top == NULL)
        st->st_top = ste;
    return 1;
}

static int
st_exit_block(struct symtable *st)
{
    st->st_nstack--;
    st->st_cur = st->st_nstack > 0 ? st->st_stack[st->st_nstack - 1] : NULL;
    return 1;
}

static long
st_lookup_entry(PySTEntryObject *ste, PyObject *name)
{
    PyObject *mangled = _Py_MaybeMangle(ste->ste_table->st_private, ste, name);
    if (mangled == NULL)
        return -1;
    long r = _PyST_GetSymbol(ste, mangled);
    Py_DECREF(mangled);
    return r;
}

static int
st_add_def_helper(struct symtable *st, PyObject *name, int flag, PySTEntryObject *ste,
                  int lineno, int col, int end_lineno, int end_col)
{
    PyObject *mangled = _Py_MaybeMangle(st->st_private, ste, name);
    if (mangled == NULL)
        return 0;
    PyObject *dict = ste->ste_symbols;
    PyObject *o = PyDict_GetItemWithError(dict, mangled);
    long val = flag;
    if (o != NULL) {
        val = PyLong_AsLong(o);
        if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "duplicate argument '%U' in function definition", name);
            Py_DECREF(mangled);
            return 0;
        }
        if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col, "duplicate type parameter '%U'", name);
            Py_DECREF(mangled);
            return 0;
        }
        val |= flag;
    }
    else if (PyErr_Occurred()) {
        Py_DECREF(mangled);
        return 0;
    }
    if (ste->ste_comp_iter_target) {
        /* Iteration variables of a comprehension may not be rebound by a walrus. */
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "comprehension inner loop cannot rebind assignment expression target '%U'",
                     name);
            Py_DECREF(mangled);
            return 0;
        }
        val |= DEF_COMP_ITER;
    }
    PyObject *v = PyLong_FromLong(val);
    if (v == NULL || PyDict_SetItem(dict, mangled, v) < 0) {
        Py_XDECREF(v);
        Py_DECREF(mangled);
        return 0;
    }
    Py_DECREF(v);
    if (flag & DEF_PARAM) {
        if (PyList_Append(ste->ste_varnames, mangled) < 0) {
            Py_DECREF(mangled);
            return 0;
        }
    }
    else if (flag & DEF_GLOBAL) {
        /* Also record the binding in the module scope. */
        long g = flag;
        PyObject *go = PyDict_GetItemWithError(st->st_global, mangled);
        if (go != NULL)
            g |= PyLong_AsLong(go);
        else if (PyErr_Occurred()) {
            Py_DECREF(mangled);
            return 0;
        }
        PyObject *gv = PyLong_FromLong(g);
        if (gv == NULL || PyDict_SetItem(st->st_global, mangled, gv) < 0) {
            Py_XDECREF(gv);
            Py_DECREF(mangled);
            return 0;
        }
        Py_DECREF(gv);
    }
    Py_DECREF(mangled);
    return 1;
}

static int
st_add_def(struct symtable *st, PyObject *name, int flag, int lineno, int col, int end_lineno,
           int end_col)
{
    if ((flag & DEF_TYPE_PARAM) && st->st_cur->ste_mangled_names != NULL) {
        if (PySet_Add(st->st_cur->ste_mangled_names, name) < 0)
            return 0;
    }
    return st_add_def_helper(st, name, flag, st->st_cur, lineno, col, end_lineno, end_col);
}

static int
st_record_directive(struct symtable *st, PyObject *name, int lineno, int col, int end_lineno,
                    int end_col)
{
    PyObject *mangled = _Py_MaybeMangle(st->st_private, st->st_cur, name);
    if (mangled == NULL)
        return 0;
    int have = PyDict_Contains(st->st_cur->ste_directives, mangled);
    if (have != 0) {
        Py_DECREF(mangled);
        return have > 0; /* errors point at the first directive */
    }
    PyObject *loc = Py_BuildValue("(iiii)", lineno, col, end_lineno, end_col);
    int r = loc ? PyDict_SetItem(st->st_cur->ste_directives, mangled, loc) : -1;
    Py_XDECREF(loc);
    Py_DECREF(mangled);
    return r == 0;
}

static int st_visit_stmt(struct symtable *, stmt_ty);
static int st_visit_expr(struct symtable *, expr_ty);
static int st_visit_pattern(struct symtable *, pattern_ty);
static int st_visit_arguments(struct symtable *, arguments_ty);

#define VISIT(st, kind, v) do { if (!st_visit_##kind((st), (v))) return 0; } while (0)
#define VISIT_SEQ(st, kind, seq) do { \
        asdl_seq *_s = (asdl_seq *)(seq); \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(_s); _i++) { \
            void *_e = asdl_seq_GET(_s, _i); \
            if (!st_visit_##kind((st), _e)) return 0; \
        } } while (0)
#define VISIT_SEQ_WITH_NULL(st, kind, seq) do { \
        asdl_seq *_s = (asdl_seq *)(seq); \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(_s); _i++) { \
            void *_e = asdl_seq_GET(_s, _i); \
            if (_e && !st_visit_##kind((st), _e)) return 0; \
        } } while (0)

static int
st_in_future_annotations(struct symtable *st)
{
    return (st->st_future_flags & CO_FUTURE_ANNOTATIONS) != 0;
}

static int
st_visit_annotation(struct symtable *st, expr_ty annotation)
{
    if (st_in_future_annotations(st))
        return 1; /* stringified; never evaluated */
    return st_visit_expr(st, annotation);
}

static int
st_visit_argannotations(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation && !st_visit_annotation(st, a->annotation))
            return 0;
    }
    return 1;
}

static int
st_visit_annotations(struct symtable *st, arguments_ty a, expr_ty returns)
{
    if (!st_visit_argannotations(st, a->posonlyargs) || !st_visit_argannotations(st, a->args))
        return 0;
    if (a->vararg && a->vararg->annotation && !st_visit_annotation(st, a->vararg->annotation))
        return 0;
    if (a->kwarg && a->kwarg->annotation && !st_visit_annotation(st, a->kwarg->annotation))
        return 0;
    if (!st_visit_argannotations(st, a->kwonlyargs))
        return 0;
    if (returns && !st_visit_annotation(st, returns))
        return 0;
    return 1;
}

static int
st_visit_params(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (!st_add_def(st, a->arg, DEF_PARAM, LOC(a)))
            return 0;
    }
    return 1;
}

static int
st_visit_arguments(struct symtable *st, arguments_ty a)
{
    if (!st_visit_params(st, a->posonlyargs) || !st_visit_params(st, a->args) ||
        !st_visit_params(st, a->kwonlyargs))
        return 0;
    if (a->vararg) {
        if (!st_add_def(st, a->vararg->arg, DEF_PARAM, LOC(a->vararg)))
            return 0;
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (!st_add_def(st, a->kwarg->arg, DEF_PARAM, LOC(a->kwarg)))
            return 0;
        st->st_cur->ste_varkeywords = 1;
    }
    return 1;
}

static int
st_enter_type_param_block(struct symtable *st, PyObject *name, void *key, int has_defaults,
                          int has_kwdefaults, int is_class, int lineno, int col,
                          int end_lineno, int end_col)
{
    _Py_block_ty current = st->st_cur->ste_type;
    if (!st_enter_block(st, name, TypeParametersBlock, key, lineno, col, end_lineno, end_col))
        return 0;
    if (current == ClassBlock) {
        st->st_cur->ste_can_see_class_scope = 1;
        if (!st_add_def(st, _Py_ID(__classdict__), USE, lineno, col, end_lineno, end_col))
            return 0;
    }
    if (is_class) {
        PyObject *tp = PyUnicode_InternFromString(".type_params");
        PyObject *gb = PyUnicode_InternFromString(".generic_base");
        int ok = tp && gb && st_add_def(st, tp, DEF_LOCAL, lineno, col, end_lineno, end_col) &&
                 st_add_def(st, gb, DEF_LOCAL, lineno, col, end_lineno, end_col);
        Py_XDECREF(tp);
        Py_XDECREF(gb);
        if (!ok)
            return 0;
    }
    if (has_defaults) {
        PyObject *d = PyUnicode_InternFromString(".defaults");
        int ok = d && st_add_def(st, d, DEF_PARAM, lineno, col, end_lineno, end_col);
        Py_XDECREF(d);
        if (!ok)
            return 0;
    }
    if (has_kwdefaults) {
        PyObject *d = PyUnicode_InternFromString(".kwdefaults");
        int ok = d && st_add_def(st, d, DEF_PARAM, lineno, col, end_lineno, end_col);
        Py_XDECREF(d);
        if (!ok)
            return 0;
    }
    return 1;
}

static int
st_visit_type_param_bound_or_default(struct symtable *st, expr_ty e, PyObject *name, void *key)
{
    if (e == NULL)
        return 1;
    int is_in_class = st->st_cur->ste_can_see_class_scope;
    if (!st_enter_block(st, name, TypeVarBoundBlock, key, LOC(e)))
        return 0;
    st->st_cur->ste_can_see_class_scope = is_in_class;
    if (is_in_class && !st_add_def(st, _Py_ID(__classdict__), USE, LOC(e)))
        return 0;
    VISIT(st, expr, e);
    return st_exit_block(st);
}

static int
st_visit_type_param(struct symtable *st, type_param_ty tp)
{
    switch (tp->kind) {
    case TypeVar_kind:
        if (!st_add_def(st, tp->v.TypeVar.name, DEF_TYPE_PARAM | DEF_LOCAL, LOC(tp)))
            return 0;
        if (!st_visit_type_param_bound_or_default(st, tp->v.TypeVar.bound, tp->v.TypeVar.name,
                                                  (void *)tp))
            return 0;
        if (!st_visit_type_param_bound_or_default(st, tp->v.TypeVar.default_value,
                                                  tp->v.TypeVar.name, (char *)tp + 1))
            return 0;
        break;
    case ParamSpec_kind:
        if (!st_add_def(st, tp->v.ParamSpec.name, DEF_TYPE_PARAM | DEF_LOCAL, LOC(tp)))
            return 0;
        if (!st_visit_type_param_bound_or_default(st, tp->v.ParamSpec.default_value,
                                                  tp->v.ParamSpec.name, (char *)tp + 1))
            return 0;
        break;
    case TypeVarTuple_kind:
        if (!st_add_def(st, tp->v.TypeVarTuple.name, DEF_TYPE_PARAM | DEF_LOCAL, LOC(tp)))
            return 0;
        if (!st_visit_type_param_bound_or_default(st, tp->v.TypeVarTuple.default_value,
                                                  tp->v.TypeVarTuple.name, (char *)tp + 1))
            return 0;
        break;
    }
    return 1;
}

static int
st_visit_alias(struct symtable *st, alias_ty a)
{
    /* `import a.b.c` binds `a`; `import a.b as c` binds `c`. */
    PyObject *store = a->asname ? a->asname : a->name;
    PyObject *name;
    Py_ssize_t len = PyUnicode_GET_LENGTH(store);
    Py_ssize_t dot = PyUnicode_FindChar(store, '.', 0, len, 1);
    if (dot >= 0) {
        name = PyUnicode_Substring(store, 0, dot);
        if (name == NULL)
            return 0;
    }
    else
        name = Py_NewRef(store);
    if (!PyUnicode_EqualToUTF8(name, "*")) {
        int r = st_add_def(st, name, DEF_IMPORT, LOC(a));
        Py_DECREF(name);
        return r;
    }
    Py_DECREF(name);
    if (st->st_cur->ste_type != ModuleBlock) {
        st_error(st, LOC(a), "import * only allowed at module level", NULL);
        return 0;
    }
    return 1;
}

static int
st_visit_withitem(struct symtable *st, withitem_ty w)
{
    VISIT(st, expr, w->context_expr);
    if (w->optional_vars)
        VISIT(st, expr, w->optional_vars);
    return 1;
}

static int
st_visit_match_case(struct symtable *st, match_case_ty m)
{
    VISIT(st, pattern, m->pattern);
    if (m->guard)
        VISIT(st, expr, m->guard);
    VISIT_SEQ(st, stmt, m->body);
    return 1;
}

static int
st_visit_excepthandler(struct symtable *st, excepthandler_ty eh)
{
    if (eh->v.ExceptHandler.type)
        VISIT(st, expr, eh->v.ExceptHandler.type);
    if (eh->v.ExceptHandler.name &&
        !st_add_def(st, eh->v.ExceptHandler.name, DEF_LOCAL, LOC(eh)))
        return 0;
    VISIT_SEQ(st, stmt, eh->v.ExceptHandler.body);
    return 1;
}

static int
st_visit_keyword(struct symtable *st, keyword_ty k)
{
    VISIT(st, expr, k->value);
    return 1;
}

static int
st_function_def(struct symtable *st, stmt_ty s, int is_async)
{
    PyObject *name = s->v.FunctionDef.name;
    arguments_ty args = s->v.FunctionDef.args;
    asdl_type_param_seq *tps = s->v.FunctionDef.type_params;
    if (!st_add_def(st, name, DEF_LOCAL, LOC(s)))
        return 0;
    VISIT_SEQ(st, expr, args->defaults);
    VISIT_SEQ_WITH_NULL(st, expr, args->kw_defaults);
    VISIT_SEQ(st, expr, s->v.FunctionDef.decorator_list);
    int has_kwdefaults = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kw_defaults); i++)
        if (asdl_seq_GET(args->kw_defaults, i))
            has_kwdefaults = 1;
    if (asdl_seq_LEN(tps) > 0) {
        PyObject *bname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (bname == NULL)
            return 0;
        /* Like CPython, the scope always reserves `.defaults` (the parser never leaves
         * the defaults sequence NULL), so co_varnames match. */
        int ok = st_enter_type_param_block(st, bname, (void *)tps, 1, has_kwdefaults, 0,
                                           LOC(s));
        Py_DECREF(bname);
        if (!ok)
            return 0;
        VISIT_SEQ(st, type_param, tps);
    }
    if (!st_visit_annotations(st, args, s->v.FunctionDef.returns))
        return 0;
    if (!st_enter_block(st, name, FunctionBlock, (void *)s, LOC(s)))
        return 0;
    if (is_async)
        st->st_cur->ste_coroutine = 1;
    if (!st_visit_arguments(st, args))
        return 0;
    VISIT_SEQ(st, stmt, s->v.FunctionDef.body);
    st_exit_block(st);
    if (asdl_seq_LEN(tps) > 0)
        st_exit_block(st);
    return 1;
}

static int
st_class_def(struct symtable *st, stmt_ty s)
{
    PyObject *name = s->v.ClassDef.name;
    asdl_type_param_seq *tps = s->v.ClassDef.type_params;
    if (!st_add_def(st, name, DEF_LOCAL, LOC(s)))
        return 0;
    VISIT_SEQ(st, expr, s->v.ClassDef.decorator_list);
    PyObject *saved_private = st->st_private;
    if (asdl_seq_LEN(tps) > 0) {
        PyObject *bname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (bname == NULL)
            return 0;
        int ok = st_enter_type_param_block(st, bname, (void *)tps, 0, 0, 1, LOC(s));
        Py_DECREF(bname);
        if (!ok)
            return 0;
        st->st_private = name;
        st->st_cur->ste_mangled_names = PySet_New(NULL);
        if (st->st_cur->ste_mangled_names == NULL)
            return 0;
        VISIT_SEQ(st, type_param, tps);
    }
    VISIT_SEQ(st, expr, s->v.ClassDef.bases);
    VISIT_SEQ(st, keyword, s->v.ClassDef.keywords);
    if (!st_enter_block(st, name, ClassBlock, (void *)s, LOC(s)))
        return 0;
    st->st_private = name;
    if (asdl_seq_LEN(tps) > 0) {
        PyObject *tp = PyUnicode_InternFromString(".type_params");
        int ok = tp && st_add_def(st, tp, USE, LOC(s));
        Py_XDECREF(tp);
        if (!ok)
            return 0;
    }
    int ok = 1;
    for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.ClassDef.body); i++)
        ok = st_visit_stmt(st, asdl_seq_GET(s->v.ClassDef.body, i));
    st->st_private = saved_private;
    if (!ok)
        return 0;
    st_exit_block(st);
    if (asdl_seq_LEN(tps) > 0)
        st_exit_block(st);
    return 1;
}

static int
st_global_nonlocal(struct symtable *st, stmt_ty s, int is_global)
{
    asdl_identifier_seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *kw = is_global ? "global" : "nonlocal";
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        PyObject *name = asdl_seq_GET(names, i);
        long cur = st_lookup_entry(st->st_cur, name);
        if (cur < 0)
            return 0;
        if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            const char *fmt;
            char buf[128];
            if (cur & DEF_PARAM)
                fmt = "name '%%U' is parameter and %s";
            else if (cur & USE)
                fmt = "name '%%U' is used prior to %s declaration";
            else if (cur & DEF_ANNOT)
                fmt = "annotated name '%%U' can't be %s";
            else
                fmt = "name '%%U' is assigned to before %s declaration";
            snprintf(buf, sizeof(buf), fmt, kw);
            st_error(st, LOC(s), buf, name);
            return 0;
        }
        if (!is_global && st->st_cur->ste_type == ModuleBlock) {
            st_error(st, LOC(s), "nonlocal declaration not allowed at module level", NULL);
            return 0;
        }
        if (!st_add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s)))
            return 0;
        if (!st_record_directive(st, name, LOC(s)))
            return 0;
    }
    return 1;
}

static int
st_visit_stmt(struct symtable *st, stmt_ty s)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int ok = 1;
    switch (s->kind) {
    case FunctionDef_kind:
        ok = st_function_def(st, s, 0);
        break;
    case AsyncFunctionDef_kind:
        ok = st_function_def(st, s, 1);
        break;
    case ClassDef_kind:
        ok = st_class_def(st, s);
        break;
    case Return_kind:
        if (s->v.Return.value) {
            ok = st_visit_expr(st, s->v.Return.value);
            st->st_cur->ste_returns_value = 1;
        }
        break;
    case Delete_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Delete.targets); i++)
            ok = st_visit_expr(st, asdl_seq_GET(s->v.Delete.targets, i));
        break;
    case Assign_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Assign.targets); i++)
            ok = st_visit_expr(st, asdl_seq_GET(s->v.Assign.targets, i));
        ok = ok && st_visit_expr(st, s->v.Assign.value);
        break;
    case TypeAlias_kind: {
        expr_ty nm = s->v.TypeAlias.name;
        ok = st_visit_expr(st, nm);
        if (!ok)
            break;
        asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
        int is_generic = asdl_seq_LEN(tps) > 0;
        if (is_generic) {
            PyObject *bname = PyUnicode_FromFormat("<generic parameters of %U>", nm->v.Name.id);
            ok = bname && st_enter_type_param_block(st, bname, (void *)tps, 0, 0, 0, LOC(s));
            Py_XDECREF(bname);
            for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(tps); i++)
                ok = st_visit_type_param(st, asdl_seq_GET(tps, i));
            if (!ok)
                break;
        }
        int is_in_class = st->st_cur->ste_type == ClassBlock;
        ok = st_enter_block(st, nm->v.Name.id, TypeAliasBlock, (void *)s, LOC(s));
        if (!ok)
            break;
        st->st_cur->ste_can_see_class_scope = is_in_class;
        if (is_in_class && !st_add_def(st, _Py_ID(__classdict__), USE, LOC(s->v.TypeAlias.value))) {
            ok = 0;
            break;
        }
        ok = st_visit_expr(st, s->v.TypeAlias.value);
        st_exit_block(st);
        if (is_generic)
            st_exit_block(st);
        break;
    }
    case AugAssign_kind:
        ok = st_visit_expr(st, s->v.AugAssign.target) && st_visit_expr(st, s->v.AugAssign.value);
        break;
    case AnnAssign_kind: {
        expr_ty t = s->v.AnnAssign.target;
        if (t->kind == Name_kind) {
            long cur = st_lookup_entry(st->st_cur, t->v.Name.id);
            if (cur < 0) {
                ok = 0;
                break;
            }
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->st_cur->ste_symbols != st->st_global &&
                s->v.AnnAssign.simple) {
                st_error(st, LOC(s),
                         (cur & DEF_GLOBAL) ? "annotated name '%U' can't be global"
                                            : "annotated name '%U' can't be nonlocal",
                         t->v.Name.id);
                ok = 0;
                break;
            }
            if (s->v.AnnAssign.simple)
                ok = st_add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, LOC(t));
            else if (s->v.AnnAssign.value)
                ok = st_add_def(st, t->v.Name.id, DEF_LOCAL, LOC(t));
        }
        else
            ok = st_visit_expr(st, t);
        ok = ok && st_visit_annotation(st, s->v.AnnAssign.annotation);
        if (ok && s->v.AnnAssign.value)
            ok = st_visit_expr(st, s->v.AnnAssign.value);
        break;
    }
    case For_kind:
    case AsyncFor_kind:
        ok = st_visit_expr(st, s->v.For.target) && st_visit_expr(st, s->v.For.iter);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.For.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.For.body, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.For.orelse); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.For.orelse, i));
        break;
    case While_kind:
    case If_kind:
        ok = st_visit_expr(st, s->v.While.test);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.While.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.While.body, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.While.orelse); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.While.orelse, i));
        break;
    case With_kind:
    case AsyncWith_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.With.items); i++)
            ok = st_visit_withitem(st, asdl_seq_GET(s->v.With.items, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.With.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.With.body, i));
        break;
    case Match_kind:
        ok = st_visit_expr(st, s->v.Match.subject);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Match.cases); i++)
            ok = st_visit_match_case(st, asdl_seq_GET(s->v.Match.cases, i));
        break;
    case Raise_kind:
        if (s->v.Raise.exc) {
            ok = st_visit_expr(st, s->v.Raise.exc);
            if (ok && s->v.Raise.cause)
                ok = st_visit_expr(st, s->v.Raise.cause);
        }
        break;
    case Try_kind:
    case TryStar_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Try.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.Try.body, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Try.orelse); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.Try.orelse, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Try.handlers); i++)
            ok = st_visit_excepthandler(st, asdl_seq_GET(s->v.Try.handlers, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Try.finalbody); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(s->v.Try.finalbody, i));
        break;
    case Assert_kind:
        ok = st_visit_expr(st, s->v.Assert.test);
        if (ok && s->v.Assert.msg)
            ok = st_visit_expr(st, s->v.Assert.msg);
        break;
    case Import_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.Import.names); i++)
            ok = st_visit_alias(st, asdl_seq_GET(s->v.Import.names, i));
        break;
    case ImportFrom_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(s->v.ImportFrom.names); i++)
            ok = st_visit_alias(st, asdl_seq_GET(s->v.ImportFrom.names, i));
        break;
    case Global_kind:
        ok = st_global_nonlocal(st, s, 1);
        break;
    case Nonlocal_kind:
        ok = st_global_nonlocal(st, s, 0);
        break;
    case Expr_kind:
        ok = st_visit_expr(st, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    default:
        break;
    }
    Py_LeaveRecursiveCall();
    return ok;
}

static int
st_extend_namedexpr_scope(struct symtable *st, expr_ty e)
{
    PyObject *target = e->v.NamedExpr.target->v.Name.id;
    expr_ty t = e->v.NamedExpr.target;
    for (int i = st->st_nstack - 1; i >= 0; i--) {
        PySTEntryObject *ste = st->st_stack[i];
        if (ste->ste_comprehension) {
            long f = st_lookup_entry(ste, target);
            if (f < 0)
                return 0;
            if (f & DEF_COMP_ITER) {
                st_error(st, LOC(t),
                         "assignment expression cannot rebind comprehension iteration variable '%U'",
                         target);
                return 0;
            }
            continue;
        }
        if (ste->ste_type == FunctionBlock) {
            long f = st_lookup_entry(ste, target);
            if (f < 0)
                return 0;
            if (!st_add_def(st, target, (f & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, LOC(t)))
                return 0;
            if (!st_record_directive(st, target, LOC(t)))
                return 0;
            return st_add_def_helper(st, target, DEF_LOCAL, ste, LOC(t));
        }
        if (ste->ste_type == ModuleBlock) {
            if (!st_add_def(st, target, DEF_GLOBAL, LOC(t)))
                return 0;
            if (!st_record_directive(st, target, LOC(t)))
                return 0;
            return st_add_def_helper(st, target, DEF_GLOBAL, ste, LOC(t));
        }
        if (ste->ste_type == ClassBlock) {
            st_error(st, LOC(t),
                     "assignment expression within a comprehension cannot be used in a class body",
                     NULL);
            return 0;
        }
        st_error(st, LOC(t),
                 "assignment expression within a comprehension cannot be used within the definition of a generic",
                 NULL);
        return 0;
    }
    return 1;
}

static int
st_raise_if_annotation_block(struct symtable *st, const char *what, expr_ty e)
{
    _Py_block_ty type = st->st_cur->ste_type;
    const char *fmt = NULL;
    if (type == TypeVarBoundBlock)
        fmt = "%s cannot be used within a TypeVar bound";
    else if (type == TypeAliasBlock)
        fmt = "%s cannot be used within a type alias";
    else if (type == TypeParametersBlock)
        fmt = "%s cannot be used within the definition of a generic";
    else if (type == AnnotationBlock)
        fmt = "%s cannot be used within an annotation";
    if (fmt == NULL)
        return 1;
    char buf[160];
    snprintf(buf, sizeof(buf), fmt, what);
    st_error(st, LOC(e), buf, NULL);
    return 0;
}

static int
st_raise_if_comprehension_block(struct symtable *st, expr_ty e)
{
    _Py_comprehension_ty type = st->st_cur->ste_comprehension;
    const char *msg = type == ListComprehension  ? "'yield' inside list comprehension"
                      : type == SetComprehension ? "'yield' inside set comprehension"
                      : type == DictComprehension ? "'yield' inside dict comprehension"
                                                  : "'yield' inside generator expression";
    st_error(st, LOC(e), msg, NULL);
    return 0;
}

static int
st_handle_comprehension(struct symtable *st, expr_ty e, PyObject *scope_name,
                        asdl_comprehension_seq *generators, expr_ty elt, expr_ty value,
                        _Py_comprehension_ty ctype)
{
    int is_generator = e->kind == GeneratorExp_kind;
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    /* The outermost iterable is evaluated in the enclosing scope. */
    st->st_cur->ste_comp_iter_expr++;
    int ok = st_visit_expr(st, outermost->iter);
    st->st_cur->ste_comp_iter_expr--;
    if (!ok)
        return 0;
    if (!st_enter_block(st, scope_name, FunctionBlock, (void *)e, LOC(e)))
        return 0;
    PySTEntryObject *ste = st->st_cur;
    ste->ste_comprehension = ctype;
    if (outermost->is_async)
        ste->ste_coroutine = 1;
    PyObject *dot0 = PyUnicode_InternFromString(".0");
    ok = dot0 && st_add_def(st, dot0, DEF_PARAM, LOC(e));
    Py_XDECREF(dot0);
    if (!ok)
        return 0;
    ste->ste_comp_iter_target = 1;
    ok = st_visit_expr(st, outermost->target);
    ste->ste_comp_iter_target = 0;
    if (!ok)
        return 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(outermost->ifs); i++)
        if (!st_visit_expr(st, asdl_seq_GET(outermost->ifs, i)))
            return 0;
    for (Py_ssize_t g = 1; g < asdl_seq_LEN(generators); g++) {
        comprehension_ty c = asdl_seq_GET(generators, g);
        ste->ste_comp_iter_target = 1;
        ok = st_visit_expr(st, c->target);
        ste->ste_comp_iter_target = 0;
        if (!ok)
            return 0;
        ste->ste_comp_iter_expr++;
        ok = st_visit_expr(st, c->iter);
        ste->ste_comp_iter_expr--;
        if (!ok)
            return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(c->ifs); i++)
            if (!st_visit_expr(st, asdl_seq_GET(c->ifs, i)))
                return 0;
        if (c->is_async)
            ste->ste_coroutine = 1;
    }
    if (value && !st_visit_expr(st, value))
        return 0;
    if (!st_visit_expr(st, elt))
        return 0;
    if (is_generator)
        ste->ste_generator = 1;
    st_exit_block(st);
    /* An inlined comprehension that awaits makes its parent a coroutine user too. */
    if (ste->ste_coroutine && !is_generator && st->st_cur->ste_comprehension)
        st->st_cur->ste_coroutine = 1;
    return 1;
}

static int
st_visit_expr(struct symtable *st, expr_ty e)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int ok = 1;
    switch (e->kind) {
    case NamedExpr_kind:
        if (!st_raise_if_annotation_block(st, "named expression", e)) {
            ok = 0;
            break;
        }
        if (st->st_cur->ste_comp_iter_expr > 0) {
            st_error(st, LOC(e),
                     "assignment expression cannot be used in a comprehension iterable expression",
                     NULL);
            ok = 0;
            break;
        }
        if (st->st_cur->ste_comprehension && !st_extend_namedexpr_scope(st, e)) {
            ok = 0;
            break;
        }
        ok = st_visit_expr(st, e->v.NamedExpr.value) && st_visit_expr(st, e->v.NamedExpr.target);
        break;
    case BoolOp_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.BoolOp.values); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.BoolOp.values, i));
        break;
    case BinOp_kind:
        ok = st_visit_expr(st, e->v.BinOp.left) && st_visit_expr(st, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        ok = st_visit_expr(st, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        arguments_ty a = e->v.Lambda.args;
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(a->defaults); i++)
            ok = st_visit_expr(st, asdl_seq_GET(a->defaults, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(a->kw_defaults); i++) {
            expr_ty d = asdl_seq_GET(a->kw_defaults, i);
            if (d)
                ok = st_visit_expr(st, d);
        }
        if (!ok)
            break;
        PyObject *nm = PyUnicode_InternFromString("<lambda>");
        ok = nm && st_enter_block(st, nm, FunctionBlock, (void *)e, LOC(e));
        Py_XDECREF(nm);
        ok = ok && st_visit_arguments(st, a) && st_visit_expr(st, e->v.Lambda.body);
        if (ok)
            st_exit_block(st);
        break;
    }
    case IfExp_kind:
        ok = st_visit_expr(st, e->v.IfExp.test) && st_visit_expr(st, e->v.IfExp.body) &&
             st_visit_expr(st, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Dict.keys); i++) {
            expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
            if (k)
                ok = st_visit_expr(st, k);
        }
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Dict.values); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.Dict.values, i));
        break;
    case Set_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Set.elts); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.Set.elts, i));
        break;
    case GeneratorExp_kind:
    case ListComp_kind:
    case SetComp_kind:
    case DictComp_kind: {
        const char *nm;
        _Py_comprehension_ty ct;
        expr_ty elt, value = NULL;
        asdl_comprehension_seq *gens;
        if (e->kind == GeneratorExp_kind) {
            nm = "<genexpr>"; ct = GeneratorExpression;
            elt = e->v.GeneratorExp.elt; gens = e->v.GeneratorExp.generators;
        }
        else if (e->kind == ListComp_kind) {
            nm = "<listcomp>"; ct = ListComprehension;
            elt = e->v.ListComp.elt; gens = e->v.ListComp.generators;
        }
        else if (e->kind == SetComp_kind) {
            nm = "<setcomp>"; ct = SetComprehension;
            elt = e->v.SetComp.elt; gens = e->v.SetComp.generators;
        }
        else {
            nm = "<dictcomp>"; ct = DictComprehension;
            elt = e->v.DictComp.key; value = e->v.DictComp.value;
            gens = e->v.DictComp.generators;
        }
        PyObject *name = PyUnicode_InternFromString(nm);
        ok = name && st_handle_comprehension(st, e, name, gens, elt, value, ct);
        Py_XDECREF(name);
        break;
    }
    case Yield_kind:
    case YieldFrom_kind:
        if (!st_raise_if_annotation_block(st, e->kind == Yield_kind ? "yield expression" : "yield expression", e)) {
            ok = 0;
            break;
        }
        if (e->kind == Yield_kind ? e->v.Yield.value != NULL : 1) {
            ok = st_visit_expr(st, e->kind == Yield_kind ? e->v.Yield.value : e->v.YieldFrom.value);
            if (!ok)
                break;
        }
        if (st->st_cur->ste_comprehension) {
            ok = st_raise_if_comprehension_block(st, e);
            break;
        }
        st->st_cur->ste_generator = 1;
        break;
    case Await_kind:
        if (!st_raise_if_annotation_block(st, "await expression", e)) {
            ok = 0;
            break;
        }
        ok = st_visit_expr(st, e->v.Await.value);
        st->st_cur->ste_coroutine = 1;
        break;
    case Compare_kind:
        ok = st_visit_expr(st, e->v.Compare.left);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Compare.comparators); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.Compare.comparators, i));
        break;
    case Call_kind:
        ok = st_visit_expr(st, e->v.Call.func);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Call.args); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.Call.args, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Call.keywords); i++)
            ok = st_visit_keyword(st, asdl_seq_GET(e->v.Call.keywords, i));
        break;
    case FormattedValue_kind:
        ok = st_visit_expr(st, e->v.FormattedValue.value);
        if (ok && e->v.FormattedValue.format_spec)
            ok = st_visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.JoinedStr.values); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.JoinedStr.values, i));
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        ok = st_visit_expr(st, e->v.Attribute.value);
        break;
    case Subscript_kind:
        ok = st_visit_expr(st, e->v.Subscript.value) && st_visit_expr(st, e->v.Subscript.slice);
        break;
    case Starred_kind:
        ok = st_visit_expr(st, e->v.Starred.value);
        break;
    case Slice_kind:
        if (e->v.Slice.lower)
            ok = st_visit_expr(st, e->v.Slice.lower);
        if (ok && e->v.Slice.upper)
            ok = st_visit_expr(st, e->v.Slice.upper);
        if (ok && e->v.Slice.step)
            ok = st_visit_expr(st, e->v.Slice.step);
        break;
    case Name_kind:
        ok = st_add_def(st, e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL, LOC(e));
        /* Zero-argument super() needs the implicit __class__ cell. */
        if (ok && e->v.Name.ctx == Load && _PyST_IsFunctionLike(st->st_cur) &&
            PyUnicode_EqualToUTF8(e->v.Name.id, "super"))
            ok = st_add_def(st, _Py_ID(__class__), USE, LOC(e));
        break;
    case List_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.List.elts); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.List.elts, i));
        break;
    case Tuple_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Tuple.elts); i++)
            ok = st_visit_expr(st, asdl_seq_GET(e->v.Tuple.elts, i));
        break;
    default:
        break;
    }
    Py_LeaveRecursiveCall();
    return ok;
}

static int
st_visit_pattern(struct symtable *st, pattern_ty p)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int ok = 1;
    switch (p->kind) {
    case MatchValue_kind:
        ok = st_visit_expr(st, p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchSequence.patterns); i++)
            ok = st_visit_pattern(st, asdl_seq_GET(p->v.MatchSequence.patterns, i));
        break;
    case MatchStar_kind:
        if (p->v.MatchStar.name)
            ok = st_add_def(st, p->v.MatchStar.name, DEF_LOCAL, LOC(p));
        break;
    case MatchMapping_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchMapping.keys); i++)
            ok = st_visit_expr(st, asdl_seq_GET(p->v.MatchMapping.keys, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchMapping.patterns); i++)
            ok = st_visit_pattern(st, asdl_seq_GET(p->v.MatchMapping.patterns, i));
        if (ok && p->v.MatchMapping.rest)
            ok = st_add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, LOC(p));
        break;
    case MatchClass_kind:
        ok = st_visit_expr(st, p->v.MatchClass.cls);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchClass.patterns); i++)
            ok = st_visit_pattern(st, asdl_seq_GET(p->v.MatchClass.patterns, i));
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchClass.kwd_patterns); i++)
            ok = st_visit_pattern(st, asdl_seq_GET(p->v.MatchClass.kwd_patterns, i));
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern)
            ok = st_visit_pattern(st, p->v.MatchAs.pattern);
        if (ok && p->v.MatchAs.name)
            ok = st_add_def(st, p->v.MatchAs.name, DEF_LOCAL, LOC(p));
        break;
    case MatchOr_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(p->v.MatchOr.patterns); i++)
            ok = st_visit_pattern(st, asdl_seq_GET(p->v.MatchOr.patterns, i));
        break;
    default:
        break;
    }
    Py_LeaveRecursiveCall();
    return ok;
}

/* ---- pass 2: scope analysis ---------------------------------------------------------- */

static int
set_scope(PyObject *scopes, PyObject *name, int scope)
{
    PyObject *v = PyLong_FromLong(scope);
    if (v == NULL)
        return 0;
    int r = PyDict_SetItem(scopes, name, v);
    Py_DECREF(v);
    return r == 0;
}

static int
directive_error(PySTEntryObject *ste, PyObject *name, const char *fmt)
{
    PyObject *loc = PyDict_GetItemWithError(ste->ste_directives, name);
    int l = ste->ste_lineno, c = ste->ste_col_offset, el = ste->ste_end_lineno,
        ec = ste->ste_end_col_offset;
    if (loc != NULL) {
        l = (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 0));
        c = (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 1));
        el = (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 2));
        ec = (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 3));
    }
    st_error(ste->ste_table, l, c, el, ec, fmt, name);
    return 0;
}

static int
analyze_name(PySTEntryObject *ste, PyObject *scopes, PyObject *name, long flags,
             PyObject *bound, PyObject *local, PyObject *free, PyObject *global,
             PyObject *type_params, PySTEntryObject *class_entry)
{
    int r;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL)
            return directive_error(ste, name, "name '%U' is nonlocal and global");
        if (!set_scope(scopes, name, GLOBAL_EXPLICIT) || PySet_Add(global, name) < 0)
            return 0;
        if (bound && PySet_Discard(bound, name) < 0)
            return 0;
        return 1;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound)
            return directive_error(ste, name, "nonlocal declaration not allowed at module level");
        r = PySet_Contains(bound, name);
        if (r < 0)
            return 0;
        if (!r)
            return directive_error(ste, name, "no binding for nonlocal '%U' found");
        r = PySet_Contains(type_params, name);
        if (r < 0)
            return 0;
        if (r)
            return directive_error(ste, name, "nonlocal binding not allowed for type parameter '%U'");
        return set_scope(scopes, name, FREE) && PySet_Add(free, name) == 0;
    }
    if (flags & DEF_BOUND) {
        if (!set_scope(scopes, name, LOCAL) || PySet_Add(local, name) < 0 ||
            PySet_Discard(global, name) < 0)
            return 0;
        if (flags & DEF_TYPE_PARAM) {
            if (PySet_Add(type_params, name) < 0)
                return 0;
        }
        else if (PySet_Discard(type_params, name) < 0)
            return 0;
        return 1;
    }
    if (class_entry != NULL) {
        long cf = _PyST_GetSymbol(class_entry, name);
        if (cf & DEF_GLOBAL)
            return set_scope(scopes, name, GLOBAL_EXPLICIT);
        if ((cf & DEF_BOUND) && !(cf & DEF_NONLOCAL))
            return set_scope(scopes, name, GLOBAL_IMPLICIT);
    }
    if (bound) {
        r = PySet_Contains(bound, name);
        if (r < 0)
            return 0;
        if (r)
            return set_scope(scopes, name, FREE) && PySet_Add(free, name) == 0;
    }
    if (global) {
        r = PySet_Contains(global, name);
        if (r < 0)
            return 0;
        if (r)
            return set_scope(scopes, name, GLOBAL_IMPLICIT);
    }
    return set_scope(scopes, name, GLOBAL_IMPLICIT);
}

static int
is_free_in_any_child(PySTEntryObject *entry, PyObject *key)
{
    for (int i = 0; i < entry->ste_nchildren; i++) {
        PySTEntryObject *child = entry->ste_children[i];
        long f = _PyST_GetSymbol(child, key);
        if (SYMBOL_TO_SCOPE(f) == FREE)
            return 1;
    }
    return 0;
}

static int
inline_comprehension(PySTEntryObject *ste, PySTEntryObject *comp, PyObject *scopes,
                     PyObject *comp_free, PyObject *inlined_cells)
{
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &k, &v)) {
        long comp_flags = PyLong_AsLong(v);
        if (comp_flags & DEF_PARAM)
            continue; /* the hidden .0 parameter */
        int scope = SYMBOL_TO_SCOPE(comp_flags);
        long only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
        if (scope == CELL || (only_flags & DEF_COMP_CELL)) {
            if (PySet_Add(inlined_cells, k) < 0)
                return 0;
        }
        PyObject *existing = PyDict_GetItemWithError(ste->ste_symbols, k);
        if (existing == NULL) {
            if (PyErr_Occurred())
                return 0;
            if (scope == FREE && ste->ste_type == ClassBlock &&
                PyUnicode_EqualToUTF8(k, "__class__")) {
                /* The class body itself cannot see __class__; leave it to the methods. */
                scope = GLOBAL_IMPLICIT;
                only_flags &= ~DEF_FREE;
                if (PySet_Discard(comp_free, k) < 0)
                    return 0;
            }
            PyObject *fl = PyLong_FromLong(only_flags);
            if (fl == NULL || PyDict_SetItem(ste->ste_symbols, k, fl) < 0) {
                Py_XDECREF(fl);
                return 0;
            }
            Py_DECREF(fl);
            if (!set_scope(scopes, k, scope))
                return 0;
        }
        else {
            if ((PyLong_AsLong(existing) & DEF_BOUND) && !is_free_in_any_child(comp, k) &&
                ste->ste_type != ClassBlock) {
                if (PySet_Discard(comp_free, k) < 0)
                    return 0;
            }
        }
    }
    return 1;
}

static int
analyze_cells(PyObject *scopes, PyObject *free, PyObject *inlined_cells)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    PyObject *items = PyDict_Items(scopes);
    if (items == NULL)
        return 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *it = PyList_GET_ITEM(items, i);
        name = PyTuple_GET_ITEM(it, 0);
        v = PyTuple_GET_ITEM(it, 1);
        if (PyLong_AsLong(v) != LOCAL)
            continue;
        int r = PySet_Contains(free, name);
        if (r == 0)
            r = PySet_Contains(inlined_cells, name);
        if (r < 0) {
            Py_DECREF(items);
            return 0;
        }
        if (!r)
            continue;
        if (!set_scope(scopes, name, CELL) || PySet_Discard(free, name) < 0) {
            Py_DECREF(items);
            return 0;
        }
    }
    (void)pos;
    Py_DECREF(items);
    return 1;
}

static int
drop_class_free(PySTEntryObject *ste, PyObject *free)
{
    int r = PySet_Discard(free, _Py_ID(__class__));
    if (r < 0)
        return 0;
    if (r)
        ste->ste_needs_class_closure = 1;
    PyObject *cd = PyUnicode_InternFromString("__classdict__");
    if (cd == NULL)
        return 0;
    r = PySet_Discard(free, cd);
    Py_DECREF(cd);
    if (r < 0)
        return 0;
    if (r)
        ste->ste_needs_classdict = 1;
    return 1;
}

static int
update_symbols(PyObject *symbols, PyObject *scopes, PyObject *bound, PyObject *free,
               PyObject *inlined_cells, int classflag)
{
    PyObject *items = PyDict_Items(symbols);
    if (items == NULL)
        return 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *it = PyList_GET_ITEM(items, i);
        PyObject *name = PyTuple_GET_ITEM(it, 0);
        long flags = PyLong_AsLong(PyTuple_GET_ITEM(it, 1));
        int r = PySet_Contains(inlined_cells, name);
        if (r < 0)
            goto error;
        if (r)
            flags |= DEF_COMP_CELL;
        PyObject *sc = PyDict_GetItemWithError(scopes, name);
        if (sc == NULL) {
            if (PyErr_Occurred())
                goto error;
            continue;
        }
        flags |= PyLong_AsLong(sc) << SCOPE_OFFSET;
        PyObject *fv = PyLong_FromLong(flags);
        if (fv == NULL || PyDict_SetItem(symbols, name, fv) < 0) {
            Py_XDECREF(fv);
            goto error;
        }
        Py_DECREF(fv);
    }
    Py_DECREF(items);
    /* Free variables of children that this scope does not bind pass through it. */
    PyObject *it = PyObject_GetIter(free);
    if (it == NULL)
        return 0;
    PyObject *name;
    while ((name = PyIter_Next(it)) != NULL) {
        PyObject *v = PyDict_GetItemWithError(symbols, name);
        if (v != NULL) {
            if (classflag) {
                PyObject *fv = PyLong_FromLong(PyLong_AsLong(v) | DEF_FREE_CLASS);
                if (fv == NULL || PyDict_SetItem(symbols, name, fv) < 0) {
                    Py_XDECREF(fv);
                    Py_DECREF(name);
                    Py_DECREF(it);
                    return 0;
                }
                Py_DECREF(fv);
            }
            Py_DECREF(name);
            continue;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(name);
            Py_DECREF(it);
            return 0;
        }
        if (bound) {
            int r = PySet_Contains(bound, name);
            if (r <= 0) {
                Py_DECREF(name);
                if (r < 0) {
                    Py_DECREF(it);
                    return 0;
                }
                continue; /* a global */
            }
        }
        PyObject *fv = PyLong_FromLong((long)FREE << SCOPE_OFFSET);
        if (fv == NULL || PyDict_SetItem(symbols, name, fv) < 0) {
            Py_XDECREF(fv);
            Py_DECREF(name);
            Py_DECREF(it);
            return 0;
        }
        Py_DECREF(fv);
        Py_DECREF(name);
    }
    Py_DECREF(it);
    return !PyErr_Occurred();
error:
    Py_DECREF(items);
    return 0;
}

static int analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free,
                         PyObject *global, PyObject *type_params,
                         PySTEntryObject *class_entry, PyObject **child_free);

static PyObject *
set_copy(PyObject *s)
{
    return PySet_New(s);
}

static int
analyze_child_block(PySTEntryObject *entry, PyObject *bound, PyObject *free,
                    PyObject *global, PyObject *type_params, PySTEntryObject *class_entry,
                    PyObject **child_free)
{
    PyObject *tb = set_copy(bound), *tf = set_copy(free), *tg = set_copy(global),
             *tt = set_copy(type_params);
    int ok = tb && tf && tg && tt &&
             analyze_block(entry, tb, tf, tg, tt, class_entry, child_free);
    if (ok) {
        *child_free = tf;
        tf = NULL;
    }
    Py_XDECREF(tb);
    Py_XDECREF(tf);
    Py_XDECREF(tg);
    Py_XDECREF(tt);
    return ok;
}

static int
set_update(PyObject *dst, PyObject *src)
{
    return _PySet_Update(dst, src);
}

static int
analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free, PyObject *global,
              PyObject *type_params, PySTEntryObject *class_entry, PyObject **unused)
{
    PyObject *local = NULL, *scopes = NULL, *newglobal = NULL, *newfree = NULL,
             *newbound = NULL, *inlined_cells = NULL;
    int ok = 0;
    (void)unused;
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    local = PySet_New(NULL);
    scopes = PyDict_New();
    newglobal = PySet_New(NULL);
    newfree = PySet_New(NULL);
    newbound = PySet_New(NULL);
    inlined_cells = PySet_New(NULL);
    if (!local || !scopes || !newglobal || !newfree || !newbound || !inlined_cells)
        goto done;
    if (ste->ste_type == ClassBlock) {
        if (set_update(newglobal, global) < 0)
            goto done;
        if (bound && set_update(newbound, bound) < 0)
            goto done;
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        if (!analyze_name(ste, scopes, name, PyLong_AsLong(v), bound, local, free, global,
                          type_params, class_entry))
            goto done;
    }
    if (ste->ste_type != ClassBlock) {
        if (_PyST_IsFunctionLike(ste) && set_update(newbound, local) < 0)
            goto done;
        if (bound && set_update(newbound, bound) < 0)
            goto done;
        if (set_update(newglobal, global) < 0)
            goto done;
    }
    else {
        PyObject *cd = PyUnicode_InternFromString("__classdict__");
        int r = cd ? PySet_Add(newbound, cd) : -1;
        Py_XDECREF(cd);
        if (r < 0 || PySet_Add(newbound, _Py_ID(__class__)) < 0)
            goto done;
    }
    for (int i = 0; i < ste->ste_nchildren; i++) {
        PySTEntryObject *entry = ste->ste_children[i];
        PySTEntryObject *new_class_entry = NULL;
        if (entry->ste_can_see_class_scope) {
            if (ste->ste_type == ClassBlock)
                new_class_entry = ste;
            else if (class_entry)
                new_class_entry = class_entry;
        }
        int inline_comp = entry->ste_comprehension && !entry->ste_generator &&
                          !ste->ste_can_see_class_scope;
        PyObject *child_free = NULL;
        if (!analyze_child_block(entry, newbound, newfree, newglobal, type_params,
                                 new_class_entry, &child_free))
            goto done;
        if (inline_comp) {
            if (!inline_comprehension(ste, entry, scopes, child_free, inlined_cells)) {
                Py_DECREF(child_free);
                goto done;
            }
            entry->ste_comp_inlined = 1;
        }
        int r = set_update(newfree, child_free);
        if (r == 0 && (entry->ste_child_free || PySet_Size(child_free) > 0))
            ste->ste_child_free = 1;
        Py_DECREF(child_free);
        if (r < 0)
            goto done;
    }
    if (_PyST_IsFunctionLike(ste)) {
        if (!analyze_cells(scopes, newfree, inlined_cells))
            goto done;
    }
    else if (ste->ste_type == ClassBlock) {
        if (!drop_class_free(ste, newfree))
            goto done;
    }
    if (!update_symbols(ste->ste_symbols, scopes, bound, newfree, inlined_cells,
                        ste->ste_type == ClassBlock || ste->ste_can_see_class_scope))
        goto done;
    if (set_update(free, newfree) < 0)
        goto done;
    ok = 1;
done:
    Py_XDECREF(local);
    Py_XDECREF(scopes);
    Py_XDECREF(newglobal);
    Py_XDECREF(newfree);
    Py_XDECREF(newbound);
    Py_XDECREF(inlined_cells);
    Py_LeaveRecursiveCall();
    return ok;
}

static int
symtable_analyze(struct symtable *st)
{
    PyObject *free = PySet_New(NULL), *global = PySet_New(NULL), *tp = PySet_New(NULL);
    int ok = free && global && tp &&
             analyze_block(st->st_top, NULL, free, global, tp, NULL, NULL);
    Py_XDECREF(free);
    Py_XDECREF(global);
    Py_XDECREF(tp);
    return ok;
}

struct symtable *
_PySymtable_Build(mod_ty mod, PyObject *filename, int future_flags)
{
    struct symtable *st = PyMem_Calloc(1, sizeof(*st));
    if (st == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    st->st_filename = Py_NewRef(filename);
    st->st_future_flags = future_flags;
    st->st_blocks = PyDict_New();
    if (st->st_blocks == NULL)
        goto fail;
    PyObject *top = PyUnicode_InternFromString("top");
    if (top == NULL)
        goto fail;
    int ok = st_enter_block(st, top, ModuleBlock, (void *)mod, 0, 0, 0, 0);
    Py_DECREF(top);
    if (!ok)
        goto fail;
    switch (mod->kind) {
    case Module_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(mod->v.Module.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(mod->v.Module.body, i));
        break;
    case Interactive_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            ok = st_visit_stmt(st, asdl_seq_GET(mod->v.Interactive.body, i));
        break;
    case Expression_kind:
        ok = st_visit_expr(st, mod->v.Expression.body);
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "unsupported module kind for symtable");
        ok = 0;
    }
    if (!ok)
        goto fail;
    st_exit_block(st);
    if (!symtable_analyze(st))
        goto fail;
    return st;
fail:
    _PySymtable_Free(st);
    return NULL;
}
