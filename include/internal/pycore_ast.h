/* The abstract syntax tree of Python 3.13, shaped like CPython's Python.asdl so that an
 * `ast` module can expose it node for node. Nodes live in a PyArena (freed all at once);
 * identifiers are interned str objects and constants are Python objects, both owned by
 * the arena (it holds a reference and drops it when freed).
 *
 * Producer: src/parser (tokenizer + parser). Consumers: src/compiler (symtable, codegen),
 * later the ast module. Positions: lineno is 1-based, col_offset is the 0-based UTF-8
 * *byte* offset in the line (as CPython), end_* likewise. */
#ifndef KR_PYCORE_AST_H
#define KR_PYCORE_AST_H
#include "../object.h"

/* ---- arena (src/parser/arena.c) ---------------------------------------------- */
typedef struct _arena PyArena;
PyArena *_PyArena_New(void);
void _PyArena_Free(PyArena *);
void *_PyArena_Malloc(PyArena *, size_t); /* zeroed? no: callers initialise */
int _PyArena_AddPyObject(PyArena *, PyObject *); /* steals the reference; -1 on error */

/* ---- sequences ---------------------------------------------------------------- */
typedef struct {
    Py_ssize_t size;
    void *elements[];
} asdl_seq;
typedef asdl_seq asdl_stmt_seq, asdl_expr_seq, asdl_comprehension_seq,
    asdl_excepthandler_seq, asdl_arg_seq, asdl_keyword_seq, asdl_alias_seq,
    asdl_withitem_seq, asdl_match_case_seq, asdl_pattern_seq, asdl_type_ignore_seq,
    asdl_type_param_seq, asdl_identifier_seq;
typedef struct {
    Py_ssize_t size;
    int elements[];
} asdl_int_seq;
asdl_seq *_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *);
asdl_int_seq *_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *);
#define asdl_seq_LEN(S) ((S) == NULL ? 0 : (S)->size)
#define asdl_seq_GET(S, I) ((S)->elements[(I)])
#define asdl_seq_SET(S, I, V) ((S)->elements[(I)] = (V))

typedef PyObject *identifier;
typedef PyObject *string;
typedef PyObject *constant;

typedef struct _mod *mod_ty;
typedef struct _stmt *stmt_ty;
typedef struct _expr *expr_ty;
typedef struct _comprehension *comprehension_ty;
typedef struct _excepthandler *excepthandler_ty;
typedef struct _arguments *arguments_ty;
typedef struct _arg *arg_ty;
typedef struct _keyword *keyword_ty;
typedef struct _alias *alias_ty;
typedef struct _withitem *withitem_ty;
typedef struct _match_case *match_case_ty;
typedef struct _pattern *pattern_ty;
typedef struct _type_ignore *type_ignore_ty;
typedef struct _type_param *type_param_ty;

typedef enum _expr_context { Load = 1, Store = 2, Del = 3 } expr_context_ty;
typedef enum _boolop { And = 1, Or = 2 } boolop_ty;
typedef enum _operator {
    Add = 1, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
} operator_ty;
typedef enum _unaryop { Invert = 1, Not, UAdd, USub } unaryop_ty;
typedef enum _cmpop { Eq = 1, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn } cmpop_ty;

/* ---- mod ---------------------------------------------------------------------- */
enum _mod_kind { Module_kind = 1, Interactive_kind, Expression_kind, FunctionType_kind };
struct _mod {
    enum _mod_kind kind;
    union {
        struct { asdl_stmt_seq *body; asdl_type_ignore_seq *type_ignores; } Module;
        struct { asdl_stmt_seq *body; } Interactive;
        struct { expr_ty body; } Expression;
        struct { asdl_expr_seq *argtypes; expr_ty returns; } FunctionType;
    } v;
};

/* ---- stmt --------------------------------------------------------------------- */
#define KR_STMT_KINDS(X) \
    X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) \
    X(TypeAlias) X(AugAssign) X(AnnAssign) X(For) X(AsyncFor) X(While) X(If) X(With) \
    X(AsyncWith) X(Match) X(Raise) X(Try) X(TryStar) X(Assert) X(Import) X(ImportFrom) \
    X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)
#define KR_KIND_ENUM(name) name##_kind,
enum _stmt_kind { _stmt_kind_zero = 0, KR_STMT_KINDS(KR_KIND_ENUM) };

struct _stmt {
    enum _stmt_kind kind;
    union {
        struct {
            identifier name; arguments_ty args; asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list; expr_ty returns; string type_comment;
            asdl_type_param_seq *type_params;
        } FunctionDef; /* also AsyncFunctionDef (same layout) */
        struct {
            identifier name; arguments_ty args; asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list; expr_ty returns; string type_comment;
            asdl_type_param_seq *type_params;
        } AsyncFunctionDef;
        struct {
            identifier name; asdl_expr_seq *bases; asdl_keyword_seq *keywords;
            asdl_stmt_seq *body; asdl_expr_seq *decorator_list;
            asdl_type_param_seq *type_params;
        } ClassDef;
        struct { expr_ty value; } Return;
        struct { asdl_expr_seq *targets; } Delete;
        struct { asdl_expr_seq *targets; expr_ty value; string type_comment; } Assign;
        struct { expr_ty name; asdl_type_param_seq *type_params; expr_ty value; } TypeAlias;
        struct { expr_ty target; operator_ty op; expr_ty value; } AugAssign;
        struct { expr_ty target; expr_ty annotation; expr_ty value; int simple; } AnnAssign;
        struct {
            expr_ty target; expr_ty iter; asdl_stmt_seq *body; asdl_stmt_seq *orelse;
            string type_comment;
        } For; /* also AsyncFor */
        struct {
            expr_ty target; expr_ty iter; asdl_stmt_seq *body; asdl_stmt_seq *orelse;
            string type_comment;
        } AsyncFor;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } While;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } If;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; string type_comment; } With;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; string type_comment; } AsyncWith;
        struct { expr_ty subject; asdl_match_case_seq *cases; } Match;
        struct { expr_ty exc; expr_ty cause; } Raise;
        struct {
            asdl_stmt_seq *body; asdl_excepthandler_seq *handlers; asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } Try; /* also TryStar */
        struct {
            asdl_stmt_seq *body; asdl_excepthandler_seq *handlers; asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } TryStar;
        struct { expr_ty test; expr_ty msg; } Assert;
        struct { asdl_alias_seq *names; } Import;
        struct { identifier module; asdl_alias_seq *names; int level; } ImportFrom;
        struct { asdl_identifier_seq *names; } Global;
        struct { asdl_identifier_seq *names; } Nonlocal;
        struct { expr_ty value; } Expr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ---- expr --------------------------------------------------------------------- */
#define KR_EXPR_KINDS(X) \
    X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set) \
    X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Await) X(Yield) X(YieldFrom) \
    X(Compare) X(Call) X(FormattedValue) X(JoinedStr) X(Constant) X(Attribute) \
    X(Subscript) X(Starred) X(Name) X(List) X(Tuple) X(Slice)
enum _expr_kind { _expr_kind_zero = 0, KR_EXPR_KINDS(KR_KIND_ENUM) };

struct _expr {
    enum _expr_kind kind;
    union {
        struct { boolop_ty op; asdl_expr_seq *values; } BoolOp;
        struct { expr_ty target; expr_ty value; } NamedExpr;
        struct { expr_ty left; operator_ty op; expr_ty right; } BinOp;
        struct { unaryop_ty op; expr_ty operand; } UnaryOp;
        struct { arguments_ty args; expr_ty body; } Lambda;
        struct { expr_ty test; expr_ty body; expr_ty orelse; } IfExp;
        struct { asdl_expr_seq *keys; asdl_expr_seq *values; } Dict; /* key NULL => **value */
        struct { asdl_expr_seq *elts; } Set;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } ListComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } SetComp;
        struct { expr_ty key; expr_ty value; asdl_comprehension_seq *generators; } DictComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } GeneratorExp;
        struct { expr_ty value; } Await;
        struct { expr_ty value; } Yield;
        struct { expr_ty value; } YieldFrom;
        struct { expr_ty left; asdl_int_seq *ops; asdl_expr_seq *comparators; } Compare;
        struct { expr_ty func; asdl_expr_seq *args; asdl_keyword_seq *keywords; } Call;
        /* conversion: -1 none, 's', 'r', 'a' */
        struct { expr_ty value; int conversion; expr_ty format_spec; } FormattedValue;
        struct { asdl_expr_seq *values; } JoinedStr;
        struct { constant value; string kind; } Constant; /* kind: "u" for u"" else NULL */
        struct { expr_ty value; identifier attr; expr_context_ty ctx; } Attribute;
        struct { expr_ty value; expr_ty slice; expr_context_ty ctx; } Subscript;
        struct { expr_ty value; expr_context_ty ctx; } Starred;
        struct { identifier id; expr_context_ty ctx; } Name;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } List;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } Tuple;
        struct { expr_ty lower; expr_ty upper; expr_ty step; } Slice;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _comprehension {
    expr_ty target;
    expr_ty iter;
    asdl_expr_seq *ifs;
    int is_async;
};

enum _excepthandler_kind { ExceptHandler_kind = 1 };
struct _excepthandler {
    enum _excepthandler_kind kind;
    union {
        struct { expr_ty type; identifier name; asdl_stmt_seq *body; } ExceptHandler;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _arguments {
    asdl_arg_seq *posonlyargs;
    asdl_arg_seq *args;
    arg_ty vararg;
    asdl_arg_seq *kwonlyargs;
    asdl_expr_seq *kw_defaults; /* one per kwonlyarg; NULL entry = no default */
    arg_ty kwarg;
    asdl_expr_seq *defaults;    /* for the last len(defaults) of posonlyargs+args */
};

struct _arg {
    identifier arg;
    expr_ty annotation;
    string type_comment;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _keyword {
    identifier arg; /* NULL for **kwargs */
    expr_ty value;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _alias {
    identifier name;   /* dotted name as one string, or "*" */
    identifier asname;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _withitem {
    expr_ty context_expr;
    expr_ty optional_vars;
};

struct _match_case {
    pattern_ty pattern;
    expr_ty guard;
    asdl_stmt_seq *body;
};

#define KR_PATTERN_KINDS(X) \
    X(MatchValue) X(MatchSingleton) X(MatchSequence) X(MatchMapping) X(MatchClass) \
    X(MatchStar) X(MatchAs) X(MatchOr)
enum _pattern_kind { _pattern_kind_zero = 0, KR_PATTERN_KINDS(KR_KIND_ENUM) };
struct _pattern {
    enum _pattern_kind kind;
    union {
        struct { expr_ty value; } MatchValue;
        struct { constant value; } MatchSingleton;
        struct { asdl_pattern_seq *patterns; } MatchSequence;
        struct { asdl_expr_seq *keys; asdl_pattern_seq *patterns; identifier rest; } MatchMapping;
        struct {
            expr_ty cls; asdl_pattern_seq *patterns; asdl_identifier_seq *kwd_attrs;
            asdl_pattern_seq *kwd_patterns;
        } MatchClass;
        struct { identifier name; } MatchStar;
        struct { pattern_ty pattern; identifier name; } MatchAs;
        struct { asdl_pattern_seq *patterns; } MatchOr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

enum _type_ignore_kind { TypeIgnore_kind = 1 };
struct _type_ignore {
    enum _type_ignore_kind kind;
    union { struct { int lineno; string tag; } TypeIgnore; } v;
};

enum _type_param_kind { TypeVar_kind = 1, ParamSpec_kind, TypeVarTuple_kind };
struct _type_param {
    enum _type_param_kind kind;
    union {
        struct { identifier name; expr_ty bound; expr_ty default_value; } TypeVar;
        struct { identifier name; expr_ty default_value; } ParamSpec;
        struct { identifier name; expr_ty default_value; } TypeVarTuple;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

#endif
