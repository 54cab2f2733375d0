/* The code generator's core: compilation units (one per code object), constant and name
 * tables, name resolution to opcodes, closures, the block stack used by break/continue/
 * return, and the _PyAST_Compile entry point. Statements, expressions and patterns are
 * compiled in compile_stmt.c, compile_expr.c and compile_pattern.c. */
#include "compiler.h"
#include <stdarg.h>

/* ---- errors ------------------------------------------------------------------------- */

static PyObject *
byte_to_char_offset(PyObject *text, int col)
{
    /* Columns in the AST count UTF-8 bytes; SyntaxError.offset counts characters. */
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(text, &len);
    if (s == NULL) {
        PyErr_Clear();
        return PyLong_FromLong(col);
    }
    if (col > len)
        col = (int)len;
    PyObject *prefix = PyUnicode_DecodeUTF8(s, col, "replace");
    if (prefix == NULL) {
        PyErr_Clear();
        return PyLong_FromLong(col);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(prefix);
    Py_DECREF(prefix);
    return PyLong_FromSsize_t(n);
}

int
_KrCompile_SyntaxError(PyObject *filename, int lineno, int col, int end_lineno, int end_col,
                       const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return ERROR;
    PyObject *text = NULL;
    if (lineno > 0 && filename != NULL) {
        text = PyErr_ProgramTextObject(filename, lineno);
        if (text == NULL)
            PyErr_Clear();
    }
    PyObject *off, *endoff, *endln;
    if (text != NULL && PyUnicode_Check(text)) {
        off = byte_to_char_offset(text, col + 1 > 0 ? col : 0);
        if (off) {
            PyObject *t = PyLong_FromLong(PyLong_AsLong(off) + 1);
            Py_SETREF(off, t);
        }
    }
    else
        off = PyLong_FromLong(col + 1);
    if (end_lineno < 0) {
        endln = Py_NewRef(Py_None);
        endoff = Py_NewRef(Py_None);
    }
    else if (end_col < 0) {
        endln = PyLong_FromLong(end_lineno);
        endoff = Py_NewRef(Py_None);
    }
    else {
        endln = PyLong_FromLong(end_lineno);
        if (text != NULL && PyUnicode_Check(text) && end_lineno == lineno) {
            endoff = byte_to_char_offset(text, end_col);
            if (endoff) {
                PyObject *t = PyLong_FromLong(PyLong_AsLong(endoff) + 1);
                Py_SETREF(endoff, t);
            }
        }
        else
            endoff = PyLong_FromLong(end_col + 1);
    }
    PyObject *ln = PyLong_FromLong(lineno);
    PyObject *args = NULL, *exc = NULL;
    if (off && endoff && endln && ln) {
        args = Py_BuildValue("(O(OOOOOO))", msg, filename ? filename : Py_None, ln, off,
                             text ? text : Py_None, endln, endoff);
        if (args)
            exc = PyObject_Call(PyExc_SyntaxError, args, NULL);
    }
    if (exc != NULL) {
        PyErr_SetObject(PyExc_SyntaxError, exc);
        Py_DECREF(exc);
    }
    Py_XDECREF(args);
    Py_XDECREF(ln);
    Py_XDECREF(off);
    Py_XDECREF(endoff);
    Py_XDECREF(endln);
    Py_XDECREF(text);
    Py_DECREF(msg);
    return ERROR;
}

int
compiler_error(struct compiler *c, _KrSrcLoc loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return ERROR;
    int r = _KrCompile_SyntaxError(c->c_filename, loc.lineno, loc.col_offset, loc.end_lineno,
                                   loc.end_col_offset, "%U", msg);
    Py_DECREF(msg);
    return r;
}

int
compiler_warn(struct compiler *c, _KrSrcLoc loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return ERROR;
    if (PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, c->c_filename, loc.lineno, NULL,
                                 NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* A warning turned into an error becomes a SyntaxError at the same place. */
            PyErr_Clear();
            int r = compiler_error(c, loc, "%U", msg);
            Py_DECREF(msg);
            return r;
        }
        Py_DECREF(msg);
        return ERROR;
    }
    Py_DECREF(msg);
    return SUCCESS;
}

/* ---- emitting ----------------------------------------------------------------------- */

int
compiler_addop(struct compiler *c, int opcode, int oparg, _KrSrcLoc loc)
{
    return _KrCfg_AddOp(CFG(c), opcode, oparg, NULL, loc);
}

int
compiler_addop_jump(struct compiler *c, int opcode, basicblock *target, _KrSrcLoc loc)
{
    return _KrCfg_AddOp(CFG(c), opcode, 0, target, loc);
}

basicblock *
compiler_new_block(struct compiler *c)
{
    return _KrCfg_NewBlock(CFG(c));
}

void
compiler_use_block(struct compiler *c, basicblock *b)
{
    _KrCfg_UseNextBlock(CFG(c), b);
}

Py_ssize_t
dict_add_o(PyObject *dict, PyObject *o)
{
    PyObject *v = PyDict_GetItemWithError(dict, o);
    if (v != NULL)
        return PyLong_AsSsize_t(v);
    if (PyErr_Occurred())
        return ERROR;
    Py_ssize_t arg = PyDict_GET_SIZE(dict);
    v = PyLong_FromSsize_t(arg);
    if (v == NULL || PyDict_SetItem(dict, o, v) < 0) {
        Py_XDECREF(v);
        return ERROR;
    }
    Py_DECREF(v);
    return arg;
}

static int
all_name_chars(PyObject *s)
{
    if (!PyUnicode_IS_ASCII(s))
        return 0;
    const unsigned char *p = (const unsigned char *)PyUnicode_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_'))
            return 0;
    }
    return 1;
}

Py_ssize_t
compiler_add_const(struct compiler *c, PyObject *o)
{
    struct compiler_unit *u = c->u;
    PyObject *key = _PyCode_ConstantKey(o);
    if (key == NULL)
        return ERROR;
    PyObject *v = PyDict_GetItemWithError(u->u_const_map, key);
    if (v != NULL) {
        Py_DECREF(key);
        return PyLong_AsSsize_t(v);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return ERROR;
    }
    Py_ssize_t idx = PyList_GET_SIZE(u->u_consts);
    PyObject *item = Py_NewRef(o);
    if (PyUnicode_CheckExact(item) && all_name_chars(item))
        PyUnicode_InternInPlace(&item);
    v = PyLong_FromSsize_t(idx);
    int r = (v == NULL) ? -1 : PyDict_SetItem(u->u_const_map, key, v);
    if (r == 0)
        r = PyList_Append(u->u_consts, item);
    Py_XDECREF(v);
    Py_DECREF(key);
    Py_DECREF(item);
    return r < 0 ? ERROR : idx;
}

int
compiler_addop_load_const(struct compiler *c, _KrSrcLoc loc, PyObject *o)
{
    Py_ssize_t idx = compiler_add_const(c, o);
    if (idx < 0)
        return ERROR;
    return compiler_addop(c, LOAD_CONST, (int)idx, loc);
}

PyObject *
compiler_maybe_mangle(struct compiler *c, PyObject *name)
{
    return _Py_MaybeMangle(c->u->u_private, c->u->u_ste, name);
}

int
compiler_addop_name(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name, int lowbits,
                    int mangle)
{
    PyObject *m = mangle ? compiler_maybe_mangle(c, name) : Py_NewRef(name);
    if (m == NULL)
        return ERROR;
    Py_ssize_t idx = dict_add_o(c->u->u_names, m);
    Py_DECREF(m);
    if (idx < 0)
        return ERROR;
    int arg = (int)idx;
    if (opcode == LOAD_ATTR || opcode == LOAD_GLOBAL)
        arg = (arg << 1) | lowbits;
    else if (opcode == LOAD_SUPER_ATTR)
        arg = (arg << 2) | lowbits;
    return compiler_addop(c, opcode, arg, loc);
}

int
compiler_addop_varname(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name)
{
    Py_ssize_t idx = dict_add_o(c->u->u_varnames, name);
    if (idx < 0)
        return ERROR;
    return compiler_addop(c, opcode, (int)idx, loc);
}

/* Deref opargs are tagged with the table they index; compiler_assemble_unit maps them
 * to localsplus slots once every local is known. */
int
compiler_addop_deref(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name,
                     int force_free)
{
    PyObject *v = NULL;
    if (!force_free) {
        v = PyDict_GetItemWithError(c->u->u_cellvars, name);
        if (v != NULL)
            return compiler_addop(c, opcode, DEREF_CELL_TAG | (int)PyLong_AsLong(v), loc);
        if (PyErr_Occurred())
            return ERROR;
    }
    v = PyDict_GetItemWithError(c->u->u_freevars, name);
    if (v != NULL)
        return compiler_addop(c, opcode, DEREF_FREE_TAG | (int)PyLong_AsLong(v), loc);
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_SystemError, "compiler: no cell or free variable %R in %U", name,
                     c->u->u_name);
    return ERROR;
}

static int
addop_deref_in(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name, int in_cells)
{
    PyObject *d = in_cells ? c->u->u_cellvars : c->u->u_freevars;
    PyObject *v = PyDict_GetItemWithError(d, name);
    if (v == NULL) {
        if (!PyErr_Occurred())
            return compiler_addop_deref(c, loc, opcode, name, 0);
        return ERROR;
    }
    return compiler_addop(c, opcode,
                          (in_cells ? DEREF_CELL_TAG : DEREF_FREE_TAG) | (int)PyLong_AsLong(v),
                          loc);
}

/* ---- name resolution ---------------------------------------------------------------- */

int
compiler_nameop(struct compiler *c, _KrSrcLoc loc, PyObject *name, expr_context_ty ctx)
{
    struct compiler_unit *u = c->u;
    if (PyUnicode_EqualToUTF8(name, "__debug__")) {
        if (ctx == Load)
            return compiler_addop_load_const(c, loc, c->c_optimize ? Py_False : Py_True);
        return compiler_error(c, loc, ctx == Store ? "cannot assign to __debug__"
                                                   : "cannot delete __debug__");
    }
    PyObject *mangled = compiler_maybe_mangle(c, name);
    if (mangled == NULL)
        return ERROR;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    int scope = _PyST_GetScope(u->u_ste, mangled);
    int in_cells = 0;
    switch (scope) {
    case FREE:
        optype = OP_DEREF;
        break;
    case CELL:
        optype = OP_DEREF;
        in_cells = 1;
        break;
    case LOCAL:
        if (_PyST_IsFunctionLike(u->u_ste) ||
            PyDict_GetItemWithError(u->u_fasthidden, mangled) == Py_True)
            optype = OP_FAST;
        break;
    case GLOBAL_IMPLICIT:
        if (_PyST_IsFunctionLike(u->u_ste))
            optype = OP_GLOBAL;
        break;
    case GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int r;
    switch (optype) {
    case OP_DEREF: {
        int op;
        if (ctx == Load) {
            if (u->u_ste->ste_type == ClassBlock && !u->u_in_inlined_comp) {
                op = LOAD_FROM_DICT_OR_DEREF;
                if (compiler_addop(c, LOAD_LOCALS, 0, loc) < 0)
                    goto error;
            }
            else if (u->u_ste->ste_can_see_class_scope) {
                op = LOAD_FROM_DICT_OR_DEREF;
                if (compiler_addop_deref(c, loc, LOAD_DEREF, _Py_ID(__classdict__), 1) < 0)
                    goto error;
            }
            else
                op = LOAD_DEREF;
        }
        else
            op = ctx == Store ? STORE_DEREF : DELETE_DEREF;
        r = addop_deref_in(c, loc, op, mangled, in_cells);
        break;
    }
    case OP_FAST: {
        int op = ctx == Load ? LOAD_FAST : ctx == Store ? STORE_FAST : DELETE_FAST;
        r = compiler_addop_varname(c, loc, op, mangled);
        break;
    }
    case OP_GLOBAL: {
        int op;
        if (ctx == Load) {
            if (u->u_ste->ste_can_see_class_scope && scope == GLOBAL_IMPLICIT) {
                op = LOAD_FROM_DICT_OR_GLOBALS;
                if (compiler_addop_deref(c, loc, LOAD_DEREF, _Py_ID(__classdict__), 1) < 0)
                    goto error;
            }
            else
                op = LOAD_GLOBAL;
        }
        else
            op = ctx == Store ? STORE_GLOBAL : DELETE_GLOBAL;
        r = compiler_addop_name(c, loc, op, mangled, 0, 0);
        break;
    }
    default: {
        int op;
        if (ctx == Load)
            op = (u->u_ste->ste_type == ClassBlock && u->u_in_inlined_comp) ? LOAD_GLOBAL
                                                                          : LOAD_NAME;
        else
            op = ctx == Store ? STORE_NAME : DELETE_NAME;
        r = compiler_addop_name(c, loc, op, mangled, 0, 0);
        break;
    }
    }
    Py_DECREF(mangled);
    return r;
error:
    Py_DECREF(mangled);
    return ERROR;
}

/* ---- units ------------------------------------------------------------------------------ */

static PyObject *
list2dict(PyObject *list)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (dict_add_o(d, PyList_GET_ITEM(list, i)) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* Names of `scope` (or carrying `flag`) in sorted order, as a name -> index dict. */
static PyObject *
dictbytype(PyObject *symbols, int scope, int flag)
{
    PyObject *keys = PyDict_Keys(symbols);
    if (keys == NULL)
        return NULL;
    if (PyList_Sort(keys) < 0) {
        Py_DECREF(keys);
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL) {
        Py_DECREF(keys);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *k = PyList_GET_ITEM(keys, i);
        long v = PyLong_AsLong(PyDict_GetItem(symbols, k));
        if (SYMBOL_TO_SCOPE(v) == scope || (v & flag)) {
            if (dict_add_o(d, k) < 0) {
                Py_DECREF(d);
                Py_DECREF(keys);
                return NULL;
            }
        }
    }
    Py_DECREF(keys);
    return d;
}

static void
unit_free(struct compiler_unit *u)
{
    if (u == NULL)
        return;
    _KrCfg_Fini(&u->u_cfg);
    Py_XDECREF(u->u_name);
    Py_XDECREF(u->u_qualname);
    Py_XDECREF(u->u_private);
    Py_XDECREF(u->u_consts);
    Py_XDECREF(u->u_const_map);
    Py_XDECREF(u->u_names);
    Py_XDECREF(u->u_varnames);
    Py_XDECREF(u->u_cellvars);
    Py_XDECREF(u->u_freevars);
    Py_XDECREF(u->u_fasthidden);
    Py_XDECREF(u->u_static_attributes);
    PyMem_Free(u);
}

struct compiler_unit *
compiler_parent_unit(struct compiler *c, int depth)
{
    int i = c->c_nstack - depth;
    return i >= 0 ? c->c_stack[i] : NULL;
}

static int
compiler_set_qualname(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    PyObject *base = NULL, *name;
    int n = c->c_nstack;
    if (n > 1) {
        struct compiler_unit *parent = c->c_stack[n - 1];
        if (parent->u_scope_type == COMPILER_SCOPE_TYPEPARAMS) {
            /* Generic parameters are invisible in qualified names. */
            if (n == 2) {
                u->u_qualname = Py_NewRef(u->u_name);
                return SUCCESS;
            }
            parent = c->c_stack[n - 2];
        }
        int force_global = 0;
        if (u->u_scope_type == COMPILER_SCOPE_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_CLASS) {
            PyObject *mangled = _Py_Mangle(parent->u_private, u->u_name);
            if (mangled == NULL)
                return ERROR;
            int scope = _PyST_GetScope(parent->u_ste, mangled);
            Py_DECREF(mangled);
            if (scope == GLOBAL_EXPLICIT)
                force_global = 1;
        }
        if (!force_global) {
            if (parent->u_scope_type == COMPILER_SCOPE_FUNCTION ||
                parent->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
                parent->u_scope_type == COMPILER_SCOPE_LAMBDA)
                base = PyUnicode_FromFormat("%U.<locals>", parent->u_qualname);
            else
                base = Py_NewRef(parent->u_qualname);
            if (base == NULL)
                return ERROR;
        }
    }
    if (base != NULL) {
        name = PyUnicode_FromFormat("%U.%U", base, u->u_name);
        Py_DECREF(base);
        if (name == NULL)
            return ERROR;
    }
    else
        name = Py_NewRef(u->u_name);
    u->u_qualname = name;
    return SUCCESS;
}

int
compiler_enter_scope(struct compiler *c, PyObject *name, int scope_type, void *key,
                     int lineno, PyObject *private_name)
{
    struct compiler_unit *u = PyMem_Calloc(1, sizeof(*u));
    if (u == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    if (_KrCfg_Init(&u->u_cfg) < 0) {
        PyMem_Free(u);
        return ERROR;
    }
    u->u_scope_type = scope_type;
    u->u_ste = _PySymtable_Lookup(c->c_st, key);
    u->u_name = Py_NewRef(name);
    u->u_firstlineno = lineno;
    u->u_consts = PyList_New(0);
    u->u_const_map = PyDict_New();
    u->u_names = PyDict_New();
    u->u_fasthidden = PyDict_New();
    if (u->u_ste == NULL || !u->u_consts || !u->u_const_map || !u->u_names || !u->u_fasthidden)
        goto error;
    u->u_varnames = list2dict(u->u_ste->ste_varnames);
    u->u_cellvars = dictbytype(u->u_ste->ste_symbols, CELL, DEF_COMP_CELL);
    if (!u->u_varnames || !u->u_cellvars)
        goto error;
    if (u->u_ste->ste_needs_class_closure && dict_add_o(u->u_cellvars, _Py_ID(__class__)) < 0)
        goto error;
    if (u->u_ste->ste_needs_classdict && dict_add_o(u->u_cellvars, _Py_ID(__classdict__)) < 0)
        goto error;
    u->u_freevars = dictbytype(u->u_ste->ste_symbols, FREE, DEF_FREE_CLASS);
    if (!u->u_freevars)
        goto error;
    if (scope_type == COMPILER_SCOPE_CLASS) {
        u->u_static_attributes = PySet_New(NULL);
        if (!u->u_static_attributes)
            goto error;
    }
    if (private_name)
        u->u_private = Py_NewRef(private_name);
    else if (c->u && c->u->u_private)
        u->u_private = Py_NewRef(c->u->u_private);
    if (c->u != NULL) {
        if (c->c_nstack == c->c_stackalloc) {
            int n = c->c_stackalloc ? c->c_stackalloc * 2 : 8;
            struct compiler_unit **s = PyMem_Realloc(c->c_stack, (size_t)n * sizeof(*s));
            if (s == NULL) {
                PyErr_NoMemory();
                goto error;
            }
            c->c_stack = s;
            c->c_stackalloc = n;
        }
        c->c_stack[c->c_nstack++] = c->u;
    }
    c->u = u;
    c->c_nestlevel++;
    _KrSrcLoc loc = {lineno, lineno, 0, 0};
    if (scope_type == COMPILER_SCOPE_MODULE)
        loc.lineno = 0; /* CPython: line 0, end line 1 */
    else if (compiler_set_qualname(c) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    if (scope_type == COMPILER_SCOPE_MODULE && u->u_qualname == NULL)
        u->u_qualname = Py_NewRef(name);
    if (compiler_addop(c, RESUME, RESUME_AT_FUNC_START, loc) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    return SUCCESS;
error:
    unit_free(u);
    return ERROR;
}

void
compiler_exit_scope(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    c->c_nestlevel--;
    if (c->c_nstack > 0)
        c->u = c->c_stack[--c->c_nstack];
    else
        c->u = NULL;
    unit_free(u);
}

int
compiler_is_top_level_await(struct compiler *c)
{
    return (c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) &&
           c->u->u_ste->ste_type == ModuleBlock;
}

/* ---- blocks for break / continue / return ----------------------------------------- */

int
compiler_push_fblock(struct compiler *c, _KrSrcLoc loc, fblocktype t, basicblock *b,
                     basicblock *exit, void *datum)
{
    if (c->u->u_nfblocks >= CO_MAXBLOCKS)
        return compiler_error(c, loc, "too many statically nested blocks");
    struct fblockinfo *f = &c->u->u_fblock[c->u->u_nfblocks++];
    f->fb_type = t;
    f->fb_block = b;
    f->fb_exit = exit;
    f->fb_datum = datum;
    f->fb_loc = loc;
    return SUCCESS;
}

void
compiler_pop_fblock(struct compiler *c, fblocktype t, basicblock *b)
{
    (void)t;
    (void)b;
    c->u->u_nfblocks--;
}

/* ---- closures ------------------------------------------------------------------------- */

static int
get_ref_type(struct compiler *c, PyObject *name)
{
    if (c->u->u_scope_type == COMPILER_SCOPE_CLASS &&
        (PyUnicode_EqualToUTF8(name, "__class__") || PyUnicode_EqualToUTF8(name, "__classdict__")))
        return CELL;
    int scope = _PyST_GetScope(c->u->u_ste, name);
    if (scope == 0) {
        PyErr_Format(PyExc_SystemError, "compiler: unknown scope for %R in %U", name,
                     c->u->u_name);
        return ERROR;
    }
    return scope;
}

int
compiler_make_closure(struct compiler *c, _KrSrcLoc loc, PyCodeObject *co, int flags)
{
    if (co->co_nfreevars) {
        int first = co->co_nlocalsplus - co->co_nfreevars;
        for (int i = first; i < co->co_nlocalsplus; i++) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            int reftype = get_ref_type(c, name);
            if (reftype < 0)
                return ERROR;
            RETURN_IF_ERROR(addop_deref_in(c, loc, LOAD_CLOSURE, name, reftype == CELL));
        }
        flags |= MAKE_FUNCTION_CLOSURE;
        ADDOP_I(c, loc, BUILD_TUPLE, co->co_nfreevars);
    }
    ADDOP_LOAD_CONST(c, loc, (PyObject *)co);
    ADDOP(c, loc, MAKE_FUNCTION);
    if (flags & MAKE_FUNCTION_CLOSURE)
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
    if (flags & MAKE_FUNCTION_ANNOTATIONS)
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS);
    if (flags & MAKE_FUNCTION_KWDEFAULTS)
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS);
    if (flags & MAKE_FUNCTION_DEFAULTS)
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS);
    return SUCCESS;
}

/* ---- docstrings ---------------------------------------------------------------------- */

PyObject *
compiler_get_docstring(asdl_stmt_seq *body)
{
    if (asdl_seq_LEN(body) == 0)
        return NULL;
    stmt_ty st = asdl_seq_GET(body, 0);
    if (st->kind != Expr_kind)
        return NULL;
    expr_ty e = st->v.Expr.value;
    if (e->kind != Constant_kind || !PyUnicode_CheckExact(e->v.Constant.value))
        return NULL;
    return e->v.Constant.value;
}

/* Like inspect.cleandoc without dropping blank leading/trailing lines: tabs expanded,
 * the first line's leading spaces removed and the common indentation of the remaining
 * non-blank lines removed. */
PyObject *
compiler_clean_doc(PyObject *doc)
{
    PyObject *expanded = PyObject_CallMethod(doc, "expandtabs", NULL);
    if (expanded == NULL)
        return NULL;
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(expanded, &size);
    if (s == NULL) {
        Py_DECREF(expanded);
        return NULL;
    }
    const char *end = s + size, *p = s;
    while (p < end && *p != '\n')
        p++;
    if (p < end)
        p++;
    Py_ssize_t margin = PY_SSIZE_T_MAX;
    while (p < end) {
        const char *line = p;
        while (p < end && *p == ' ')
            p++;
        if (p < end && *p != '\n' && p - line < margin)
            margin = p - line;
        while (p < end && *p != '\n')
            p++;
        if (p < end)
            p++;
    }
    if (margin == PY_SSIZE_T_MAX)
        margin = 0;
    p = s;
    while (p < end && *p == ' ')
        p++;
    if (p == s && margin == 0)
        return expanded;
    char *buf = PyMem_Malloc((size_t)size + 1);
    if (buf == NULL) {
        Py_DECREF(expanded);
        return PyErr_NoMemory();
    }
    char *w = buf;
    while (p < end) {
        char ch = *p++;
        *w++ = ch;
        if (ch == '\n')
            break;
    }
    while (p < end) {
        for (Py_ssize_t i = 0; i < margin && p < end && *p == ' '; i++)
            p++;
        while (p < end) {
            char ch = *p++;
            *w++ = ch;
            if (ch == '\n')
                break;
        }
    }
    PyObject *res = PyUnicode_DecodeUTF8(buf, w - buf, NULL);
    PyMem_Free(buf);
    Py_DECREF(expanded);
    return res;
}

/* ---- finishing a unit ------------------------------------------------------------------ */

static int
insert_instr(basicblock *b, int pos, int opcode, int oparg, basicblock *target, _KrSrcLoc loc)
{
    if (b->b_iused == b->b_ialloc) {
        int n = b->b_ialloc ? b->b_ialloc * 2 : 16;
        cfg_instr *a = PyMem_Realloc(b->b_instr, (size_t)n * sizeof(cfg_instr));
        if (a == NULL) {
            PyErr_NoMemory();
            return ERROR;
        }
        b->b_instr = a;
        b->b_ialloc = n;
    }
    memmove(&b->b_instr[pos + 1], &b->b_instr[pos], (size_t)(b->b_iused - pos) * sizeof(cfg_instr));
    b->b_iused++;
    cfg_instr *in = &b->b_instr[pos];
    in->i_opcode = opcode;
    in->i_oparg = oparg;
    in->i_loc = loc;
    in->i_target = target;
    in->i_except = NULL;
    return SUCCESS;
}

int
compiler_wrap_in_stopiteration_handler(struct compiler *c)
{
    NEW_LABEL(c, handler);
    RETURN_IF_ERROR(insert_instr(CFG(c)->g_entryblock, 0, SETUP_CLEANUP, 0, handler, NO_LOC));
    ADDOP_LOAD_CONST(c, NO_LOC, Py_None);
    ADDOP(c, NO_LOC, RETURN_VALUE);
    USE_LABEL(c, handler);
    ADDOP_I(c, NO_LOC, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
    ADDOP_I(c, NO_LOC, RERAISE, 1);
    return SUCCESS;
}

static int
compute_code_flags(struct compiler *c)
{
    PySTEntryObject *ste = c->u->u_ste;
    int flags = 0;
    if (_PyST_IsFunctionLike(ste)) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->ste_nested)
            flags |= CO_NESTED;
        if (ste->ste_generator && !ste->ste_coroutine)
            flags |= CO_GENERATOR;
        if (ste->ste_generator && ste->ste_coroutine)
            flags |= CO_ASYNC_GENERATOR;
        if (ste->ste_varargs)
            flags |= CO_VARARGS;
        if (ste->ste_varkeywords)
            flags |= CO_VARKEYWORDS;
        if (c->u->u_has_docstring)
            flags |= CO_HAS_DOCSTRING;
    }
    if (ste->ste_coroutine && !ste->ste_generator)
        flags |= CO_COROUTINE;
    flags |= c->c_future_features & (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT |
                                     CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |
                                     CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |
                                     CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS);
    return flags;
}

static int
is_deref_op(int op)
{
    return op == LOAD_DEREF || op == STORE_DEREF || op == DELETE_DEREF || op == LOAD_CLOSURE ||
           op == MAKE_CELL || op == LOAD_FROM_DICT_OR_DEREF;
}

PyCodeObject *
compiler_assemble_unit(struct compiler *c, int add_none)
{
    struct compiler_unit *u = c->u;
    PyCodeObject *co = NULL;
    PyObject *names = NULL, *kinds = NULL, *namelist = NULL, *nametuple = NULL;
    int *cellmap = NULL, *freemap = NULL;
    if (add_none) {
        if (compiler_addop_load_const(c, NO_LOC, Py_None) < 0 ||
            compiler_addop(c, RETURN_VALUE, 0, NO_LOC) < 0)
            return NULL;
    }
    /* localsplus: varnames, then cells that are not also varnames, then free vars. */
    Py_ssize_t nvar = PyDict_GET_SIZE(u->u_varnames), ncell = PyDict_GET_SIZE(u->u_cellvars),
               nfree = PyDict_GET_SIZE(u->u_freevars);
    namelist = PyList_New(0);
    char *kbuf = PyMem_Malloc((size_t)(nvar + ncell + nfree + 1));
    cellmap = PyMem_Malloc((size_t)(ncell + 1) * sizeof(int));
    freemap = PyMem_Malloc((size_t)(nfree + 1) * sizeof(int));
    if (!namelist || !kbuf || !cellmap || !freemap) {
        PyMem_Free(kbuf);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    PyObject *vkeys = PyDict_Keys(u->u_varnames);
    if (vkeys == NULL) {
        PyMem_Free(kbuf);
        goto done;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < nvar; i++) {
        PyObject *nm = PyList_GET_ITEM(vkeys, i);
        if (PyList_Append(namelist, nm) < 0) {
            Py_DECREF(vkeys);
            PyMem_Free(kbuf);
            goto done;
        }
        char kind = CO_FAST_LOCAL;
        if (PyDict_GetItemWithError(u->u_fasthidden, nm) != NULL)
            kind |= CO_FAST_HIDDEN;
        kbuf[k++] = kind;
    }
    Py_DECREF(vkeys);
    Py_ssize_t pos = 0;
    PyObject *key, *val;
    while (PyDict_Next(u->u_cellvars, &pos, &key, &val)) {
        long ci = PyLong_AsLong(val);
        PyObject *vi = PyDict_GetItemWithError(u->u_varnames, key);
        if (vi != NULL) {
            long idx = PyLong_AsLong(vi);
            kbuf[idx] |= CO_FAST_CELL;
            cellmap[ci] = (int)idx;
            continue;
        }
        if (PyList_Append(namelist, key) < 0) {
            PyMem_Free(kbuf);
            goto done;
        }
        cellmap[ci] = (int)k;
        kbuf[k++] = CO_FAST_CELL;
    }
    pos = 0;
    while (PyDict_Next(u->u_freevars, &pos, &key, &val)) {
        long fi = PyLong_AsLong(val);
        if (PyList_Append(namelist, key) < 0) {
            PyMem_Free(kbuf);
            goto done;
        }
        freemap[fi] = (int)k;
        kbuf[k++] = (char)CO_FAST_FREE;
    }
    kinds = PyBytes_FromStringAndSize(kbuf, k);
    PyMem_Free(kbuf);
    nametuple = PyList_AsTuple(namelist);
    if (!kinds || !nametuple)
        goto done;
    /* Resolve tagged deref opargs. */
    for (basicblock *b = u->u_cfg.g_block_list; b; b = b->b_list) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (!is_deref_op(in->i_opcode))
                continue;
            if (in->i_oparg & DEREF_CELL_TAG)
                in->i_oparg = cellmap[in->i_oparg & ~DEREF_CELL_TAG];
            else if (in->i_oparg & DEREF_FREE_TAG)
                in->i_oparg = freemap[in->i_oparg & ~DEREF_FREE_TAG];
        }
    }
    /* Prologue: copy the closure in, then turn cell slots into cells. */
    basicblock *entry = u->u_cfg.g_entryblock;
    int ins = 0;
    if (nfree > 0) {
        if (insert_instr(entry, ins++, COPY_FREE_VARS, (int)nfree, NULL, NO_LOC) < 0)
            goto done;
    }
    {
        /* MAKE_CELL in localsplus order */
        int *order = PyMem_Malloc((size_t)(ncell + 1) * sizeof(int));
        if (order == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t i = 0; i < ncell; i++)
            order[i] = cellmap[i];
        for (Py_ssize_t i = 1; i < ncell; i++) {
            int v = order[i];
            Py_ssize_t j = i - 1;
            while (j >= 0 && order[j] > v) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
        for (Py_ssize_t i = 0; i < ncell; i++) {
            if (insert_instr(entry, ins++, MAKE_CELL, order[i], NULL, NO_LOC) < 0) {
                PyMem_Free(order);
                goto done;
            }
        }
        PyMem_Free(order);
    }
    names = PyDict_Keys(u->u_names);
    if (names == NULL)
        goto done;
    int nlocals = (int)nvar;
    _KrAssembleInfo info;
    info.filename = c->c_filename;
    info.name = u->u_name;
    info.qualname = u->u_qualname ? u->u_qualname : u->u_name;
    info.flags = compute_code_flags(c);
    info.argcount = u->u_argcount;
    info.posonlyargcount = u->u_posonlyargcount;
    info.kwonlyargcount = u->u_kwonlyargcount;
    info.firstlineno = u->u_firstlineno;
    info.localsplusnames = nametuple;
    info.localspluskinds = kinds;
    info.consts = u->u_consts;
    info.names = names;
    info.nlocals = nlocals;
    /* Parameters (and their cells) are bound on entry; cells are never LOAD_FAST'd. */
    int nparams = u->u_argcount + u->u_kwonlyargcount + (u->u_ste->ste_varargs ? 1 : 0) +
                  (u->u_ste->ste_varkeywords ? 1 : 0);
    if (u->u_scope_type == COMPILER_SCOPE_COMPREHENSION && nparams == 0)
        nparams = (int)PyList_GET_SIZE(u->u_ste->ste_varnames);
    if (nparams > nlocals)
        nparams = nlocals;
    info.nparams = nparams;
    co = _KrAssemble(&u->u_cfg, &info);
done:
    Py_XDECREF(names);
    Py_XDECREF(kinds);
    Py_XDECREF(namelist);
    Py_XDECREF(nametuple);
    PyMem_Free(cellmap);
    PyMem_Free(freemap);
    return co;
}

/* ---- future statements --------------------------------------------------------------- */

static int
future_parse(struct compiler *c, mod_ty mod)
{
    if (mod->kind != Module_kind)
        return SUCCESS;
    asdl_stmt_seq *body = mod->v.Module.body;
    Py_ssize_t i = 0;
    if (compiler_get_docstring(body) != NULL)
        i = 1;
    for (; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.module == NULL ||
            s->v.ImportFrom.level != 0 ||
            !PyUnicode_EqualToUTF8(s->v.ImportFrom.module, "__future__"))
            break;
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
            alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, j);
            PyObject *n = a->name;
            if (PyUnicode_EqualToUTF8(n, "nested_scopes") ||
                PyUnicode_EqualToUTF8(n, "generators") || PyUnicode_EqualToUTF8(n, "division") ||
                PyUnicode_EqualToUTF8(n, "absolute_import") ||
                PyUnicode_EqualToUTF8(n, "with_statement") ||
                PyUnicode_EqualToUTF8(n, "print_function") ||
                PyUnicode_EqualToUTF8(n, "unicode_literals") ||
                PyUnicode_EqualToUTF8(n, "generator_stop"))
                continue;
            if (PyUnicode_EqualToUTF8(n, "annotations"))
                c->c_future_features |= CO_FUTURE_ANNOTATIONS;
            else if (PyUnicode_EqualToUTF8(n, "barry_as_FLUFL"))
                c->c_future_features |= CO_FUTURE_BARRY_AS_BDFL;
            else if (PyUnicode_EqualToUTF8(n, "braces"))
                return _KrCompile_SyntaxError(c->c_filename, s->lineno, s->col_offset,
                                              s->lineno, -1, "not a chance");
            else
                return _KrCompile_SyntaxError(c->c_filename, s->lineno, s->col_offset,
                                              s->lineno, -1, "future feature %U is not defined", n);
        }
        s->v.ImportFrom.level = -1000; /* marks an accepted future import for codegen */
    }
    return SUCCESS;
}

static void
future_unmark(mod_ty mod)
{
    if (mod->kind != Module_kind)
        return;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Module.body); i++) {
        stmt_ty s = asdl_seq_GET(mod->v.Module.body, i);
        if (s->kind == ImportFrom_kind && s->v.ImportFrom.level == -1000)
            s->v.ImportFrom.level = 0;
    }
}

/* ---- entry point ----------------------------------------------------------------------- */

static PyCodeObject *
compile_mod(struct compiler *c, mod_ty mod)
{
    PyObject *name = PyUnicode_InternFromString("<module>");
    if (name == NULL)
        return NULL;
    int r = compiler_enter_scope(c, name, COMPILER_SCOPE_MODULE, (void *)mod, 1, NULL);
    Py_DECREF(name);
    if (r < 0)
        return NULL;
    int add_none = 1;
    _KrSrcLoc loc = {1, 1, 0, 0};
    switch (mod->kind) {
    case Module_kind:
        r = compiler_body(c, loc, mod->v.Module.body);
        break;
    case Interactive_kind:
        c->c_interactive = 1;
        r = 0;
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            r = compiler_visit_stmt(c, asdl_seq_GET(mod->v.Interactive.body, i));
        break;
    case Expression_kind:
        r = compiler_visit_expr(c, mod->v.Expression.body);
        if (r == 0)
            r = compiler_addop(c, RETURN_VALUE, 0, NO_LOC);
        add_none = 0;
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "compiler: unsupported module kind");
        r = -1;
    }
    PyCodeObject *co = NULL;
    if (r == 0)
        co = compiler_assemble_unit(c, add_none);
    compiler_exit_scope(c);
    return co;
}

PyCodeObject *
_PyAST_Compile(struct _mod *mod, PyObject *filename, PyCompilerFlags *flags, int optimize,
               struct _arena *arena)
{
    struct compiler c;
    memset(&c, 0, sizeof(c));
    c.c_filename = filename;
    c.c_arena = arena;
    c.c_flags = flags ? flags->cf_flags : 0;
    if (optimize == -1) {
        PyThreadState *ts = _PyThreadState_GET();
        optimize = (ts && ts->interp) ? ts->interp->config.optimize : 0;
    }
    c.c_optimize = optimize;
    c.c_future_features = c.c_flags & (CO_FUTURE_ANNOTATIONS | CO_FUTURE_BARRY_AS_BDFL);
    if (future_parse(&c, mod) < 0) {
        future_unmark(mod);
        return NULL;
    }
    if (flags)
        flags->cf_flags |= c.c_future_features;
    if (_PyAST_Optimize(mod, arena, optimize, c.c_future_features) < 0) {
        future_unmark(mod);
        return NULL;
    }
    c.c_st = _PySymtable_Build(mod, filename, c.c_future_features);
    if (c.c_st == NULL) {
        future_unmark(mod);
        return NULL;
    }
    PyCodeObject *co = compile_mod(&c, mod);
    future_unmark(mod);
    while (c.u != NULL)
        compiler_exit_scope(&c);
    PyMem_Free(c.c_stack);
    _PySymtable_Free(c.c_st);
    return co;
}
