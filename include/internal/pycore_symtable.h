/* The symbol table (src/compiler/symtable.c): one entry per scope (module, class,
 * function, lambda, comprehension, annotation scope), recording every name's flags and
 * resolved scope. The code generator reads it to choose LOAD_FAST/LOAD_DEREF/LOAD_GLOBAL/
 * LOAD_NAME and to lay out localsplus. */
#ifndef KR_PYCORE_SYMTABLE_H
#define KR_PYCORE_SYMTABLE_H
#include "../object.h"
#include "pycore_ast.h"

typedef enum {
    FunctionBlock, ClassBlock, ModuleBlock,
    AnnotationBlock,     /* PEP 695: bound / default / type-alias value scopes */
    TypeVarBoundBlock, TypeAliasBlock, TypeParametersBlock
} _Py_block_ty;

typedef enum {
    NoComprehension = 0, ListComprehension, DictComprehension, SetComprehension,
    GeneratorExpression
} _Py_comprehension_ty;

typedef struct _symtable_entry PySTEntryObject;
struct symtable;

struct _symtable_entry {
    struct symtable *ste_table;
    void *ste_id;              /* the AST node that opened the scope */
    PyObject *ste_symbols;     /* dict: name -> int flags (DEF_* | scope << SCOPE_OFFSET) */
    PyObject *ste_name;
    PyObject *ste_varnames;    /* list of parameter names, in order */
    PyObject *ste_directives;  /* dict: name -> (lineno, col, end_lineno, end_col) of global/nonlocal */
    PyObject *ste_mangled_names; /* set of names to mangle in annotation scopes, or NULL */
    PySTEntryObject **ste_children;
    int ste_nchildren, ste_childalloc;
    _Py_block_ty ste_type;
    _Py_comprehension_ty ste_comprehension;
    int ste_nested;
    unsigned ste_generator : 1, ste_coroutine : 1, ste_varargs : 1, ste_varkeywords : 1,
        ste_returns_value : 1, ste_needs_class_closure : 1, ste_needs_classdict : 1,
        ste_comp_inlined : 1, ste_comp_iter_target : 1, ste_can_see_class_scope : 1,
        ste_child_free : 1, ste_has_docstring : 1, ste_method : 1, ste_in_annotation_unused : 1;
    int ste_comp_iter_expr;
    int ste_lineno, ste_col_offset, ste_end_lineno, ste_end_col_offset;
    PySTEntryObject *ste_parent;
};

struct symtable {
    PyObject *st_filename;
    PySTEntryObject *st_cur;
    PySTEntryObject *st_top;
    PyObject *st_blocks;   /* dict: id(node) -> entry address (int) */
    PySTEntryObject **st_stack;
    int st_nstack, st_stackalloc;
    PySTEntryObject **st_all; /* every entry, for freeing */
    int st_nall, st_allalloc;
    PyObject *st_global;   /* borrowed: module symbols */
    PyObject *st_private;  /* name of the class being compiled, for mangling */
    int st_future_flags;
    int recursion_depth, recursion_limit;
};

/* flags */
#define DEF_GLOBAL 1
#define DEF_LOCAL 2
#define DEF_PARAM (2 << 1)
#define DEF_NONLOCAL (2 << 2)
#define USE (2 << 3)
#define DEF_FREE (2 << 4)
#define DEF_FREE_CLASS (2 << 5)
#define DEF_IMPORT (2 << 6)
#define DEF_ANNOT (2 << 7)
#define DEF_COMP_ITER (2 << 8)
#define DEF_TYPE_PARAM (2 << 9)
#define DEF_COMP_CELL (2 << 10)
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

#define SCOPE_OFFSET 12
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)
#define SYMBOL_TO_SCOPE(S) (((S) >> SCOPE_OFFSET) & 7)

#define LOCAL 1
#define GLOBAL_EXPLICIT 2
#define GLOBAL_IMPLICIT 3
#define FREE 4
#define CELL 5

struct symtable *_PySymtable_Build(mod_ty mod, PyObject *filename, int future_flags);
void _PySymtable_Free(struct symtable *);
PySTEntryObject *_PySymtable_Lookup(struct symtable *, void *key); /* borrowed; NULL+error */
long _PyST_GetSymbol(PySTEntryObject *, PyObject *name);
int _PyST_GetScope(PySTEntryObject *, PyObject *name);
int _PyST_IsFunctionLike(PySTEntryObject *);
/* Private-name mangling (`__x` inside class C -> `_C__x`). New reference. */
PyObject *_Py_Mangle(PyObject *privateobj, PyObject *name);
PyObject *_Py_MaybeMangle(PyObject *privateobj, PySTEntryObject *, PyObject *name);

#endif
