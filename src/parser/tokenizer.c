/* The tokenizer: turns a UTF-8 buffer into Python tokens, including INDENT/DEDENT and the
 * PEP 701 f-string token stream (FSTRING_START, FSTRING_MIDDLE, replacement-field tokens,
 * FSTRING_END). Lines are pre-normalised to '\n' so positions are simple pointer arithmetic. */
#include <stdlib.h>
#include <string.h>
#include "Python.h"
#include "internal/pycore_token.h"
#include "pctype.h"

const char *const _KrToken_OpStrings[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END", "ERRORTOKEN",
#define KR_OP_STR(name, str) str,
    KR_OPERATORS(KR_OP_STR)
#undef KR_OP_STR
};

const char *const _KrKeyword_Strings[] = {
    "",
#define KR_KW_STR(name) #name,
    KR_KEYWORDS(KR_KW_STR)
#undef KR_KW_STR
};

#define TABSIZE 8

/* ---- errors ------------------------------------------------------------------- */

const char *
_KrTokenizer_LineStart(KrTokState *tok, int lineno)
{
    const char *p = tok->buf;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(tok->end - p));
        if (nl == NULL)
            return NULL;
        p = nl + 1;
    }
    return p < tok->end ? p : (lineno == 1 ? p : NULL);
}

static int
utf8_chars(const char *s, const char *e)
{
    int n = 0;
    for (; s < e; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Offsets given as 0-based byte columns; converted to the 1-based character offsets a
 * SyntaxError carries. CPython uses end offsets -1 and 0 as "unknown" markers in some
 * messages: pass -1 for -1 and -2 for 0. */
void
_KrTokenizer_RaiseAt(KrTokState *tok, PyObject *exc, const char *msg, int lineno,
                     int col_byte, int end_lineno, int end_col_byte, int with_newline)
{
    const char *ls = _KrTokenizer_LineStart(tok, lineno);
    PyObject *text = NULL;
    int offset = col_byte + 1, end_offset = end_col_byte == -2 ? 0 : end_col_byte;
    if (ls != NULL) {
        const char *nl = memchr(ls, '\n', (size_t)(tok->end - ls));
        const char *le = nl ? nl : tok->end;
        if (col_byte >= 0 && ls + col_byte <= le + 1)
            offset = utf8_chars(ls, ls + (col_byte < le - ls ? col_byte : le - ls)) + 1 +
                     (col_byte > le - ls ? col_byte - (int)(le - ls) : 0);
        text = PyUnicode_DecodeUTF8(ls, (le - ls) + (with_newline && nl ? 1 : 0), "replace");
    }
    if (end_col_byte >= 0) {
        const char *els = end_lineno == lineno ? ls : _KrTokenizer_LineStart(tok, end_lineno);
        if (els != NULL) {
            const char *nl = memchr(els, '\n', (size_t)(tok->end - els));
            const char *le = nl ? nl : tok->end;
            if (els + end_col_byte <= le)
                end_offset = utf8_chars(els, els + end_col_byte) + 1;
            else
                end_offset = utf8_chars(els, le) + 1 + (int)(end_col_byte - (le - els));
        }
        else
            end_offset = end_col_byte + 1;
    }
    if (text == NULL) {
        PyErr_Clear();
        text = Py_None;
        Py_INCREF(text);
    }
    PyObject *m = PyUnicode_FromString(msg);
    PyObject *ln = PyLong_FromLong(lineno), *off = PyLong_FromLong(offset);
    PyObject *eln = PyLong_FromLong(end_lineno), *eoff = PyLong_FromLong(end_offset);
    PyObject *fn = tok->filename ? tok->filename : Py_None;
    PyObject *loc = NULL, *args = NULL, *inst = NULL;
    if (m && ln && off && eln && eoff)
        loc = PyTuple_Pack(6, fn, ln, off, text, eln, eoff);
    if (loc)
        args = PyTuple_Pack(2, m, loc);
    if (args)
        inst = PyObject_Call(exc, args, NULL);
    Py_XDECREF(m);
    Py_XDECREF(ln);
    Py_XDECREF(off);
    Py_XDECREF(eln);
    Py_XDECREF(eoff);
    Py_XDECREF(loc);
    Py_XDECREF(args);
    Py_DECREF(text);
    if (inst != NULL)
        PyErr_SetRaisedException(inst);
    tok->done = 1;
}

/* Error at the tokenizer's current line; columns are byte pointers into the buffer. */
static int
tok_error_range(KrTokState *tok, PyObject *exc, const char *msg, const char *start,
                const char *end)
{
    int col = (int)(start - tok->line_start);
    int ecol = (int)(end - tok->line_start);
    _KrTokenizer_RaiseAt(tok, exc, msg, tok->lineno, col, tok->lineno, ecol, 0);
    return TOK_ERROR;
}

/* CPython's convention for most tokenizer errors: the offset is the number of characters
 * before `at`, i.e. it points at the character just before it (1-based). */
static int
tok_error_before(KrTokState *tok, const char *msg, const char *at)
{
    int col = (int)(at - tok->line_start) - 1;
    if (col < 0)
        col = 0;
    return tok_error_range(tok, PyExc_SyntaxError, msg, tok->line_start + col,
                           tok->line_start + col);
}

static int
tok_errorf_before(KrTokState *tok, const char *at, const char *fmt, ...)
{
    char buf[256];
    va_list va;
    va_start(va, fmt);
    vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    return tok_error_before(tok, buf, at);
}

static int
tok_warn(KrTokState *tok, PyObject *category, const char *msg)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL)
        return -1;
    int r = PyErr_WarnExplicitObject(category, m, tok->filename ? tok->filename : Py_None,
                                     tok->lineno, NULL, NULL);
    Py_DECREF(m);
    if (r < 0 && PyErr_ExceptionMatches(category)) {
        /* A warning turned into an error is reported as a SyntaxError at the token. */
        PyErr_Clear();
        tok_error_range(tok, PyExc_SyntaxError, msg, tok->cur, tok->cur);
    }
    else if (r < 0)
        tok->done = 1;
    return r;
}

/* ---- source decoding ---------------------------------------------------------- */

static int
is_cookie_line(const char *s, const char *e, char *name, size_t namesz)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (s >= e || *s != '#')
        return 0;
    for (const char *p = s; p + 6 <= e; p++) {
        if (memcmp(p, "coding", 6) == 0 && p + 6 < e && (p[6] == ':' || p[6] == '=')) {
            const char *q = p + 7;
            while (q < e && (*q == ' ' || *q == '\t'))
                q++;
            size_t n = 0;
            while (q < e && (Py_ISALNUM(*q) || *q == '-' || *q == '_' || *q == '.') &&
                   n + 1 < namesz)
                name[n++] = *q++;
            name[n] = 0;
            if (n > 0)
                return 1;
        }
    }
    return 0;
}

static const char *
normal_encoding_name(const char *s, char *out, size_t outsz)
{
    size_t i;
    for (i = 0; s[i] && i + 1 < outsz; i++)
        out[i] = (s[i] == '_') ? '-' : (char)Py_TOLOWER(s[i]);
    out[i] = 0;
    if (strcmp(out, "utf-8") == 0 || strncmp(out, "utf-8-", 6) == 0 || strcmp(out, "utf8") == 0)
        return "utf-8";
    if (strcmp(out, "latin-1") == 0 || strcmp(out, "iso-8859-1") == 0 ||
        strcmp(out, "iso-latin-1") == 0 || strncmp(out, "latin-1-", 8) == 0 ||
        strncmp(out, "iso-8859-1-", 11) == 0 || strncmp(out, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return s;
}

/* Index of the first byte that is not valid UTF-8, or -1. */
static Py_ssize_t
utf8_first_invalid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        int len;
        unsigned int cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return (Py_ssize_t)i;
        if (i + (size_t)len > n) return (Py_ssize_t)i;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return (Py_ssize_t)i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return (Py_ssize_t)i;
        i += (size_t)len;
    }
    return -1;
}

static void
raise_decode_error(KrTokState *tok)
{
    /* Let the codec describe the problem, as CPython does for undecodable source. */
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *s = exc ? PyObject_Str(exc) : NULL;
    Py_XDECREF(exc);
    const char *u = s ? PyUnicode_AsUTF8(s) : NULL;
    char buf[512];
    snprintf(buf, sizeof buf, "(unicode error) %s", u ? u : "invalid source encoding");
    Py_XDECREF(s);
    PyErr_Clear();
    tok->end = tok->buf + strlen(tok->buf);
    _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, buf, 1, 0, 1, -1, 1);
}

int
_KrTokenizer_Init(KrTokState *tok, const char *src, PyObject *filename, int ignore_cookie)
{
    memset(tok, 0, sizeof *tok);
    tok->filename = filename;
    tok->lineno = 1;
    tok->atbol = 1;
    size_t n = strlen(src);
    int bom = 0;
    if (n >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        src += 3;
        n -= 3;
        bom = 1;
    }
    PyObject *decoded = NULL;
    const char *text = src;
    size_t tlen = n;
    if (!ignore_cookie) {
        /* The cookie may be on line 1, or on line 2 if line 1 is only a comment/blank. */
        char name[64];
        const char *l1e = memchr(src, '\n', n);
        const char *l1end = l1e ? l1e : src + n;
        int found = is_cookie_line(src, l1end, name, sizeof name);
        if (!found && l1e) {
            const char *p = src;
            while (p < l1end && (*p == ' ' || *p == '\t' || *p == '\f'))
                p++;
            if (p == l1end || *p == '#' || *p == '\r') {
                const char *l2 = l1e + 1;
                const char *l2e = memchr(l2, '\n', (size_t)(src + n - l2));
                found = is_cookie_line(l2, l2e ? l2e : src + n, name, sizeof name);
            }
        }
        if (found) {
            char norm[64];
            const char *enc = normal_encoding_name(name, norm, sizeof norm);
            if (strcmp(enc, "utf-8") != 0) {
                if (bom) {
                    char msg[128];
                    snprintf(msg, sizeof msg, "encoding problem: %s with BOM", name);
                    tok->buf = src;
                    tok->end = src + n;
                    _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, msg, 1, 0, 1, -1, 1);
                    tok->buf = NULL;
                    return -1;
                }
                decoded = PyUnicode_Decode(src, (Py_ssize_t)n, enc, NULL);
                if (decoded == NULL) {
                    if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                        char msg[128];
                        PyErr_Clear();
                        snprintf(msg, sizeof msg, "unknown encoding: %s", name);
                        tok->buf = src;
                        tok->end = src + n;
                        _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, msg, 1, 0, 1, -1, 1);
                        tok->buf = NULL;
                        return -1;
                    }
                    tok->buf = src;
                    raise_decode_error(tok);
                    tok->buf = NULL;
                    return -1;
                }
                Py_ssize_t sz;
                text = PyUnicode_AsUTF8AndSize(decoded, &sz);
                if (text == NULL) {
                    Py_DECREF(decoded);
                    return -1;
                }
                tlen = (size_t)sz;
            }
        }
    }
    /* Private copy with '\r\n' and '\r' folded to '\n' and a guaranteed final newline. */
    char *buf = malloc(tlen + 2);
    if (buf == NULL) {
        Py_XDECREF(decoded);
        PyErr_NoMemory();
        return -1;
    }
    size_t j = 0;
    for (size_t i = 0; i < tlen; i++) {
        char c = text[i];
        if (c == '\r') {
            if (i + 1 < tlen && text[i + 1] == '\n')
                i++;
            c = '\n';
        }
        buf[j++] = c;
    }
    if (j == 0 || buf[j - 1] != '\n')
        buf[j++] = '\n';
    buf[j] = 0;
    Py_XDECREF(decoded);
    tok->buf = buf;
    tok->end = buf + j;
    tok->cur = buf;
    tok->line_start = buf;
    tok->last_was_newline = 1;
    /* CPython decodes source line by line, so invalid UTF-8 is reported only when the
     * tokenizer reaches that line; earlier errors win. */
    Py_ssize_t bad = utf8_first_invalid((const unsigned char *)buf, j);
    if (bad >= 0) {
        tok->bad_ptr = buf + bad;
        tok->bad_line = 1;
        for (const char *q = buf; q < tok->bad_ptr; q++)
            if (*q == '\n')
                tok->bad_line++;
    }
    return 0;
}

static int is_id_char(unsigned char c);

/* Raises the deferred "(unicode error)" for the invalid byte at tok->bad_ptr. */
static void
raise_bad_utf8(KrTokState *tok)
{
    const char *bad = tok->bad_ptr;
    const char *ls = bad;
    while (ls > tok->buf && ls[-1] != '\n')
        ls--;
    const char *le = memchr(bad, '\n', (size_t)(tok->end - bad));
    if (le == NULL)
        le = tok->end;
    /* Non-ASCII bytes are identifier characters to the tokenizer, so CPython decodes the
     * whole would-be identifier around the bad byte. */
    const char *cs = bad;
    while (cs > ls && is_id_char((unsigned char)cs[-1]))
        cs--;
    const char *ce = bad;
    while (ce < le && is_id_char((unsigned char)*ce))
        ce++;
    PyObject *u = PyUnicode_DecodeUTF8(cs, ce - cs, NULL);
    Py_XDECREF(u);
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *es = exc ? PyObject_Str(exc) : NULL;
    Py_XDECREF(exc);
    PyErr_Clear();
    const char *m = es ? PyUnicode_AsUTF8(es) : NULL;
    char msg[512];
    snprintf(msg, sizeof msg, "(unicode error) %s", m ? m : "invalid utf-8");
    Py_XDECREF(es);
    PyErr_Clear();
    _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, msg, tok->bad_line, (int)(bad - ls),
                         tok->bad_line, -1, 1);
}

void
_KrTokenizer_Fini(KrTokState *tok)
{
    free((void *)tok->buf);
    tok->buf = NULL;
}

/* ---- helpers ------------------------------------------------------------------ */

static void
newline_at(KrTokState *tok, const char *after)
{
    tok->lineno++;
    tok->line_start = after;
}

static void
fill_token(KrTokState *tok, KrToken *t, int type, const char *start, int sline,
           const char *sls, const char *end)
{
    t->type = type;
    t->start = start;
    t->end = end;
    t->lineno = sline;
    t->col_offset = (int)(start - sls);
    t->end_lineno = tok->lineno;
    t->end_col_offset = (int)(end - tok->line_start);
    tok->last_type = type;
}

static int
is_id_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int
is_id_char(unsigned char c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int
lookup_keyword(const char *s, size_t n)
{
    for (int k = 1; k < KW__COUNT; k++) {
        const char *kw = _KrKeyword_Strings[k];
        if (strlen(kw) == n && memcmp(kw, s, n) == 0)
            return k;
    }
    return 0;
}

/* Validates a non-ASCII identifier; raises the "invalid character" errors. */
static int
verify_identifier(KrTokState *tok, const char *start, const char *end)
{
    PyObject *s = PyUnicode_DecodeUTF8(start, end - start, NULL);
    if (s == NULL) {
        PyErr_Clear();
        return tok_error_before(tok, "invalid character", start + 1) == TOK_ERROR ? -1 : -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    Py_ssize_t bad = -1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        int ok;
        if (ch < 128)
            ok = ch == '_' || Py_ISALPHA(ch) || (i > 0 && Py_ISDIGIT(ch));
        else
            ok = i == 0 ? _PyUnicode_IsXidStart(ch) : _PyUnicode_IsXidContinue(ch);
        if (!ok) {
            bad = i;
            break;
        }
    }
    if (bad < 0) {
        Py_DECREF(s);
        return 0;
    }
    Py_UCS4 ch = PyUnicode_READ_CHAR(s, bad);
    Py_DECREF(s);
    /* Find the byte position of character `bad`. */
    const char *p = start;
    for (Py_ssize_t i = 0; i < bad; p++)
        if (((unsigned char)p[1] & 0xC0) != 0x80)
            i++;
    char msg[64];
    if (_PyUnicode_IsPrintable(ch)) {
        char u8[5] = {0};
        int k = 0;
        const char *q = p;
        do
            u8[k++] = *q++;
        while (k < 4 && ((unsigned char)*q & 0xC0) == 0x80);
        snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", u8, (unsigned)ch);
    }
    else
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)ch);
    tok->cur = p;
    tok_error_range(tok, PyExc_SyntaxError, msg, p, p);
    return -1;
}

/* ---- numbers ------------------------------------------------------------------ */

/* After a number: a following keyword like `1if` only warns (3.13), other identifier
 * characters are an error. */
static int
verify_end_of_number(KrTokState *tok, const char *kind)
{
    const char *c = tok->cur;
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t l = strlen(kws[i]);
        if (strncmp(c, kws[i], l) == 0) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            if (tok_warn(tok, PyExc_SyntaxWarning, msg) < 0)
                return 0;
            return 1;
        }
    }
    if ((unsigned char)*c < 128 && is_id_char((unsigned char)*c)) {
        tok_errorf_before(tok, c, "invalid %s literal", kind);
        /* CPython points at the last character of the number. */
        return 0;
    }
    return 1;
}

static int
digits_tail(KrTokState *tok, int (*isdig)(int), const char *kind)
{
    /* Consumes digits with single underscores between them. Returns 0 on error. */
    for (;;) {
        while (isdig((unsigned char)*tok->cur))
            tok->cur++;
        if (*tok->cur != '_')
            break;
        tok->cur++;
        if (!isdig((unsigned char)*tok->cur)) {
            tok_errorf_before(tok, tok->cur, "invalid %s literal", kind);
            return 0;
        }
    }
    return 1;
}

static int isdec(int c) { return c >= '0' && c <= '9'; }
static int ishex(int c) { return Py_ISXDIGIT(c); }
static int isoct(int c) { return c >= '0' && c <= '7'; }
static int isbin(int c) { return c == '0' || c == '1'; }

static int
scan_exponent_and_imag(KrTokState *tok)
{
    if (*tok->cur == 'e' || *tok->cur == 'E') {
        const char *e = tok->cur;
        tok->cur++;
        if (*tok->cur == '+' || *tok->cur == '-')
            tok->cur++;
        if (!isdec((unsigned char)*tok->cur)) {
            /* CPython points at the 'e', or past the sign if there is one. */
            const char *at = tok->cur > e + 1 ? tok->cur : e;
            tok->cur = e;
            tok_error_before(tok, "invalid decimal literal", at);
            return 0;
        }
        if (!digits_tail(tok, isdec, "decimal"))
            return 0;
    }
    if (*tok->cur == 'j' || *tok->cur == 'J')
        tok->cur++;
    return verify_end_of_number(tok, "decimal");
}

static int
scan_number(KrTokState *tok)
{
    const char *start = tok->cur;
    if (*start == '0' && (start[1] == 'x' || start[1] == 'X' || start[1] == 'o' ||
                          start[1] == 'O' || start[1] == 'b' || start[1] == 'B')) {
        char k = (char)Py_TOLOWER(start[1]);
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        int (*isdig)(int) = k == 'x' ? ishex : k == 'o' ? isoct : isbin;
        tok->cur += 2;
        if (*tok->cur == '_')
            tok->cur++;
        if (!isdig((unsigned char)*tok->cur)) {
            if (k != 'x' && isdec((unsigned char)*tok->cur)) {
                tok->cur++;
                tok_errorf_before(tok, tok->cur, "invalid digit '%c' in %s literal",
                                  tok->cur[-1], kind);
                return 0;
            }
            tok_errorf_before(tok, tok->cur, "invalid %s literal", kind);
            return 0;
        }
        if (!digits_tail(tok, isdig, kind))
            return 0;
        if (k != 'x' && isdec((unsigned char)*tok->cur)) {
            tok->cur++;
            tok_errorf_before(tok, tok->cur, "invalid digit '%c' in %s literal",
                              tok->cur[-1], kind);
            return 0;
        }
        return verify_end_of_number(tok, kind);
    }
    if (*start == '.') {
        tok->cur++;
        if (!digits_tail(tok, isdec, "decimal"))
            return 0;
        return scan_exponent_and_imag(tok);
    }
    int leading_zero = *start == '0';
    if (!digits_tail(tok, isdec, "decimal"))
        return 0;
    if (*tok->cur == '.') {
        tok->cur++;
        if (isdec((unsigned char)*tok->cur) && !digits_tail(tok, isdec, "decimal"))
            return 0;
        return scan_exponent_and_imag(tok);
    }
    if (*tok->cur == 'e' || *tok->cur == 'E' || *tok->cur == 'j' || *tok->cur == 'J')
        return scan_exponent_and_imag(tok);
    if (leading_zero) {
        int nonzero = 0;
        for (const char *p = start; p < tok->cur; p++)
            if (*p != '0' && *p != '_')
                nonzero = 1;
        if (nonzero) {
            tok_error_range(tok, PyExc_SyntaxError,
                            "leading zeros in decimal integer literals are not permitted; "
                            "use an 0o prefix for octal integers",
                            start, tok->cur - 1 > start ? start + 1 : start + 1);
            return 0;
        }
    }
    return verify_end_of_number(tok, "decimal");
}

/* ---- strings ------------------------------------------------------------------ */

/* Recognises a string prefix ending right before a quote; returns flags or -1. */
static int
string_prefix(const char *s, size_t n)
{
    int flags = 0, saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    if (n > 2)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = (char)Py_TOLOWER(s[i]);
        if (c == 'b' && !saw_b && !saw_u && !saw_f) saw_b = 1;
        else if (c == 'r' && !saw_r && !saw_u) saw_r = 1;
        else if (c == 'u' && !saw_u && !saw_b && !saw_r && !saw_f && n == 1) saw_u = 1;
        else if (c == 'f' && !saw_f && !saw_b && !saw_u) saw_f = 1;
        else return -1;
    }
    if (saw_b) flags |= KR_TOKF_BYTES;
    if (saw_r) flags |= KR_TOKF_RAW;
    if (saw_u) flags |= KR_TOKF_UNICODE;
    if (saw_f) flags |= KR_TOKF_FSTRING;
    return flags;
}

static KrFStringMode *
cur_fmode(KrTokState *tok)
{
    return tok->nfstring ? &tok->fstack[tok->nfstring - 1] : NULL;
}

/* Scans a plain (non-f) string body after its opening quotes. */
static int
scan_string(KrTokState *tok, const char *start, int sline, const char *sls, char q, int qs)
{
    int raw_unused = 0;
    (void)raw_unused;
    for (;;) {
        char c = *tok->cur;
        if (tok->cur >= tok->end || (qs == 1 && c == '\n')) {
            KrFStringMode *m = cur_fmode(tok);
            if (m && m->in_expr && m->quote == q && m->quote_size == qs) {
                tok->lineno = sline;
                tok->line_start = sls;
                tok_error_range(tok, PyExc_SyntaxError, "f-string: expecting '}'",
                                start, start);
                return 0;
            }
            char msg[96];
            int detected = tok->lineno;
            if (qs == 1)
                snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)",
                         detected);
            else {
                if (tok->cur >= tok->end && tok->end[-1] == '\n')
                    detected = tok->lineno - 1;
                snprintf(msg, sizeof msg,
                         "unterminated triple-quoted string literal (detected at line %d)",
                         detected);
            }
            tok->lineno = sline;
            tok->line_start = sls;
            tok_error_range(tok, PyExc_SyntaxError, msg, start, start);
            return 0;
        }
        if (c == q && (qs == 1 || (tok->cur[1] == q && tok->cur[2] == q))) {
            tok->cur += qs;
            return 1;
        }
        if (c == '\\') {
            tok->cur++;
            if (tok->cur >= tok->end)
                continue;
            if (*tok->cur == '\n') {
                tok->cur++;
                newline_at(tok, tok->cur);
                if (qs == 1 && tok->cur >= tok->end) {
                    /* Backslash-newline at EOF: reported on the string's line. */
                    continue;
                }
            }
            else
                tok->cur++;
            continue;
        }
        tok->cur++;
        if (c == '\n')
            newline_at(tok, tok->cur);
    }
}

/* ---- f-string literal parts ----------------------------------------------------- */

static int
fstring_unterminated(KrTokState *tok, KrFStringMode *m)
{
    char msg[112];
    int detected = tok->lineno;
    if (m->quote_size == 3 && tok->cur >= tok->end)
        detected = tok->lineno - 1;
    snprintf(msg, sizeof msg, "unterminated %sf-string literal (detected at line %d)",
             m->quote_size == 3 ? "triple-quoted " : "", detected);
    tok->lineno = m->start_lineno;
    tok->line_start = m->start - m->start_col;
    tok_error_range(tok, PyExc_SyntaxError, msg, m->start, m->start);
    return TOK_ERROR;
}

static int
push_paren(KrTokState *tok, char c, const char *at)
{
    if (tok->level >= KR_MAXLEVEL) {
        tok->cur = at + 1;
        return tok_error_range(tok, PyExc_SyntaxError, "too many nested parentheses", at,
                               at);
    }
    tok->parenstack[tok->level] = c;
    tok->parenlinenostack[tok->level] = tok->lineno;
    tok->parencolstack[tok->level] = (int)(at - tok->line_start);
    tok->level++;
    return 0;
}

/* Produces the next token while inside the literal text (or a format spec) of the
 * innermost f-string. */
static int
fstring_literal_token(KrTokState *tok, KrToken *t, KrFStringMode *m)
{
    const char *start = tok->cur;
    int sline = tok->lineno;
    const char *sls = tok->line_start;
    int in_spec = m->in_spec > 0 && m->in_expr == 0;
    for (;;) {
        char c = *tok->cur;
        if (tok->cur >= tok->end) {
            if (in_spec) {
                tok->lineno = sline;
                tok->line_start = sls;
                return tok_error_range(tok, PyExc_SyntaxError, "f-string: expecting '}'",
                                       start, start);
            }
            return fstring_unterminated(tok, m);
        }
        if (c == m->quote &&
            (m->quote_size == 1 || (tok->cur[1] == m->quote && tok->cur[2] == m->quote))) {
            if (in_spec) {
                return tok_error_range(tok, PyExc_SyntaxError, "f-string: expecting '}'",
                                       tok->cur, tok->cur);
            }
            if (tok->cur > start)
                break;
            tok->cur += m->quote_size;
            fill_token(tok, t, TOK_FSTRING_END, start, sline, sls, tok->cur);
            tok->nfstring--;
            return TOK_FSTRING_END;
        }
        if (c == '\n' && m->quote_size == 1) {
            if (in_spec) {
                if (tok->cur > start)
                    break;
                return tok_error_range(tok, PyExc_SyntaxError,
                                       "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
                                       tok->cur, tok->cur);
            }
            return fstring_unterminated(tok, m);
        }
        if (c == '\\') {
            char n = tok->cur[1];
            if (!m->raw && n == 'N' && tok->cur[2] == '{') {
                const char *p = tok->cur + 3;
                while (p < tok->end && *p != '}' && *p != m->quote && *p != '\n')
                    p++;
                if (*p == '}') {
                    tok->cur = p + 1;
                    continue;
                }
            }
            if (n == '{' || n == '}') {
                tok->cur++;
                continue;
            }
            tok->cur += 2;
            if (n == '\n')
                newline_at(tok, tok->cur);
            continue;
        }
        if (c == '{') {
            if (!in_spec && tok->cur[1] == '{') {
                tok->cur += 2;
                continue;
            }
            if (tok->cur > start)
                break;
            if (push_paren(tok, '{', tok->cur) < 0 || tok->done)
                return TOK_ERROR;
            tok->cur++;
            m->in_expr = 1;
            m->expr_level = tok->level;
            fill_token(tok, t, TOK_LBRACE, start, sline, sls, tok->cur);
            return TOK_LBRACE;
        }
        if (c == '}') {
            if (in_spec) {
                if (tok->cur > start)
                    break;
                /* End of the format spec closes its replacement field too. */
                tok->level--;
                tok->cur++;
                m->in_spec--;
                /* Back in the enclosing context: an outer spec or plain literal text. */
                if (m->in_spec > 0) {
                    m->in_expr = 0;
                    m->expr_level = m->spec_levels[m->in_spec - 1];
                }
                else
                    m->in_expr = 0;
                fill_token(tok, t, TOK_RBRACE, start, sline, sls, tok->cur);
                return TOK_RBRACE;
            }
            if (tok->cur[1] == '}') {
                tok->cur += 2;
                continue;
            }
            tok->cur++;
            return tok_error_before(tok, "f-string: single '}' is not allowed", tok->cur);
        }
        tok->cur++;
        if (c == '\n')
            newline_at(tok, tok->cur);
    }
    fill_token(tok, t, TOK_FSTRING_MIDDLE, start, sline, sls, tok->cur);
    t->flags = (m->raw ? KR_TOKF_RAW : 0) | (in_spec ? KR_TOKF_FORMAT_SPEC : 0);
    return TOK_FSTRING_MIDDLE;
}

/* ---- main loop ------------------------------------------------------------------ */

/* Computes indentation at the start of a logical line. Returns 0 to continue, or a token
 * type (error) to return. Sets tok->pendin. */
static int
handle_indentation(KrTokState *tok)
{
    for (;;) {
        int col = 0, altcol = 0;
        const char *p = tok->cur;
        for (;; p++) {
            if (*p == ' ') { col++; altcol++; }
            else if (*p == '\t') { col = (col / TABSIZE + 1) * TABSIZE; altcol++; }
            else if (*p == '\f') { col = altcol = 0; }
            else break;
        }
        tok->cur = p;
        if (*p == '#' || *p == '\n' || *p == '\\') {
            if (*p == '\\' && p[1] == '\n') {
                /* A backslash continuation at the start of a line counts as content. */
            }
            else {
                /* Blank or comment-only lines do not affect indentation. */
                if (*p == '#')
                    while (*p != '\n')
                        p++;
                tok->cur = p + 1;
                newline_at(tok, tok->cur);
                if (tok->cur >= tok->end)
                    return 0;
                continue;
            }
        }
        if (tok->cur >= tok->end)
            return 0;
        if (col == tok->indstack[tok->indent]) {
            if (altcol != tok->altindstack[tok->indent])
                goto tab_error;
        }
        else if (col > tok->indstack[tok->indent]) {
            if (tok->indent + 1 >= KR_MAXINDENT) {
                tok->deferred_err = 1;
                _KrTokenizer_RaiseAt(tok, PyExc_IndentationError, "too many levels of indentation",
                                     tok->lineno, 0, tok->lineno, -2, 1);
                return TOK_ERROR;
            }
            if (altcol <= tok->altindstack[tok->indent])
                goto tab_error;
            tok->pendin++;
            tok->indstack[++tok->indent] = col;
            tok->altindstack[tok->indent] = altcol;
        }
        else {
            while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                tok->pendin--;
                tok->indent--;
            }
            if (col != tok->indstack[tok->indent]) {
                const char *le = strchr(tok->cur, '\n');
                tok->deferred_err = 1;
                _KrTokenizer_RaiseAt(tok, PyExc_IndentationError,
                                     "unindent does not match any outer indentation level",
                                     tok->lineno, (int)(le - tok->line_start), tok->lineno, -1,
                                     1);
                return TOK_ERROR;
            }
            if (altcol != tok->altindstack[tok->indent])
                goto tab_error;
        }
        return 0;
    }
tab_error:
    tok->deferred_err = 1;
    _KrTokenizer_RaiseAt(tok, PyExc_TabError, "inconsistent use of tabs and spaces in indentation",
                         tok->lineno, 0, tok->lineno, -2, 1);
    return TOK_ERROR;
}

static int
tok_get(KrTokState *tok, KrToken *t)
{
    t->flags = 0;
    t->keyword = 0;
    if (tok->done)
        return TOK_ERROR;
    KrFStringMode *m = cur_fmode(tok);
    if (m && !m->in_expr)
        return fstring_literal_token(tok, t, m);

    if (tok->atbol && !m) {
        tok->atbol = 0;
        if (tok->level == 0) {
            int r = handle_indentation(tok);
            if (r)
                return r;
        }
    }
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            fill_token(tok, t, TOK_DEDENT, tok->cur, tok->lineno, tok->line_start, tok->cur);
            return TOK_DEDENT;
        }
        tok->pendin--;
        fill_token(tok, t, TOK_INDENT, tok->line_start, tok->lineno, tok->line_start,
                   tok->cur);
        return TOK_INDENT;
    }

again:
    while (*tok->cur == ' ' || *tok->cur == '\t' || *tok->cur == '\f')
        tok->cur++;
    const char *comment = NULL;
    if (*tok->cur == '#') {
        /* A NEWLINE after a comment starts where the comment does (as in CPython). */
        comment = tok->cur;
        while (*tok->cur != '\n')
            tok->cur++;
    }
    if (tok->cur >= tok->end) {
        if (tok->level > 0 && !tok->done && !tok->quiet_unclosed) {
            int i = tok->level - 1;
            char msg[64];
            snprintf(msg, sizeof msg, "'%c' was never closed", tok->parenstack[i]);
            int ln = tok->parenlinenostack[i];
            _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, msg, ln, tok->parencolstack[i], ln,
                                 -2, ln == tok->lineno - 1);
            return TOK_ERROR;
        }
        if (m)
            return fstring_unterminated(tok, m);
        if (!tok->last_was_newline && tok->last_type != TOK_DEDENT &&
            tok->last_type != TOK_NEWLINE && tok->last_type != TOK_INDENT) {
            fill_token(tok, t, TOK_NEWLINE, tok->cur, tok->lineno, tok->line_start, tok->cur);
            return TOK_NEWLINE;
        }
        if (tok->indent > 0) {
            tok->indent--;
            fill_token(tok, t, TOK_DEDENT, tok->cur, tok->lineno, tok->line_start, tok->cur);
            return TOK_DEDENT;
        }
        fill_token(tok, t, TOK_ENDMARKER, tok->cur, tok->lineno, tok->line_start, tok->cur);
        return TOK_ENDMARKER;
    }

    const char *start = tok->cur;
    int sline = tok->lineno;
    const char *sls = tok->line_start;
    unsigned char c = (unsigned char)*tok->cur;

    if (c == '\n') {
        tok->cur++;
        int blank = tok->last_was_newline;
        newline_at(tok, tok->cur);
        if (tok->level > 0 || blank) {
            if (tok->level == 0 && !m)
                tok->atbol = 1;
            if (tok->level == 0 && !m && blank) {
                int r = handle_indentation(tok);
                tok->atbol = 0;
                if (r)
                    return r;
                if (tok->pendin != 0)
                    return tok_get(tok, t);
            }
            goto again;
        }
        tok->atbol = 1;
        tok->last_was_newline = 1;
        fill_token(tok, t, TOK_NEWLINE, comment ? comment : start, sline, sls, start + 1);
        t->end_lineno = sline;
        t->end_col_offset = (int)(start + 1 - sls);
        return TOK_NEWLINE;
    }
    tok->last_was_newline = 0;

    if (c == '\\') {
        if (tok->cur[1] != '\n') {
            tok->cur++;
            tok->deferred_err = 1;
            _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError,
                                 "unexpected character after line continuation character",
                                 tok->lineno, (int)(tok->cur - tok->line_start), tok->lineno, -2,
                                 1);
            return TOK_ERROR;
        }
        tok->cur += 2;
        if (tok->cur >= tok->end) {
            tok->deferred_err = 1;
            _KrTokenizer_RaiseAt(tok, PyExc_SyntaxError, "unexpected EOF while parsing",
                                 sline, (int)(start + 1 - sls), sline, -1, 1);
            return TOK_ERROR;
        }
        newline_at(tok, tok->cur);
        goto again;
    }

    if (is_id_start(c)) {
        const char *p = tok->cur;
        int nonascii = 0;
        while (is_id_char((unsigned char)*p)) {
            if ((unsigned char)*p >= 128)
                nonascii = 1;
            p++;
        }
        if (*p == '"' || *p == '\'') {
            int flags = string_prefix(start, (size_t)(p - start));
            if (flags >= 0) {
                tok->cur = p;
                goto string;
            }
        }
        tok->cur = p;
        if (nonascii && verify_identifier(tok, start, p) < 0)
            return TOK_ERROR;
        fill_token(tok, t, TOK_NAME, start, sline, sls, p);
        t->keyword = lookup_keyword(start, (size_t)(p - start));
        return TOK_NAME;
    }

    if (Py_ISDIGIT(c) || (c == '.' && Py_ISDIGIT(tok->cur[1]))) {
        if (!scan_number(tok))
            return TOK_ERROR;
        fill_token(tok, t, TOK_NUMBER, start, sline, sls, tok->cur);
        return TOK_NUMBER;
    }

    if (c == '"' || c == '\'') {
    string:;
        int flags = string_prefix(start, (size_t)(tok->cur - start));
        char q = *tok->cur;
        int qs = (tok->cur[1] == q && tok->cur[2] == q) ? 3 : 1;
        tok->cur += qs;
        if (flags & KR_TOKF_FSTRING) {
            if (tok->nfstring + 1 >= KR_MAXFSTRING)
                return tok_error_range(tok, PyExc_SyntaxError, "too many nested f-strings",
                                       start + 1, start + 1);
            KrFStringMode *nm = &tok->fstack[tok->nfstring++];
            memset(nm, 0, sizeof *nm);
            nm->quote = q;
            nm->quote_size = qs;
            nm->raw = (flags & KR_TOKF_RAW) != 0;
            nm->start = start;
            nm->start_lineno = sline;
            nm->start_col = (int)(start - sls);
            fill_token(tok, t, TOK_FSTRING_START, start, sline, sls, tok->cur);
            t->flags = flags;
            return TOK_FSTRING_START;
        }
        if (!scan_string(tok, start, sline, sls, q, qs))
            return TOK_ERROR;
        fill_token(tok, t, TOK_STRING, start, sline, sls, tok->cur);
        t->flags = flags;
        return TOK_STRING;
    }

    /* Operators: longest match first. */
    {
        int best = -1;
        size_t bestlen = 0;
        for (int k = TOK_LPAR; k < TOK__COUNT; k++) {
            const char *s = _KrToken_OpStrings[k];
            size_t l = strlen(s);
            if (l > bestlen && strncmp(tok->cur, s, l) == 0) {
                best = k;
                bestlen = l;
            }
        }
        if (best >= 0) {
            if (m && m->in_expr && tok->level == m->expr_level) {
                if (best == TOK_COLON || best == TOK_COLONEQUAL) {
                    /* A top-level ':' in a replacement field starts the format spec. */
                    tok->cur++;
                    if (m->in_spec < 8)
                        m->spec_levels[m->in_spec] = tok->level;
                    m->in_spec++;
                    m->in_expr = 0;
                    fill_token(tok, t, TOK_COLON, start, sline, sls, tok->cur);
                    return TOK_COLON;
                }
                if (best == TOK_RBRACE) {
                    tok->cur++;
                    tok->level--;
                    m->in_expr = 0;
                    if (m->in_spec > 0) {
                        /* Closing a nested field inside a format spec: back to the spec. */
                    }
                    fill_token(tok, t, TOK_RBRACE, start, sline, sls, tok->cur);
                    return TOK_RBRACE;
                }
                if (best == TOK_NOTEQUAL && (tok->cur[2] == '}' || tok->cur[2] == ':'))
                    best = TOK_EXCLAMATION, bestlen = 1;
            }
            tok->cur += bestlen;
            if (best == TOK_LPAR || best == TOK_LSQB || best == TOK_LBRACE) {
                if (push_paren(tok, *start, start) < 0 || tok->done)
                    return TOK_ERROR;
            }
            else if (best == TOK_RPAR || best == TOK_RSQB || best == TOK_RBRACE) {
                if (tok->level == 0 || (m && m->in_expr && tok->level <= m->expr_level &&
                                        best != TOK_RBRACE)) {
                    char msg[32];
                    snprintf(msg, sizeof msg, "unmatched '%c'", *start);
                    if (m && tok->level > 0) {
                        /* Inside an f-string replacement field. */
                        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", *start);
                    }
                    return tok_error_range(tok, PyExc_SyntaxError, msg, start, start);
                }
                char open = tok->parenstack[tok->level - 1];
                char want = *start == ')' ? '(' : *start == ']' ? '[' : '{';
                if (open != want) {
                    char msg[128];
                    int oln = tok->parenlinenostack[tok->level - 1];
                    if (oln != tok->lineno)
                        snprintf(msg, sizeof msg,
                                 "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                 *start, open, oln);
                    else
                        snprintf(msg, sizeof msg,
                                 "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                 *start, open);
                    return tok_error_range(tok, PyExc_SyntaxError, msg, start, start);
                }
                tok->level--;
            }
            fill_token(tok, t, best, start, sline, sls, tok->cur);
            return best;
        }
    }
    /* Anything else is a character no token starts with; the parser reports it. */
    tok->cur++;
    while (((unsigned char)*tok->cur & 0xC0) == 0x80)
        tok->cur++;
    if (c >= 128) {
        verify_identifier(tok, start, tok->cur);
        if (tok->done)
            return TOK_ERROR;
    }
    fill_token(tok, t, TOK_ERROR, start, sline, sls, tok->cur);
    return TOK_ERROR + 1000; /* an error token that has not raised */
}

int
_KrTokenizer_Get(KrTokState *tok, KrToken *t)
{
    if (tok->bad_ptr && !tok->done && tok->lineno >= tok->bad_line) {
        raise_bad_utf8(tok);
        t->type = TOK_ERROR;
        return TOK_ERROR;
    }
    int r = tok_get(tok, t);
    if (tok->bad_ptr && !tok->done && r != TOK_ERROR && tok->cur > tok->bad_ptr) {
        /* The token would contain the undecodable byte. */
        raise_bad_utf8(tok);
        t->type = TOK_ERROR;
        return TOK_ERROR;
    }
    if (r == TOK_ERROR && !tok->done)
        tok->done = 1;
    if (r == TOK_ERROR + 1000) {
        t->type = TOK_ERROR;
        return TOK_ERROR + 1000;
    }
    if (r == TOK_ERROR)
        t->type = TOK_ERROR;
    return r;
}
