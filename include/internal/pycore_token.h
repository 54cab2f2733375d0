/* Tokens of the Python 3.13 tokenizer (src/parser/tokenizer.c). Operators are listed once
 * (X-macro) so that their spelling table and enum stay in step. */
#ifndef KR_PYCORE_TOKEN_H
#define KR_PYCORE_TOKEN_H
#include "../object.h"

#define KR_OPERATORS(X) \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") X(COMMA, ",") \
    X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(SLASH, "/") X(VBAR, "|") \
    X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") \
    X(LBRACE, "{") X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<") \
    X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") \
    X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//") \
    X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") X(RARROW, "->") \
    X(ELLIPSIS, "...") X(COLONEQUAL, ":=") X(EXCLAMATION, "!")

enum kr_token_type {
    TOK_ENDMARKER = 0, TOK_NAME, TOK_NUMBER, TOK_STRING, TOK_NEWLINE, TOK_INDENT,
    TOK_DEDENT, TOK_FSTRING_START, TOK_FSTRING_MIDDLE, TOK_FSTRING_END, TOK_ERROR,
#define KR_OP_ENUM(name, str) TOK_##name,
    KR_OPERATORS(KR_OP_ENUM)
#undef KR_OP_ENUM
    TOK__COUNT
};

/* Keywords are recognised by the tokenizer so the parser compares small integers. */
#define KR_KEYWORDS(X) \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class) \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from) \
    X(global) X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass) \
    X(raise) X(return) X(try) X(while) X(with) X(yield)
enum kr_keyword {
    KW_NONE = 0,
#define KR_KW_ENUM(name) KW_##name,
    KR_KEYWORDS(KR_KW_ENUM)
#undef KR_KW_ENUM
    KW__COUNT
};

typedef struct {
    int type;        /* enum kr_token_type */
    int keyword;     /* enum kr_keyword for NAME tokens that are keywords */
    const char *start, *end; /* the token's bytes in the tokenizer's buffer */
    int lineno, col_offset, end_lineno, end_col_offset; /* col = UTF-8 byte offset */
    /* For FSTRING_START/STRING: prefix letters; for FSTRING_MIDDLE: raw flag. */
    int flags;
    int level;       /* bracket depth after this token */
    int in_fstring;  /* inside an f-string replacement field */
} KrToken;

#define KR_TOKF_RAW 1
#define KR_TOKF_BYTES 2
#define KR_TOKF_FSTRING 4
#define KR_TOKF_UNICODE 8
#define KR_TOKF_FORMAT_SPEC 16 /* FSTRING_MIDDLE inside a format spec */

#define KR_MAXINDENT 100
#define KR_MAXLEVEL 200
#define KR_MAXFSTRING 150

typedef struct {
    char quote;
    int quote_size;
    int raw;
    int in_expr;        /* 0: literal text, 1: inside a replacement field */
    int in_spec;        /* nesting depth of format specs currently open */
    int expr_level;     /* paren level just inside the '{' of the current field */
    int spec_levels[8]; /* expr_level of each open format spec */
    int start_lineno, start_col;
    const char *start;
} KrFStringMode;

typedef struct kr_tok_state {
    const char *buf;       /* UTF-8, '\n' line ends, ends with "\n\0" */
    const char *end;
    const char *cur;
    const char *line_start;
    int lineno;
    int atbol;
    int pendin;            /* pending INDENT (>0) / DEDENT (<0) tokens */
    int indent;
    int indstack[KR_MAXINDENT];
    int altindstack[KR_MAXINDENT];
    int level;
    char parenstack[KR_MAXLEVEL];
    int parenlinenostack[KR_MAXLEVEL];
    int parencolstack[KR_MAXLEVEL];
    int cont_line;
    int done;              /* nonzero after an error was raised */
    int nfstring;
    KrFStringMode fstack[KR_MAXFSTRING];
    int interactive_eof;
    int last_was_newline;  /* to emit NEWLINE before ENDMARKER only when needed */
    int blank_eof;         /* source had no statements at all */
    PyObject *filename;
    int last_type;         /* type of the last token returned */
    int quiet_unclosed;    /* at EOF inside brackets return ENDMARKER instead of raising */
    const char *bad_ptr;   /* first byte that is not valid UTF-8, reported on reaching it */
    int bad_line;
    int deferred_err;      /* the last error is one CPython reports only when the parser
                              reaches it (indentation, line continuation) */
} KrTokState;

/* Decodes `src` (BOM / PEP 263 cookie) into a private UTF-8 copy. -1 with an exception. */
int _KrTokenizer_Init(KrTokState *, const char *src, PyObject *filename, int ignore_cookie);
void _KrTokenizer_Fini(KrTokState *);
/* Next token; returns its type, TOK_ERROR with a SyntaxError set on failure. */
int _KrTokenizer_Get(KrTokState *, KrToken *);
/* Raise SyntaxError-like `exc` at a 1-based byte column of line `lineno` of the buffer.
 * Columns are converted to character offsets; end_col 0 / -1 are passed through. */
void _KrTokenizer_RaiseAt(KrTokState *, PyObject *exc, const char *msg, int lineno,
                          int col_byte, int end_lineno, int end_col_byte, int with_newline);
/* Start of line `lineno` in the buffer (NULL if out of range). */
const char *_KrTokenizer_LineStart(KrTokState *, int lineno);
extern const char *const _KrToken_OpStrings[];
extern const char *const _KrKeyword_Strings[];
#endif
