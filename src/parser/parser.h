/* Private interface shared by the parser's files: the token buffer with backtracking,
 * error helpers and AST node constructors. */
#ifndef KR_PARSER_PARSER_H
#define KR_PARSER_PARSER_H
#include "Python.h"
#include "compile.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_token.h"
#include "pctype.h"

/* CPython's parser gives up at this depth of nested rules with a MemoryError. */
#define KR_PARSER_MAXDEPTH 5971

/* Tokens live in fixed-size blocks so that pointers to them stay valid while more
 * tokens are read (rules hold token pointers across sub-parses). */
#define KR_TOKBLOCK_SHIFT 10
#define KR_TOKBLOCK (1 << KR_TOKBLOCK_SHIFT)

typedef struct {
    KrTokState tok;
    KrToken **blocks;
    int nblocks;
    int fill;
    int mark;
    PyArena *arena;
    int mode;          /* Py_file_input etc. */
    int flags;         /* PyCF_* */
    int feature_version;
    int depth;
    int error;         /* an exception is set; unwind */
    int in_async;      /* inside async def (for await/async for checks are compiler's) */
    PyObject *filename;
    int err_lineno, err_col; /* where the last parser error was raised (byte column) */
    int err_starts_expr;     /* the error token could start an expression */
    int far_override;        /* if > 0: token count to use as "furthest read" for the
                                next generic error (look-ahead read further) */
} Parser;

/* ---- tokens ------------------------------------------------------------------- */
KrToken *_KrP_peek(Parser *p);              /* token at mark (fetches); NULL on error */
KrToken *_KrP_peek_at(Parser *p, int idx);  /* token at index (fetches) */
KrToken *_KrP_last(Parser *p);              /* last consumed token */
KrToken *_KrP_next(Parser *p);              /* consume and return */
int _KrP_check(Parser *p, int type);        /* next token is `type` */
int _KrP_check_kw(Parser *p, int kw);
int _KrP_check_soft(Parser *p, const char *name); /* NAME with this spelling */
KrToken *_KrP_expect(Parser *p, int type);  /* consume if matches, else NULL (no error) */
KrToken *_KrP_expect_kw(Parser *p, int kw);
KrToken *_KrP_expect_forced(Parser *p, int type, const char *what); /* error "expected 'x'" */

#define PEEK(p) _KrP_peek(p)
#define CHECK(p, t) _KrP_check((p), (t))
#define CHECK_KW(p, k) _KrP_check_kw((p), KW_##k)
#define ACCEPT(p, t) _KrP_expect((p), (t))
#define ACCEPT_KW(p, k) _KrP_expect_kw((p), KW_##k)
#define TOKAT(p, i) (&(p)->blocks[(i) >> KR_TOKBLOCK_SHIFT][(i) & (KR_TOKBLOCK - 1)])
#define LASTTOK(p) TOKAT((p), (p)->mark - 1)
#define FAILED(p) ((p)->error)

/* ---- errors ------------------------------------------------------------------- */
/* Raise at explicit 0-based byte positions (end_col < 0 allowed as CPython's marker). */
typedef struct { int lineno, col_offset, end_lineno, end_col_offset; } KrPos;
#define POS_OF(x) ((KrPos){(x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset})
/* Raise `exc` spanning from the start of `a` to the end of `b` (byte positions). */
void *_KrP_raise_at(Parser *p, PyObject *exc, KrPos a, KrPos b, const char *fmt, ...);
void *_KrP_raise(Parser *p, PyObject *exc, int lineno, int col, int end_lineno, int end_col,
                 const char *fmt, ...);
void *_KrP_invalid_syntax(Parser *p); /* generic "invalid syntax" at the furthest token */
#define RAISE_NODE(p, n, ...) _KrP_raise_at((p), PyExc_SyntaxError, POS_OF(n), POS_OF(n), __VA_ARGS__)
#define RAISE_RANGE(p, a, b, ...) _KrP_raise_at((p), PyExc_SyntaxError, POS_OF(a), POS_OF(b), __VA_ARGS__)
int _KrP_enter(Parser *p);             /* depth guard: -1 with MemoryError set */
#define ENTER(p) do { if (_KrP_enter(p) < 0) return NULL; } while (0)
#define LEAVE(p) ((p)->depth--)

/* ---- nodes -------------------------------------------------------------------- */
expr_ty _KrP_expr(Parser *p, int kind, int l, int c, int el, int ec);
stmt_ty _KrP_stmt(Parser *p, int kind, int l, int c, int el, int ec);
pattern_ty _KrP_pattern(Parser *p, int kind, int l, int c, int el, int ec);
asdl_seq *_KrP_seq(Parser *p, void **items, Py_ssize_t n);
PyObject *_KrP_new_identifier(Parser *p, const char *s, Py_ssize_t n);
expr_ty _KrP_name_from_token(Parser *p, KrToken *t, expr_context_ty ctx);
int _KrP_arena_obj(Parser *p, PyObject *o); /* steals; -1 on failure */

/* Growable pointer vector used while collecting sequence items. */
typedef struct {
    void **items;
    Py_ssize_t n, cap;
    void *inline_buf[8];
} KrVec;
void _KrVec_init(KrVec *v);
int _KrVec_push(Parser *p, KrVec *v, void *item);
asdl_seq *_KrVec_finish(Parser *p, KrVec *v); /* copies into the arena and frees */
void _KrVec_free(KrVec *v);

/* Expression entry points (parse_expr.c). */
expr_ty _KrP_expression(Parser *p);
expr_ty _KrP_named_expression(Parser *p);
expr_ty _KrP_star_expressions(Parser *p);
expr_ty _KrP_star_named_expression(Parser *p);
expr_ty _KrP_star_expression(Parser *p);
expr_ty _KrP_bitwise_or(Parser *p);
expr_ty _KrP_yield_expr(Parser *p);
expr_ty _KrP_primary(Parser *p);
expr_ty _KrP_atom(Parser *p);
expr_ty _KrP_disjunction(Parser *p);
expr_ty _KrP_annotated_rhs(Parser *p); /* yield_expr | star_expressions */
expr_ty _KrP_slices(Parser *p);
arguments_ty _KrP_params(Parser *p, int lambda);
arguments_ty _KrP_empty_arguments(Parser *p);
int _KrP_call_args(Parser *p, int open_idx, asdl_expr_seq **args, asdl_keyword_seq **kws);
const char *_KrP_expr_name(expr_ty e);
int _KrP_set_context(Parser *p, expr_ty e, expr_context_ty ctx);
expr_ty _KrP_invalid_target(expr_ty e, int kind); /* 0 star_targets, 1 del, 2 for */
expr_ty _KrP_star_targets_for(Parser *p);
expr_ty _KrP_star_target_single(Parser *p); /* one with-item target, Store */ /* for/with/comprehension targets, Store */

void _KrP_check_missing_comma(Parser *p, expr_ty a, int start_idx);

/* Strings (string_parser.c). */
expr_ty _KrP_strings(Parser *p);
int _KrP_warn_invalid_escape(Parser *p, KrToken *t, const char *first_invalid);

/* Statements (parse_stmt.c) and patterns (parse_match.c). */
asdl_stmt_seq *_KrP_statements(Parser *p);
asdl_stmt_seq *_KrP_interactive(Parser *p);
asdl_stmt_seq *_KrP_block(Parser *p, const char *what, int kw_line);
stmt_ty _KrP_match_stmt(Parser *p);

#endif
