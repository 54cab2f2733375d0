/* Private interface between the code-generator files of src/compiler/ (compile.c,
 * compile_stmt.c, compile_expr.c, compile_pattern.c). */
#ifndef KR_COMPILER_PRIVATE_H
#define KR_COMPILER_PRIVATE_H
#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_symtable.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_opcode.h"

#define SUCCESS 0
#define ERROR -1
#define RETURN_IF_ERROR(X) do { if ((X) < 0) return ERROR; } while (0)

#define CO_MAXBLOCKS 20

/* CPython 3.13's TO_BOOL, emitted exactly where CPython emits it so that the flowgraph
 * can fold it the same way (into COMPARE_OP's bool bit, after IS_OP/CONTAINS_OP/...).
 * The eval loop has no TO_BOOL yet (its conditional jumps and UNARY_NOT take any
 * object), so the ones that survive folding are dropped before assembly. */
#define KR_TO_BOOL_PSEUDO 0x1000
#define STACK_USE_GUIDELINE 30

enum {
    COMPILER_SCOPE_MODULE, COMPILER_SCOPE_CLASS, COMPILER_SCOPE_FUNCTION,
    COMPILER_SCOPE_ASYNC_FUNCTION, COMPILER_SCOPE_LAMBDA, COMPILER_SCOPE_COMPREHENSION,
    COMPILER_SCOPE_ANNOTATIONS, COMPILER_SCOPE_TYPEPARAMS
};

typedef enum {
    WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH,
    HANDLER_CLEANUP, POP_VALUE, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER,
    ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION
} fblocktype;

struct fblockinfo {
    fblocktype fb_type;
    basicblock *fb_block;
    basicblock *fb_exit; /* loops: where `break` goes */
    void *fb_datum;      /* finally body / with statement / handler name */
    _KrSrcLoc fb_loc;
};

struct compiler_unit {
    PySTEntryObject *u_ste;
    int u_scope_type;
    PyObject *u_name, *u_qualname, *u_private;
    PyObject *u_consts;     /* list */
    PyObject *u_const_map;  /* dict: constant key -> index */
    PyObject *u_names;      /* dict: name -> index */
    PyObject *u_varnames;   /* dict: name -> index */
    PyObject *u_cellvars;   /* dict: name -> index */
    PyObject *u_freevars;   /* dict: name -> index */
    PyObject *u_fasthidden; /* dict: name -> bool (PEP 709 names in non-function scopes) */
    PyObject *u_static_attributes; /* set, class scopes only */
    int u_argcount, u_posonlyargcount, u_kwonlyargcount;
    int u_firstlineno;
    int u_in_inlined_comp;
    int u_has_docstring;
    cfg_builder u_cfg;
    struct fblockinfo u_fblock[CO_MAXBLOCKS];
    int u_nfblocks;
};

struct compiler {
    PyObject *c_filename;
    struct symtable *c_st;
    int c_future_features;
    int c_flags;
    int c_optimize;
    int c_interactive;
    int c_nestlevel;
    PyArena *c_arena;
    struct compiler_unit *u;
    struct compiler_unit **c_stack; /* enclosing units (not including u) */
    int c_nstack, c_stackalloc;
};

#define CFG(c) (&(c)->u->u_cfg)
#define LOC(x) ((_KrSrcLoc){(x)->lineno, (x)->end_lineno, (x)->col_offset, (x)->end_col_offset})
#define NO_LOC KR_NO_LOC

/* Tagged deref opargs, resolved to localsplus indices when the unit is finished. */
#define DEREF_CELL_TAG 0x40000000
#define DEREF_FREE_TAG 0x20000000

/* ---- compile.c ---------------------------------------------------------------------- */
int _KrCompile_SyntaxError(PyObject *filename, int lineno, int col, int end_lineno,
                           int end_col, const char *fmt, ...);
int compiler_error(struct compiler *c, _KrSrcLoc loc, const char *fmt, ...);
int compiler_warn(struct compiler *c, _KrSrcLoc loc, const char *fmt, ...);
int compiler_addop(struct compiler *c, int opcode, int oparg, _KrSrcLoc loc);
int compiler_addop_jump(struct compiler *c, int opcode, basicblock *target, _KrSrcLoc loc);
Py_ssize_t compiler_add_const(struct compiler *c, PyObject *o);
int compiler_addop_load_const(struct compiler *c, _KrSrcLoc loc, PyObject *o);
Py_ssize_t dict_add_o(PyObject *dict, PyObject *o);
int compiler_addop_name(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name,
                        int lowbits, int mangle);
int compiler_addop_varname(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name);
int compiler_addop_deref(struct compiler *c, _KrSrcLoc loc, int opcode, PyObject *name,
                         int force_free);
PyObject *compiler_maybe_mangle(struct compiler *c, PyObject *name);
int compiler_nameop(struct compiler *c, _KrSrcLoc loc, PyObject *name, expr_context_ty ctx);
basicblock *compiler_new_block(struct compiler *c);
void compiler_use_block(struct compiler *c, basicblock *b);
int compiler_enter_scope(struct compiler *c, PyObject *name, int scope_type, void *key,
                         int lineno, PyObject *private_name);
void compiler_exit_scope(struct compiler *c);
PyCodeObject *compiler_assemble_unit(struct compiler *c, int add_none);
int compiler_make_closure(struct compiler *c, _KrSrcLoc loc, PyCodeObject *co, int flags);
int compiler_push_fblock(struct compiler *c, _KrSrcLoc loc, fblocktype t, basicblock *b,
                         basicblock *exit, void *datum);
void compiler_pop_fblock(struct compiler *c, fblocktype t, basicblock *b);
int compiler_is_top_level_await(struct compiler *c);
struct compiler_unit *compiler_parent_unit(struct compiler *c, int depth);
PyObject *compiler_clean_doc(PyObject *doc);
PyObject *compiler_get_docstring(asdl_stmt_seq *body);
int compiler_wrap_in_stopiteration_handler(struct compiler *c);

/* ---- compile_stmt.c --------------------------------------------------------------- */
int compiler_visit_stmt(struct compiler *c, stmt_ty s);
int compiler_body(struct compiler *c, _KrSrcLoc loc, asdl_stmt_seq *stmts);
int compiler_unwind_fblock_stack(struct compiler *c, _KrSrcLoc *ploc, int preserve_tos,
                                 struct fblockinfo **loop);
int compiler_call_exit_with_nones(struct compiler *c, _KrSrcLoc loc);
int compiler_function_like(struct compiler *c, stmt_ty s, expr_ty lambda);

/* ---- compile_expr.c --------------------------------------------------------------- */
int compiler_visit_expr(struct compiler *c, expr_ty e);
int compiler_jump_if(struct compiler *c, _KrSrcLoc loc, expr_ty e, basicblock *next, int cond);
int compiler_add_yield_from(struct compiler *c, _KrSrcLoc loc, int await);
int compiler_call_helper(struct compiler *c, _KrSrcLoc loc, int n, asdl_expr_seq *args,
                         asdl_keyword_seq *keywords);
int compiler_addop_compare(struct compiler *c, _KrSrcLoc loc, cmpop_ty op);
int compiler_visit_annexpr(struct compiler *c, expr_ty annotation);
int compiler_default_arguments(struct compiler *c, _KrSrcLoc loc, arguments_ty args);
int compiler_visit_annotations(struct compiler *c, _KrSrcLoc loc, arguments_ty args,
                               expr_ty returns);
int compiler_check_ann_expr(struct compiler *c, expr_ty e);
int compiler_unpack_helper(struct compiler *c, _KrSrcLoc loc, asdl_expr_seq *elts);
int compiler_visit_type_params(struct compiler *c, asdl_type_param_seq *tps);

/* ---- ast_unparse.c ----------------------------------------------------------------- */
PyObject *_PyAST_ExprAsUnicode(expr_ty e);

/* ---- compile_pattern.c -------------------------------------------------------------- */
int compiler_match(struct compiler *c, stmt_ty s);

#define ADDOP(c, loc, op) RETURN_IF_ERROR(compiler_addop((c), (op), 0, (loc)))
#define ADDOP_I(c, loc, op, arg) RETURN_IF_ERROR(compiler_addop((c), (op), (arg), (loc)))
#define ADDOP_JUMP(c, loc, op, target) RETURN_IF_ERROR(compiler_addop_jump((c), (op), (target), (loc)))
#define ADDOP_LOAD_CONST(c, loc, o) RETURN_IF_ERROR(compiler_addop_load_const((c), (loc), (o)))
#define ADDOP_LOAD_CONST_NEW(c, loc, o) do { \
        PyObject *__new_const = (o); \
        if (__new_const == NULL) return ERROR; \
        int __r = compiler_addop_load_const((c), (loc), __new_const); \
        Py_DECREF(__new_const); \
        if (__r < 0) return ERROR; \
    } while (0)
#define ADDOP_NAME(c, loc, op, name) RETURN_IF_ERROR(compiler_addop_name((c), (loc), (op), (name), 0, 1))
#define ADDOP_NAME_NOMANGLE(c, loc, op, name) RETURN_IF_ERROR(compiler_addop_name((c), (loc), (op), (name), 0, 0))
#define NEW_LABEL(c, name) basicblock *name = compiler_new_block(c); if (name == NULL) return ERROR
#define USE_LABEL(c, b) compiler_use_block((c), (b))
#define VISIT(c, kind, v) RETURN_IF_ERROR(compiler_visit_##kind((c), (v)))
#define VISIT_SEQ(c, kind, seq) do { \
        asdl_seq *__s = (asdl_seq *)(seq); \
        for (Py_ssize_t __i = 0; __i < asdl_seq_LEN(__s); __i++) \
            RETURN_IF_ERROR(compiler_visit_##kind((c), asdl_seq_GET(__s, __i))); \
    } while (0)

PyObject *_KrCompile_ConstFrozenSet(PyObject *items);
#endif
