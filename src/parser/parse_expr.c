/* Expressions: recursive descent following the precedence levels of the 3.13 grammar,
 * from star_expressions down to atoms, plus call arguments, comprehensions, slices and
 * parameter lists (shared by def and lambda). */
#include <stdlib.h>
#include <string.h>
#include "parser.h"

#define END_EL(p) LASTTOK(p)->end_lineno
#define END_EC(p) LASTTOK(p)->end_col_offset
/* A node spanning from node `a` to the last consumed token. */
/* Operators and trailers start at the first token of their left operand, which includes
 * any parentheses around it (CPython positions them that way). */
#define FROM_NODE(p, kind, a) ((void)(a), FROM_TOK(p, kind, _st))
#define FROM_TOK(p, kind, idx) _KrP_expr((p), (kind), TOKAT(p, idx)->lineno, TOKAT(p, idx)->col_offset, END_EL(p), END_EC(p))

static expr_ty lambdef(Parser *p);
static asdl_comprehension_seq *for_if_clauses(Parser *p);

const char *
_KrP_expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (v == Py_None) return "None";
        if (v == Py_False) return "False";
        if (v == Py_True) return "True";
        if (v == Py_Ellipsis) return "ellipsis";
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

/* The first sub-expression that cannot be a target of the given kind (0 = assignment,
 * 1 = del, 2 = for/with), or NULL if all is well. */
expr_ty
_KrP_invalid_target(expr_ty e, int kind)
{
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty r = _KrP_invalid_target(asdl_seq_GET(elts, i), kind);
            if (r)
                return r;
        }
        return NULL;
    }
    case Starred_kind:
        if (kind == 1)
            return e;
        return _KrP_invalid_target(e->v.Starred.value, kind);
    case Compare_kind:
        /* `for x in y in z` style: the part before 'in' is the culprit. */
        if (kind == 2 && asdl_seq_LEN(e->v.Compare.ops) > 0 &&
            (cmpop_ty)e->v.Compare.ops->elements[0] == In)
            return _KrP_invalid_target(e->v.Compare.left, kind);
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

int
_KrP_set_context(Parser *p, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; return 0;
    case Attribute_kind: e->v.Attribute.ctx = ctx; return 0;
    case Subscript_kind: e->v.Subscript.ctx = ctx; return 0;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        return _KrP_set_context(p, e->v.Starred.value, ctx);
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == List_kind)
            e->v.List.ctx = ctx;
        else
            e->v.Tuple.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++)
            if (_KrP_set_context(p, asdl_seq_GET(elts, i), ctx) < 0)
                return -1;
        return 0;
    }
    default:
        return -1;
    }
}

/* ---- helpers ---------------------------------------------------------------------- */

static int
starts_expression(KrToken *t)
{
    switch (t->type) {
    case TOK_NAME:
        if (!t->keyword)
            return 1;
        return t->keyword == KW_True || t->keyword == KW_False || t->keyword == KW_None ||
               t->keyword == KW_lambda || t->keyword == KW_not || t->keyword == KW_await;
    case TOK_NUMBER: case TOK_STRING: case TOK_FSTRING_START: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

static int
is_soft_keyword_tok(KrToken *t)
{
    if (t->type != TOK_NAME || t->keyword)
        return 0;
    size_t n = (size_t)(t->end - t->start);
    return (n == 5 && memcmp(t->start, "match", 5) == 0) ||
           (n == 4 && (memcmp(t->start, "case", 4) == 0 || memcmp(t->start, "type", 4) == 0)) ||
           (n == 1 && t->start[0] == '_');
}

/* "Perhaps you forgot a comma?": inside brackets, an expression directly followed by
 * another one. Tried only where the grammar would otherwise fail. */
void
_KrP_check_missing_comma(Parser *p, expr_ty a, int start_idx)
{
    if (p->error)
        return;
    KrToken *t = PEEK(p);
    if (t == NULL || !starts_expression(t))
        return;
    KrToken *first = TOKAT(p, start_idx);
    if (first->type == TOK_NAME && !first->keyword) {
        KrToken *second = _KrP_peek_at(p, start_idx + 1);
        if (second && (second->type == TOK_STRING || second->type == TOK_FSTRING_START))
            return;
    }
    if (is_soft_keyword_tok(first))
        return;
    int save = p->mark;
    int saved_depth = p->depth;
    int far = p->fill;
    expr_ty b = _KrP_expression(p);
    if (p->error && p->tok.done)
        return; /* a tokenizer error (e.g. an unclosed bracket) is the real problem */
    if (p->error) {
        /* The lookahead itself failed: keep the original error unset. */
        PyErr_Clear();
        p->error = 0;
        p->tok.done = 0;
        p->mark = save;
        p->depth = saved_depth;
        p->far_override = far;
        return;
    }
    if (b == NULL) {
        p->mark = save;
        p->far_override = far;
        return;
    }
    if (LASTTOK(p)->level == 0 && !LASTTOK(p)->in_fstring) {
        p->mark = save;
        return;
    }
    RAISE_RANGE(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

/* ---- atoms ---------------------------------------------------------------------- */

static expr_ty
number(Parser *p, KrToken *t)
{
    size_t n = (size_t)(t->end - t->start);
    char stackbuf[128];
    char *buf = n < sizeof stackbuf ? stackbuf : malloc(n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        p->error = 1;
        return NULL;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (t->start[i] != '_')
            buf[j++] = t->start[i];
    buf[j] = 0;
    PyObject *v;
    char last = buf[j - 1];
    int is_hex = j > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    if (last == 'j' || last == 'J') {
        buf[j - 1] = 0;
        double d = PyOS_string_to_double(buf, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyComplex_FromDoubles(0.0, d);
    }
    else if (!is_hex && (strchr(buf, '.') || strchr(buf, 'e') || strchr(buf, 'E'))) {
        double d = PyOS_string_to_double(buf, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d);
    }
    else
        v = PyLong_FromString(buf, NULL, 0);
    if (buf != stackbuf)
        free(buf);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* e.g. the int max str digits limit: reported as a SyntaxError. */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *s = PyObject_Str(exc);
            Py_XDECREF(exc);
            const char *msg = s ? PyUnicode_AsUTF8(s) : NULL;
            char mbuf[400];
            snprintf(mbuf, sizeof mbuf, "%s - Consider hexadecimal for huge integer literals "
                     "to avoid decimal conversion limits.", msg ? msg : "invalid literal");
            Py_XDECREF(s);
            PyErr_Clear();
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t), "%s", mbuf);
        }
        p->error = 1;
        return NULL;
    }
    if (_KrP_arena_obj(p, v) < 0)
        return NULL;
    expr_ty e = _KrP_expr(p, Constant_kind, t->lineno, t->col_offset, t->end_lineno,
                          t->end_col_offset);
    if (e)
        e->v.Constant.value = v;
    return e;
}

static expr_ty
constant_tok(Parser *p, KrToken *t, PyObject *v)
{
    expr_ty e = _KrP_expr(p, Constant_kind, t->lineno, t->col_offset, t->end_lineno,
                          t->end_col_offset);
    if (e)
        e->v.Constant.value = v;
    return e;
}

static expr_ty
make_comp(Parser *p, int kind, int start_idx, expr_ty elt, expr_ty val,
          asdl_comprehension_seq *gens)
{
    expr_ty e = FROM_TOK(p, kind, start_idx);
    if (e == NULL)
        return NULL;
    switch (kind) {
    case ListComp_kind: e->v.ListComp.elt = elt; e->v.ListComp.generators = gens; break;
    case SetComp_kind: e->v.SetComp.elt = elt; e->v.SetComp.generators = gens; break;
    case GeneratorExp_kind: e->v.GeneratorExp.elt = elt; e->v.GeneratorExp.generators = gens; break;
    case DictComp_kind:
        e->v.DictComp.key = elt;
        e->v.DictComp.value = val;
        e->v.DictComp.generators = gens;
        break;
    }
    return e;
}

static void
check_starred_in_comp(Parser *p, expr_ty elt)
{
    if (elt && elt->kind == Starred_kind)
        RAISE_NODE(p, elt, "iterable unpacking cannot be used in comprehension");
}

/* '(' ... ')' : tuple, group, generator expression or yield. */
static expr_ty
paren_atom(Parser *p)
{
    int start = p->mark;
    KrToken *open = _KrP_next(p);
    (void)open;
    if (ACCEPT(p, TOK_RPAR)) {
        expr_ty e = FROM_TOK(p, Tuple_kind, start);
        if (e) {
            e->v.Tuple.elts = _Py_asdl_generic_seq_new(0, p->arena);
            e->v.Tuple.ctx = Load;
        }
        return e;
    }
    if (CHECK_KW(p, yield)) {
        expr_ty y = _KrP_yield_expr(p);
        if (y == NULL)
            return NULL;
        if (!ACCEPT(p, TOK_RPAR))
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return y;
    }
    int first_idx = p->mark;
    expr_ty first = _KrP_star_named_expression(p);
    if (first == NULL) {
        if (!p->error)
            _KrP_invalid_syntax(p);
        return NULL;
    }
    if (CHECK_KW(p, for) || CHECK_KW(p, async)) {
        check_starred_in_comp(p, first);
        asdl_comprehension_seq *gens = for_if_clauses(p);
        if (gens == NULL)
            return NULL;
        if (!ACCEPT(p, TOK_RPAR))
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return make_comp(p, GeneratorExp_kind, start, first, NULL, gens);
    }
    if (ACCEPT(p, TOK_RPAR)) {
        if (first->kind == Starred_kind)
            return RAISE_NODE(p, first, "cannot use starred expression here");
        return first;
    }
    if (!CHECK(p, TOK_COMMA)) {
        _KrP_check_missing_comma(p, first, first_idx);
        if (!p->error && CHECK(p, TOK_EQUAL) && first->kind != Name_kind) {
        }
        return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, first) < 0)
        return NULL;
    while (ACCEPT(p, TOK_COMMA)) {
        if (CHECK(p, TOK_RPAR))
            break;
        int ei = p->mark;
        expr_ty e = _KrP_star_named_expression(p);
        if (e == NULL || _KrVec_push(p, &v, e) < 0) {
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
        if (!CHECK(p, TOK_COMMA) && !CHECK(p, TOK_RPAR)) {
            _KrP_check_missing_comma(p, e, ei);
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    if (!ACCEPT(p, TOK_RPAR)) {
        _KrVec_free(&v);
        return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    asdl_expr_seq *elts = _KrVec_finish(p, &v);
    if (elts == NULL)
        return NULL;
    expr_ty e = FROM_TOK(p, Tuple_kind, start);
    if (e) {
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = Load;
    }
    return e;
}

static expr_ty
list_atom(Parser *p)
{
    int start = p->mark;
    _KrP_next(p);
    KrVec v;
    _KrVec_init(&v);
    if (!CHECK(p, TOK_RSQB)) {
        int ei = p->mark;
        expr_ty first = _KrP_star_named_expression(p);
        if (first == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        if (CHECK_KW(p, for) || CHECK_KW(p, async)) {
            check_starred_in_comp(p, first);
            asdl_comprehension_seq *gens = for_if_clauses(p);
            if (gens == NULL)
                return NULL;
            if (!ACCEPT(p, TOK_RSQB))
                return p->error ? NULL : _KrP_invalid_syntax(p);
            return make_comp(p, ListComp_kind, start, first, NULL, gens);
        }
        if (_KrVec_push(p, &v, first) < 0)
            return NULL;
        for (;;) {
            if (!CHECK(p, TOK_COMMA) && !CHECK(p, TOK_RSQB)) {
                _KrP_check_missing_comma(p, (expr_ty)v.items[v.n - 1], ei);
                _KrVec_free(&v);
                return p->error ? NULL : _KrP_invalid_syntax(p);
            }
            if (!ACCEPT(p, TOK_COMMA) || CHECK(p, TOK_RSQB))
                break;
            ei = p->mark;
            expr_ty e = _KrP_star_named_expression(p);
            if (e == NULL || _KrVec_push(p, &v, e) < 0) {
                _KrVec_free(&v);
                return p->error ? NULL : _KrP_invalid_syntax(p);
            }
        }
    }
    if (!ACCEPT(p, TOK_RSQB)) {
        _KrVec_free(&v);
        return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    asdl_expr_seq *elts = _KrVec_finish(p, &v);
    if (elts == NULL)
        return NULL;
    expr_ty e = FROM_TOK(p, List_kind, start);
    if (e) {
        e->v.List.elts = elts;
        e->v.List.ctx = Load;
    }
    return e;
}

static expr_ty
brace_atom(Parser *p)
{
    int start = p->mark;
    _KrP_next(p);
    if (ACCEPT(p, TOK_RBRACE)) {
        expr_ty e = FROM_TOK(p, Dict_kind, start);
        if (e) {
            e->v.Dict.keys = _Py_asdl_generic_seq_new(0, p->arena);
            e->v.Dict.values = _Py_asdl_generic_seq_new(0, p->arena);
        }
        return e;
    }
    KrVec keys, vals;
    _KrVec_init(&keys);
    _KrVec_init(&vals);
    int is_dict;
    expr_ty k = NULL, v = NULL;
    int ei = p->mark;
    if (ACCEPT(p, TOK_DOUBLESTAR)) {
        is_dict = 1;
        v = _KrP_bitwise_or(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    else {
        k = _KrP_star_named_expression(p);
        if (k == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        is_dict = CHECK(p, TOK_COLON) && k->kind != Starred_kind;
        if (is_dict) {
            KrToken *colon = _KrP_next(p);
            v = _KrP_expression(p);
            if (v == NULL) {
                if (p->error)
                    return NULL;
                return _KrP_raise(p, PyExc_SyntaxError, colon->lineno, colon->col_offset,
                                  colon->end_lineno, colon->end_col_offset,
                                  "expression expected after dictionary key and ':'");
            }
        }
    }
    if (CHECK_KW(p, for) || CHECK_KW(p, async)) {
        if (is_dict && k == NULL) {
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(TOKAT(p, ei)), POS_OF(v),
                                 "dict unpacking cannot be used in dict comprehension");
        }
        if (!is_dict)
            check_starred_in_comp(p, k);
        asdl_comprehension_seq *gens = for_if_clauses(p);
        if (gens == NULL)
            return NULL;
        if (!ACCEPT(p, TOK_RBRACE))
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return make_comp(p, is_dict ? DictComp_kind : SetComp_kind, start, k, v, gens);
    }
    if (_KrVec_push(p, &keys, k) < 0)
        goto fail;
    if (is_dict && _KrVec_push(p, &vals, v) < 0)
        goto fail;
    for (;;) {
        if (!CHECK(p, TOK_COMMA) && !CHECK(p, TOK_RBRACE)) {
            if (!is_dict)
                _KrP_check_missing_comma(p, (expr_ty)keys.items[keys.n - 1], ei);
            else if (vals.items[vals.n - 1])
                _KrP_check_missing_comma(p, (expr_ty)vals.items[vals.n - 1], ei);
            goto fail_syntax;
        }
        if (!ACCEPT(p, TOK_COMMA) || CHECK(p, TOK_RBRACE))
            break;
        ei = p->mark;
        if (is_dict) {
            if (ACCEPT(p, TOK_DOUBLESTAR)) {
                k = NULL;
                v = _KrP_bitwise_or(p);
                if (v == NULL)
                    goto fail_syntax;
            }
            else {
                k = _KrP_expression(p);
                if (k == NULL)
                    goto fail_syntax;
                KrToken *colon = ACCEPT(p, TOK_COLON);
                if (colon == NULL) {
                    if (p->error)
                        goto fail;
                    if (CHECK(p, TOK_COMMA) || CHECK(p, TOK_RBRACE)) {
                        KrToken *nt = PEEK(p);
                        _KrP_raise(p, PyExc_SyntaxError, k->lineno, k->col_offset,
                                   nt->lineno, -2, "':' expected after dictionary key");
                        p->tok.done = 0;
                        goto fail;
                    }
                    goto fail_syntax;
                }
                v = _KrP_expression(p);
                if (v == NULL) {
                    if (p->error)
                        goto fail;
                    _KrP_raise(p, PyExc_SyntaxError, colon->lineno, colon->col_offset,
                               colon->end_lineno, colon->end_col_offset,
                               "expression expected after dictionary key and ':'");
                    goto fail;
                }
            }
            if (_KrVec_push(p, &keys, k) < 0 || _KrVec_push(p, &vals, v) < 0)
                goto fail;
        }
        else {
            k = _KrP_star_named_expression(p);
            if (k == NULL)
                goto fail_syntax;
            if (_KrVec_push(p, &keys, k) < 0)
                goto fail;
        }
    }
    if (!ACCEPT(p, TOK_RBRACE))
        goto fail_syntax;
    expr_ty e = FROM_TOK(p, is_dict ? Dict_kind : Set_kind, start);
    if (e == NULL)
        goto fail;
    if (is_dict) {
        e->v.Dict.keys = _KrVec_finish(p, &keys);
        e->v.Dict.values = _KrVec_finish(p, &vals);
    }
    else {
        e->v.Set.elts = _KrVec_finish(p, &keys);
        _KrVec_free(&vals);
    }
    return p->error ? NULL : e;
fail_syntax:
    if (!p->error)
        _KrP_invalid_syntax(p);
fail:
    _KrVec_free(&keys);
    _KrVec_free(&vals);
    return NULL;
}

expr_ty
_KrP_atom(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    switch (t->type) {
    case TOK_NAME:
        if (t->keyword) {
            if (t->keyword == KW_True || t->keyword == KW_False || t->keyword == KW_None) {
                p->mark++;
                return constant_tok(p, t, t->keyword == KW_True ? Py_True :
                                          t->keyword == KW_False ? Py_False : Py_None);
            }
            return NULL;
        }
        p->mark++;
        return _KrP_name_from_token(p, t, Load);
    case TOK_NUMBER:
        p->mark++;
        return number(p, t);
    case TOK_STRING:
    case TOK_FSTRING_START:
        return _KrP_strings(p);
    case TOK_LPAR: {
        ENTER(p);
        expr_ty e = paren_atom(p);
        LEAVE(p);
        return e;
    }
    case TOK_LSQB: {
        ENTER(p);
        expr_ty e = list_atom(p);
        LEAVE(p);
        return e;
    }
    case TOK_LBRACE: {
        ENTER(p);
        expr_ty e = brace_atom(p);
        LEAVE(p);
        return e;
    }
    case TOK_ELLIPSIS:
        p->mark++;
        return constant_tok(p, t, Py_Ellipsis);
    default:
        return NULL;
    }
}

/* ---- slices and primaries --------------------------------------------------------- */

static expr_ty
slice_item(Parser *p)
{
    int start = p->mark;
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (ACCEPT(p, TOK_STAR)) {
        expr_ty v = _KrP_bitwise_or(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_TOK(p, Starred_kind, start);
        if (e) {
            e->v.Starred.value = v;
            e->v.Starred.ctx = Load;
        }
        return e;
    }
    if (!CHECK(p, TOK_COLON)) {
        lower = _KrP_named_expression(p);
        if (lower == NULL)
            return NULL;
        if (!CHECK(p, TOK_COLON))
            return lower;
        if (lower->kind == NamedExpr_kind) {
            /* `a[x:=1:2]` is not a slice; CPython rejects it generically. */
        }
    }
    _KrP_next(p); /* ':' */
    if (!CHECK(p, TOK_COLON) && !CHECK(p, TOK_RSQB) && !CHECK(p, TOK_COMMA)) {
        upper = _KrP_expression(p);
        if (upper == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    if (ACCEPT(p, TOK_COLON)) {
        if (!CHECK(p, TOK_RSQB) && !CHECK(p, TOK_COMMA)) {
            step = _KrP_expression(p);
            if (step == NULL)
                return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    expr_ty e = FROM_TOK(p, Slice_kind, start);
    if (e) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

expr_ty
_KrP_slices(Parser *p)
{
    int start = p->mark;
    expr_ty first = slice_item(p);
    if (first == NULL)
        return p->error ? NULL : _KrP_invalid_syntax(p);
    if (!CHECK(p, TOK_COMMA)) {
        if (first->kind != Starred_kind)
            return first;
    }
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, first) < 0)
        return NULL;
    while (ACCEPT(p, TOK_COMMA)) {
        if (CHECK(p, TOK_RSQB))
            break;
        expr_ty e = slice_item(p);
        if (e == NULL || _KrVec_push(p, &v, e) < 0) {
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    asdl_expr_seq *elts = _KrVec_finish(p, &v);
    if (elts == NULL)
        return NULL;
    expr_ty e = FROM_TOK(p, Tuple_kind, start);
    if (e) {
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = Load;
    }
    return e;
}

/* Call arguments after '(' (token index open_idx); consumes the closing ')'. */
int
_KrP_call_args(Parser *p, int open_idx, asdl_expr_seq **pargs, asdl_keyword_seq **pkws)
{
    KrVec args, kws;
    _KrVec_init(&args);
    _KrVec_init(&kws);
    int seen_kw = 0, seen_dstar = 0;
    expr_ty genexp_arg = NULL;
    while (!CHECK(p, TOK_RPAR)) {
        if (p->error)
            goto fail;
        int st = p->mark;
        KrToken *t = PEEK(p);
        if (t == NULL)
            goto fail;
        if (t->type == TOK_STAR) {
            p->mark++;
            expr_ty v = _KrP_expression(p);
            if (v == NULL) {
                if (!p->error) {
                    KrToken *st_t = PEEK(p);
                    if (st_t)
                        _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(st_t), POS_OF(st_t),
                                      "Invalid star expression");
                }
                goto fail;
            }
            if (seen_dstar) {
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(TOKAT(p, st - 1)), POS_OF(v),
                              "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            expr_ty s = FROM_TOK(p, Starred_kind, st);
            if (s == NULL)
                goto fail;
            s->v.Starred.value = v;
            s->v.Starred.ctx = Load;
            if (_KrVec_push(p, &args, s) < 0)
                goto fail;
        }
        else if (t->type == TOK_DOUBLESTAR) {
            p->mark++;
            expr_ty v = _KrP_expression(p);
            if (v == NULL) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            keyword_ty k = _PyArena_Malloc(p->arena, sizeof(struct _keyword));
            if (k == NULL)
                goto fail;
            k->arg = NULL;
            k->value = v;
            k->lineno = TOKAT(p, st)->lineno;
            k->col_offset = TOKAT(p, st)->col_offset;
            k->end_lineno = END_EL(p);
            k->end_col_offset = END_EC(p);
            seen_dstar = 1;
            if (_KrVec_push(p, &kws, k) < 0)
                goto fail;
        }
        else if (t->type == TOK_NAME && !t->keyword &&
                 _KrP_peek_at(p, p->mark + 1) && TOKAT(p, p->mark + 1)->type == TOK_EQUAL) {
            p->mark += 2;
            expr_ty v = _KrP_expression(p);
            if (v == NULL) {
                if (!p->error) {
                    KrToken *nt = PEEK(p);
                    if (nt && (nt->type == TOK_COMMA || nt->type == TOK_RPAR))
                        _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(TOKAT(p, st)),
                                      POS_OF(TOKAT(p, st + 1)),
                                      "expected argument value expression");
                    else
                        _KrP_invalid_syntax(p);
                }
                goto fail;
            }
            keyword_ty k = _PyArena_Malloc(p->arena, sizeof(struct _keyword));
            if (k == NULL)
                goto fail;
            k->arg = _KrP_new_identifier(p, t->start, t->end - t->start);
            if (k->arg == NULL)
                goto fail;
            k->value = v;
            k->lineno = t->lineno;
            k->col_offset = t->col_offset;
            k->end_lineno = END_EL(p);
            k->end_col_offset = END_EC(p);
            seen_kw = 1;
            if (_KrVec_push(p, &kws, k) < 0)
                goto fail;
        }
        else {
            KrToken *n2 = _KrP_peek_at(p, p->mark + 1);
            expr_ty v = (t->type == TOK_NAME && n2 && n2->type == TOK_COLONEQUAL)
                            ? _KrP_named_expression(p) : _KrP_expression(p);
            if (v == NULL) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            if (CHECK(p, TOK_COLONEQUAL)) {
                RAISE_NODE(p, v, "cannot use assignment expressions with %s", _KrP_expr_name(v));
                goto fail;
            }
            if (CHECK_KW(p, for) || CHECK_KW(p, async)) {
                asdl_comprehension_seq *gens = for_if_clauses(p);
                if (gens == NULL)
                    goto fail;
                int lone = args.n == 0 && kws.n == 0 && CHECK(p, TOK_RPAR);
                if (lone) {
                    /* The call's parentheses double as the generator's. */
                    KrToken *close = PEEK(p);
                    expr_ty g = _KrP_expr(p, GeneratorExp_kind, TOKAT(p, open_idx)->lineno,
                                          TOKAT(p, open_idx)->col_offset, close->end_lineno,
                                          close->end_col_offset);
                    if (g == NULL)
                        goto fail;
                    g->v.GeneratorExp.elt = v;
                    g->v.GeneratorExp.generators = gens;
                    genexp_arg = g;
                    if (_KrVec_push(p, &args, g) < 0)
                        goto fail;
                    break;
                }
                expr_ty g = _KrP_expr(p, GeneratorExp_kind, v->lineno, v->col_offset,
                                      END_EL(p), END_EC(p));
                if (g == NULL)
                    goto fail;
                RAISE_NODE(p, g, "Generator expression must be parenthesized");
                goto fail;
            }
            if (CHECK(p, TOK_EQUAL)) {
                KrToken *eq = PEEK(p);
                if (v->kind == Name_kind)
                    _KrP_invalid_syntax(p);
                else
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(v), POS_OF(eq),
                                  "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            if (seen_dstar || seen_kw) {
                /* CPython reports these at the furthest token it read. */
                KrToken *nt = PEEK(p);
                if (nt)
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(nt), POS_OF(nt),
                                  seen_dstar ? "positional argument follows keyword argument unpacking"
                                             : "positional argument follows keyword argument");
                goto fail;
            }
            if (_KrVec_push(p, &args, v) < 0)
                goto fail;
        }
        if (!ACCEPT(p, TOK_COMMA)) {
            if (!CHECK(p, TOK_RPAR)) {
                expr_ty last = NULL;
                if (kws.n && TOKAT(p, st)->type != TOK_STAR)
                    last = ((keyword_ty)kws.items[kws.n - 1])->value;
                else if (args.n)
                    last = (expr_ty)args.items[args.n - 1];
                if (last)
                    _KrP_check_missing_comma(p, last, last == (expr_ty)(args.n ? args.items[args.n - 1] : NULL) ? st : st + 2);
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            break;
        }
    }
    (void)genexp_arg;
    if (!ACCEPT(p, TOK_RPAR)) {
        if (!p->error) {
            /* `f(x for x in y, 1)`: a generator that is not the sole argument. */
            _KrP_invalid_syntax(p);
        }
        goto fail;
    }
    *pargs = _KrVec_finish(p, &args);
    *pkws = _KrVec_finish(p, &kws);
    return p->error ? -1 : 0;
fail:
    _KrVec_free(&args);
    _KrVec_free(&kws);
    return -1;
}

expr_ty
_KrP_primary(Parser *p)
{
    int _st = p->mark;
    ENTER(p);
    expr_ty e = _KrP_atom(p);
    if (e == NULL) {
        LEAVE(p);
        return NULL;
    }
    for (;;) {
        KrToken *t = PEEK(p);
        if (t == NULL) {
            e = NULL;
            break;
        }
        if (t->type == TOK_DOT) {
            p->mark++;
            KrToken *n = ACCEPT(p, TOK_NAME);
            if (n == NULL) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                e = NULL;
                break;
            }
            PyObject *attr = _KrP_new_identifier(p, n->start, n->end - n->start);
            if (attr == NULL) {
                e = NULL;
                break;
            }
            expr_ty a = FROM_NODE(p, Attribute_kind, e);
            if (a == NULL) {
                e = NULL;
                break;
            }
            a->v.Attribute.value = e;
            a->v.Attribute.attr = attr;
            a->v.Attribute.ctx = Load;
            e = a;
        }
        else if (t->type == TOK_LPAR) {
            int open = p->mark;
            p->mark++;
            asdl_expr_seq *args;
            asdl_keyword_seq *kws;
            if (_KrP_call_args(p, open, &args, &kws) < 0) {
                e = NULL;
                break;
            }
            expr_ty c = FROM_NODE(p, Call_kind, e);
            if (c == NULL) {
                e = NULL;
                break;
            }
            c->v.Call.func = e;
            c->v.Call.args = args;
            c->v.Call.keywords = kws;
            e = c;
        }
        else if (t->type == TOK_LSQB) {
            p->mark++;
            expr_ty s = _KrP_slices(p);
            if (s == NULL || !ACCEPT(p, TOK_RSQB)) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                e = NULL;
                break;
            }
            expr_ty sub = FROM_NODE(p, Subscript_kind, e);
            if (sub == NULL) {
                e = NULL;
                break;
            }
            sub->v.Subscript.value = e;
            sub->v.Subscript.slice = s;
            sub->v.Subscript.ctx = Load;
            e = sub;
        }
        else
            break;
    }
    LEAVE(p);
    return e;
}

/* ---- operators -------------------------------------------------------------------- */

static expr_ty factor(Parser *p);

static expr_ty
await_primary(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t && t->type == TOK_NAME && t->keyword == KW_await) {
        int st = p->mark;
        p->mark++;
        ENTER(p);
        expr_ty v = _KrP_primary(p);
        LEAVE(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_TOK(p, Await_kind, st);
        if (e)
            e->v.Await.value = v;
        return e;
    }
    return _KrP_primary(p);
}

static expr_ty
power(Parser *p)
{
    int _st = p->mark;
    expr_ty a = await_primary(p);
    if (a == NULL)
        return NULL;
    if (ACCEPT(p, TOK_DOUBLESTAR)) {
        ENTER(p);
        ENTER(p);
        expr_ty b = factor(p);
        p->depth -= 2;
        if (b == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_NODE(p, BinOp_kind, a);
        if (e) {
            e->v.BinOp.left = a;
            e->v.BinOp.op = Pow;
            e->v.BinOp.right = b;
        }
        return e;
    }
    return a;
}

static expr_ty
factor(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    unaryop_ty op;
    switch (t->type) {
    case TOK_PLUS: op = UAdd; break;
    case TOK_MINUS: op = USub; break;
    case TOK_TILDE: op = Invert; break;
    default: return power(p);
    }
    int st = p->mark;
    p->mark++;
    ENTER(p);
    expr_ty v = factor(p);
    LEAVE(p);
    if (v == NULL)
        return p->error ? NULL : _KrP_invalid_syntax(p);
    expr_ty e = FROM_TOK(p, UnaryOp_kind, st);
    if (e) {
        e->v.UnaryOp.op = op;
        e->v.UnaryOp.operand = v;
    }
    return e;
}

typedef expr_ty (*rule_fn)(Parser *);

static int
binop_for(int level, int tokt, operator_ty *op)
{
    switch (level) {
    case 0: if (tokt == TOK_VBAR) { *op = BitOr; return 1; } return 0;
    case 1: if (tokt == TOK_CIRCUMFLEX) { *op = BitXor; return 1; } return 0;
    case 2: if (tokt == TOK_AMPER) { *op = BitAnd; return 1; } return 0;
    case 3:
        if (tokt == TOK_LEFTSHIFT) { *op = LShift; return 1; }
        if (tokt == TOK_RIGHTSHIFT) { *op = RShift; return 1; }
        return 0;
    case 4:
        if (tokt == TOK_PLUS) { *op = Add; return 1; }
        if (tokt == TOK_MINUS) { *op = Sub; return 1; }
        return 0;
    case 5:
        switch (tokt) {
        case TOK_STAR: *op = Mult; return 1;
        case TOK_SLASH: *op = Div; return 1;
        case TOK_DOUBLESLASH: *op = FloorDiv; return 1;
        case TOK_PERCENT: *op = Mod; return 1;
        case TOK_AT: *op = MatMult; return 1;
        }
        return 0;
    }
    return 0;
}

/* Left-associative binary levels: | ^ & << >> + - * / // % @ */
static expr_ty
binary_level(Parser *p, int level)
{
    int _st = p->mark;
    expr_ty a = level == 5 ? factor(p) : binary_level(p, level + 1);
    if (a == NULL)
        return NULL;
    for (;;) {
        KrToken *t = PEEK(p);
        operator_ty op;
        if (t == NULL)
            return NULL;
        if (!binop_for(level, t->type, &op))
            return a;
        p->mark++;
        expr_ty b = level == 5 ? factor(p) : binary_level(p, level + 1);
        if (b == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_NODE(p, BinOp_kind, a);
        if (e == NULL)
            return NULL;
        e->v.BinOp.left = a;
        e->v.BinOp.op = op;
        e->v.BinOp.right = b;
        a = e;
    }
}

expr_ty
_KrP_bitwise_or(Parser *p)
{
    return binary_level(p, 0);
}

static int
compare_op(Parser *p, cmpop_ty *op)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return 0;
    switch (t->type) {
    case TOK_EQEQUAL: *op = Eq; p->mark++; return 1;
    case TOK_NOTEQUAL: *op = NotEq; p->mark++; return 1;
    case TOK_LESS: *op = Lt; p->mark++; return 1;
    case TOK_LESSEQUAL: *op = LtE; p->mark++; return 1;
    case TOK_GREATER: *op = Gt; p->mark++; return 1;
    case TOK_GREATEREQUAL: *op = GtE; p->mark++; return 1;
    case TOK_NAME:
        if (t->keyword == KW_in) { *op = In; p->mark++; return 1; }
        if (t->keyword == KW_is) {
            p->mark++;
            if (ACCEPT_KW(p, not)) *op = IsNot; else *op = Is;
            return 1;
        }
        if (t->keyword == KW_not) {
            KrToken *n = _KrP_peek_at(p, p->mark + 1);
            if (n && n->type == TOK_NAME && n->keyword == KW_in) {
                p->mark += 2;
                *op = NotIn;
                return 1;
            }
        }
        return 0;
    default:
        return 0;
    }
}

static expr_ty
comparison(Parser *p)
{
    int _st = p->mark;
    expr_ty a = _KrP_bitwise_or(p);
    if (a == NULL)
        return NULL;
    cmpop_ty op;
    if (!compare_op(p, &op))
        return a;
    KrVec ops, cmps;
    _KrVec_init(&ops);
    _KrVec_init(&cmps);
    do {
        expr_ty b = _KrP_bitwise_or(p);
        if (b == NULL) {
            _KrVec_free(&ops);
            _KrVec_free(&cmps);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
        if (_KrVec_push(p, &ops, (void *)(intptr_t)op) < 0 || _KrVec_push(p, &cmps, b) < 0) {
            _KrVec_free(&ops);
            _KrVec_free(&cmps);
            return NULL;
        }
    } while (compare_op(p, &op));
    asdl_int_seq *iops = _Py_asdl_int_seq_new(ops.n, p->arena);
    if (iops == NULL) {
        _KrVec_free(&ops);
        _KrVec_free(&cmps);
        p->error = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ops.n; i++)
        iops->elements[i] = (int)(intptr_t)ops.items[i];
    _KrVec_free(&ops);
    expr_ty e = FROM_NODE(p, Compare_kind, a);
    if (e == NULL) {
        _KrVec_free(&cmps);
        return NULL;
    }
    e->v.Compare.left = a;
    e->v.Compare.ops = iops;
    e->v.Compare.comparators = _KrVec_finish(p, &cmps);
    return e;
}

static expr_ty
inversion(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t && t->type == TOK_NAME && t->keyword == KW_not) {
        int st = p->mark;
        p->mark++;
        ENTER(p);
        expr_ty v = inversion(p);
        LEAVE(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_TOK(p, UnaryOp_kind, st);
        if (e) {
            e->v.UnaryOp.op = Not;
            e->v.UnaryOp.operand = v;
        }
        return e;
    }
    return comparison(p);
}

static expr_ty
boolop(Parser *p, int is_or)
{
    int _st = p->mark;
    expr_ty a = is_or ? boolop(p, 0) : inversion(p);
    if (a == NULL)
        return NULL;
    int kw = is_or ? KW_or : KW_and;
    if (!_KrP_check_kw(p, kw))
        return a;
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, a) < 0)
        return NULL;
    while (_KrP_expect_kw(p, kw)) {
        expr_ty b = is_or ? boolop(p, 0) : inversion(p);
        if (b == NULL || _KrVec_push(p, &v, b) < 0) {
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    expr_ty e = FROM_NODE(p, BoolOp_kind, a);
    if (e == NULL) {
        _KrVec_free(&v);
        return NULL;
    }
    e->v.BoolOp.op = is_or ? Or : And;
    e->v.BoolOp.values = _KrVec_finish(p, &v);
    return e;
}

expr_ty
_KrP_disjunction(Parser *p)
{
    return boolop(p, 1);
}

expr_ty
_KrP_expression(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_NAME && t->keyword == KW_lambda) {
        /* A lambda costs two levels, as in CPython's parser. */
        ENTER(p);
        ENTER(p);
        expr_ty e = lambdef(p);
        p->depth -= 2;
        return e;
    }
    ENTER(p);
    int st = p->mark;
    expr_ty a = _KrP_disjunction(p);
    if (a == NULL) {
        LEAVE(p);
        return NULL;
    }
    if (!CHECK_KW(p, if)) {
        LEAVE(p);
        return a;
    }
    p->mark++;
    expr_ty test = _KrP_disjunction(p);
    if (test == NULL) {
        LEAVE(p);
        return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    if (!ACCEPT_KW(p, else)) {
        LEAVE(p);
        if (p->error)
            return NULL;
        KrToken *nt = PEEK(p);
        if (nt && nt->type != TOK_COLON)
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(a), POS_OF(test),
                                 "expected 'else' after 'if' expression");
        return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    expr_ty orelse = _KrP_expression(p);
    LEAVE(p);
    if (orelse == NULL)
        return p->error ? NULL : _KrP_invalid_syntax(p);
    (void)st;
    int _st = st;
    expr_ty e = FROM_NODE(p, IfExp_kind, a);
    if (e) {
        e->v.IfExp.test = test;
        e->v.IfExp.body = a;
        e->v.IfExp.orelse = orelse;
    }
    return e;
}

/* NAME ':=' expression | expression !':=' */
expr_ty
_KrP_named_expression(Parser *p)
{
    int _st = p->mark;
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_NAME && !t->keyword) {
        KrToken *n = _KrP_peek_at(p, p->mark + 1);
        if (n && n->type == TOK_COLONEQUAL) {
            p->mark += 2;
            expr_ty target = _KrP_name_from_token(p, t, Store);
            if (target == NULL)
                return NULL;
            expr_ty v = _KrP_expression(p);
            if (v == NULL)
                return p->error ? NULL : _KrP_invalid_syntax(p);
            expr_ty e = FROM_NODE(p, NamedExpr_kind, target);
            if (e) {
                e->v.NamedExpr.target = target;
                e->v.NamedExpr.value = v;
            }
            return e;
        }
    }
    int st = p->mark;
    expr_ty e = _KrP_expression(p);
    if (e == NULL)
        return NULL;
    KrToken *n = PEEK(p);
    if (n && n->type == TOK_COLONEQUAL) {
        return RAISE_NODE(p, e, "cannot use assignment expressions with %s",
                          _KrP_expr_name(e));
    }
    if (n && n->type == TOK_EQUAL) {
        /* Looks like `if x = 1:` — suggest '=='; only when the rest parses. */
        int save = p->mark;
        p->mark++;
        expr_ty b = _KrP_bitwise_or(p);
        if (b && !CHECK(p, TOK_EQUAL) && !CHECK(p, TOK_COLONEQUAL)) {
            if (e->kind == Name_kind && TOKAT(p, st)->type == TOK_NAME &&
                TOKAT(p, st)->end - TOKAT(p, st)->start ==
                    (e->end_col_offset - e->col_offset))
                return RAISE_RANGE(p, e, b,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            int first = TOKAT(p, st)->type;
            int excluded = e->kind == List_kind || e->kind == Tuple_kind ||
                           e->kind == GeneratorExp_kind ||
                           (first == TOK_NAME && (TOKAT(p, st)->keyword == KW_True ||
                                                 TOKAT(p, st)->keyword == KW_False ||
                                                 TOKAT(p, st)->keyword == KW_None)) ||
                           first == TOK_LPAR || first == TOK_LSQB;
            if (!excluded && e->kind != Name_kind)
                return RAISE_NODE(p, e,
                                  "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                  _KrP_expr_name(e));
        }
        if (p->error)
            return NULL;
        p->mark = save;
    }
    return e;
}

static expr_ty
make_starred(Parser *p, int st, expr_ty v)
{
    expr_ty e = FROM_TOK(p, Starred_kind, st);
    if (e) {
        e->v.Starred.value = v;
        e->v.Starred.ctx = Load;
    }
    return e;
}

expr_ty
_KrP_star_named_expression(Parser *p)
{
    if (CHECK(p, TOK_STAR)) {
        int st = p->mark++;
        expr_ty v = _KrP_bitwise_or(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return make_starred(p, st, v);
    }
    return _KrP_named_expression(p);
}

expr_ty
_KrP_star_expression(Parser *p)
{
    if (CHECK(p, TOK_STAR)) {
        int st = p->mark++;
        expr_ty v = _KrP_bitwise_or(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return make_starred(p, st, v);
    }
    return _KrP_expression(p);
}

expr_ty
_KrP_star_expressions(Parser *p)
{
    int st = p->mark;
    expr_ty a = _KrP_star_expression(p);
    if (a == NULL)
        return NULL;
    if (!CHECK(p, TOK_COMMA))
        return a;
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, a) < 0)
        return NULL;
    while (ACCEPT(p, TOK_COMMA)) {
        KrToken *t = PEEK(p);
        if (t == NULL || !(starts_expression(t) || t->type == TOK_STAR))
            break;
        expr_ty e = _KrP_star_expression(p);
        if (e == NULL || _KrVec_push(p, &v, e) < 0) {
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    asdl_expr_seq *elts = _KrVec_finish(p, &v);
    if (elts == NULL)
        return NULL;
    expr_ty e = FROM_TOK(p, Tuple_kind, st);
    if (e) {
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = Load;
    }
    return e;
}

expr_ty
_KrP_yield_expr(Parser *p)
{
    int st = p->mark;
    if (!ACCEPT_KW(p, yield))
        return NULL;
    if (ACCEPT_KW(p, from)) {
        expr_ty v = _KrP_expression(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        expr_ty e = FROM_TOK(p, YieldFrom_kind, st);
        if (e)
            e->v.YieldFrom.value = v;
        return e;
    }
    expr_ty v = NULL;
    KrToken *t = PEEK(p);
    if (t && (starts_expression(t) || t->type == TOK_STAR)) {
        v = _KrP_star_expressions(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
    }
    expr_ty e = FROM_TOK(p, Yield_kind, st);
    if (e)
        e->v.Yield.value = v;
    return e;
}

expr_ty
_KrP_annotated_rhs(Parser *p)
{
    if (CHECK_KW(p, yield))
        return _KrP_yield_expr(p);
    return _KrP_star_expressions(p);
}

/* ---- comprehensions --------------------------------------------------------------- */

/* Targets of `for`: star_targets, parsed as primaries (so that `in` is not consumed). */
static expr_ty
target_item(Parser *p)
{
    if (CHECK(p, TOK_STAR)) {
        int st = p->mark++;
        expr_ty v = target_item(p);
        if (v == NULL)
            return p->error ? NULL : _KrP_invalid_syntax(p);
        return make_starred(p, st, v);
    }
    return _KrP_bitwise_or(p);
}

static expr_ty
for_targets(Parser *p)
{
    int st = p->mark;
    expr_ty a = target_item(p);
    if (a == NULL)
        return NULL;
    if (!CHECK(p, TOK_COMMA))
        return a;
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, a) < 0)
        return NULL;
    while (ACCEPT(p, TOK_COMMA)) {
        if (CHECK_KW(p, in) || CHECK(p, TOK_EQUAL))
            break;
        expr_ty e = target_item(p);
        if (e == NULL || _KrVec_push(p, &v, e) < 0) {
            _KrVec_free(&v);
            return p->error ? NULL : _KrP_invalid_syntax(p);
        }
    }
    expr_ty e = FROM_TOK(p, Tuple_kind, st);
    if (e == NULL) {
        _KrVec_free(&v);
        return NULL;
    }
    e->v.Tuple.elts = _KrVec_finish(p, &v);
    e->v.Tuple.ctx = Store;
    return e;
}

expr_ty
_KrP_star_targets_for(Parser *p)
{
    expr_ty t = for_targets(p);
    if (t == NULL)
        return NULL;
    expr_ty bad = _KrP_invalid_target(t, 2);
    if (bad)
        return RAISE_NODE(p, bad, "cannot assign to %s", _KrP_expr_name(bad));
    _KrP_set_context(p, t, Store);
    return t;
}

expr_ty
_KrP_star_target_single(Parser *p)
{
    expr_ty t = target_item(p);
    if (t == NULL)
        return NULL;
    expr_ty bad = _KrP_invalid_target(t, 2);
    if (bad)
        return RAISE_NODE(p, bad, "cannot assign to %s", _KrP_expr_name(bad));
    _KrP_set_context(p, t, Store);
    return t;
}

static asdl_comprehension_seq *
for_if_clauses(Parser *p)
{
    KrVec gens;
    _KrVec_init(&gens);
    while (CHECK_KW(p, for) || CHECK_KW(p, async)) {
        int is_async = 0;
        if (ACCEPT_KW(p, async)) {
            is_async = 1;
            if (!CHECK_KW(p, for)) {
                _KrP_invalid_syntax(p);
                goto fail;
            }
        }
        p->mark++; /* for */
        expr_ty target = _KrP_star_targets_for(p);
        if (target == NULL) {
            if (!p->error)
                _KrP_invalid_syntax(p);
            goto fail;
        }
        if (!ACCEPT_KW(p, in)) {
            KrToken *nt = p->error ? NULL : PEEK(p);
            if (nt)
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(nt), POS_OF(nt),
                              "'in' expected after for-loop variables");
            goto fail;
        }
        expr_ty iter = _KrP_disjunction(p);
        if (iter == NULL) {
            if (!p->error)
                _KrP_invalid_syntax(p);
            goto fail;
        }
        KrVec ifs;
        _KrVec_init(&ifs);
        while (ACCEPT_KW(p, if)) {
            expr_ty c = _KrP_disjunction(p);
            if (c == NULL || _KrVec_push(p, &ifs, c) < 0) {
                _KrVec_free(&ifs);
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
        }
        comprehension_ty comp = _PyArena_Malloc(p->arena, sizeof(struct _comprehension));
        if (comp == NULL) {
            _KrVec_free(&ifs);
            p->error = 1;
            goto fail;
        }
        comp->target = target;
        comp->iter = iter;
        comp->ifs = _KrVec_finish(p, &ifs);
        comp->is_async = is_async;
        if (_KrVec_push(p, &gens, comp) < 0)
            goto fail;
    }
    return _KrVec_finish(p, &gens);
fail:
    _KrVec_free(&gens);
    return NULL;
}

/* ---- parameters ------------------------------------------------------------------- */

arguments_ty
_KrP_empty_arguments(Parser *p)
{
    arguments_ty a = _PyArena_Malloc(p->arena, sizeof(struct _arguments));
    if (a == NULL) {
        p->error = 1;
        return NULL;
    }
    a->posonlyargs = _Py_asdl_generic_seq_new(0, p->arena);
    a->args = _Py_asdl_generic_seq_new(0, p->arena);
    a->kwonlyargs = _Py_asdl_generic_seq_new(0, p->arena);
    a->kw_defaults = _Py_asdl_generic_seq_new(0, p->arena);
    a->defaults = _Py_asdl_generic_seq_new(0, p->arena);
    if (!a->posonlyargs || !a->args || !a->kwonlyargs || !a->kw_defaults || !a->defaults) {
        p->error = 1;
        return NULL;
    }
    return a;
}

static arg_ty
param(Parser *p, int lambda, int star_annotation)
{
    KrToken *n = ACCEPT(p, TOK_NAME);
    if (n == NULL)
        return NULL;
    arg_ty a = _PyArena_Malloc(p->arena, sizeof(struct _arg));
    if (a == NULL) {
        p->error = 1;
        return NULL;
    }
    a->arg = _KrP_new_identifier(p, n->start, n->end - n->start);
    if (a->arg == NULL)
        return NULL;
    if (!lambda && ACCEPT(p, TOK_COLON)) {
        a->annotation = star_annotation ? _KrP_star_expression(p) : _KrP_expression(p);
        if (a->annotation == NULL) {
            if (!p->error)
                _KrP_invalid_syntax(p);
            return NULL;
        }
    }
    a->lineno = n->lineno;
    a->col_offset = n->col_offset;
    a->end_lineno = END_EL(p);
    a->end_col_offset = END_EC(p);
    return a;
}

arguments_ty
_KrP_params(Parser *p, int lambda)
{
    int close = lambda ? TOK_COLON : TOK_RPAR;
    KrVec pos, posonly, kwonly, kwdefaults, defaults;
    _KrVec_init(&pos);
    _KrVec_init(&posonly);
    _KrVec_init(&kwonly);
    _KrVec_init(&kwdefaults);
    _KrVec_init(&defaults);
    arg_ty vararg = NULL, kwarg = NULL;
    int seen_slash = 0, seen_star = 0, seen_default = 0, bare_star_idx = -1;
    while (!CHECK(p, close)) {
        if (p->error)
            goto fail;
        KrToken *t = PEEK(p);
        if (t == NULL)
            goto fail;
        if (kwarg) {
            _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                          "arguments cannot follow var-keyword argument");
            goto fail;
        }
        if (t->type == TOK_SLASH) {
            if (seen_slash) {
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                              "/ may appear only once");
                goto fail;
            }
            if (seen_star) {
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                              "/ must be ahead of *");
                goto fail;
            }
            if (pos.n == 0) {
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                              "at least one argument must precede /");
                goto fail;
            }
            p->mark++;
            seen_slash = 1;
            for (Py_ssize_t i = 0; i < pos.n; i++)
                if (_KrVec_push(p, &posonly, pos.items[i]) < 0)
                    goto fail;
            pos.n = 0;
        }
        else if (t->type == TOK_STAR) {
            if (seen_star) {
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                              "* argument may appear only once");
                goto fail;
            }
            seen_star = 1;
            int st = p->mark++;
            if (CHECK(p, TOK_COMMA) || CHECK(p, close)) {
                bare_star_idx = st;
                if (CHECK(p, close) ||
                    (_KrP_peek_at(p, p->mark + 1) &&
                     (TOKAT(p, p->mark + 1)->type == TOK_DOUBLESTAR ||
                      TOKAT(p, p->mark + 1)->type == close))) {
                    KrToken *s = TOKAT(p, st);
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(s), POS_OF(s),
                                  "named arguments must follow bare *");
                    goto fail;
                }
            }
            else {
                vararg = param(p, lambda, 1);
                if (vararg == NULL) {
                    if (!p->error)
                        _KrP_invalid_syntax(p);
                    goto fail;
                }
                if (CHECK(p, TOK_EQUAL)) {
                    KrToken *eq = PEEK(p);
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(eq), POS_OF(eq),
                                  "var-positional argument cannot have default value");
                    goto fail;
                }
            }
        }
        else if (t->type == TOK_DOUBLESTAR) {
            p->mark++;
            kwarg = param(p, lambda, 0);
            if (kwarg == NULL) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            if (CHECK(p, TOK_EQUAL)) {
                KrToken *eq = PEEK(p);
                _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(eq), POS_OF(eq),
                              "var-keyword argument cannot have default value");
                goto fail;
            }
        }
        else {
            arg_ty a = param(p, lambda, 0);
            if (a == NULL) {
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            expr_ty def = NULL;
            if (ACCEPT(p, TOK_EQUAL)) {
                def = _KrP_expression(p);
                if (def == NULL) {
                    if (!p->error)
                        _KrP_invalid_syntax(p);
                    goto fail;
                }
            }
            if (seen_star) {
                if (_KrVec_push(p, &kwonly, a) < 0 || _KrVec_push(p, &kwdefaults, def) < 0)
                    goto fail;
            }
            else {
                if (def) {
                    seen_default = 1;
                    if (_KrVec_push(p, &defaults, def) < 0)
                        goto fail;
                }
                else if (seen_default) {
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(a), POS_OF(a),
                                  "parameter without a default follows parameter with a default");
                    goto fail;
                }
                if (_KrVec_push(p, &pos, a) < 0)
                    goto fail;
            }
        }
        if (!ACCEPT(p, TOK_COMMA))
            break;
    }
    (void)bare_star_idx;
    arguments_ty res = _PyArena_Malloc(p->arena, sizeof(struct _arguments));
    if (res == NULL) {
        p->error = 1;
        goto fail;
    }
    res->posonlyargs = _KrVec_finish(p, &posonly);
    res->args = _KrVec_finish(p, &pos);
    res->vararg = vararg;
    res->kwonlyargs = _KrVec_finish(p, &kwonly);
    res->kw_defaults = _KrVec_finish(p, &kwdefaults);
    res->kwarg = kwarg;
    res->defaults = _KrVec_finish(p, &defaults);
    if (p->error)
        return NULL;
    return res;
fail:
    _KrVec_free(&pos);
    _KrVec_free(&posonly);
    _KrVec_free(&kwonly);
    _KrVec_free(&kwdefaults);
    _KrVec_free(&defaults);
    return NULL;
}

static expr_ty
lambdef(Parser *p)
{
    int st = p->mark++;
    arguments_ty args = _KrP_params(p, 1);
    if (args == NULL)
        return NULL;
    if (!ACCEPT(p, TOK_COLON))
        return p->error ? NULL : _KrP_invalid_syntax(p);
    expr_ty body = _KrP_expression(p);
    if (body == NULL)
        return p->error ? NULL : _KrP_invalid_syntax(p);
    expr_ty e = FROM_TOK(p, Lambda_kind, st);
    if (e) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}
