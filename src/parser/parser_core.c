/* Parser infrastructure: the token buffer (tokens are kept so rules can backtrack),
 * error reporting, node allocation, and the public entry point. */
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "parser.h"

/* ---- tokens ------------------------------------------------------------------- */

static KrToken *
new_slot(Parser *p)
{
    int b = p->fill >> KR_TOKBLOCK_SHIFT;
    if (b >= p->nblocks) {
        KrToken **nb = realloc(p->blocks, (size_t)(b + 1) * sizeof(KrToken *));
        if (nb == NULL)
            goto nomem;
        p->blocks = nb;
        nb[b] = malloc(KR_TOKBLOCK * sizeof(KrToken));
        if (nb[b] == NULL)
            goto nomem;
        p->nblocks = b + 1;
    }
    return TOKAT(p, p->fill);
nomem:
    PyErr_NoMemory();
    p->error = 1;
    return NULL;
}

static int
fetch(Parser *p)
{
    if (p->error)
        return -1;
    if (p->fill > 0 && TOKAT(p, p->fill - 1)->type == TOK_ENDMARKER) {
        /* Past the end: repeat the end marker. */
        KrToken *t = new_slot(p);
        if (t == NULL)
            return -1;
        *t = *TOKAT(p, p->fill - 1);
        p->fill++;
        return 0;
    }
    KrToken *t = new_slot(p);
    if (t == NULL)
        return -1;
    memset(t, 0, sizeof *t);
    int r = _KrTokenizer_Get(&p->tok, t);
    if (r == TOK_ERROR) {
        p->error = 1;
        return -1;
    }
    t->level = p->tok.level;
    t->in_fstring = p->tok.nfstring > 0;
    p->fill++;
    return 0;
}

KrToken *
_KrP_peek_at(Parser *p, int idx)
{
    while (idx >= p->fill)
        if (fetch(p) < 0)
            return NULL;
    return TOKAT(p, idx);
}

KrToken *
_KrP_peek(Parser *p)
{
    return _KrP_peek_at(p, p->mark);
}

KrToken *
_KrP_last(Parser *p)
{
    return TOKAT(p, p->mark > 0 ? p->mark - 1 : 0);
}

KrToken *
_KrP_next(Parser *p)
{
    KrToken *t = _KrP_peek(p);
    if (t)
        p->mark++;
    return t;
}

int
_KrP_check(Parser *p, int type)
{
    KrToken *t = _KrP_peek(p);
    return t && t->type == type;
}

int
_KrP_check_kw(Parser *p, int kw)
{
    KrToken *t = _KrP_peek(p);
    return t && t->type == TOK_NAME && t->keyword == kw;
}

int
_KrP_check_soft(Parser *p, const char *name)
{
    KrToken *t = _KrP_peek(p);
    if (!t || t->type != TOK_NAME || t->keyword)
        return 0;
    size_t n = strlen(name);
    return (size_t)(t->end - t->start) == n && memcmp(t->start, name, n) == 0;
}

KrToken *
_KrP_expect(Parser *p, int type)
{
    KrToken *t = _KrP_peek(p);
    if (t && t->type == type && !(type == TOK_NAME && t->keyword)) {
        p->mark++;
        return t;
    }
    return NULL;
}

KrToken *
_KrP_expect_kw(Parser *p, int kw)
{
    KrToken *t = _KrP_peek(p);
    if (t && t->type == TOK_NAME && t->keyword == kw) {
        p->mark++;
        return t;
    }
    return NULL;
}

KrToken *
_KrP_expect_forced(Parser *p, int type, const char *what)
{
    KrToken *t = _KrP_expect(p, type);
    if (t || p->error)
        return t;
    KrToken *nt = _KrP_peek(p);
    if (nt == NULL)
        return NULL;
    _KrP_raise(p, PyExc_SyntaxError, nt->lineno, nt->col_offset, nt->end_lineno,
               nt->end_col_offset,
               "expected '%s'", what);
    return NULL;
}

/* ---- errors ------------------------------------------------------------------- */

static void *
raise_v(Parser *p, PyObject *exc, int l, int c, int el, int ec, const char *fmt, va_list va)
{
    if (p->error && PyErr_Occurred())
        return NULL;
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, va);
    /* The tokenizer itself is still fine: keep it usable for the look-ahead that lets
     * a later tokenizer error take precedence. */
    int done = p->tok.done;
    _KrTokenizer_RaiseAt(&p->tok, exc, buf, l, c, el, ec, 1);
    p->tok.done = done;
    p->err_lineno = l;
    p->err_col = c;
    {
        /* Whether CPython's error pass would have parsed on from the error token. */
        KrToken *ft = p->fill ? TOKAT(p, p->fill - 1) : NULL;
        int tt = ft ? ft->type : -1;
        p->err_starts_expr = strncmp(buf, "invalid syntax. Perhaps", 23) == 0 ||
                             tt == TOK_LBRACE || tt == TOK_LSQB || tt == TOK_LPAR ||
                             tt == TOK_NUMBER || tt == TOK_STRING ||
                             (tt == TOK_NAME && !ft->keyword);
    }
    p->error = 1;
    return NULL;
}

void *
_KrP_raise(Parser *p, PyObject *exc, int l, int c, int el, int ec, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    raise_v(p, exc, l, c, el, ec, fmt, va);
    va_end(va);
    return NULL;
}

void *
_KrP_raise_at(Parser *p, PyObject *exc, KrPos a, KrPos b, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    raise_v(p, exc, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *
_KrP_invalid_syntax(Parser *p)
{
    if (p->error)
        return NULL;
    int far = p->far_override > 0 && p->far_override <= p->fill ? p->far_override : p->fill;
    p->far_override = 0;
    KrToken *t = far ? TOKAT(p, far - 1) : NULL;
    if (t == NULL)
        return _KrP_raise(p, PyExc_SyntaxError, 1, 0, 1, 0, "invalid syntax");
    if (t->type == TOK_INDENT) {
        /* CPython marks the end of an unexpected indent as unknown. */
        const char *ls = t->start;
        int col = 0;
        while (ls[col] == ' ' || ls[col] == '\t' || ls[col] == '\f')
            col++;
        return _KrP_raise(p, PyExc_IndentationError, t->lineno, col - 1, t->lineno, -1,
                          "unexpected indent");
    }
    if (t->type == TOK_DEDENT)
        return _KrP_raise(p, PyExc_IndentationError, t->lineno, t->col_offset, t->lineno, -1,
                          "unexpected unindent");
    if (t->type == TOK_NEWLINE || t->type == TOK_ENDMARKER) {
        return _KrP_raise(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->lineno,
                          t->type == TOK_NEWLINE ? t->end_col_offset : t->col_offset + 1,
                          "invalid syntax");
    }
    return _KrP_raise(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->end_lineno,
                      t->end_col_offset, "invalid syntax");
}

int
_KrP_enter(Parser *p)
{
    if (++p->depth > KR_PARSER_MAXDEPTH) {
        p->depth--;
        if (!p->error) {
            PyErr_SetString(PyExc_MemoryError,
                            "Parser stack overflowed - Python source too complex to parse");
            p->error = 1;
        }
        return -1;
    }
    return 0;
}

/* ---- nodes -------------------------------------------------------------------- */

expr_ty
_KrP_expr(Parser *p, int kind, int l, int c, int el, int ec)
{
    expr_ty e = _PyArena_Malloc(p->arena, sizeof(struct _expr));
    if (e == NULL) {
        p->error = 1;
        return NULL;
    }
    e->kind = kind;
    e->lineno = l;
    e->col_offset = c;
    e->end_lineno = el;
    e->end_col_offset = ec;
    return e;
}

stmt_ty
_KrP_stmt(Parser *p, int kind, int l, int c, int el, int ec)
{
    stmt_ty s = _PyArena_Malloc(p->arena, sizeof(struct _stmt));
    if (s == NULL) {
        p->error = 1;
        return NULL;
    }
    s->kind = kind;
    s->lineno = l;
    s->col_offset = c;
    s->end_lineno = el;
    s->end_col_offset = ec;
    return s;
}

pattern_ty
_KrP_pattern(Parser *p, int kind, int l, int c, int el, int ec)
{
    pattern_ty s = _PyArena_Malloc(p->arena, sizeof(struct _pattern));
    if (s == NULL) {
        p->error = 1;
        return NULL;
    }
    s->kind = kind;
    s->lineno = l;
    s->col_offset = c;
    s->end_lineno = el;
    s->end_col_offset = ec;
    return s;
}

asdl_seq *
_KrP_seq(Parser *p, void **items, Py_ssize_t n)
{
    asdl_seq *s = _Py_asdl_generic_seq_new(n, p->arena);
    if (s == NULL) {
        p->error = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        s->elements[i] = items[i];
    return s;
}

int
_KrP_arena_obj(Parser *p, PyObject *o)
{
    if (o == NULL) {
        p->error = 1;
        return -1;
    }
    if (_PyArena_AddPyObject(p->arena, o) < 0) {
        p->error = 1;
        return -1;
    }
    return 0;
}

PyObject *
_KrP_new_identifier(Parser *p, const char *s, Py_ssize_t n)
{
    PyObject *id = PyUnicode_DecodeUTF8(s, n, NULL);
    if (id == NULL) {
        p->error = 1;
        return NULL;
    }
    int ascii = 1;
    for (Py_ssize_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 128)
            ascii = 0;
    if (!ascii) {
        /* PEP 3131: identifiers are compared in NFKC form. */
        PyObject *mod = PyImport_ImportModule("unicodedata");
        if (mod == NULL)
            PyErr_Clear();
        else {
            PyObject *r = PyObject_CallMethod(mod, "normalize", "sO", "NFKC", id);
            Py_DECREF(mod);
            if (r == NULL)
                PyErr_Clear();
            else if (PyUnicode_Check(r)) {
                Py_SETREF(id, r);
            }
            else
                Py_DECREF(r);
        }
    }
    PyUnicode_InternInPlace(&id);
    if (_KrP_arena_obj(p, id) < 0)
        return NULL;
    return id;
}

expr_ty
_KrP_name_from_token(Parser *p, KrToken *t, expr_context_ty ctx)
{
    PyObject *id = _KrP_new_identifier(p, t->start, t->end - t->start);
    if (id == NULL)
        return NULL;
    expr_ty e = _KrP_expr(p, Name_kind, t->lineno, t->col_offset, t->end_lineno,
                          t->end_col_offset);
    if (e) {
        e->v.Name.id = id;
        e->v.Name.ctx = ctx;
    }
    return e;
}

void
_KrVec_init(KrVec *v)
{
    v->items = v->inline_buf;
    v->n = 0;
    v->cap = 8;
}

int
_KrVec_push(Parser *p, KrVec *v, void *item)
{
    if (v->n == v->cap) {
        Py_ssize_t nc = v->cap * 2;
        void **ni;
        if (v->items == v->inline_buf) {
            ni = malloc((size_t)nc * sizeof(void *));
            if (ni)
                memcpy(ni, v->items, (size_t)v->n * sizeof(void *));
        }
        else
            ni = realloc(v->items, (size_t)nc * sizeof(void *));
        if (ni == NULL) {
            PyErr_NoMemory();
            p->error = 1;
            return -1;
        }
        v->items = ni;
        v->cap = nc;
    }
    v->items[v->n++] = item;
    return 0;
}

void
_KrVec_free(KrVec *v)
{
    if (v->items != v->inline_buf)
        free(v->items);
    v->items = v->inline_buf;
    v->n = 0;
}

asdl_seq *
_KrVec_finish(Parser *p, KrVec *v)
{
    asdl_seq *s = _KrP_seq(p, v->items, v->n);
    _KrVec_free(v);
    return s;
}

/* ---- entry point -------------------------------------------------------------- */

static expr_ty
eval_input(Parser *p)
{
    expr_ty e = _KrP_star_expressions(p);
    if (e == NULL) {
        if (!p->error)
            _KrP_invalid_syntax(p);
        return NULL;
    }
    while (ACCEPT(p, TOK_NEWLINE))
        ;
    if (!CHECK(p, TOK_ENDMARKER)) {
        if (!p->error)
            _KrP_invalid_syntax(p);
        return NULL;
    }
    return e;
}

/* After a parser error, a tokenizer error later in the source takes precedence (it is
 * usually the root cause, e.g. an unclosed bracket or string). */
static void
check_rest_for_token_errors(Parser *p)
{
    if (p->tok.done || !PyErr_Occurred() || !PyErr_ExceptionMatches(PyExc_SyntaxError))
        return;
    PyObject *saved = PyErr_GetRaisedException();
    int err_line = p->err_lineno, err_col = p->err_col, err_on_errortoken = 0;
    if (p->fill > 0) {
        KrToken *lt = TOKAT(p, p->fill - 1);
        err_on_errortoken = lt->type == TOK_ERROR;
    }
    KrToken t;
    p->tok.quiet_unclosed = 1;
    for (;;) {
        int r = _KrTokenizer_Get(&p->tok, &t);
        if (r == TOK_ERROR) {
            if (PyErr_Occurred() && !p->tok.deferred_err) {
                Py_XDECREF(saved);
                return;
            }
            PyErr_Clear();
            PyErr_SetRaisedException(saved);
            return;
        }
        if (r == TOK_ENDMARKER || r == TOK_ERROR + 1000)
            break;
    }
    if (p->tok.level > 0 && p->tok.nfstring == 0 && !err_on_errortoken) {
        /* Unclosed bracket: the root cause when the error came after its line. */
        int i = p->tok.level - 1;
        int pl = p->tok.parenlinenostack[i], pc = p->tok.parencolstack[i];
        /* CPython's error pass keeps parsing inside the open bracket, so an error at or
         * after it is superseded when more lines follow. */
        int after = err_line > pl || (err_line == pl && err_col >= pc);
        int more_lines = p->tok.lineno - 1 > err_line;
        if (err_line > pl || (after && more_lines && p->err_starts_expr)) {
            char msg[64];
            snprintf(msg, sizeof msg, "'%c' was never closed", p->tok.parenstack[i]);
            Py_XDECREF(saved);
            PyErr_Clear();
            _KrTokenizer_RaiseAt(&p->tok, PyExc_SyntaxError, msg, pl, p->tok.parencolstack[i],
                                 pl, -2, pl == p->tok.lineno - 1);
            return;
        }
    }
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
}

static void
free_tokens(Parser *p)
{
    for (int i = 0; i < p->nblocks; i++)
        free(p->blocks[i]);
    free(p->blocks);
    p->blocks = NULL;
    p->nblocks = 0;
}

mod_ty
_PyParser_ASTFromString(const char *str, PyObject *filename, int mode, PyCompilerFlags *flags,
                        PyArena *arena)
{
    Parser ps;
    Parser *p = &ps;
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->mode = mode;
    p->flags = flags ? flags->cf_flags : 0;
    p->feature_version = flags ? flags->cf_feature_version : 13;
    p->filename = filename;
    if (_KrTokenizer_Init(&p->tok, str, filename, (p->flags & PyCF_IGNORE_COOKIE) != 0) < 0)
        return NULL;
    mod_ty res = _PyArena_Malloc(arena, sizeof(struct _mod));
    if (res == NULL)
        goto fail;
    if (mode == Py_eval_input) {
        expr_ty e = eval_input(p);
        if (e == NULL)
            goto fail;
        res->kind = Expression_kind;
        res->v.Expression.body = e;
    }
    else if (mode == Py_single_input) {
        asdl_stmt_seq *body = _KrP_interactive(p);
        if (body == NULL)
            goto fail;
        res->kind = Interactive_kind;
        res->v.Interactive.body = body;
    }
    else if (mode == Py_func_type_input) {
        KrVec v;
        _KrVec_init(&v);
        if (!_KrP_expect_forced(p, TOK_LPAR, "("))
            goto fail;
        while (!CHECK(p, TOK_RPAR) && !p->error) {
            expr_ty e;
            if (ACCEPT(p, TOK_STAR) || ACCEPT(p, TOK_DOUBLESTAR))
                e = _KrP_expression(p);
            else
                e = _KrP_expression(p);
            if (e == NULL || _KrVec_push(p, &v, e) < 0) {
                _KrVec_free(&v);
                if (!p->error)
                    _KrP_invalid_syntax(p);
                goto fail;
            }
            if (!ACCEPT(p, TOK_COMMA))
                break;
        }
        asdl_expr_seq *argtypes = _KrVec_finish(p, &v);
        if (!argtypes || !_KrP_expect_forced(p, TOK_RPAR, ")") ||
            !_KrP_expect_forced(p, TOK_RARROW, "->"))
            goto fail;
        expr_ty ret = _KrP_expression(p);
        if (ret == NULL) {
            _KrP_invalid_syntax(p);
            goto fail;
        }
        while (ACCEPT(p, TOK_NEWLINE))
            ;
        if (!CHECK(p, TOK_ENDMARKER)) {
            _KrP_invalid_syntax(p);
            goto fail;
        }
        res->kind = FunctionType_kind;
        res->v.FunctionType.argtypes = argtypes;
        res->v.FunctionType.returns = ret;
    }
    else {
        asdl_stmt_seq *body = _KrP_statements(p);
        if (body == NULL)
            goto fail;
        res->kind = Module_kind;
        res->v.Module.body = body;
        res->v.Module.type_ignores = _Py_asdl_generic_seq_new(0, arena);
        if (res->v.Module.type_ignores == NULL)
            goto fail;
    }
    _KrTokenizer_Fini(&p->tok);
    free_tokens(p);
    return res;
fail:
    if (!PyErr_Occurred())
        _KrP_invalid_syntax(p);
    check_rest_for_token_errors(p);
    _KrTokenizer_Fini(&p->tok);
    free_tokens(p);
    return NULL;
}
