/* The match statement (PEP 634) and its pattern sub-language. `match` is a soft keyword,
 * so the statement is tried first and abandoned (without an error) when the line turns
 * out to be an ordinary expression statement. */
#include <stdlib.h>
#include <string.h>
#include "parser.h"

#define END_EL(p) LASTTOK(p)->end_lineno
#define END_EC(p) LASTTOK(p)->end_col_offset
#define PAT_FROM(p, kind, l, c) _KrP_pattern((p), (kind), (l), (c), END_EL(p), END_EC(p))

static pattern_ty pattern(Parser *p);
static pattern_ty closed_pattern(Parser *p);

static void *
fail_syntax(Parser *p)
{
    return p->error ? NULL : _KrP_invalid_syntax(p);
}

static int
is_name(KrToken *t, const char *s)
{
    size_t n = strlen(s);
    return t->type == TOK_NAME && !t->keyword && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, s, n) == 0;
}

static PyObject *
tok_id(Parser *p, KrToken *t)
{
    return _KrP_new_identifier(p, t->start, t->end - t->start);
}

/* NAME ('.' NAME)* as Name or Attribute chain in Load context. */
static expr_ty
name_or_attr(Parser *p)
{
    KrToken *t = ACCEPT(p, TOK_NAME);
    if (t == NULL)
        return NULL;
    expr_ty e = _KrP_name_from_token(p, t, Load);
    while (e && CHECK(p, TOK_DOT)) {
        KrToken *n = _KrP_peek_at(p, p->mark + 1);
        if (n == NULL || n->type != TOK_NAME)
            return fail_syntax(p);
        p->mark += 2;
        PyObject *attr = tok_id(p, n);
        if (attr == NULL)
            return NULL;
        expr_ty a = _KrP_expr(p, Attribute_kind, e->lineno, e->col_offset, END_EL(p), END_EC(p));
        if (a == NULL)
            return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        a->v.Attribute.ctx = Load;
        e = a;
    }
    return e;
}

/* signed_number, complex_number */
static expr_ty
number_expr(Parser *p)
{
    int st = p->mark;
    KrToken *first = PEEK(p);
    if (first == NULL)
        return NULL;
    int neg = 0;
    if (first->type == TOK_MINUS) {
        neg = 1;
        p->mark++;
    }
    if (!CHECK(p, TOK_NUMBER)) {
        p->mark = st;
        return NULL;
    }
    expr_ty num = _KrP_atom(p);
    if (num == NULL)
        return NULL;
    if (neg) {
        expr_ty u = _KrP_expr(p, UnaryOp_kind, first->lineno, first->col_offset, END_EL(p),
                              END_EC(p));
        if (u == NULL)
            return NULL;
        u->v.UnaryOp.op = USub;
        u->v.UnaryOp.operand = num;
        num = u;
    }
    if (CHECK(p, TOK_PLUS) || CHECK(p, TOK_MINUS)) {
        operator_ty op = CHECK(p, TOK_PLUS) ? Add : Sub;
        p->mark++;
        KrToken *it = ACCEPT(p, TOK_NUMBER);
        if (it == NULL)
            return fail_syntax(p);
        p->mark--;
        expr_ty imag = _KrP_atom(p);
        if (imag == NULL)
            return NULL;
        PyObject *v = imag->v.Constant.value;
        if (!PyComplex_Check(v))
            return RAISE_NODE(p, imag, "imaginary number required in complex literal");
        PyObject *rv = num->kind == UnaryOp_kind ? num->v.UnaryOp.operand->v.Constant.value
                                                 : num->v.Constant.value;
        if (PyComplex_Check(rv))
            return RAISE_NODE(p, num, "real number required in complex literal");
        expr_ty b = _KrP_expr(p, BinOp_kind, num->lineno, num->col_offset, END_EL(p), END_EC(p));
        if (b == NULL)
            return NULL;
        b->v.BinOp.left = num;
        b->v.BinOp.op = op;
        b->v.BinOp.right = imag;
        return b;
    }
    return num;
}

static pattern_ty
value_pattern(Parser *p, expr_ty v)
{
    pattern_ty pt = _KrP_pattern(p, MatchValue_kind, v->lineno, v->col_offset, v->end_lineno,
                                 v->end_col_offset);
    if (pt)
        pt->v.MatchValue.value = v;
    return pt;
}

static pattern_ty
star_pattern(Parser *p)
{
    int st = p->mark++;
    KrToken *n = ACCEPT(p, TOK_NAME);
    if (n == NULL)
        return fail_syntax(p);
    pattern_ty pt = PAT_FROM(p, MatchStar_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset);
    if (pt == NULL)
        return NULL;
    if (!is_name(n, "_")) {
        pt->v.MatchStar.name = tok_id(p, n);
        if (pt->v.MatchStar.name == NULL)
            return NULL;
    }
    return pt;
}

static pattern_ty
maybe_star_pattern(Parser *p)
{
    if (CHECK(p, TOK_STAR))
        return star_pattern(p);
    return pattern(p);
}

/* Items up to `close` (exclusive) separated by commas; returns sequence. */
static asdl_pattern_seq *
pattern_items(Parser *p, int close, int *saw_comma)
{
    KrVec v;
    _KrVec_init(&v);
    *saw_comma = 0;
    while (!CHECK(p, close)) {
        pattern_ty pt = maybe_star_pattern(p);
        if (pt == NULL || _KrVec_push(p, &v, pt) < 0) {
            _KrVec_free(&v);
            return fail_syntax(p);
        }
        if (!ACCEPT(p, TOK_COMMA))
            break;
        *saw_comma = 1;
    }
    return _KrVec_finish(p, &v);
}

static pattern_ty
mapping_pattern(Parser *p)
{
    int st = p->mark++;
    KrVec keys, pats;
    _KrVec_init(&keys);
    _KrVec_init(&pats);
    PyObject *rest = NULL;
    while (!CHECK(p, TOK_RBRACE)) {
        if (ACCEPT(p, TOK_DOUBLESTAR)) {
            KrToken *n = ACCEPT(p, TOK_NAME);
            if (n == NULL || is_name(n, "_"))
                goto fail;
            rest = tok_id(p, n);
            if (rest == NULL)
                goto fail;
            ACCEPT(p, TOK_COMMA);
            if (!CHECK(p, TOK_RBRACE))
                goto fail;
            break;
        }
        KrToken *t = PEEK(p);
        if (t == NULL)
            goto fail;
        expr_ty key;
        if (t->type == TOK_NAME && !t->keyword)
            key = name_or_attr(p);
        else if (t->type == TOK_NAME &&
                 (t->keyword == KW_None || t->keyword == KW_True || t->keyword == KW_False))
            key = _KrP_atom(p);
        else if (t->type == TOK_STRING)
            key = _KrP_strings(p);
        else if (t->type == TOK_FSTRING_START) {
            key = _KrP_strings(p);
            if (key)
                RAISE_NODE(p, key, "patterns may only match literals and attribute lookups");
            goto fail;
        }
        else
            key = number_expr(p);
        if (key == NULL)
            goto fail;
        if (key->kind == Name_kind)
            goto fail;
        if (!ACCEPT(p, TOK_COLON))
            goto fail;
        pattern_ty pt = pattern(p);
        if (pt == NULL)
            goto fail;
        if (_KrVec_push(p, &keys, key) < 0 || _KrVec_push(p, &pats, pt) < 0)
            goto fail;
        if (!ACCEPT(p, TOK_COMMA))
            break;
    }
    if (!ACCEPT(p, TOK_RBRACE))
        goto fail;
    pattern_ty pt = PAT_FROM(p, MatchMapping_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset);
    if (pt == NULL)
        goto fail;
    pt->v.MatchMapping.keys = _KrVec_finish(p, &keys);
    pt->v.MatchMapping.patterns = _KrVec_finish(p, &pats);
    pt->v.MatchMapping.rest = rest;
    return pt;
fail:
    _KrVec_free(&keys);
    _KrVec_free(&pats);
    return fail_syntax(p);
}

static pattern_ty
class_pattern(Parser *p, expr_ty cls)
{
    p->mark++; /* '(' */
    KrVec pats, kwattrs, kwpats;
    _KrVec_init(&pats);
    _KrVec_init(&kwattrs);
    _KrVec_init(&kwpats);
    while (!CHECK(p, TOK_RPAR)) {
        KrToken *t = PEEK(p);
        KrToken *n = t ? _KrP_peek_at(p, p->mark + 1) : NULL;
        if (t == NULL || n == NULL)
            goto fail;
        if (t->type == TOK_NAME && !t->keyword && n->type == TOK_EQUAL) {
            p->mark += 2;
            PyObject *attr = tok_id(p, t);
            pattern_ty pt = attr ? pattern(p) : NULL;
            if (pt == NULL || _KrVec_push(p, &kwattrs, attr) < 0 ||
                _KrVec_push(p, &kwpats, pt) < 0)
                goto fail;
        }
        else {
            pattern_ty pt = pattern(p);
            if (pt == NULL)
                goto fail;
            if (kwattrs.n > 0) {
                RAISE_NODE(p, pt, "positional patterns follow keyword patterns");
                goto fail;
            }
            if (_KrVec_push(p, &pats, pt) < 0)
                goto fail;
        }
        if (!ACCEPT(p, TOK_COMMA))
            break;
    }
    if (!ACCEPT(p, TOK_RPAR))
        goto fail;
    pattern_ty pt = PAT_FROM(p, MatchClass_kind, cls->lineno, cls->col_offset);
    if (pt == NULL)
        goto fail;
    pt->v.MatchClass.cls = cls;
    pt->v.MatchClass.patterns = _KrVec_finish(p, &pats);
    pt->v.MatchClass.kwd_attrs = _KrVec_finish(p, &kwattrs);
    pt->v.MatchClass.kwd_patterns = _KrVec_finish(p, &kwpats);
    return pt;
fail:
    _KrVec_free(&pats);
    _KrVec_free(&kwattrs);
    _KrVec_free(&kwpats);
    return fail_syntax(p);
}

static pattern_ty
closed_pattern(Parser *p)
{
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    int st = p->mark;
    switch (t->type) {
    case TOK_NUMBER:
    case TOK_MINUS: {
        expr_ty v = number_expr(p);
        if (v == NULL)
            return fail_syntax(p);
        return value_pattern(p, v);
    }
    case TOK_STRING: {
        expr_ty v = _KrP_strings(p);
        return v ? value_pattern(p, v) : NULL;
    }
    case TOK_FSTRING_START: {
        expr_ty v = _KrP_strings(p);
        if (v)
            RAISE_NODE(p, v, "patterns may only match literals and attribute lookups");
        return NULL;
    }
    case TOK_NAME: {
        if (t->keyword == KW_None || t->keyword == KW_True || t->keyword == KW_False) {
            p->mark++;
            pattern_ty pt = PAT_FROM(p, MatchSingleton_kind, t->lineno, t->col_offset);
            if (pt)
                pt->v.MatchSingleton.value = t->keyword == KW_None ? Py_None :
                                             t->keyword == KW_True ? Py_True : Py_False;
            return pt;
        }
        if (t->keyword)
            return fail_syntax(p);
        expr_ty v = name_or_attr(p);
        if (v == NULL)
            return NULL;
        if (CHECK(p, TOK_LPAR))
            return class_pattern(p, v);
        if (v->kind == Attribute_kind)
            return value_pattern(p, v);
        pattern_ty pt = PAT_FROM(p, MatchAs_kind, t->lineno, t->col_offset);
        if (pt && !is_name(t, "_"))
            pt->v.MatchAs.name = v->v.Name.id;
        return pt;
    }
    case TOK_LPAR: {
        p->mark++;
        if (ACCEPT(p, TOK_RPAR)) {
            pattern_ty pt = PAT_FROM(p, MatchSequence_kind, t->lineno, t->col_offset);
            if (pt)
                pt->v.MatchSequence.patterns = _Py_asdl_generic_seq_new(0, p->arena);
            return pt;
        }
        pattern_ty first = maybe_star_pattern(p);
        if (first == NULL)
            return fail_syntax(p);
        if (ACCEPT(p, TOK_RPAR)) {
            if (first->kind == MatchStar_kind) {
                /* `(*x)` is a one-element sequence pattern? No: CPython rejects it. */
                return fail_syntax(p);
            }
            return first; /* group pattern */
        }
        if (!ACCEPT(p, TOK_COMMA))
            return fail_syntax(p);
        int saw;
        asdl_pattern_seq *rest = pattern_items(p, TOK_RPAR, &saw);
        if (rest == NULL || !ACCEPT(p, TOK_RPAR))
            return fail_syntax(p);
        asdl_pattern_seq *all = _Py_asdl_generic_seq_new(asdl_seq_LEN(rest) + 1, p->arena);
        if (all == NULL)
            return NULL;
        asdl_seq_SET(all, 0, first);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(rest); i++)
            asdl_seq_SET(all, i + 1, asdl_seq_GET(rest, i));
        pattern_ty pt = PAT_FROM(p, MatchSequence_kind, t->lineno, t->col_offset);
        if (pt)
            pt->v.MatchSequence.patterns = all;
        return pt;
    }
    case TOK_LSQB: {
        p->mark++;
        int saw;
        asdl_pattern_seq *items = pattern_items(p, TOK_RSQB, &saw);
        if (items == NULL || !ACCEPT(p, TOK_RSQB))
            return fail_syntax(p);
        pattern_ty pt = PAT_FROM(p, MatchSequence_kind, t->lineno, t->col_offset);
        if (pt)
            pt->v.MatchSequence.patterns = items;
        return pt;
    }
    case TOK_LBRACE:
        return mapping_pattern(p);
    default:
        (void)st;
        return fail_syntax(p);
    }
}

static pattern_ty
or_pattern(Parser *p)
{
    int st = p->mark;
    pattern_ty first = closed_pattern(p);
    if (first == NULL)
        return NULL;
    if (!CHECK(p, TOK_VBAR))
        return first;
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, first) < 0)
        return NULL;
    while (ACCEPT(p, TOK_VBAR)) {
        pattern_ty pt = closed_pattern(p);
        if (pt == NULL || _KrVec_push(p, &v, pt) < 0) {
            _KrVec_free(&v);
            return fail_syntax(p);
        }
    }
    pattern_ty pt = PAT_FROM(p, MatchOr_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset);
    if (pt == NULL) {
        _KrVec_free(&v);
        return NULL;
    }
    pt->v.MatchOr.patterns = _KrVec_finish(p, &v);
    return pt;
}

static pattern_ty
pattern(Parser *p)
{
    if (_KrP_enter(p) < 0)
        return NULL;
    int st = p->mark;
    pattern_ty pt = or_pattern(p);
    p->depth--;
    if (pt == NULL)
        return NULL;
    if (ACCEPT_KW(p, as)) {
        KrToken *n = ACCEPT(p, TOK_NAME);
        if (n == NULL) {
            if (p->error)
                return NULL;
            KrToken *t = PEEK(p);
            if (t && t->type == TOK_NAME && t->keyword)
                return fail_syntax(p);
            return fail_syntax(p);
        }
        if (is_name(n, "_"))
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                 "cannot use '_' as a target");
        pattern_ty as = PAT_FROM(p, MatchAs_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset);
        if (as == NULL)
            return NULL;
        as->v.MatchAs.pattern = pt;
        as->v.MatchAs.name = tok_id(p, n);
        return as->v.MatchAs.name ? as : NULL;
    }
    return pt;
}

/* patterns: open_sequence_pattern | pattern */
static pattern_ty
top_patterns(Parser *p)
{
    int st = p->mark;
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL)
        return fail_syntax(p);
    if (!CHECK(p, TOK_COMMA)) {
        if (first->kind != MatchStar_kind)
            return first;
        return fail_syntax(p); /* a lone star pattern needs a comma */
    }
    KrVec v;
    _KrVec_init(&v);
    if (_KrVec_push(p, &v, first) < 0)
        return NULL;
    while (ACCEPT(p, TOK_COMMA)) {
        if (CHECK(p, TOK_COLON) || CHECK_KW(p, if))
            break;
        pattern_ty pt = maybe_star_pattern(p);
        if (pt == NULL || _KrVec_push(p, &v, pt) < 0) {
            _KrVec_free(&v);
            return fail_syntax(p);
        }
    }
    pattern_ty pt = PAT_FROM(p, MatchSequence_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset);
    if (pt == NULL) {
        _KrVec_free(&v);
        return NULL;
    }
    pt->v.MatchSequence.patterns = _KrVec_finish(p, &v);
    return pt;
}

stmt_ty
_KrP_match_stmt(Parser *p)
{
    int st = p->mark;
    KrToken *kw = _KrP_next(p);
    int kwline = kw->lineno;
    int depth = p->depth;
    /* Subject: star_named_expression ',' star_named_expressions? | named_expression */
    KrToken *t = PEEK(p);
    if (t == NULL || t->type == TOK_EQUAL || t->type == TOK_DOT || t->type == TOK_NEWLINE ||
        t->type == TOK_COLON) {
        p->mark = st;
        return NULL;
    }
    int sst = p->mark;
    expr_ty subject = _KrP_star_named_expression(p);
    if (subject && CHECK(p, TOK_COMMA)) {
        KrVec v;
        _KrVec_init(&v);
        if (_KrVec_push(p, &v, subject) < 0)
            return NULL;
        while (ACCEPT(p, TOK_COMMA)) {
            if (CHECK(p, TOK_COLON))
                break;
            expr_ty e = _KrP_star_named_expression(p);
            if (e == NULL || _KrVec_push(p, &v, e) < 0) {
                _KrVec_free(&v);
                subject = NULL;
                break;
            }
        }
        if (subject) {
            expr_ty tup = _KrP_expr(p, Tuple_kind, TOKAT(p, sst)->lineno, TOKAT(p, sst)->col_offset,
                                    END_EL(p), END_EC(p));
            if (tup == NULL) {
                _KrVec_free(&v);
                return NULL;
            }
            tup->v.Tuple.elts = _KrVec_finish(p, &v);
            tup->v.Tuple.ctx = Load;
            subject = tup;
        }
    }
    if (subject == NULL || !CHECK(p, TOK_COLON)) {
        if (p->error) {
            if (p->tok.done)
                return NULL;
            /* Not a match statement after all; the caller re-parses the line. */
            PyErr_Clear();
            p->error = 0;
        }
        p->depth = depth;
        p->mark = st;
        return NULL;
    }
    p->mark++; /* ':' */
    if (!ACCEPT(p, TOK_NEWLINE)) {
        p->mark = st;
        return NULL;
    }
    if (!ACCEPT(p, TOK_INDENT)) {
        if (p->error)
            return NULL;
        KrToken *n = PEEK(p);
        return _KrP_raise(p, PyExc_IndentationError, n->lineno, n->col_offset, n->end_lineno,
                          n->end_col_offset, "expected an indented block after 'match' statement on line %d",
                          kwline);
    }
    KrVec cases;
    _KrVec_init(&cases);
    while (!CHECK(p, TOK_DEDENT)) {
        KrToken *ct = PEEK(p);
        if (ct == NULL || !is_name(ct, "case")) {
            _KrVec_free(&cases);
            return fail_syntax(p);
        }
        p->mark++;
        pattern_ty pt = top_patterns(p);
        if (pt == NULL) {
            _KrVec_free(&cases);
            return NULL;
        }
        expr_ty guard = NULL;
        if (ACCEPT_KW(p, if)) {
            guard = _KrP_named_expression(p);
            if (guard == NULL) {
                _KrVec_free(&cases);
                return fail_syntax(p);
            }
        }
        if (!CHECK(p, TOK_COLON)) {
            _KrVec_free(&cases);
            if (CHECK(p, TOK_NEWLINE))
                return _KrP_expect_forced(p, TOK_COLON, ":") ? NULL : NULL;
            return fail_syntax(p);
        }
        p->mark++;
        asdl_stmt_seq *body = _KrP_block(p, "'case' statement", ct->lineno);
        if (body == NULL) {
            _KrVec_free(&cases);
            return NULL;
        }
        match_case_ty mc = _PyArena_Malloc(p->arena, sizeof(struct _match_case));
        if (mc == NULL) {
            _KrVec_free(&cases);
            p->error = 1;
            return NULL;
        }
        mc->pattern = pt;
        mc->guard = guard;
        mc->body = body;
        if (_KrVec_push(p, &cases, mc) < 0)
            return NULL;
    }
    p->mark++; /* DEDENT */
    asdl_match_case_seq *cseq = _KrVec_finish(p, &cases);
    if (cseq == NULL)
        return NULL;
    stmt_ty s = _KrP_stmt(p, Match_kind, TOKAT(p, st)->lineno, TOKAT(p, st)->col_offset, 0, 0);
    if (s == NULL)
        return NULL;
    s->v.Match.subject = subject;
    s->v.Match.cases = cseq;
    {
        int i = p->mark - 1;
        while (i > 0 && (TOKAT(p, i)->type == TOK_NEWLINE || TOKAT(p, i)->type == TOK_INDENT ||
                         TOKAT(p, i)->type == TOK_DEDENT || TOKAT(p, i)->type == TOK_ENDMARKER))
            i--;
        s->end_lineno = TOKAT(p, i)->end_lineno;
        s->end_col_offset = TOKAT(p, i)->end_col_offset;
    }
    return s;
}
