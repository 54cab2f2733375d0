/* Code generation for statements: definitions (functions, classes, lambdas, PEP 695
 * generics and type aliases), control flow (if/while/for, try/except/finally, with,
 * break/continue/return through the block stack), assignments, imports. */
#include "compiler.h"

static int compiler_try_except(struct compiler *c, stmt_ty s);
static int compiler_try_star_except(struct compiler *c, stmt_ty s);

/* ---- helpers --------------------------------------------------------------------------- */

static int
find_ann(asdl_stmt_seq *stmts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty st = asdl_seq_GET(stmts, i);
        switch (st->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind:
        case AsyncFor_kind:
            if (find_ann(st->v.For.body) || find_ann(st->v.For.orelse))
                return 1;
            break;
        case While_kind:
            if (find_ann(st->v.While.body) || find_ann(st->v.While.orelse))
                return 1;
            break;
        case If_kind:
            if (find_ann(st->v.If.body) || find_ann(st->v.If.orelse))
                return 1;
            break;
        case With_kind:
        case AsyncWith_kind:
            if (find_ann(st->v.With.body))
                return 1;
            break;
        case Match_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Match.cases); j++) {
                match_case_ty mc = asdl_seq_GET(st->v.Match.cases, j);
                if (find_ann(mc->body))
                    return 1;
            }
            break;
        case Try_kind:
        case TryStar_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Try.handlers); j++) {
                excepthandler_ty h = asdl_seq_GET(st->v.Try.handlers, j);
                if (find_ann(h->v.ExceptHandler.body))
                    return 1;
            }
            if (find_ann(st->v.Try.body) || find_ann(st->v.Try.finalbody) ||
                find_ann(st->v.Try.orelse))
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

int
compiler_body(struct compiler *c, _KrSrcLoc loc, asdl_stmt_seq *stmts)
{
    if (c->u->u_scope_type == COMPILER_SCOPE_MODULE && asdl_seq_LEN(stmts))
        loc = LOC((stmt_ty)asdl_seq_GET(stmts, 0));
    if (find_ann(stmts))
        ADDOP(c, loc, SETUP_ANNOTATIONS);
    if (!asdl_seq_LEN(stmts))
        return SUCCESS;
    Py_ssize_t first = 0;
    if (!c->c_interactive) {
        PyObject *doc = compiler_get_docstring(stmts);
        if (doc) {
            first = 1;
            if (c->c_optimize < 2) {
                PyObject *clean = compiler_clean_doc(doc);
                if (clean == NULL)
                    return ERROR;
                stmt_ty first_stmt = asdl_seq_GET(stmts, 0);
                int r = compiler_addop_load_const(c, LOC(first_stmt->v.Expr.value), clean);
                Py_DECREF(clean);
                RETURN_IF_ERROR(r);
                RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, _Py_ID(__doc__), Store));
            }
        }
    }
    for (Py_ssize_t i = first; i < asdl_seq_LEN(stmts); i++)
        VISIT(c, stmt, (stmt_ty)asdl_seq_GET(stmts, i));
    return SUCCESS;
}

int
compiler_call_exit_with_nones(struct compiler *c, _KrSrcLoc loc)
{
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, CALL, 2);
    return SUCCESS;
}

static int
compiler_with_except_finish(struct compiler *c, basicblock *cleanup)
{
    NEW_LABEL(c, suppress);
    NEW_LABEL(c, exit);
    ADDOP(c, NO_LOC, KR_TO_BOOL_PSEUDO);
    ADDOP_JUMP(c, NO_LOC, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, NO_LOC, RERAISE, 2);
    USE_LABEL(c, suppress);
    ADDOP(c, NO_LOC, POP_TOP);
    ADDOP(c, NO_LOC, POP_BLOCK);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP(c, NO_LOC, POP_TOP);
    ADDOP(c, NO_LOC, POP_TOP);
    ADDOP_JUMP(c, NO_LOC, JUMP_NO_INTERRUPT, exit);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, NO_LOC, COPY, 3);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_I(c, NO_LOC, RERAISE, 1);
    USE_LABEL(c, exit);
    return SUCCESS;
}

/* ---- the block stack ----------------------------------------------------------------- */

static int
compiler_unwind_fblock(struct compiler *c, _KrSrcLoc *ploc, struct fblockinfo *info,
                       int preserve_tos)
{
    switch (info->fb_type) {
    case WHILE_LOOP:
    case EXCEPTION_HANDLER:
    case EXCEPTION_GROUP_HANDLER:
    case ASYNC_COMPREHENSION_GENERATOR:
    case STOP_ITERATION:
        return SUCCESS;
    case FOR_LOOP:
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    case TRY_EXCEPT:
        ADDOP(c, *ploc, POP_BLOCK);
        return SUCCESS;
    case FINALLY_TRY:
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos)
            RETURN_IF_ERROR(compiler_push_fblock(c, *ploc, POP_VALUE, NULL, NULL, NULL));
        VISIT_SEQ(c, stmt, (asdl_stmt_seq *)info->fb_datum);
        if (preserve_tos)
            compiler_pop_fblock(c, POP_VALUE, NULL);
        *ploc = NO_LOC;
        return SUCCESS;
    case FINALLY_END:
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        return SUCCESS;
    case WITH:
    case ASYNC_WITH:
        *ploc = info->fb_loc;
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2); /* bring __exit__ above the return value */
        RETURN_IF_ERROR(compiler_call_exit_with_nones(c, *ploc));
        if (info->fb_type == ASYNC_WITH) {
            ADDOP_I(c, *ploc, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            RETURN_IF_ERROR(compiler_add_yield_from(c, *ploc, 1));
        }
        ADDOP(c, *ploc, POP_TOP);
        *ploc = NO_LOC;
        return SUCCESS;
    case HANDLER_CLEANUP:
        if (info->fb_datum)
            ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        if (info->fb_datum) {
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, *ploc, (PyObject *)info->fb_datum, Store));
            RETURN_IF_ERROR(compiler_nameop(c, *ploc, (PyObject *)info->fb_datum, Del));
        }
        return SUCCESS;
    case POP_VALUE:
        if (preserve_tos)
            ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    }
    return SUCCESS;
}

int
compiler_unwind_fblock_stack(struct compiler *c, _KrSrcLoc *ploc, int preserve_tos,
                             struct fblockinfo **loop)
{
    if (c->u->u_nfblocks == 0)
        return SUCCESS;
    struct fblockinfo *top = &c->u->u_fblock[c->u->u_nfblocks - 1];
    if (top->fb_type == EXCEPTION_GROUP_HANDLER)
        return compiler_error(c, *ploc,
                              "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop != NULL && (top->fb_type == WHILE_LOOP || top->fb_type == FOR_LOOP)) {
        *loop = top;
        return SUCCESS;
    }
    struct fblockinfo copy = *top;
    c->u->u_nfblocks--;
    RETURN_IF_ERROR(compiler_unwind_fblock(c, ploc, &copy, preserve_tos));
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, ploc, preserve_tos, loop));
    c->u->u_fblock[c->u->u_nfblocks] = copy;
    c->u->u_nfblocks++;
    return SUCCESS;
}

/* ---- functions, lambdas, classes ----------------------------------------------------- */

static int
compiler_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    VISIT_SEQ(c, expr, decos);
    return SUCCESS;
}

static int
compiler_apply_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        expr_ty d = asdl_seq_GET(decos, i);
        ADDOP_I(c, LOC(d), CALL, 0);
    }
    return SUCCESS;
}

static int
compiler_type_param_bound_or_default(struct compiler *c, expr_ty e, PyObject *name, void *key,
                                     int allow_starred)
{
    RETURN_IF_ERROR(compiler_enter_scope(c, name, COMPILER_SCOPE_TYPEPARAMS, key, e->lineno, NULL));
    int r;
    if (allow_starred && e->kind == Starred_kind) {
        r = compiler_visit_expr(c, e->v.Starred.value);
        if (r == 0)
            r = compiler_addop(c, UNPACK_SEQUENCE, 1, LOC(e));
    }
    else
        r = compiler_visit_expr(c, e);
    if (r == 0)
        r = compiler_addop(c, RETURN_VALUE, 0, LOC(e));
    PyCodeObject *co = r == 0 ? compiler_assemble_unit(c, 0) : NULL;
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    r = compiler_make_closure(c, LOC(e), co, 0);
    Py_DECREF(co);
    return r;
}

int
compiler_visit_type_params(struct compiler *c, asdl_type_param_seq *tps)
{
    Py_ssize_t n = asdl_seq_LEN(tps);
    int seen_default = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        _KrSrcLoc loc = LOC(tp);
        PyObject *name;
        expr_ty dflt;
        switch (tp->kind) {
        case TypeVar_kind:
            name = tp->v.TypeVar.name;
            dflt = tp->v.TypeVar.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            if (tp->v.TypeVar.bound) {
                expr_ty bound = tp->v.TypeVar.bound;
                RETURN_IF_ERROR(compiler_type_param_bound_or_default(c, bound, name, (void *)tp, 0));
                ADDOP_I(c, loc, CALL_INTRINSIC_2,
                        bound->kind == Tuple_kind ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                                                  : INTRINSIC_TYPEVAR_WITH_BOUND);
            }
            else
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
            break;
        case TypeVarTuple_kind:
            name = tp->v.TypeVarTuple.name;
            dflt = tp->v.TypeVarTuple.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
            break;
        default:
            name = tp->v.ParamSpec.name;
            dflt = tp->v.ParamSpec.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
            break;
        }
        if (dflt) {
            seen_default = 1;
            RETURN_IF_ERROR(compiler_type_param_bound_or_default(
                c, dflt, name, (char *)tp + 1, tp->kind == TypeVarTuple_kind));
            ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
        }
        else if (seen_default)
            return compiler_error(c, loc,
                                  "non-default type parameter '%U' follows default type parameter",
                                  name);
        ADDOP_I(c, loc, COPY, 1);
        RETURN_IF_ERROR(compiler_nameop(c, loc, name, Store));
    }
    ADDOP_I(c, LOC((type_param_ty)asdl_seq_GET(tps, 0)), BUILD_TUPLE, (int)n);
    return SUCCESS;
}

static int
compiler_function_body(struct compiler *c, stmt_ty s, int is_async, int funcflags,
                       int firstlineno)
{
    arguments_ty args = s->v.FunctionDef.args;
    asdl_stmt_seq *body = s->v.FunctionDef.body;
    RETURN_IF_ERROR(compiler_enter_scope(c, s->v.FunctionDef.name,
                                         is_async ? COMPILER_SCOPE_ASYNC_FUNCTION
                                                  : COMPILER_SCOPE_FUNCTION,
                                         (void *)s, firstlineno, NULL));
    Py_ssize_t first = 0;
    PyObject *doc = compiler_get_docstring(body);
    PyObject *docconst = NULL;
    if (doc) {
        first = 1;
        if (c->c_optimize < 2) {
            docconst = compiler_clean_doc(doc);
            if (docconst == NULL)
                goto error;
            c->u->u_has_docstring = 1;
        }
    }
    if (compiler_add_const(c, docconst ? docconst : Py_None) < 0) {
        Py_XDECREF(docconst);
        goto error;
    }
    Py_XDECREF(docconst);
    c->u->u_argcount = (int)(asdl_seq_LEN(args->args) + asdl_seq_LEN(args->posonlyargs));
    c->u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    PySTEntryObject *ste = c->u->u_ste;
    int wrap = ste->ste_coroutine || ste->ste_generator;
    if (wrap && compiler_push_fblock(c, NO_LOC, STOP_ITERATION, NULL, NULL, NULL) < 0)
        goto error;
    for (Py_ssize_t i = first; i < asdl_seq_LEN(body); i++)
        if (compiler_visit_stmt(c, asdl_seq_GET(body, i)) < 0)
            goto error;
    if (wrap) {
        if (compiler_wrap_in_stopiteration_handler(c) < 0)
            goto error;
        compiler_pop_fblock(c, STOP_ITERATION, NULL);
    }
    PyCodeObject *co = compiler_assemble_unit(c, 1);
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    int r = compiler_make_closure(c, LOC(s), co, funcflags);
    Py_DECREF(co);
    return r;
error:
    compiler_exit_scope(c);
    return ERROR;
}

static int
compiler_function(struct compiler *c, stmt_ty s, int is_async)
{
    arguments_ty args = s->v.FunctionDef.args;
    expr_ty returns = s->v.FunctionDef.returns;
    asdl_expr_seq *decos = s->v.FunctionDef.decorator_list;
    asdl_type_param_seq *tps = s->v.FunctionDef.type_params;
    PyObject *name = s->v.FunctionDef.name;
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    _KrSrcLoc loc = LOC(s);
    int is_generic = asdl_seq_LEN(tps) > 0;
    int funcflags = compiler_default_arguments(c, loc, args);
    if (funcflags < 0)
        return ERROR;
    int ntp_args = 0;
    if (is_generic) {
        if (funcflags & MAKE_FUNCTION_DEFAULTS)
            ntp_args++;
        if (funcflags & MAKE_FUNCTION_KWDEFAULTS)
            ntp_args++;
        if (ntp_args == 2)
            ADDOP_I(c, loc, SWAP, 2);
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (tpname == NULL)
            return ERROR;
        int r = compiler_enter_scope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)tps,
                                     firstlineno, NULL);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        if (compiler_visit_type_params(c, tps) < 0)
            goto error_in_scope;
        for (int i = 0; i < ntp_args; i++)
            if (compiler_addop(c, LOAD_FAST, i, loc) < 0)
                goto error_in_scope;
    }
    int ann = compiler_visit_annotations(c, loc, args, returns);
    if (ann < 0)
        goto error_in_scope;
    if (ann > 0)
        funcflags |= MAKE_FUNCTION_ANNOTATIONS;
    if (compiler_function_body(c, s, is_async, funcflags, firstlineno) < 0)
        goto error_in_scope;
    if (is_generic) {
        if (compiler_addop(c, SWAP, 2, loc) < 0 ||
            compiler_addop(c, CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc) < 0 ||
            compiler_addop(c, RETURN_VALUE, 0, loc) < 0)
            goto error_in_scope;
        c->u->u_argcount = ntp_args;
        PyCodeObject *co = compiler_assemble_unit(c, 0);
        compiler_exit_scope(c);
        if (co == NULL)
            return ERROR;
        int r = compiler_make_closure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        if (ntp_args > 0) {
            ADDOP_I(c, loc, SWAP, ntp_args + 1);
            ADDOP_I(c, loc, CALL, ntp_args - 1);
        }
        else {
            ADDOP(c, loc, PUSH_NULL);
            ADDOP_I(c, loc, CALL, 0);
        }
    }
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return compiler_nameop(c, loc, name, Store);
error_in_scope:
    if (is_generic)
        compiler_exit_scope(c);
    return ERROR;
}

int
compiler_function_like(struct compiler *c, stmt_ty s, expr_ty lambda)
{
    if (s != NULL)
        return compiler_function(c, s, s->kind == AsyncFunctionDef_kind);
    /* lambda */
    expr_ty e = lambda;
    arguments_ty args = e->v.Lambda.args;
    _KrSrcLoc loc = LOC(e);
    int funcflags = compiler_default_arguments(c, loc, args);
    if (funcflags < 0)
        return ERROR;
    PyObject *name = PyUnicode_InternFromString("<lambda>");
    if (name == NULL)
        return ERROR;
    int r = compiler_enter_scope(c, name, COMPILER_SCOPE_LAMBDA, (void *)e, e->lineno, NULL);
    Py_DECREF(name);
    RETURN_IF_ERROR(r);
    if (compiler_add_const(c, Py_None) < 0)
        goto error;
    c->u->u_argcount = (int)(asdl_seq_LEN(args->args) + asdl_seq_LEN(args->posonlyargs));
    c->u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    int gen = c->u->u_ste->ste_generator;
    if (compiler_visit_expr(c, e->v.Lambda.body) < 0)
        goto error;
    if (compiler_addop(c, RETURN_VALUE, 0, LOC(e->v.Lambda.body)) < 0)
        goto error;
    /* CPython 3.13 gives generator lambdas no PEP 479 wrapper: a StopIteration raised
     * inside one escapes as is, and we match that. */
    (void)gen;
    PyCodeObject *co = compiler_assemble_unit(c, 0);
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    r = compiler_make_closure(c, loc, co, funcflags);
    Py_DECREF(co);
    return r;
error:
    compiler_exit_scope(c);
    return ERROR;
}

static PyObject *
static_attributes_tuple(struct compiler *c)
{
    PyObject *list = PySequence_List(c->u->u_static_attributes);
    if (list == NULL)
        return NULL;
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

static int
compiler_class_body(struct compiler *c, stmt_ty s, int firstlineno)
{
    RETURN_IF_ERROR(compiler_enter_scope(c, s->v.ClassDef.name, COMPILER_SCOPE_CLASS, (void *)s,
                                         firstlineno, s->v.ClassDef.name));
    _KrSrcLoc loc = {firstlineno, firstlineno, 0, 0};
    PyObject *tmp = NULL;
    if (compiler_nameop(c, loc, _Py_ID(__name__), Load) < 0 ||
        compiler_nameop(c, loc, _Py_ID(__module__), Store) < 0 ||
        compiler_addop_load_const(c, loc, c->u->u_qualname) < 0 ||
        compiler_nameop(c, loc, _Py_ID(__qualname__), Store) < 0)
        goto error;
    tmp = PyLong_FromLong(firstlineno);
    if (tmp == NULL || compiler_addop_load_const(c, loc, tmp) < 0 ||
        compiler_nameop(c, loc, _Py_ID(__firstlineno__), Store) < 0)
        goto error;
    Py_CLEAR(tmp);
    if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
        tmp = PyUnicode_InternFromString(".type_params");
        if (tmp == NULL || compiler_nameop(c, loc, tmp, Load) < 0 ||
            compiler_nameop(c, loc, _Py_ID(__type_params__), Store) < 0)
            goto error;
        Py_CLEAR(tmp);
    }
    if (c->u->u_ste->ste_needs_classdict) {
        if (compiler_addop(c, LOAD_LOCALS, 0, loc) < 0 ||
            compiler_addop_deref(c, loc, STORE_DEREF, _Py_ID(__classdict__), 0) < 0)
            goto error;
    }
    if (compiler_body(c, loc, s->v.ClassDef.body) < 0)
        goto error;
    tmp = static_attributes_tuple(c);
    if (tmp == NULL || compiler_addop_load_const(c, NO_LOC, tmp) < 0 ||
        compiler_nameop(c, NO_LOC, _Py_ID(__static_attributes__), Store) < 0)
        goto error;
    Py_CLEAR(tmp);
    if (c->u->u_ste->ste_needs_classdict) {
        if (compiler_addop_deref(c, NO_LOC, LOAD_CLOSURE, _Py_ID(__classdict__), 0) < 0 ||
            compiler_nameop(c, NO_LOC, _Py_ID(__classdictcell__), Store) < 0)
            goto error;
    }
    if (c->u->u_ste->ste_needs_class_closure) {
        if (compiler_addop_deref(c, NO_LOC, LOAD_CLOSURE, _Py_ID(__class__), 0) < 0 ||
            compiler_addop(c, COPY, 1, NO_LOC) < 0 ||
            compiler_nameop(c, NO_LOC, _Py_ID(__classcell__), Store) < 0)
            goto error;
    }
    else if (compiler_addop_load_const(c, NO_LOC, Py_None) < 0)
        goto error;
    if (compiler_addop(c, RETURN_VALUE, 0, NO_LOC) < 0)
        goto error;
    PyCodeObject *co = compiler_assemble_unit(c, 1);
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    _KrSrcLoc sloc = LOC(s);
    if (compiler_addop(c, LOAD_BUILD_CLASS, 0, sloc) < 0 || compiler_addop(c, PUSH_NULL, 0, sloc) < 0) {
        Py_DECREF(co);
        return ERROR;
    }
    int r = compiler_make_closure(c, sloc, co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP_LOAD_CONST(c, sloc, s->v.ClassDef.name);
    return SUCCESS;
error:
    Py_XDECREF(tmp);
    compiler_exit_scope(c);
    return ERROR;
}

static expr_ty
make_name_node(struct compiler *c, PyObject *id, _KrSrcLoc loc)
{
    expr_ty e = _PyArena_Malloc(c->c_arena, sizeof(struct _expr));
    if (e == NULL)
        return NULL;
    memset(e, 0, sizeof(*e));
    e->kind = Name_kind;
    e->v.Name.id = id;
    e->v.Name.ctx = Load;
    e->lineno = loc.lineno;
    e->col_offset = loc.col_offset;
    e->end_lineno = loc.end_lineno;
    e->end_col_offset = loc.end_col_offset;
    return e;
}

static int
compiler_class(struct compiler *c, stmt_ty s)
{
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    asdl_type_param_seq *tps = s->v.ClassDef.type_params;
    int is_generic = asdl_seq_LEN(tps) > 0;
    _KrSrcLoc loc = LOC(s);
    PyObject *tp_name = NULL, *gb_name = NULL;
    if (is_generic) {
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", s->v.ClassDef.name);
        if (tpname == NULL)
            return ERROR;
        int r = compiler_enter_scope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)tps,
                                     firstlineno, s->v.ClassDef.name);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        tp_name = PyUnicode_InternFromString(".type_params");
        gb_name = PyUnicode_InternFromString(".generic_base");
        if (!tp_name || !gb_name || compiler_visit_type_params(c, tps) < 0 ||
            compiler_nameop(c, loc, tp_name, Store) < 0)
            goto error_in_scope;
    }
    if (compiler_class_body(c, s, firstlineno) < 0)
        goto error_in_scope;
    if (is_generic) {
        if (compiler_nameop(c, loc, tp_name, Load) < 0 ||
            compiler_addop(c, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, loc) < 0 ||
            compiler_nameop(c, loc, gb_name, Store) < 0)
            goto error_in_scope;
        Py_ssize_t n = asdl_seq_LEN(s->v.ClassDef.bases);
        asdl_expr_seq *bases = _Py_asdl_generic_seq_new(n + 1, c->c_arena);
        if (bases == NULL)
            goto error_in_scope;
        for (Py_ssize_t i = 0; i < n; i++)
            asdl_seq_SET(bases, i, asdl_seq_GET(s->v.ClassDef.bases, i));
        expr_ty nm = make_name_node(c, gb_name, loc);
        if (nm == NULL)
            goto error_in_scope;
        asdl_seq_SET(bases, n, nm);
        if (compiler_call_helper(c, loc, 2, bases, s->v.ClassDef.keywords) < 0 ||
            compiler_addop(c, RETURN_VALUE, 0, loc) < 0)
            goto error_in_scope;
        PyCodeObject *co = compiler_assemble_unit(c, 0);
        compiler_exit_scope(c);
        Py_CLEAR(tp_name);
        Py_CLEAR(gb_name);
        if (co == NULL)
            return ERROR;
        int r = compiler_make_closure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        ADDOP(c, loc, PUSH_NULL);
        ADDOP_I(c, loc, CALL, 0);
    }
    else
        RETURN_IF_ERROR(compiler_call_helper(c, loc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return compiler_nameop(c, loc, s->v.ClassDef.name, Store);
error_in_scope:
    Py_XDECREF(tp_name);
    Py_XDECREF(gb_name);
    if (is_generic)
        compiler_exit_scope(c);
    return ERROR;
}

static int
compiler_typealias_body(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    PyObject *name = s->v.TypeAlias.name->v.Name.id;
    RETURN_IF_ERROR(compiler_enter_scope(c, name, COMPILER_SCOPE_FUNCTION, (void *)s, loc.lineno, NULL));
    if (compiler_add_const(c, Py_None) < 0 || compiler_visit_expr(c, s->v.TypeAlias.value) < 0 ||
        compiler_addop(c, RETURN_VALUE, 0, loc) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    PyCodeObject *co = compiler_assemble_unit(c, 0);
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    int r = compiler_make_closure(c, loc, co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP_I(c, loc, BUILD_TUPLE, 3);
    ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
    return SUCCESS;
}

static int
compiler_typealias(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
    int is_generic = asdl_seq_LEN(tps) > 0;
    PyObject *name = s->v.TypeAlias.name->v.Name.id;
    if (is_generic) {
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (tpname == NULL)
            return ERROR;
        int r = compiler_enter_scope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)tps, loc.lineno, NULL);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        if (compiler_addop_load_const(c, loc, name) < 0 || compiler_visit_type_params(c, tps) < 0)
            goto error;
    }
    else {
        ADDOP_LOAD_CONST(c, loc, name);
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (compiler_typealias_body(c, s) < 0)
        goto error;
    if (is_generic) {
        if (compiler_addop(c, RETURN_VALUE, 0, loc) < 0)
            goto error;
        PyCodeObject *co = compiler_assemble_unit(c, 0);
        compiler_exit_scope(c);
        if (co == NULL)
            return ERROR;
        int r = compiler_make_closure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        ADDOP(c, loc, PUSH_NULL);
        ADDOP_I(c, loc, CALL, 0);
    }
    return compiler_nameop(c, loc, name, Store);
error:
    if (is_generic)
        compiler_exit_scope(c);
    return ERROR;
}

/* ---- simple statements ---------------------------------------------------------------- */

static int
compiler_return(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    expr_ty value = s->v.Return.value;
    int preserve_tos = value != NULL && value->kind != Constant_kind;
    if (!_PyST_IsFunctionLike(c->u->u_ste))
        return compiler_error(c, loc, "'return' outside function");
    if (value != NULL && c->u->u_ste->ste_coroutine && c->u->u_ste->ste_generator)
        return compiler_error(c, loc, "'return' with value in async generator");
    if (preserve_tos)
        VISIT(c, expr, value);
    else if (value != NULL) {
        /* a returned constant carries its own position, like CPython */
        loc = LOC(value);
        ADDOP(c, loc, NOP);
    }
    if (value == NULL || value->lineno != s->lineno) {
        loc = LOC(s);
        ADDOP(c, loc, NOP);
    }
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, &loc, preserve_tos, NULL));
    if (value == NULL)
        ADDOP_LOAD_CONST(c, loc, Py_None);
    else if (!preserve_tos)
        ADDOP_LOAD_CONST(c, loc, value->v.Constant.value);
    ADDOP(c, loc, RETURN_VALUE);
    return SUCCESS;
}

static int
compiler_break_continue(struct compiler *c, stmt_ty s, int is_break)
{
    _KrSrcLoc loc = LOC(s), origin = loc;
    struct fblockinfo *loop = NULL;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, &loc, 0, &loop));
    if (loop == NULL)
        return compiler_error(c, origin, is_break ? "'break' outside loop"
                                                  : "'continue' not properly in loop");
    if (is_break) {
        RETURN_IF_ERROR(compiler_unwind_fblock(c, &loc, loop, 0));
        ADDOP_JUMP(c, loc, JUMP, loop->fb_exit);
    }
    else
        ADDOP_JUMP(c, loc, JUMP, loop->fb_block);
    return SUCCESS;
}

static int
compiler_if(struct compiler *c, stmt_ty s)
{
    NEW_LABEL(c, end);
    basicblock *next = end;
    if (asdl_seq_LEN(s->v.If.orelse)) {
        next = compiler_new_block(c);
        if (next == NULL)
            return ERROR;
    }
    RETURN_IF_ERROR(compiler_jump_if(c, LOC(s), s->v.If.test, next, 0));
    VISIT_SEQ(c, stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse)) {
        ADDOP_JUMP(c, NO_LOC, JUMP, end);
        USE_LABEL(c, next);
        VISIT_SEQ(c, stmt, s->v.If.orelse);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_for(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    NEW_LABEL(c, start);
    NEW_LABEL(c, body);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, FOR_LOOP, start, end, NULL));
    VISIT(c, expr, s->v.For.iter);
    loc = LOC(s->v.For.iter);
    ADDOP(c, loc, GET_ITER);
    USE_LABEL(c, start);
    ADDOP_JUMP(c, loc, FOR_ITER, cleanup);
    ADDOP(c, LOC(s->v.For.target), NOP);
    USE_LABEL(c, body);
    VISIT(c, expr, s->v.For.target);
    VISIT_SEQ(c, stmt, s->v.For.body);
    ADDOP_JUMP(c, NO_LOC, JUMP, start);
    USE_LABEL(c, cleanup);
    ADDOP(c, NO_LOC, END_FOR);
    compiler_pop_fblock(c, FOR_LOOP, start);
    VISIT_SEQ(c, stmt, s->v.For.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_async_for(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    if (!compiler_is_top_level_await(c) &&
        c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION)
        return compiler_error(c, loc, "'async for' outside async function");
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    VISIT(c, expr, s->v.AsyncFor.iter);
    ADDOP(c, LOC(s->v.AsyncFor.iter), GET_AITER);
    USE_LABEL(c, start);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
    ADDOP_JUMP(c, NO_LOC, JUMP, start);
    compiler_pop_fblock(c, FOR_LOOP, start);
    USE_LABEL(c, except);
    ADDOP(c, LOC(s->v.AsyncFor.iter), END_ASYNC_FOR);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_while(struct compiler *c, stmt_ty s)
{
    NEW_LABEL(c, loop);
    NEW_LABEL(c, body);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, end);
    USE_LABEL(c, loop);
    RETURN_IF_ERROR(compiler_push_fblock(c, LOC(s), WHILE_LOOP, loop, end, NULL));
    RETURN_IF_ERROR(compiler_jump_if(c, LOC(s), s->v.While.test, anchor, 0));
    USE_LABEL(c, body);
    VISIT_SEQ(c, stmt, s->v.While.body);
    RETURN_IF_ERROR(compiler_jump_if(c, LOC(s), s->v.While.test, body, 1));
    compiler_pop_fblock(c, WHILE_LOOP, loop);
    USE_LABEL(c, anchor);
    VISIT_SEQ(c, stmt, s->v.While.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_try_finally(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, end);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (asdl_seq_LEN(s->v.Try.handlers)) {
        if (s->kind == TryStar_kind)
            RETURN_IF_ERROR(compiler_try_star_except(c, s));
        else
            RETURN_IF_ERROR(compiler_try_except(c, s));
    }
    else
        VISIT_SEQ(c, stmt, s->v.Try.body);
    ADDOP(c, NO_LOC, POP_BLOCK);
    compiler_pop_fblock(c, FINALLY_TRY, body);
    VISIT_SEQ(c, stmt, s->v.Try.finalbody);
    ADDOP_JUMP(c, NO_LOC, JUMP, exit);
    USE_LABEL(c, end);
    ADDOP_JUMP(c, NO_LOC, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOC, PUSH_EXC_INFO);
    RETURN_IF_ERROR(compiler_push_fblock(c, NO_LOC, FINALLY_END, end, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.finalbody);
    compiler_pop_fblock(c, FINALLY_END, end);
    ADDOP_I(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, NO_LOC, COPY, 3);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_I(c, NO_LOC, RERAISE, 1);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_try_except(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, TRY_EXCEPT, body, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.body);
    compiler_pop_fblock(c, TRY_EXCEPT, body);
    ADDOP(c, NO_LOC, POP_BLOCK);
    VISIT_SEQ(c, stmt, s->v.Try.orelse);
    ADDOP_JUMP(c, NO_LOC, JUMP, end);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOC, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOC, PUSH_EXC_INFO);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        _KrSrcLoc hloc = LOC(h);
        if (!h->v.ExceptHandler.type && i < n - 1)
            return compiler_error(c, hloc, "default 'except:' must be last");
        NEW_LABEL(c, next_except);
        if (h->v.ExceptHandler.type) {
            VISIT(c, expr, h->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, next_except);
        }
        if (h->v.ExceptHandler.name) {
            NEW_LABEL(c, cleanup_end);
            NEW_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(compiler_nameop(c, hloc, h->v.ExceptHandler.name, Store));
            ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(compiler_push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NULL,
                                                 h->v.ExceptHandler.name));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
            ADDOP(c, NO_LOC, POP_BLOCK);
            ADDOP(c, NO_LOC, POP_BLOCK);
            ADDOP(c, NO_LOC, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, NO_LOC, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Del));
            ADDOP_JUMP(c, NO_LOC, JUMP_NO_INTERRUPT, end);
            USE_LABEL(c, cleanup_end);
            ADDOP_LOAD_CONST(c, NO_LOC, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Del));
            ADDOP_I(c, NO_LOC, RERAISE, 1);
        }
        else {
            NEW_LABEL(c, cleanup_body);
            ADDOP(c, hloc, POP_TOP);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(compiler_push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NULL, NULL));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
            ADDOP(c, NO_LOC, POP_BLOCK);
            ADDOP(c, NO_LOC, POP_EXCEPT);
            ADDOP_JUMP(c, NO_LOC, JUMP_NO_INTERRUPT, end);
        }
        USE_LABEL(c, next_except);
    }
    compiler_pop_fblock(c, EXCEPTION_HANDLER, NULL);
    ADDOP_I(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, NO_LOC, COPY, 3);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_I(c, NO_LOC, RERAISE, 1);
    USE_LABEL(c, end);
    return SUCCESS;
}

/* except*: each handler splits the group with CHECK_EG_MATCH; what is left (and what the
 * handlers raise) is recombined by INTRINSIC_PREP_RERAISE_STAR. Stack inside the handler
 * region: [orig, list_of_raised, rest]. */
static int
compiler_try_star_except(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, reraise_star);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, TRY_EXCEPT, body, NULL, NULL));
    VISIT_SEQ(c, stmt, s->v.TryStar.body);
    compiler_pop_fblock(c, TRY_EXCEPT, body);
    ADDOP(c, NO_LOC, POP_BLOCK);
    ADDOP_JUMP(c, NO_LOC, JUMP, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.TryStar.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOC, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOC, PUSH_EXC_INFO);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, EXCEPTION_GROUP_HANDLER, NULL, NULL, "except handler"));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.TryStar.handlers, i);
        _KrSrcLoc hloc = LOC(h);
        NEW_LABEL(c, next_except);
        NEW_LABEL(c, except_with_error);
        NEW_LABEL(c, no_match);
        if (i == 0) {
            /* [exc] -> [orig, [], exc] */
            ADDOP_I(c, hloc, COPY, 1);
            ADDOP_I(c, hloc, BUILD_LIST, 0);
            ADDOP_I(c, hloc, SWAP, 2);
        }
        if (h->v.ExceptHandler.type) {
            VISIT(c, expr, h->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EG_MATCH);
            ADDOP_I(c, hloc, COPY, 1);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match);
        }
        NEW_LABEL(c, cleanup_end);
        NEW_LABEL(c, cleanup_body);
        if (h->v.ExceptHandler.name)
            RETURN_IF_ERROR(compiler_nameop(c, hloc, h->v.ExceptHandler.name, Store));
        else
            ADDOP(c, hloc, POP_TOP);
        ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
        USE_LABEL(c, cleanup_body);
        RETURN_IF_ERROR(compiler_push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NULL,
                                             h->v.ExceptHandler.name));
        VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
        compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
        ADDOP(c, NO_LOC, POP_BLOCK);
        if (h->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOC, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Del));
        }
        ADDOP_JUMP(c, NO_LOC, JUMP, next_except);
        USE_LABEL(c, cleanup_end);
        if (h->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOC, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOC, h->v.ExceptHandler.name, Del));
        }
        /* [orig, list, rest, lasti, exc] -> append exc to list */
        ADDOP_I(c, NO_LOC, LIST_APPEND, 3);
        ADDOP(c, NO_LOC, POP_TOP);
        ADDOP_JUMP(c, NO_LOC, JUMP, except_with_error);
        USE_LABEL(c, except_with_error);
        ADDOP_JUMP(c, NO_LOC, JUMP, next_except);
        USE_LABEL(c, no_match);
        ADDOP(c, hloc, POP_TOP); /* match (None) */
        USE_LABEL(c, next_except);
        if (i == n - 1) {
            /* [orig, list, rest] -> [prep_reraise(orig, list + [rest])] */
            ADDOP_I(c, NO_LOC, LIST_APPEND, 1);
            ADDOP_JUMP(c, NO_LOC, JUMP, reraise_star);
        }
    }
    compiler_pop_fblock(c, EXCEPTION_GROUP_HANDLER, NULL);
    NEW_LABEL(c, reraise);
    USE_LABEL(c, reraise_star);
    ADDOP_I(c, NO_LOC, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
    ADDOP_I(c, NO_LOC, COPY, 1);
    ADDOP_JUMP(c, NO_LOC, POP_JUMP_IF_NOT_NONE, reraise);
    /* nothing to re-raise */
    ADDOP(c, NO_LOC, POP_TOP);
    ADDOP(c, NO_LOC, POP_BLOCK);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_JUMP(c, NO_LOC, JUMP, end);
    USE_LABEL(c, reraise);
    ADDOP(c, NO_LOC, POP_BLOCK);
    ADDOP_I(c, NO_LOC, SWAP, 2);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_I(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, NO_LOC, COPY, 3);
    ADDOP(c, NO_LOC, POP_EXCEPT);
    ADDOP_I(c, NO_LOC, RERAISE, 1);
    USE_LABEL(c, orelse);
    VISIT_SEQ(c, stmt, s->v.TryStar.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_try(struct compiler *c, stmt_ty s)
{
    if (asdl_seq_LEN(s->v.Try.finalbody))
        return compiler_try_finally(c, s);
    if (s->kind == TryStar_kind)
        return compiler_try_star_except(c, s);
    return compiler_try_except(c, s);
}

static int
compiler_with(struct compiler *c, stmt_ty s, int pos)
{
    withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
    NEW_LABEL(c, block);
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    VISIT(c, expr, item->context_expr);
    _KrSrcLoc loc = LOC(item->context_expr);
    ADDOP(c, loc, BEFORE_WITH);
    ADDOP_JUMP(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, WITH, block, final, s));
    if (item->optional_vars)
        VISIT(c, expr, item->optional_vars);
    else
        ADDOP(c, loc, POP_TOP);
    pos++;
    if (pos == asdl_seq_LEN(s->v.With.items))
        VISIT_SEQ(c, stmt, s->v.With.body);
    else
        RETURN_IF_ERROR(compiler_with(c, s, pos));
    ADDOP(c, NO_LOC, POP_BLOCK);
    compiler_pop_fblock(c, WITH, block);
    RETURN_IF_ERROR(compiler_call_exit_with_nones(c, loc));
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    RETURN_IF_ERROR(compiler_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_async_with(struct compiler *c, stmt_ty s, int pos)
{
    _KrSrcLoc sloc = LOC(s);
    if (!compiler_is_top_level_await(c) &&
        c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION)
        return compiler_error(c, sloc, "'async with' outside async function");
    withitem_ty item = asdl_seq_GET(s->v.AsyncWith.items, pos);
    NEW_LABEL(c, block);
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    VISIT(c, expr, item->context_expr);
    _KrSrcLoc loc = LOC(item->context_expr);
    ADDOP(c, loc, BEFORE_ASYNC_WITH);
    ADDOP_I(c, loc, GET_AWAITABLE, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP_JUMP(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, ASYNC_WITH, block, final, s));
    if (item->optional_vars)
        VISIT(c, expr, item->optional_vars);
    else
        ADDOP(c, loc, POP_TOP);
    pos++;
    if (pos == asdl_seq_LEN(s->v.AsyncWith.items))
        VISIT_SEQ(c, stmt, s->v.AsyncWith.body);
    else
        RETURN_IF_ERROR(compiler_async_with(c, s, pos));
    compiler_pop_fblock(c, ASYNC_WITH, block);
    ADDOP(c, loc, POP_BLOCK);
    RETURN_IF_ERROR(compiler_call_exit_with_nones(c, loc));
    ADDOP_I(c, loc, GET_AWAITABLE, 2);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    ADDOP_I(c, loc, GET_AWAITABLE, 2);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    RETURN_IF_ERROR(compiler_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_import_as(struct compiler *c, _KrSrcLoc loc, PyObject *name, PyObject *asname)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
    if (dot == -2)
        return ERROR;
    if (dot != -1) {
        for (;;) {
            Py_ssize_t pos = dot + 1;
            dot = PyUnicode_FindChar(name, '.', pos, len, 1);
            if (dot == -2)
                return ERROR;
            PyObject *attr = PyUnicode_Substring(name, pos, dot != -1 ? dot : len);
            if (attr == NULL)
                return ERROR;
            int r = compiler_addop_name(c, loc, IMPORT_FROM, attr, 0, 0);
            Py_DECREF(attr);
            RETURN_IF_ERROR(r);
            if (dot == -1)
                break;
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, POP_TOP);
        }
        RETURN_IF_ERROR(compiler_nameop(c, loc, asname, Store));
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    return compiler_nameop(c, loc, asname, Store);
}

static int
compiler_import(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return ERROR;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty a = asdl_seq_GET(s->v.Import.names, i);
        int r;
        if (compiler_addop_load_const(c, loc, zero) < 0 ||
            compiler_addop_load_const(c, loc, Py_None) < 0 ||
            compiler_addop_name(c, loc, IMPORT_NAME, a->name, 0, 1) < 0) {
            Py_DECREF(zero);
            return ERROR;
        }
        if (a->asname)
            r = compiler_import_as(c, loc, a->name, a->asname);
        else {
            Py_ssize_t dot = PyUnicode_FindChar(a->name, '.', 0, PyUnicode_GET_LENGTH(a->name), 1);
            PyObject *tmp = dot >= 0 ? PyUnicode_Substring(a->name, 0, dot) : Py_NewRef(a->name);
            if (tmp == NULL) {
                Py_DECREF(zero);
                return ERROR;
            }
            r = compiler_nameop(c, loc, tmp, Store);
            Py_DECREF(tmp);
        }
        if (r < 0) {
            Py_DECREF(zero);
            return ERROR;
        }
    }
    Py_DECREF(zero);
    return SUCCESS;
}

static int
compiler_from_import(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    int level = s->v.ImportFrom.level;
    if (level == -1000)
        level = 0; /* an accepted __future__ import */
    else if (s->v.ImportFrom.module && level == 0 &&
             PyUnicode_EqualToUTF8(s->v.ImportFrom.module, "__future__"))
        return compiler_error(c, loc,
                              "from __future__ imports must occur at the beginning of the file");
    Py_ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromLong(level));
    PyObject *names = PyTuple_New(n);
    if (names == NULL)
        return ERROR;
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(a->name));
    }
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    if (s->v.ImportFrom.module)
        RETURN_IF_ERROR(compiler_addop_name(c, loc, IMPORT_NAME, s->v.ImportFrom.module, 0, 1));
    else {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL)
            return ERROR;
        int r = compiler_addop_name(c, loc, IMPORT_NAME, empty, 0, 0);
        Py_DECREF(empty);
        RETURN_IF_ERROR(r);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && PyUnicode_READ_CHAR(a->name, 0) == '*') {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
            ADDOP(c, NO_LOC, POP_TOP);
            return SUCCESS;
        }
        RETURN_IF_ERROR(compiler_addop_name(c, loc, IMPORT_FROM, a->name, 0, 1));
        RETURN_IF_ERROR(compiler_nameop(c, loc, a->asname ? a->asname : a->name, Store));
    }
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
}

static int
compiler_assert(struct compiler *c, stmt_ty s)
{
    expr_ty test = s->v.Assert.test;
    if ((test->kind == Tuple_kind && asdl_seq_LEN(test->v.Tuple.elts) > 0) ||
        (test->kind == Constant_kind && PyTuple_Check(test->v.Constant.value) &&
         PyTuple_GET_SIZE(test->v.Constant.value) > 0))
        RETURN_IF_ERROR(compiler_warn(c, LOC(s), "assertion is always true, perhaps remove parentheses?"));
    if (c->c_optimize)
        return SUCCESS;
    NEW_LABEL(c, end);
    RETURN_IF_ERROR(compiler_jump_if(c, LOC(s), test, end, 1));
    ADDOP(c, LOC(s), LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, expr, s->v.Assert.msg);
        ADDOP_I(c, LOC(s), CALL, 0);
    }
    ADDOP_I(c, LOC(s), RAISE_VARARGS, 1);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
check_ann_subscr(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Slice_kind:
        if (e->v.Slice.lower)
            RETURN_IF_ERROR(compiler_check_ann_expr(c, e->v.Slice.lower));
        if (e->v.Slice.upper)
            RETURN_IF_ERROR(compiler_check_ann_expr(c, e->v.Slice.upper));
        if (e->v.Slice.step)
            RETURN_IF_ERROR(compiler_check_ann_expr(c, e->v.Slice.step));
        return SUCCESS;
    case Tuple_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++)
            RETURN_IF_ERROR(check_ann_subscr(c, asdl_seq_GET(e->v.Tuple.elts, i)));
        return SUCCESS;
    default:
        return compiler_check_ann_expr(c, e);
    }
}

static int
compiler_annassign(struct compiler *c, stmt_ty s)
{
    _KrSrcLoc loc = LOC(s);
    expr_ty targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, expr, s->v.AnnAssign.value);
        VISIT(c, expr, targ);
    }
    int modclass = c->u->u_scope_type == COMPILER_SCOPE_MODULE ||
                   c->u->u_scope_type == COMPILER_SCOPE_CLASS;
    switch (targ->kind) {
    case Name_kind:
        if (s->v.AnnAssign.simple && modclass) {
            RETURN_IF_ERROR(compiler_visit_annexpr(c, s->v.AnnAssign.annotation));
            ADDOP_NAME_NOMANGLE(c, loc, LOAD_NAME, _Py_ID(__annotations__));
            PyObject *m = compiler_maybe_mangle(c, targ->v.Name.id);
            ADDOP_LOAD_CONST_NEW(c, loc, m);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        if (!s->v.AnnAssign.value && modclass)
            RETURN_IF_ERROR(compiler_check_ann_expr(c, targ->v.Attribute.value));
        break;
    case Subscript_kind:
        if (!s->v.AnnAssign.value && modclass) {
            RETURN_IF_ERROR(compiler_check_ann_expr(c, targ->v.Subscript.value));
            RETURN_IF_ERROR(check_ann_subscr(c, targ->v.Subscript.slice));
        }
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for annotated assignment",
                     targ->kind);
        return ERROR;
    }
    if (!s->v.AnnAssign.simple && modclass && !(c->c_future_features & CO_FUTURE_ANNOTATIONS))
        RETURN_IF_ERROR(compiler_check_ann_expr(c, s->v.AnnAssign.annotation));
    return SUCCESS;
}

static int
compiler_augassign(struct compiler *c, stmt_ty s)
{
    expr_ty e = s->v.AugAssign.target;
    _KrSrcLoc loc = LOC(e);
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        ADDOP_I(c, loc, COPY, 1);
        ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind: {
        expr_ty sl = e->v.Subscript.slice;
        VISIT(c, expr, e->v.Subscript.value);
        if (sl->kind == Slice_kind && sl->v.Slice.step == NULL) {
            if (sl->v.Slice.lower)
                VISIT(c, expr, sl->v.Slice.lower);
            else
                ADDOP_LOAD_CONST(c, loc, Py_None);
            if (sl->v.Slice.upper)
                VISIT(c, expr, sl->v.Slice.upper);
            else
                ADDOP_LOAD_CONST(c, loc, Py_None);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP(c, loc, BINARY_SLICE);
        }
        else {
            VISIT(c, expr, sl);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP(c, loc, BINARY_SUBSCR);
        }
        break;
    }
    case Name_kind:
        RETURN_IF_ERROR(compiler_nameop(c, loc, e->v.Name.id, Load));
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for augmented assignment", e->kind);
        return ERROR;
    }
    VISIT(c, expr, s->v.AugAssign.value);
    static const int inplace[] = {
        [Add] = NB_INPLACE_ADD, [Sub] = NB_INPLACE_SUBTRACT, [Mult] = NB_INPLACE_MULTIPLY,
        [MatMult] = NB_INPLACE_MATRIX_MULTIPLY, [Div] = NB_INPLACE_TRUE_DIVIDE,
        [Mod] = NB_INPLACE_REMAINDER, [Pow] = NB_INPLACE_POWER, [LShift] = NB_INPLACE_LSHIFT,
        [RShift] = NB_INPLACE_RSHIFT, [BitOr] = NB_INPLACE_OR, [BitXor] = NB_INPLACE_XOR,
        [BitAnd] = NB_INPLACE_AND, [FloorDiv] = NB_INPLACE_FLOOR_DIVIDE,
    };
    ADDOP_I(c, LOC(s), BINARY_OP, inplace[s->v.AugAssign.op]);
    switch (e->kind) {
    case Attribute_kind:
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind: {
        expr_ty sl = e->v.Subscript.slice;
        if (sl->kind == Slice_kind && sl->v.Slice.step == NULL) {
            ADDOP_I(c, loc, SWAP, 4);
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SLICE);
        }
        else {
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        break;
    }
    default:
        return compiler_nameop(c, loc, e->v.Name.id, Store);
    }
    return SUCCESS;
}

static int
compiler_stmt_expr(struct compiler *c, _KrSrcLoc loc, expr_ty value)
{
    if (c->c_interactive && c->c_nestlevel <= 1) {
        VISIT(c, expr, value);
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT);
        ADDOP(c, NO_LOC, POP_TOP);
        return SUCCESS;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, loc, NOP);
        return SUCCESS;
    }
    VISIT(c, expr, value);
    ADDOP(c, NO_LOC, POP_TOP);
    return SUCCESS;
}

int
compiler_visit_stmt(struct compiler *c, stmt_ty s)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return ERROR;
    int r = SUCCESS;
    _KrSrcLoc loc = LOC(s);
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        r = compiler_function(c, s, s->kind == AsyncFunctionDef_kind);
        break;
    case ClassDef_kind:
        r = compiler_class(c, s);
        break;
    case TypeAlias_kind:
        r = compiler_typealias(c, s);
        break;
    case Return_kind:
        r = compiler_return(c, s);
        break;
    case Delete_kind:
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(s->v.Delete.targets); i++)
            r = compiler_visit_expr(c, asdl_seq_GET(s->v.Delete.targets, i));
        break;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        r = compiler_visit_expr(c, s->v.Assign.value);
        for (Py_ssize_t i = 0; r == 0 && i < n; i++) {
            if (i < n - 1)
                r = compiler_addop(c, COPY, 1, loc);
            if (r == 0)
                r = compiler_visit_expr(c, asdl_seq_GET(s->v.Assign.targets, i));
        }
        break;
    }
    case AugAssign_kind:
        r = compiler_augassign(c, s);
        break;
    case AnnAssign_kind:
        r = compiler_annassign(c, s);
        break;
    case For_kind:
        r = compiler_for(c, s);
        break;
    case AsyncFor_kind:
        r = compiler_async_for(c, s);
        break;
    case While_kind:
        r = compiler_while(c, s);
        break;
    case If_kind:
        r = compiler_if(c, s);
        break;
    case Match_kind:
        r = compiler_match(c, s);
        break;
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            r = compiler_visit_expr(c, s->v.Raise.exc);
            n++;
            if (r == 0 && s->v.Raise.cause) {
                r = compiler_visit_expr(c, s->v.Raise.cause);
                n++;
            }
        }
        if (r == 0)
            r = compiler_addop(c, RAISE_VARARGS, n, loc);
        break;
    }
    case Try_kind:
    case TryStar_kind:
        r = compiler_try(c, s);
        break;
    case Assert_kind:
        r = compiler_assert(c, s);
        break;
    case Import_kind:
        r = compiler_import(c, s);
        break;
    case ImportFrom_kind:
        r = compiler_from_import(c, s);
        break;
    case Global_kind:
    case Nonlocal_kind:
        break;
    case Expr_kind:
        r = compiler_stmt_expr(c, loc, s->v.Expr.value);
        break;
    case Pass_kind:
        r = compiler_addop(c, NOP, 0, loc);
        break;
    case Break_kind:
        r = compiler_break_continue(c, s, 1);
        break;
    case Continue_kind:
        r = compiler_break_continue(c, s, 0);
        break;
    case With_kind:
        r = compiler_with(c, s, 0);
        break;
    case AsyncWith_kind:
        r = compiler_async_with(c, s, 0);
        break;
    default:
        PyErr_Format(PyExc_SystemError, "compiler: unknown statement kind %d", s->kind);
        r = ERROR;
    }
    Py_LeaveRecursiveCall();
    return r;
}
