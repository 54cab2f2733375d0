/* String literals: escape decoding for str and bytes, implicit concatenation, and the
 * assembly of f-strings (JoinedStr / FormattedValue) from the PEP 701 token stream. */
#include <stdlib.h>
#include <string.h>
#include "parser.h"


/* ---- growable buffers --------------------------------------------------------------- */

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t n, cap;
} ucsbuf;

static int
ucs_push(Parser *p, ucsbuf *b, Py_UCS4 c)
{
    if (b->n == b->cap) {
        Py_ssize_t nc = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *nd = realloc(b->data, (size_t)nc * sizeof(Py_UCS4));
        if (nd == NULL) {
            PyErr_NoMemory();
            p->error = 1;
            return -1;
        }
        b->data = nd;
        b->cap = nc;
    }
    b->data[b->n++] = c;
    return 0;
}

/* Decodes one UTF-8 sequence (source is valid UTF-8). */
static Py_UCS4
utf8_next(const char **ps)
{
    const unsigned char *s = (const unsigned char *)*ps;
    Py_UCS4 c = s[0];
    int len = 1;
    if (c >= 0xF0) { c = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F); len = 4; }
    else if (c >= 0xE0) { c = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F); len = 3; }
    else if (c >= 0xC0) { c = ((c & 0x1F) << 6) | (s[1] & 0x3F); len = 2; }
    *ps += len;
    return c;
}

/* ---- warnings --------------------------------------------------------------------- */

static int
warn_escape(Parser *p, KrToken *t, const char *msg)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL) {
        p->error = 1;
        return -1;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m,
                                     p->filename ? p->filename : Py_None, t->lineno, NULL,
                                     NULL);
    Py_DECREF(m);
    if (r < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* -W error: the warning becomes a SyntaxError at the literal. */
            PyErr_Clear();
            _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t), "%s", msg);
        }
        p->error = 1;
        return -1;
    }
    return 0;
}

static void *
unicode_error(Parser *p, KrToken *t, const char *fmt, Py_ssize_t a, Py_ssize_t b)
{
    char msg[256];
    if (b > a)
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %zd-%zd: %s",
                 a, b, fmt);
    else
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode byte in position %zd: %s",
                 a, fmt);
    return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t), "%s", msg);
}

/* The Unicode name table lives with the str implementation (src/objects/unicodectype.c). */
int _KrUnicode_LookupName(const char *name, Py_ssize_t len, Py_UCS4 *code);

static int
lookup_name(Parser *p, const char *name, size_t n, Py_UCS4 *out)
{
    (void)p;
    return _KrUnicode_LookupName(name, (Py_ssize_t)n, out) != 0;
}

/* ---- escape decoding ---------------------------------------------------------------- */

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes the body [s, e) of a str literal (or f-string middle) into `b`.
 * `fmiddle` collapses doubled braces. Returns -1 with an error raised. */
static int
decode_str(Parser *p, KrToken *t, const char *s, const char *e, int raw, int fmiddle,
           ucsbuf *b)
{
    const char *body = s;
    const char *first_invalid = NULL;
    const char *first_bad_octal = NULL;
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if (fmiddle && (c == '{' || c == '}') && s + 1 < e && s[1] == (char)c) {
            if (ucs_push(p, b, c) < 0)
                return -1;
            s += 2;
            continue;
        }
        if (c != '\\' || raw) {
            Py_UCS4 ch = c < 128 ? (s++, c) : utf8_next(&s);
            if (ucs_push(p, b, ch) < 0)
                return -1;
            continue;
        }
        const char *esc = s;
        s++;
        if (s >= e) {
            if (ucs_push(p, b, '\\') < 0)
                return -1;
            break;
        }
        char n = *s++;
        Py_UCS4 ch;
        switch (n) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'a': ch = 7; break;
        case 'b': ch = 8; break;
        case 'f': ch = 12; break;
        case 'n': ch = 10; break;
        case 'r': ch = 13; break;
        case 't': ch = 9; break;
        case 'v': ch = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            ch = (Py_UCS4)(n - '0');
            for (int k = 0; k < 2 && s < e && *s >= '0' && *s <= '7'; k++)
                ch = ch * 8 + (Py_UCS4)(*s++ - '0');
            if (ch > 0377 && first_bad_octal == NULL)
                first_bad_octal = esc;
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = n == 'x' ? 2 : n == 'u' ? 4 : 8;
            Py_UCS4 v = 0;
            int k;
            for (k = 0; k < digits && s + k < e && hexval(s[k]) >= 0; k++)
                v = v * 16 + (Py_UCS4)hexval(s[k]);
            if (k < digits) {
                const char *what = n == 'x' ? "truncated \\xXX escape" :
                                   n == 'u' ? "truncated \\uXXXX escape" :
                                              "truncated \\UXXXXXXXX escape";
                unicode_error(p, t, what, esc - body, (s + k - 1) - body);
                return -1;
            }
            s += digits;
            if (v > 0x10FFFF) {
                unicode_error(p, t, "illegal Unicode character", esc - body, (s - 1) - body);
                return -1;
            }
            ch = v;
            break;
        }
        case 'N': {
            if (s >= e || *s != '{') {
                unicode_error(p, t, "malformed \\N character escape", esc - body,
                              (s - 1) - body);
                return -1;
            }
            const char *ns = s + 1, *ne = ns;
            while (ne < e && *ne != '}')
                ne++;
            if (ne >= e || ne == ns) {
                unicode_error(p, t, "malformed \\N character escape", esc - body,
                              (ne < e ? ne : e - 1) - body);
                return -1;
            }
            if (!lookup_name(p, ns, (size_t)(ne - ns), &ch)) {
                if (p->error)
                    return -1;
                unicode_error(p, t, "unknown Unicode character name", esc - body, ne - body);
                return -1;
            }
            s = ne + 1;
            break;
        }
        default:
            if (first_invalid == NULL)
                first_invalid = esc;
            if (ucs_push(p, b, '\\') < 0)
                return -1;
            s = esc + 1;
            continue;
        }
        if (ucs_push(p, b, ch) < 0)
            return -1;
    }
    if (first_bad_octal) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", first_bad_octal + 1);
        if (warn_escape(p, t, msg) < 0)
            return -1;
    }
    else if (first_invalid) {
        char msg[64];
        const char *q = first_invalid + 1;
        char u8[5] = {0};
        int k = 0;
        do
            u8[k++] = *q++;
        while (k < 4 && ((unsigned char)*q & 0xC0) == 0x80);
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%s'", u8);
        if (warn_escape(p, t, msg) < 0)
            return -1;
    }
    return 0;
}

typedef struct {
    char *data;
    Py_ssize_t n, cap;
} bytebuf;

static int
byte_push(Parser *p, bytebuf *b, char c)
{
    if (b->n == b->cap) {
        Py_ssize_t nc = b->cap ? b->cap * 2 : 64;
        char *nd = realloc(b->data, (size_t)nc);
        if (nd == NULL) {
            PyErr_NoMemory();
            p->error = 1;
            return -1;
        }
        b->data = nd;
        b->cap = nc;
    }
    b->data[b->n++] = c;
    return 0;
}

static int
decode_bytes(Parser *p, KrToken *t, const char *s, const char *e, int raw, bytebuf *b)
{
    const char *first_invalid = NULL, *first_bad_octal = NULL;
    for (const char *q = s; q < e; q++)
        if ((unsigned char)*q >= 128) {
            _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                          "bytes can only contain ASCII literal characters");
            return -1;
        }
    while (s < e) {
        char c = *s;
        if (c != '\\' || raw) {
            if (byte_push(p, b, c) < 0)
                return -1;
            s++;
            continue;
        }
        const char *esc = s++;
        if (s >= e) {
            if (byte_push(p, b, '\\') < 0)
                return -1;
            break;
        }
        char n = *s++;
        int ch;
        switch (n) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'a': ch = 7; break;
        case 'b': ch = 8; break;
        case 'f': ch = 12; break;
        case 'n': ch = 10; break;
        case 'r': ch = 13; break;
        case 't': ch = 9; break;
        case 'v': ch = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = n - '0';
            for (int k = 0; k < 2 && s < e && *s >= '0' && *s <= '7'; k++)
                ch = ch * 8 + (*s++ - '0');
            if (ch > 0377 && first_bad_octal == NULL)
                first_bad_octal = esc;
            ch &= 0xFF;
            break;
        case 'x':
            if (s + 1 < e && hexval(s[0]) >= 0 && hexval(s[1]) >= 0) {
                ch = hexval(s[0]) * 16 + hexval(s[1]);
                s += 2;
                break;
            }
            _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                          "(value error) invalid \\x escape at position %d",
                          (int)(esc - (e - (e - s)) + (s - esc)) - (int)(s - esc));
            return -1;
        default:
            if (first_invalid == NULL)
                first_invalid = esc;
            if (byte_push(p, b, '\\') < 0)
                return -1;
            s = esc + 1;
            continue;
        }
        if (byte_push(p, b, (char)ch) < 0)
            return -1;
    }
    if (first_bad_octal) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", first_bad_octal + 1);
        if (warn_escape(p, t, msg) < 0)
            return -1;
    }
    else if (first_invalid) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", first_invalid[1]);
        if (warn_escape(p, t, msg) < 0)
            return -1;
    }
    return 0;
}

/* ---- f-strings ----------------------------------------------------------------------- */

/* Pieces of a JoinedStr being built: literal text accumulates in `lit` until a
 * FormattedValue arrives, so adjacent literal pieces merge into one Constant. */
typedef struct {
    KrVec values;
    ucsbuf lit;
    int lit_active;
    int l, c, el, ec; /* span of the pending literal */
} jbuild;

static int
jb_add_text(Parser *p, jbuild *jb, ucsbuf *text, int l, int c, int el, int ec)
{
    if (!jb->lit_active) {
        jb->lit_active = 1;
        jb->l = l;
        jb->c = c;
    }
    jb->el = el;
    jb->ec = ec;
    for (Py_ssize_t i = 0; i < text->n; i++)
        if (ucs_push(p, &jb->lit, text->data[i]) < 0)
            return -1;
    return 0;
}

static PyObject *
ucs_to_str(Parser *p, ucsbuf *b)
{
    PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b->data, b->n);
    if (s == NULL) {
        p->error = 1;
        return NULL;
    }
    if (_KrP_arena_obj(p, s) < 0)
        return NULL;
    return s;
}

static int
jb_flush(Parser *p, jbuild *jb)
{
    if (!jb->lit_active)
        return 0;
    jb->lit_active = 0;
    if (jb->lit.n == 0)
        return 0;
    PyObject *s = ucs_to_str(p, &jb->lit);
    jb->lit.n = 0;
    if (s == NULL)
        return -1;
    expr_ty e = _KrP_expr(p, Constant_kind, jb->l, jb->c, jb->el, jb->ec);
    if (e == NULL)
        return -1;
    e->v.Constant.value = s;
    return _KrVec_push(p, &jb->values, e);
}

static void
jb_free(jbuild *jb)
{
    _KrVec_free(&jb->values);
    free(jb->lit.data);
    jb->lit.data = NULL;
}

static expr_ty fstring_replacement_field(Parser *p, jbuild *outer, int spec_depth);

/* Parses literal text and fields up to (not including) the closing token: FSTRING_END
 * for the f-string body, RBRACE for a format spec. */
static int
fstring_parts(Parser *p, jbuild *jb, int spec_depth)
{
    for (;;) {
        KrToken *t = PEEK(p);
        if (t == NULL)
            return -1;
        if (t->type == TOK_FSTRING_MIDDLE) {
            p->mark++;
            ucsbuf tmp = {0};
            int raw = (t->flags & KR_TOKF_RAW) != 0;
            if (decode_str(p, t, t->start, t->end, raw, !(t->flags & KR_TOKF_FORMAT_SPEC),
                           &tmp) < 0) {
                free(tmp.data);
                return -1;
            }
            int r = jb_add_text(p, jb, &tmp, t->lineno, t->col_offset, t->end_lineno,
                                t->end_col_offset);
            free(tmp.data);
            if (r < 0)
                return -1;
        }
        else if (t->type == TOK_LBRACE) {
            if (spec_depth >= 3) {
                KrToken *nt = _KrP_peek_at(p, p->mark + 1);
                (void)nt;
                _KrP_raise(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->lineno,
                           t->col_offset, "f-string: expressions nested too deeply");
                return -1;
            }
            expr_ty fv = fstring_replacement_field(p, jb, spec_depth);
            if (fv == NULL)
                return -1;
            if (jb_flush(p, jb) < 0 || _KrVec_push(p, &jb->values, fv) < 0)
                return -1;
        }
        else
            return 0;
    }
}

static expr_ty
fstring_replacement_field(Parser *p, jbuild *outer, int spec_depth)
{
    int open_idx = p->mark++;
    KrToken *open = TOKAT(p, open_idx);
    KrToken *t = PEEK(p);
    if (t == NULL)
        return NULL;
    if (t->type == TOK_RBRACE || t->type == TOK_EXCLAMATION || t->type == TOK_COLON ||
        t->type == TOK_EQUAL) {
        const char *what = t->type == TOK_RBRACE ? "}" : t->type == TOK_EXCLAMATION ? "!" :
                           t->type == TOK_COLON ? ":" : "=";
        return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(t), POS_OF(t),
                             "f-string: valid expression required before '%s'", what);
    }
    int vst = p->mark;
    expr_ty value = _KrP_annotated_rhs(p);
    if (value == NULL) {
        if (!p->error)
            _KrP_invalid_syntax(p);
        return NULL;
    }
    {
        KrToken *nt = PEEK(p);
        if (nt && nt->type != TOK_EQUAL && nt->type != TOK_EXCLAMATION &&
            nt->type != TOK_COLON && nt->type != TOK_RBRACE)
            _KrP_check_missing_comma(p, value, vst);
        if (p->error)
            return NULL;
    }
    int conversion = -1;
    int debug = 0;
    KrToken *eq = ACCEPT(p, TOK_EQUAL);
    if (eq) {
        debug = 1;
        /* The expression text (with its whitespace) plus '=' becomes literal text. */
        const char *ds = open->end, *de = eq->end;
        ucsbuf tmp = {0};
        /* Trailing whitespace after '=' is part of the debug text too; comments are not. */
        KrToken *nt = PEEK(p);
        const char *te = nt ? nt->start : de;
        char quote = 0;
        for (const char *q = ds; q < te;) {
            if (!quote && *q == '#') {
                while (q < te && *q != '\n')
                    q++;
                continue;
            }
            if (quote && *q == '\\' && q + 1 < te) {
                if (ucs_push(p, &tmp, '\\') < 0) {
                    free(tmp.data);
                    return NULL;
                }
                q++;
            }
            else if (*q == '\'' || *q == '"')
                quote = quote == 0 ? *q : (quote == *q ? 0 : quote);
            Py_UCS4 ch = (unsigned char)*q < 128 ? (Py_UCS4)(unsigned char)*q++ : utf8_next(&q);
            if (ucs_push(p, &tmp, ch) < 0) {
                free(tmp.data);
                return NULL;
            }
        }
        int r = jb_add_text(p, outer, &tmp, open->end_lineno, open->end_col_offset,
                            nt ? nt->lineno : eq->end_lineno,
                            nt ? nt->col_offset : eq->end_col_offset);
        free(tmp.data);
        if (r < 0)
            return NULL;
    }
    KrToken *bang = ACCEPT(p, TOK_EXCLAMATION);
    if (bang) {
        KrToken *n = PEEK(p);
        if (n == NULL)
            return NULL;
        if (n->type != TOK_NAME) {
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                 "f-string: missing conversion character");
        }
        if (n->start != bang->end)
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                 "f-string: conversion type must come right after the exclamanation mark");
        size_t len = (size_t)(n->end - n->start);
        if (len != 1 || (n->start[0] != 's' && n->start[0] != 'r' && n->start[0] != 'a')) {
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                 "f-string: invalid conversion character '%.*s': expected 's', 'r', or 'a'",
                                 (int)len, n->start);
        }
        conversion = n->start[0];
        p->mark++;
    }
    expr_ty spec = NULL;
    KrToken *colon = ACCEPT(p, TOK_COLON);
    if (colon) {
        jbuild sjb;
        memset(&sjb, 0, sizeof sjb);
        _KrVec_init(&sjb.values);
        if (fstring_parts(p, &sjb, spec_depth + 1) < 0 || jb_flush(p, &sjb) < 0) {
            jb_free(&sjb);
            return NULL;
        }
        KrToken *endt = PEEK(p);
        if (endt == NULL) {
            jb_free(&sjb);
            return NULL;
        }
        spec = _KrP_expr(p, JoinedStr_kind, colon->lineno, colon->col_offset,
                         endt->lineno, endt->col_offset);
        if (spec == NULL) {
            jb_free(&sjb);
            return NULL;
        }
        spec->v.JoinedStr.values = _KrVec_finish(p, &sjb.values);
        free(sjb.lit.data);
    }
    KrToken *close = ACCEPT(p, TOK_RBRACE);
    if (close == NULL) {
        if (p->error)
            return NULL;
        KrToken *n = PEEK(p);
        if (n && (n->type == TOK_FSTRING_END || n->type == TOK_FSTRING_MIDDLE))
            return _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                 "f-string: expecting '}'");
        return _KrP_invalid_syntax(p);
    }
    if (debug && conversion == -1 && spec == NULL)
        conversion = 'r';
    expr_ty fv = _KrP_expr(p, FormattedValue_kind, open->lineno, open->col_offset,
                           close->end_lineno, close->end_col_offset);
    if (fv == NULL)
        return NULL;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return fv;
}

/* ---- concatenation ------------------------------------------------------------------- */

static const char *
skip_prefix(KrToken *t, int *qs)
{
    const char *s = t->start;
    while (*s != '\'' && *s != '"')
        s++;
    *qs = (s[1] == s[0] && s[2] == s[0] && t->end - s >= 6) ? 3 : 1;
    return s + *qs;
}

expr_ty
_KrP_strings(Parser *p)
{
    int st = p->mark;
    int any_f = 0, any_bytes = 0, any_str = 0;
    /* First pass: find the extent and kinds of the literal sequence. */
    int i = p->mark;
    for (;;) {
        KrToken *t = _KrP_peek_at(p, i);
        if (t == NULL)
            return NULL;
        if (t->type == TOK_STRING) {
            if (t->flags & KR_TOKF_BYTES) any_bytes = 1; else any_str = 1;
            i++;
        }
        else if (t->type == TOK_FSTRING_START) {
            any_f = 1;
            any_str = 1;
            /* Skip to the matching FSTRING_END (nested f-strings balance). */
            int depth = 0;
            for (;; i++) {
                KrToken *u = _KrP_peek_at(p, i);
                if (u == NULL)
                    return NULL;
                if (u->type == TOK_FSTRING_START) depth++;
                else if (u->type == TOK_FSTRING_END && --depth == 0) break;
                else if (u->type == TOK_ENDMARKER) return _KrP_invalid_syntax(p);
            }
            i++;
        }
        else
            break;
    }
    int end_idx = i;
    if (any_bytes && any_str) {
        /* Reported at the token after the literals, as CPython does. */
        KrToken *after = _KrP_peek_at(p, end_idx);
        if (after == NULL)
            return NULL;
        int ec = after->end_col_offset;
        return _KrP_raise(p, PyExc_SyntaxError, after->lineno, after->col_offset,
                          after->end_lineno, ec, "cannot mix bytes and nonbytes literals");
    }
    KrToken *first = TOKAT(p, st);
    if (any_bytes) {
        bytebuf b = {0};
        for (int k = st; k < end_idx; k++) {
            KrToken *t = TOKAT(p, k);
            int qs;
            const char *s = skip_prefix(t, &qs);
            if (decode_bytes(p, t, s, t->end - qs, (t->flags & KR_TOKF_RAW) != 0, &b) < 0) {
                free(b.data);
                return NULL;
            }
        }
        PyObject *v = PyBytes_FromStringAndSize(b.data ? b.data : "", b.n);
        free(b.data);
        if (_KrP_arena_obj(p, v) < 0)
            return NULL;
        p->mark = end_idx;
        KrToken *last = TOKAT(p, end_idx - 1);
        expr_ty e = _KrP_expr(p, Constant_kind, first->lineno, first->col_offset,
                              last->end_lineno, last->end_col_offset);
        if (e)
            e->v.Constant.value = v;
        return e;
    }
    if (!any_f) {
        ucsbuf b = {0};
        for (int k = st; k < end_idx; k++) {
            KrToken *t = TOKAT(p, k);
            int qs;
            const char *s = skip_prefix(t, &qs);
            if (decode_str(p, t, s, t->end - qs, (t->flags & KR_TOKF_RAW) != 0, 0, &b) < 0) {
                free(b.data);
                return NULL;
            }
        }
        PyObject *v = ucs_to_str(p, &b);
        free(b.data);
        if (v == NULL)
            return NULL;
        p->mark = end_idx;
        KrToken *last = TOKAT(p, end_idx - 1);
        expr_ty e = _KrP_expr(p, Constant_kind, first->lineno, first->col_offset,
                              last->end_lineno, last->end_col_offset);
        if (e) {
            e->v.Constant.value = v;
            if (first->flags & KR_TOKF_UNICODE) {
                PyObject *u = PyUnicode_InternFromString("u");
                if (_KrP_arena_obj(p, u) < 0)
                    return NULL;
                e->v.Constant.kind = u;
            }
        }
        return e;
    }
    jbuild jb;
    memset(&jb, 0, sizeof jb);
    _KrVec_init(&jb.values);
    while (p->mark < end_idx) {
        KrToken *t = TOKAT(p, p->mark);
        if (t->type == TOK_STRING) {
            p->mark++;
            int qs;
            const char *s = skip_prefix(t, &qs);
            ucsbuf tmp = {0};
            if (decode_str(p, t, s, t->end - qs, (t->flags & KR_TOKF_RAW) != 0, 0, &tmp) < 0 ||
                jb_add_text(p, &jb, &tmp, t->lineno, t->col_offset, t->end_lineno,
                            t->end_col_offset) < 0) {
                free(tmp.data);
                jb_free(&jb);
                return NULL;
            }
            free(tmp.data);
            continue;
        }
        /* FSTRING_START */
        p->mark++;
        if (_KrP_enter(p) < 0) {
            jb_free(&jb);
            return NULL;
        }
        int r = fstring_parts(p, &jb, 0);
        p->depth--;
        if (r < 0) {
            jb_free(&jb);
            return NULL;
        }
        if (!ACCEPT(p, TOK_FSTRING_END)) {
            jb_free(&jb);
            if (!p->error) {
                KrToken *n = PEEK(p);
                if (n)
                    _KrP_raise_at(p, PyExc_SyntaxError, POS_OF(n), POS_OF(n),
                                  "f-string: expecting '}'");
            }
            return NULL;
        }
    }
    if (jb_flush(p, &jb) < 0) {
        jb_free(&jb);
        return NULL;
    }
    free(jb.lit.data);
    KrToken *last = TOKAT(p, end_idx - 1);
    expr_ty e = _KrP_expr(p, JoinedStr_kind, first->lineno, first->col_offset,
                          last->end_lineno, last->end_col_offset);
    if (e == NULL) {
        _KrVec_free(&jb.values);
        return NULL;
    }
    e->v.JoinedStr.values = _KrVec_finish(p, &jb.values);
    return e;
}
