/* Statements: simple statements (assignments in all their forms, imports, flow control)
 * and compound statements with their blocks, decorators and PEP 695 type parameters. */
#include <stdlib.h>
#include <string.h>
#include "parser.h"

#define END_EL(p) LASTTOK(p)->end_lineno
#define END_EC(p) LASTTOK(p)->end_col_offset
#define STMT_FROM(p, kind, idx) _KrP_stmt((p), (kind), TOKAT(p, idx)->lineno, TOKAT(p, idx)->col_offset, END_EL(p), END_EC(p))

static stmt_ty statement_list(Parser *p, KrVec *out);

static void *
syntax_error_here(Parser *p)
{
    return p->error ? NULL : _KrP_invalid_syntax(p);
}

static expr_ty
name_expr(Parser *p, expr_context_ty ctx)
{
    KrToken *t = ACCEPT(p, TOK_NAME);
    if (t == NULL)
        return NULL;
    return _KrP_name_from_token(p, t, ctx);
}

static PyObject *
name_id(Parser *p)
{
    KrToken *t = ACCEPT(p, TOK_NAME);
    if (t == NULL)
        return NULL;
    return _KrP_new_identifier(p, t->start, t->end - t->start);
}

/* A compound statement ends at the last significant token of its body (a trailing ';'
 * included), not at a NEWLINE/INDENT/DEDENT. */
#define end_at_body(s, body) end_at_last_token(p, (s))
static void
end_at_last_token(Parser *p, stmt_ty s)
{
    int i = p->mark - 1;
    while (i > 0) {
        int t = TOKAT(p, i)->type;
        if (t != TOK_NEWLINE && t != TOK_INDENT && t != TOK_DEDENT && t != TOK_ENDMARKER)
            break;
        i--;
    }
    s->end_lineno = TOKAT(p, i)->end_lineno;
    s->end_col_offset = TOKAT(p, i)->end_col_offset;
}

/* ---- blocks ------------------------------------------------------------------------ */

asdl_stmt_seq *
_KrP_block(Parser *p, const char *what, int kw_line)
{
    if (ACCEPT(p, TOK_NEWLINE)) {
        if (!ACCEPT(p, TOK_INDENT)) {
            if (p->error)
                return NULL;
            KrToken *t = PEEK(p);
            if (t == NULL)
                return NULL;
            return _KrP_raise(p, PyExc_IndentationError, t->lineno, t->col_offset,
                              t->end_lineno, t->end_col_offset,
                              "expected an indented block after %s on line %d", what, kw_line);
        }
        KrVec v;
        _KrVec_init(&v);
        while (!CHECK(p, TOK_DEDENT)) {
            if (p->error || CHECK(p, TOK_ENDMARKER)) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
            if (statement_list(p, &v) == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
        }
        p->mark++;
        return _KrVec_finish(p, &v);
    }
    if (p->error)
        return NULL;
    KrVec v;
    _KrVec_init(&v);
    if (statement_list(p, &v) == NULL) {
        _KrVec_free(&v);
        return syntax_error_here(p);
    }
    return _KrVec_finish(p, &v);
}

/* ':' after a header. CPython says "expected ':'" only when the line ends there
 * (for if/while/for/with/class/except...); def/try/finally/else force the ':'. */
static KrToken *
expect_colon(Parser *p)
{
    KrToken *t = ACCEPT(p, TOK_COLON);
    if (t || p->error)
        return t;
    if (CHECK(p, TOK_NEWLINE))
        return _KrP_expect_forced(p, TOK_COLON, ":");
    return syntax_error_here(p);
}

static KrToken *
expect_colon_forced(Parser *p)
{
    return _KrP_expect_forced(p, TOK_COLON, ":");
}

/* ---- targets ----------------------------------------------------------------------- */

static stmt_ty
raise_invalid_target(Parser *p, expr_ty bad, int del)
{
    if (bad->kind == Yield_kind || bad->kind == YieldFrom_kind)
        RAISE_NODE(p, bad, "assignment to yield expression not possible");
    else
        RAISE_NODE(p, bad, del ? "cannot delete %s" : "cannot assign to %s",
                   _KrP_expr_name(bad));
    return NULL;
}

/* ---- simple statements ----------------------------------------------------------- */

static int
augassign_op(int tokt, operator_ty *op)
{
    switch (tokt) {
    case TOK_PLUSEQUAL: *op = Add; return 1;
    case TOK_MINEQUAL: *op = Sub; return 1;
    case TOK_STAREQUAL: *op = Mult; return 1;
    case TOK_ATEQUAL: *op = MatMult; return 1;
    case TOK_SLASHEQUAL: *op = Div; return 1;
    case TOK_PERCENTEQUAL: *op = Mod; return 1;
    case TOK_AMPEREQUAL: *op = BitAnd; return 1;
    case TOK_VBAREQUAL: *op = BitOr; return 1;
    case TOK_CIRCUMFLEXEQUAL: *op = BitXor; return 1;
    case TOK_LEFTSHIFTEQUAL: *op = LShift; return 1;
    case TOK_RIGHTSHIFTEQUAL: *op = RShift; return 1;
    case TOK_DOUBLESTAREQUAL: *op = Pow; return 1;
    case TOK_DOUBLESLASHEQUAL: *op = FloorDiv; return 1;
    default: return 0;
    }
}

static int
starts_expr_tok(KrToken *t)
{
    switch (t->type) {
    case TOK_NAME:
        return !t->keyword || t->keyword == KW_True || t->keyword == KW_False ||
               t->keyword == KW_None || t->keyword == KW_lambda || t->keyword == KW_not ||
               t->keyword == KW_await;
    case TOK_NUMBER: case TOK_STRING: case TOK_FSTRING_START: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

static stmt_ty
expr_or_assign_stmt(Parser *p)
{
    int st = p->mark;
    KrToken *first = PEEK(p);
    if (first == NULL)
        return NULL;
    expr_ty e = CHECK_KW(p, yield) ? _KrP_yield_expr(p) : _KrP_star_expressions(p);
    if (e == NULL)
        return syntax_error_here(p);
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_COLON) {
        int simple = 0;
        /* The target checks below only apply when an annotation follows the ':'. */
        int far = p->fill;
        int save = p->mark;
        p->mark++;
        expr_ty ann = _KrP_expression(p);
        if (ann == NULL) {
            if (p->error)
                return NULL;
            /* CPython's annotated-assignment rules read past the ':' only for targets
             * that can be annotated. */
            if (e->kind == Name_kind || e->kind == Attribute_kind || e->kind == Subscript_kind)
                far = p->fill;
            KrToken *ft = TOKAT(p, far - 1);
            return _KrP_raise(p, PyExc_SyntaxError, ft->lineno, ft->col_offset, ft->end_lineno,
                              ft->end_col_offset,
                              "invalid syntax");
        }
        p->mark = save;
        if (e->kind == Name_kind)
            simple = first->type != TOK_LPAR;
        else if (e->kind == Tuple_kind && first->type != TOK_LPAR)
            return RAISE_NODE(p, (expr_ty)asdl_seq_GET(e->v.Tuple.elts, 0),
                              "only single target (not tuple) can be annotated");
        else if (e->kind == Tuple_kind || e->kind == List_kind)
            return RAISE_NODE(p, e, "only single target (not %s) can be annotated",
                              e->kind == Tuple_kind ? "tuple" : "list");
        else if (e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_NODE(p, e, "illegal target for annotation");
        p->mark++;
        ann = _KrP_expression(p);
        if (ann == NULL)
            return syntax_error_here(p);
        expr_ty value = NULL;
        if (ACCEPT(p, TOK_EQUAL)) {
            value = _KrP_annotated_rhs(p);
            if (value == NULL)
                return syntax_error_here(p);
        }
        _KrP_set_context(p, e, Store);
        stmt_ty s = STMT_FROM(p, AnnAssign_kind, st);
        if (s) {
            s->v.AnnAssign.target = e;
            s->v.AnnAssign.annotation = ann;
            s->v.AnnAssign.value = value;
            s->v.AnnAssign.simple = simple;
        }
        return s;
    }
    if (t->type == TOK_EQUAL) {
        KrVec targets;
        _KrVec_init(&targets);
        expr_ty value = e;
        int nassign = 0;
        while (ACCEPT(p, TOK_EQUAL)) {
            nassign++;
            if (_KrVec_push(p, &targets, value) < 0)
                return NULL;
            value = _KrP_annotated_rhs(p);
            if (value == NULL) {
                _KrVec_free(&targets);
                return syntax_error_here(p);
            }
        }
        for (Py_ssize_t i = 0; i < targets.n; i++) {
            expr_ty tg = targets.items[i];
            expr_ty bad = (tg->kind == Yield_kind || tg->kind == YieldFrom_kind)
                              ? tg : _KrP_invalid_target(tg, 0);
            if (bad) {
                _KrVec_free(&targets);
                int is_const_kw = bad->kind == Constant_kind &&
                                  (bad->v.Constant.value == Py_None ||
                                   bad->v.Constant.value == Py_True ||
                                   bad->v.Constant.value == Py_False);
                if (nassign == 1 && bad == tg && tg->kind != Yield_kind &&
                    tg->kind != YieldFrom_kind && !is_const_kw &&
                    tg->kind != GeneratorExp_kind && tg->kind != Starred_kind) {
                    return RAISE_NODE(p, bad,
                                      "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                      _KrP_expr_name(bad));
                }
                return raise_invalid_target(p, bad, 0);
            }
            _KrP_set_context(p, tg, Store);
        }
        asdl_expr_seq *tseq = _KrVec_finish(p, &targets);
        if (tseq == NULL)
            return NULL;
        stmt_ty s = STMT_FROM(p, Assign_kind, st);
        if (s) {
            s->v.Assign.targets = tseq;
            s->v.Assign.value = value;
        }
        return s;
    }
    operator_ty op;
    if (augassign_op(t->type, &op)) {
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_NODE(p, e, "'%s' is an illegal expression for augmented assignment",
                              _KrP_expr_name(e));
        p->mark++;
        expr_ty value = _KrP_annotated_rhs(p);
        if (value == NULL)
            return syntax_error_here(p);
        _KrP_set_context(p, e, Store);
        stmt_ty s = STMT_FROM(p, AugAssign_kind, st);
        if (s) {
            s->v.AugAssign.target = e;
            s->v.AugAssign.op = op;
            s->v.AugAssign.value = value;
        }
        return s;
    }
    if (e->kind == Name_kind && starts_expr_tok(t) &&
        (PyUnicode_CompareWithASCIIString(e->v.Name.id, "print") == 0 ||
         PyUnicode_CompareWithASCIIString(e->v.Name.id, "exec") == 0)) {
        int save = p->mark;
        expr_ty b = _KrP_star_expressions(p);
        if (b) {
            const char *nm = PyUnicode_AsUTF8(e->v.Name.id);
            return RAISE_RANGE(p, e, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                               nm, nm);
        }
        if (p->error)
            return NULL;
        p->mark = save;
    }
    stmt_ty s = STMT_FROM(p, Expr_kind, st);
    if (s)
        s->v.Expr.value = e;
    return s;
}

static stmt_ty
return_stmt(Parser *p)
{
    int st = p->mark++;
    expr_ty v = NULL;
    KrToken *t = PEEK(p);
    if (t && (starts_expr_tok(t) || t->type == TOK_STAR)) {
        v = _KrP_star_expressions(p);
        if (v == NULL)
            return syntax_error_here(p);
    }
    stmt_ty s = STMT_FROM(p, Return_kind, st);
    if (s)
        s->v.Return.value = v;
    return s;
}

static stmt_ty
raise_stmt(Parser *p)
{
    int st = p->mark++;
    expr_ty exc = NULL, cause = NULL;
    KrToken *t = PEEK(p);
    if (t && starts_expr_tok(t)) {
        exc = _KrP_expression(p);
        if (exc == NULL)
            return syntax_error_here(p);
        if (ACCEPT_KW(p, from)) {
            cause = _KrP_expression(p);
            if (cause == NULL)
                return syntax_error_here(p);
        }
    }
    stmt_ty s = STMT_FROM(p, Raise_kind, st);
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

static stmt_ty
global_stmt(Parser *p, int kind)
{
    int st = p->mark++;
    KrVec v;
    _KrVec_init(&v);
    do {
        PyObject *n = name_id(p);
        if (n == NULL || _KrVec_push(p, &v, n) < 0) {
            _KrVec_free(&v);
            return syntax_error_here(p);
        }
    } while (ACCEPT(p, TOK_COMMA));
    asdl_identifier_seq *names = _KrVec_finish(p, &v);
    if (names == NULL)
        return NULL;
    stmt_ty s = STMT_FROM(p, kind, st);
    if (s) {
        if (kind == Global_kind)
            s->v.Global.names = names;
        else
            s->v.Nonlocal.names = names;
    }
    return s;
}

static expr_ty
del_target(Parser *p)
{
    return _KrP_bitwise_or(p);
}

static stmt_ty
del_stmt(Parser *p)
{
    int st = p->mark++;
    KrVec v;
    _KrVec_init(&v);
    for (;;) {
        KrToken *t = PEEK(p);
        if (t == NULL || !(starts_expr_tok(t) || t->type == TOK_STAR))
            break;
        expr_ty e;
        if (t->type == TOK_STAR) {
            int s2 = p->mark++;
            expr_ty inner = _KrP_bitwise_or(p);
            if (inner == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
            e = _KrP_expr(p, Starred_kind, TOKAT(p, s2)->lineno, TOKAT(p, s2)->col_offset,
                          END_EL(p), END_EC(p));
            if (e == NULL) {
                _KrVec_free(&v);
                return NULL;
            }
            e->v.Starred.value = inner;
            e->v.Starred.ctx = Load;
        }
        else
            e = del_target(p);
        if (e == NULL) {
            _KrVec_free(&v);
            return syntax_error_here(p);
        }
        expr_ty bad = _KrP_invalid_target(e, 1);
        if (bad) {
            _KrVec_free(&v);
            return raise_invalid_target(p, bad, 1);
        }
        _KrP_set_context(p, e, Del);
        if (_KrVec_push(p, &v, e) < 0)
            return NULL;
        if (!ACCEPT(p, TOK_COMMA))
            break;
    }
    if (v.n == 0) {
        _KrVec_free(&v);
        return syntax_error_here(p);
    }
    asdl_expr_seq *targets = _KrVec_finish(p, &v);
    if (targets == NULL)
        return NULL;
    stmt_ty s = STMT_FROM(p, Delete_kind, st);
    if (s)
        s->v.Delete.targets = targets;
    return s;
}

static stmt_ty
assert_stmt(Parser *p)
{
    int st = p->mark++;
    expr_ty test = _KrP_expression(p), msg = NULL;
    if (test == NULL)
        return syntax_error_here(p);
    if (ACCEPT(p, TOK_COMMA)) {
        msg = _KrP_expression(p);
        if (msg == NULL)
            return syntax_error_here(p);
    }
    stmt_ty s = STMT_FROM(p, Assert_kind, st);
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

/* dotted_name as one identifier "a.b.c". */
static PyObject *
dotted_name(Parser *p)
{
    KrToken *first = ACCEPT(p, TOK_NAME);
    if (first == NULL)
        return NULL;
    KrToken *last = first;
    while (CHECK(p, TOK_DOT)) {
        KrToken *n = _KrP_peek_at(p, p->mark + 1);
        if (n == NULL || n->type != TOK_NAME || n->keyword)
            break;
        p->mark += 2;
        last = n;
    }
    if (last == first)
        return _KrP_new_identifier(p, first->start, first->end - first->start);
    /* Rebuild without whitespace between parts. */
    size_t cap = (size_t)(last->end - first->start) + 1;
    char *buf = malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        p->error = 1;
        return NULL;
    }
    size_t n = 0;
    for (const char *c = first->start; c < last->end; c++)
        if (*c != ' ' && *c != '\t' && *c != '\\' && *c != '\n' && *c != '\f')
            buf[n++] = *c;
    PyObject *r = _KrP_new_identifier(p, buf, (Py_ssize_t)n);
    free(buf);
    return r;
}

static alias_ty
make_alias(Parser *p, PyObject *name, PyObject *asname, int st)
{
    alias_ty a = _PyArena_Malloc(p->arena, sizeof(struct _alias));
    if (a == NULL) {
        p->error = 1;
        return NULL;
    }
    a->name = name;
    a->asname = asname;
    a->lineno = TOKAT(p, st)->lineno;
    a->col_offset = TOKAT(p, st)->col_offset;
    a->end_lineno = END_EL(p);
    a->end_col_offset = END_EC(p);
    return a;
}

static stmt_ty
import_stmt(Parser *p)
{
    int st = p->mark++;
    KrVec v;
    _KrVec_init(&v);
    if (!CHECK(p, TOK_NAME)) {
        if (p->error)
            return NULL;
        KrToken *t = PEEK(p);
        if (t->type == TOK_NEWLINE)
            return _KrP_raise(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->lineno,
                              t->col_offset, "Expected one or more names after 'import'");
        return syntax_error_here(p);
    }
    do {
        int ast = p->mark;
        PyObject *name = dotted_name(p), *asname = NULL;
        if (name == NULL) {
            _KrVec_free(&v);
            return syntax_error_here(p);
        }
        if (ACCEPT_KW(p, as)) {
            asname = name_id(p);
            if (asname == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
        }
        alias_ty a = make_alias(p, name, asname, ast);
        if (a == NULL || _KrVec_push(p, &v, a) < 0) {
            _KrVec_free(&v);
            return NULL;
        }
    } while (ACCEPT(p, TOK_COMMA));
    asdl_alias_seq *names = _KrVec_finish(p, &v);
    if (names == NULL)
        return NULL;
    stmt_ty s = STMT_FROM(p, Import_kind, st);
    if (s)
        s->v.Import.names = names;
    return s;
}

static stmt_ty
from_stmt(Parser *p)
{
    int st = p->mark++;
    int level = 0;
    for (;;) {
        if (ACCEPT(p, TOK_DOT))
            level++;
        else if (ACCEPT(p, TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    PyObject *module = NULL;
    if (!CHECK_KW(p, import)) {
        module = dotted_name(p);
        if (module == NULL)
            return syntax_error_here(p);
    }
    if (!ACCEPT_KW(p, import))
        return syntax_error_here(p);
    KrVec v;
    _KrVec_init(&v);
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_STAR) {
        int ast = p->mark++;
        PyObject *star = _KrP_new_identifier(p, "*", 1);
        alias_ty a = star ? make_alias(p, star, NULL, ast) : NULL;
        if (a == NULL || _KrVec_push(p, &v, a) < 0)
            return NULL;
    }
    else {
        int paren = ACCEPT(p, TOK_LPAR) != NULL;
        if (!paren && t->type == TOK_NEWLINE)
            return _KrP_raise(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->lineno,
                              t->col_offset, "Expected one or more names after 'import'");
        for (;;) {
            int ast = p->mark;
            PyObject *name = name_id(p), *asname = NULL;
            if (name == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
            if (ACCEPT_KW(p, as)) {
                asname = name_id(p);
                if (asname == NULL) {
                    _KrVec_free(&v);
                    return syntax_error_here(p);
                }
            }
            alias_ty a = make_alias(p, name, asname, ast);
            if (a == NULL || _KrVec_push(p, &v, a) < 0) {
                _KrVec_free(&v);
                return NULL;
            }
            KrToken *comma = ACCEPT(p, TOK_COMMA);
            if (comma == NULL)
                break;
            if (paren && CHECK(p, TOK_RPAR))
                break;
            if (!paren && CHECK(p, TOK_NEWLINE)) {
                KrToken *nl = PEEK(p);
                _KrVec_free(&v);
                return _KrP_raise(p, PyExc_SyntaxError, nl->lineno, nl->col_offset, nl->lineno,
                                  nl->end_col_offset,
                                  "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (paren && !ACCEPT(p, TOK_RPAR)) {
            _KrVec_free(&v);
            return syntax_error_here(p);
        }
    }
    asdl_alias_seq *names = _KrVec_finish(p, &v);
    if (names == NULL)
        return NULL;
    stmt_ty s = STMT_FROM(p, ImportFrom_kind, st);
    if (s) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names = names;
        s->v.ImportFrom.level = level;
    }
    return s;
}

/* ---- type parameters (PEP 695/696) ------------------------------------------------ */

static asdl_type_param_seq *
type_params(Parser *p)
{
    KrVec v;
    _KrVec_init(&v);
    p->mark++; /* '[' */
    while (!CHECK(p, TOK_RSQB)) {
        int st = p->mark;
        int kind = TypeVar_kind;
        if (ACCEPT(p, TOK_STAR))
            kind = TypeVarTuple_kind;
        else if (ACCEPT(p, TOK_DOUBLESTAR))
            kind = ParamSpec_kind;
        PyObject *name = name_id(p);
        if (name == NULL) {
            _KrVec_free(&v);
            return syntax_error_here(p);
        }
        expr_ty bound = NULL, def = NULL;
        if (CHECK(p, TOK_COLON)) {
            KrToken *colon = _KrP_next(p);
            bound = _KrP_expression(p);
            if (bound == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
            if (kind != TypeVar_kind) {
                _KrVec_free(&v);
                return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(colon), POS_OF(bound),
                                     kind == TypeVarTuple_kind
                                         ? "cannot use constraints with TypeVarTuple"
                                         : "cannot use bound with ParamSpec");
            }
        }
        if (ACCEPT(p, TOK_EQUAL)) {
            def = kind == TypeVarTuple_kind ? _KrP_star_expression(p) : _KrP_expression(p);
            if (def == NULL) {
                _KrVec_free(&v);
                return syntax_error_here(p);
            }
        }
        type_param_ty tp = _PyArena_Malloc(p->arena, sizeof(struct _type_param));
        if (tp == NULL) {
            _KrVec_free(&v);
            p->error = 1;
            return NULL;
        }
        tp->kind = kind;
        if (kind == TypeVar_kind) {
            tp->v.TypeVar.name = name;
            tp->v.TypeVar.bound = bound;
            tp->v.TypeVar.default_value = def;
        }
        else if (kind == ParamSpec_kind) {
            tp->v.ParamSpec.name = name;
            tp->v.ParamSpec.default_value = def;
        }
        else {
            tp->v.TypeVarTuple.name = name;
            tp->v.TypeVarTuple.default_value = def;
        }
        tp->lineno = TOKAT(p, st)->lineno;
        tp->col_offset = TOKAT(p, st)->col_offset;
        tp->end_lineno = END_EL(p);
        tp->end_col_offset = END_EC(p);
        if (_KrVec_push(p, &v, tp) < 0)
            return NULL;
        if (!ACCEPT(p, TOK_COMMA))
            break;
    }
    if (!ACCEPT(p, TOK_RSQB)) {
        _KrVec_free(&v);
        return syntax_error_here(p);
    }
    if (v.n == 0) {
        KrToken *close = LASTTOK(p);
        return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(close), POS_OF(close),
                             "Type parameter list cannot be empty");
    }
    return _KrVec_finish(p, &v);
}

static stmt_ty
type_alias_stmt(Parser *p)
{
    int st = p->mark++;
    expr_ty name = name_expr(p, Store);
    if (name == NULL)
        return syntax_error_here(p);
    asdl_type_param_seq *tps = NULL;
    if (CHECK(p, TOK_LSQB)) {
        tps = type_params(p);
        if (tps == NULL)
            return NULL;
    }
    if (!ACCEPT(p, TOK_EQUAL))
        return syntax_error_here(p);
    expr_ty value = _KrP_expression(p);
    if (value == NULL)
        return syntax_error_here(p);
    stmt_ty s = STMT_FROM(p, TypeAlias_kind, st);
    if (s) {
        s->v.TypeAlias.name = name;
        s->v.TypeAlias.type_params = tps ? tps : _Py_asdl_generic_seq_new(0, p->arena);
        s->v.TypeAlias.value = value;
    }
    return s;
}

static stmt_ty
simple_stmt(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_NAME) {
        switch (t->keyword) {
        case KW_return: return return_stmt(p);
        case KW_import: return import_stmt(p);
        case KW_from: return from_stmt(p);
        case KW_raise: return raise_stmt(p);
        case KW_global: return global_stmt(p, Global_kind);
        case KW_nonlocal: return global_stmt(p, Nonlocal_kind);
        case KW_del: return del_stmt(p);
        case KW_assert: return assert_stmt(p);
        case KW_pass: case KW_break: case KW_continue: {
            int st = p->mark++;
            return STMT_FROM(p, t->keyword == KW_pass ? Pass_kind :
                                t->keyword == KW_break ? Break_kind : Continue_kind, st);
        }
        case KW_NONE:
            if (t->end - t->start == 4 && memcmp(t->start, "type", 4) == 0) {
                KrToken *n = _KrP_peek_at(p, p->mark + 1);
                KrToken *n2 = _KrP_peek_at(p, p->mark + 2);
                if (n && n2 && n->type == TOK_NAME && !n->keyword &&
                    (n2->type == TOK_EQUAL || n2->type == TOK_LSQB))
                    return type_alias_stmt(p);
            }
            break;
        default:
            break;
        }
    }
    return expr_or_assign_stmt(p);
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE, appended to `out`. */
static stmt_ty
simple_stmts(Parser *p, KrVec *out)
{
    stmt_ty last = NULL;
    for (;;) {
        stmt_ty s = simple_stmt(p);
        if (s == NULL)
            return syntax_error_here(p);
        if (_KrVec_push(p, out, s) < 0)
            return NULL;
        last = s;
        if (ACCEPT(p, TOK_NEWLINE))
            break;
        if (!ACCEPT(p, TOK_SEMI))
            return syntax_error_here(p);
        if (ACCEPT(p, TOK_NEWLINE))
            break;
    }
    return last;
}

/* ---- compound statements ---------------------------------------------------------- */

static stmt_ty
if_stmt(Parser *p, int kw)
{
    int st = p->mark;
    KrToken *kwtok = _KrP_next(p);
    int kwline = kwtok->lineno;
    expr_ty test = _KrP_named_expression(p);
    if (test == NULL)
        return syntax_error_here(p);
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, kw == KW_if ? "'if' statement" : "'elif' statement",
                                     kwline);
    if (body == NULL)
        return NULL;
    asdl_stmt_seq *orelse = NULL;
    if (CHECK_KW(p, elif)) {
        stmt_ty e = if_stmt(p, KW_elif);
        if (e == NULL)
            return NULL;
        orelse = _KrP_seq(p, (void **)&e, 1);
    }
    else if (CHECK_KW(p, else)) {
        KrToken *et = _KrP_next(p);
        if (!expect_colon_forced(p))
            return NULL;
        orelse = _KrP_block(p, "'else' statement", et->lineno);
        if (orelse == NULL)
            return NULL;
    }
    else
        orelse = _Py_asdl_generic_seq_new(0, p->arena);
    stmt_ty s = _KrP_stmt(p, If_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.If.test = test;
    s->v.If.body = body;
    s->v.If.orelse = orelse;
    end_at_last_token(p, s);
    return s;
}

static asdl_stmt_seq *
else_block(Parser *p)
{
    if (CHECK_KW(p, else)) {
        KrToken *et = _KrP_next(p);
        if (!expect_colon_forced(p))
            return NULL;
        return _KrP_block(p, "'else' statement", et->lineno);
    }
    return _Py_asdl_generic_seq_new(0, p->arena);
}

static stmt_ty
while_stmt(Parser *p)
{
    int st = p->mark;
    KrToken *kw = _KrP_next(p);
    expr_ty test = _KrP_named_expression(p);
    if (test == NULL)
        return syntax_error_here(p);
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "'while' statement", kw->lineno);
    if (body == NULL)
        return NULL;
    asdl_stmt_seq *orelse = else_block(p);
    if (orelse == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, While_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    end_at_last_token(p, s);
    return s;
}

static stmt_ty
for_stmt(Parser *p, int async_idx)
{
    int st = async_idx >= 0 ? async_idx : p->mark;
    KrToken *kw = _KrP_next(p);
    expr_ty target = _KrP_star_targets_for(p);
    if (target == NULL)
        return syntax_error_here(p);
    if (!ACCEPT_KW(p, in))
        return syntax_error_here(p);
    expr_ty iter = _KrP_star_expressions(p);
    if (iter == NULL)
        return syntax_error_here(p);
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "'for' statement", kw->lineno);
    if (body == NULL)
        return NULL;
    asdl_stmt_seq *orelse = else_block(p);
    if (orelse == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, async_idx >= 0 ? AsyncFor_kind : For_kind, TOKAT(p, st)->lineno,
                          TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = body;
    s->v.For.orelse = orelse;
    end_at_last_token(p, s);
    return s;
}

static withitem_ty
with_item(Parser *p, int in_parens)
{
    expr_ty ctx = _KrP_expression(p);
    if (ctx == NULL)
        return syntax_error_here(p);
    expr_ty vars = NULL;
    if (ACCEPT_KW(p, as)) {
        vars = _KrP_star_target_single(p);
        if (vars == NULL)
            return syntax_error_here(p);
        KrToken *t = PEEK(p);
        if (t && t->type != TOK_COMMA && t->type != TOK_COLON &&
            !(in_parens && t->type == TOK_RPAR))
            return syntax_error_here(p);
    }
    withitem_ty w = _PyArena_Malloc(p->arena, sizeof(struct _withitem));
    if (w == NULL) {
        p->error = 1;
        return NULL;
    }
    w->context_expr = ctx;
    w->optional_vars = vars;
    return w;
}

/* Index of the token closing the bracket opened at `idx`, or -1. */
static int
matching_close(Parser *p, int idx)
{
    int depth = 0;
    for (int i = idx;; i++) {
        KrToken *t = _KrP_peek_at(p, i);
        if (t == NULL || t->type == TOK_ENDMARKER)
            return -1;
        if (t->type == TOK_LPAR || t->type == TOK_LSQB || t->type == TOK_LBRACE)
            depth++;
        else if (t->type == TOK_RPAR || t->type == TOK_RSQB || t->type == TOK_RBRACE) {
            if (--depth == 0)
                return i;
        }
    }
}

static stmt_ty
with_stmt(Parser *p, int async_idx)
{
    int st = async_idx >= 0 ? async_idx : p->mark;
    KrToken *kw = _KrP_next(p);
    int kwline = kw->lineno;
    KrVec items;
    _KrVec_init(&items);
    int paren_form = 0;
    if (CHECK(p, TOK_LPAR)) {
        int close = matching_close(p, p->mark);
        if (p->error)
            return NULL;
        KrToken *after = close >= 0 ? _KrP_peek_at(p, close + 1) : NULL;
        paren_form = after && after->type == TOK_COLON;
    }
    if (paren_form) {
        p->mark++;
        while (!CHECK(p, TOK_RPAR)) {
            withitem_ty w = with_item(p, 1);
            if (w == NULL || _KrVec_push(p, &items, w) < 0) {
                _KrVec_free(&items);
                return NULL;
            }
            if (!ACCEPT(p, TOK_COMMA))
                break;
        }
        if (!ACCEPT(p, TOK_RPAR) || items.n == 0) {
            _KrVec_free(&items);
            return syntax_error_here(p);
        }
    }
    else {
        do {
            withitem_ty w = with_item(p, 0);
            if (w == NULL || _KrVec_push(p, &items, w) < 0) {
                _KrVec_free(&items);
                return NULL;
            }
        } while (ACCEPT(p, TOK_COMMA));
    }
    if (!expect_colon(p)) {
        _KrVec_free(&items);
        return NULL;
    }
    asdl_withitem_seq *iseq = _KrVec_finish(p, &items);
    if (iseq == NULL)
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "'with' statement", kwline);
    if (body == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, async_idx >= 0 ? AsyncWith_kind : With_kind, TOKAT(p, st)->lineno,
                          TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.With.items = iseq;
    s->v.With.body = body;
    end_at_body(s, body);
    return s;
}

static stmt_ty
try_stmt(Parser *p)
{
    int st = p->mark;
    KrToken *kw = _KrP_next(p);
    int kwline = kw->lineno;
    if (!expect_colon_forced(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "'try' statement", kwline);
    if (body == NULL)
        return NULL;
    KrVec handlers;
    _KrVec_init(&handlers);
    int star = -1;
    while (CHECK_KW(p, except)) {
        int hst = p->mark;
        KrToken *ek = _KrP_next(p);
        int this_star = ACCEPT(p, TOK_STAR) != NULL;
        if (star >= 0 && star != this_star) {
            _KrVec_free(&handlers);
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(ek), POS_OF(LASTTOK(p)),
                                 "cannot have both 'except' and 'except*' on the same 'try'");
        }
        star = this_star;
        expr_ty type = NULL;
        PyObject *name = NULL;
        if (!CHECK(p, TOK_COLON)) {
            type = _KrP_expression(p);
            if (type == NULL) {
                _KrVec_free(&handlers);
                return syntax_error_here(p);
            }
            if (CHECK(p, TOK_COMMA)) {
                int save = p->mark;
                p->mark++;
                expr_ty rest = _KrP_star_expressions(p);
                if (rest && (CHECK(p, TOK_COLON) || CHECK_KW(p, as))) {
                    _KrVec_free(&handlers);
                    return RAISE_RANGE(p, type, rest,
                                       "multiple exception types must be parenthesized");
                }
                if (p->error) {
                    _KrVec_free(&handlers);
                    return NULL;
                }
                p->mark = save;
            }
            if (ACCEPT_KW(p, as)) {
                name = name_id(p);
                if (name == NULL) {
                    _KrVec_free(&handlers);
                    return syntax_error_here(p);
                }
            }
        }
        else if (this_star) {
            KrToken *c = PEEK(p);
            _KrVec_free(&handlers);
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(c), POS_OF(c),
                                 "expected one or more exception types");
        }
        if (!expect_colon(p)) {
            _KrVec_free(&handlers);
            return NULL;
        }
        asdl_stmt_seq *hbody = _KrP_block(p, this_star ? "'except*' statement"
                                                       : "'except' statement",
                                          ek->lineno);
        if (hbody == NULL) {
            _KrVec_free(&handlers);
            return NULL;
        }
        excepthandler_ty h = _PyArena_Malloc(p->arena, sizeof(struct _excepthandler));
        if (h == NULL) {
            _KrVec_free(&handlers);
            p->error = 1;
            return NULL;
        }
        h->kind = ExceptHandler_kind;
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = hbody;
        h->lineno = TOKAT(p, hst)->lineno;
        h->col_offset = TOKAT(p, hst)->col_offset;
        {
            struct _stmt tmp;
            end_at_last_token(p, &tmp);
            h->end_lineno = tmp.end_lineno;
            h->end_col_offset = tmp.end_col_offset;
        }
        if (_KrVec_push(p, &handlers, h) < 0)
            return NULL;
    }
    asdl_stmt_seq *orelse = NULL, *finalbody = NULL;
    if (handlers.n > 0 && CHECK_KW(p, else)) {
        orelse = else_block(p);
        if (orelse == NULL) {
            _KrVec_free(&handlers);
            return NULL;
        }
    }
    if (CHECK_KW(p, finally)) {
        KrToken *fk = _KrP_next(p);
        if (!expect_colon_forced(p)) {
            _KrVec_free(&handlers);
            return NULL;
        }
        finalbody = _KrP_block(p, "'finally' statement", fk->lineno);
        if (finalbody == NULL) {
            _KrVec_free(&handlers);
            return NULL;
        }
    }
    if (handlers.n == 0 && finalbody == NULL) {
        if (p->error)
            return NULL;
        KrToken *t = PEEK(p);
        return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                             "expected 'except' or 'finally' block");
    }
    asdl_excepthandler_seq *hseq = _KrVec_finish(p, &handlers);
    if (hseq == NULL)
        return NULL;
    if (orelse == NULL)
        orelse = _Py_asdl_generic_seq_new(0, p->arena);
    if (finalbody == NULL)
        finalbody = _Py_asdl_generic_seq_new(0, p->arena);
    stmt_ty s = _KrP_stmt(p, star == 1 ? TryStar_kind : Try_kind, TOKAT(p, st)->lineno,
                          TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.Try.body = body;
    s->v.Try.handlers = hseq;
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    end_at_last_token(p, s);
    return s;
}

static stmt_ty
funcdef(Parser *p, int async_idx, asdl_expr_seq *decorators)
{
    int st = async_idx >= 0 ? async_idx : p->mark;
    KrToken *kw = _KrP_next(p);
    int kwline = kw->lineno;
    PyObject *name = name_id(p);
    if (name == NULL)
        return syntax_error_here(p);
    asdl_type_param_seq *tps = NULL;
    if (CHECK(p, TOK_LSQB)) {
        tps = type_params(p);
        if (tps == NULL)
            return NULL;
    }
    if (!_KrP_expect_forced(p, TOK_LPAR, "("))
        return NULL;
    arguments_ty args = _KrP_params(p, 0);
    if (args == NULL)
        return syntax_error_here(p);
    if (!ACCEPT(p, TOK_RPAR))
        return syntax_error_here(p);
    expr_ty returns = NULL;
    if (ACCEPT(p, TOK_RARROW)) {
        returns = _KrP_expression(p);
        if (returns == NULL)
            return syntax_error_here(p);
    }
    if (!expect_colon_forced(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "function definition", kwline);
    if (body == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, async_idx >= 0 ? AsyncFunctionDef_kind : FunctionDef_kind,
                          TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.FunctionDef.name = name;
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decorators ? decorators : _Py_asdl_generic_seq_new(0, p->arena);
    s->v.FunctionDef.returns = returns;
    s->v.FunctionDef.type_params = tps ? tps : _Py_asdl_generic_seq_new(0, p->arena);
    end_at_body(s, body);
    return s;
}

static stmt_ty
classdef(Parser *p, asdl_expr_seq *decorators)
{
    int st = p->mark;
    KrToken *kw = _KrP_next(p);
    int kwline = kw->lineno;
    PyObject *name = name_id(p);
    if (name == NULL)
        return syntax_error_here(p);
    asdl_type_param_seq *tps = NULL;
    if (CHECK(p, TOK_LSQB)) {
        tps = type_params(p);
        if (tps == NULL)
            return NULL;
    }
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *kws = NULL;
    if (CHECK(p, TOK_LPAR)) {
        int open = p->mark++;
        if (_KrP_call_args(p, open, &bases, &kws) < 0)
            return NULL;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(bases); i++) {
            expr_ty b = asdl_seq_GET(bases, i);
            if (b->kind == GeneratorExp_kind && b->col_offset == TOKAT(p, open)->col_offset &&
                b->lineno == TOKAT(p, open)->lineno) {
                /* `class A(x for x in y)`: not a call, so no bare generator. */
                p->mark = open + 1;
                _KrP_expression(p);
                KrToken *ft = PEEK(p);
                if (ft == NULL)
                    return NULL;
                return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(ft), POS_OF(ft),
                                     "invalid syntax");
            }
        }
    }
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = _KrP_block(p, "class definition", kwline);
    if (body == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, ClassDef_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.ClassDef.name = name;
    s->v.ClassDef.bases = bases ? bases : _Py_asdl_generic_seq_new(0, p->arena);
    s->v.ClassDef.keywords = kws ? kws : _Py_asdl_generic_seq_new(0, p->arena);
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decorators ? decorators : _Py_asdl_generic_seq_new(0, p->arena);
    s->v.ClassDef.type_params = tps ? tps : _Py_asdl_generic_seq_new(0, p->arena);
    end_at_body(s, body);
    return s;
}

static stmt_ty
decorated(Parser *p)
{
    KrVec decs;
    _KrVec_init(&decs);
    while (ACCEPT(p, TOK_AT)) {
        expr_ty d = _KrP_named_expression(p);
        if (d == NULL || _KrVec_push(p, &decs, d) < 0) {
            _KrVec_free(&decs);
            return syntax_error_here(p);
        }
        if (!ACCEPT(p, TOK_NEWLINE)) {
            _KrVec_free(&decs);
            return syntax_error_here(p);
        }
    }
    asdl_expr_seq *dseq = _KrVec_finish(p, &decs);
    if (dseq == NULL)
        return NULL;
    if (CHECK_KW(p, def))
        return funcdef(p, -1, dseq);
    if (CHECK_KW(p, class))
        return classdef(p, dseq);
    if (CHECK_KW(p, async)) {
        KrToken *n = _KrP_peek_at(p, p->mark + 1);
        if (n && n->type == TOK_NAME && n->keyword == KW_def) {
            int a = p->mark++;
            return funcdef(p, a, dseq);
        }
    }
    return syntax_error_here(p);
}

/* One statement line (compound, or simple statements up to NEWLINE) appended to `out`. */
static stmt_ty
statement_list(Parser *p, KrVec *out)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (_KrP_enter(p) < 0)
        return NULL;
    stmt_ty s = NULL;
    int compound = 1;
    if (t->type == TOK_NAME) {
        switch (t->keyword) {
        case KW_if: s = if_stmt(p, KW_if); break;
        case KW_while: s = while_stmt(p); break;
        case KW_for: s = for_stmt(p, -1); break;
        case KW_with: s = with_stmt(p, -1); break;
        case KW_try: s = try_stmt(p); break;
        case KW_def: s = funcdef(p, -1, NULL); break;
        case KW_class: s = classdef(p, NULL); break;
        case KW_async: {
            int a = p->mark;
            KrToken *n = _KrP_peek_at(p, p->mark + 1);
            if (n && n->type == TOK_NAME && (n->keyword == KW_def || n->keyword == KW_for ||
                                             n->keyword == KW_with)) {
                p->mark++;
                if (n->keyword == KW_def) s = funcdef(p, a, NULL);
                else if (n->keyword == KW_for) s = for_stmt(p, a);
                else s = with_stmt(p, a);
            }
            else {
                p->mark++;
                s = syntax_error_here(p);
            }
            break;
        }
        case KW_NONE:
            if (t->end - t->start == 5 && memcmp(t->start, "match", 5) == 0) {
                int save = p->mark;
                s = _KrP_match_stmt(p);
                if (s == NULL && !p->error) {
                    p->mark = save;
                    compound = 0;
                }
            }
            else
                compound = 0;
            break;
        default:
            compound = 0;
        }
    }
    else if (t->type == TOK_AT)
        s = decorated(p);
    else
        compound = 0;
    if (compound) {
        p->depth--;
        if (s == NULL)
            return syntax_error_here(p);
        if (_KrVec_push(p, out, s) < 0)
            return NULL;
        return s;
    }
    s = simple_stmts(p, out);
    p->depth--;
    return s;
}

asdl_stmt_seq *
_KrP_statements(Parser *p)
{
    KrVec v;
    _KrVec_init(&v);
    for (;;) {
        KrToken *t = PEEK(p);
        if (t == NULL)
            break;
        if (t->type == TOK_ENDMARKER) {
            return _KrVec_finish(p, &v);
        }
        if (t->type == TOK_NEWLINE) {
            p->mark++;
            continue;
        }
        if (statement_list(p, &v) == NULL)
            break;
    }
    _KrVec_free(&v);
    return syntax_error_here(p);
}

/* Py_single_input: exactly one statement line (a compound statement, or simple statements
 * separated by ';'), as typed at the interactive prompt. */
asdl_stmt_seq *
_KrP_interactive(Parser *p)
{
    KrVec v;
    _KrVec_init(&v);
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_ENDMARKER || t->type == TOK_NEWLINE) {
        _KrVec_free(&v);
        return syntax_error_here(p);
    }
    int st = p->mark;
    if (statement_list(p, &v) == NULL) {
        _KrVec_free(&v);
        return syntax_error_here(p);
    }
    int simple = TOKAT(p, p->mark - 1)->type == TOK_NEWLINE &&
                 ((stmt_ty)v.items[0])->kind != If_kind && TOKAT(p, st)->type != TOK_AT;
    int nl = p->mark - 1;
    while (ACCEPT(p, TOK_NEWLINE))
        ;
    if (!CHECK(p, TOK_ENDMARKER)) {
        _KrVec_free(&v);
        if (p->error)
            return NULL;
        if (simple) {
            KrToken *n = TOKAT(p, nl);
            return _KrP_raise(p, PyExc_SyntaxError, n->lineno, n->col_offset, n->lineno,
                              n->end_col_offset,
                              "multiple statements found while compiling a single statement");
        }
        KrToken *n = PEEK(p);
        return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n), "invalid syntax");
    }
    return _KrVec_finish(p, &v);
}
