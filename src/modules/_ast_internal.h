/* The _ast module's node descriptions, shared by its files: every node class of
 * Python 3.13's ASDL with its fields, each field located in our C structs by offset, so
 * that building the Python classes and converting in both directions are table-driven
 * loops instead of one hand-written function per node. */
#ifndef KR_AST_INTERNAL_H
#define KR_AST_INTERNAL_H
#include <stddef.h>
#include "Python.h"
#include "internal/pycore_ast.h"

/* Categories: the ASDL types. Sum types get an abstract Python class, product types
 * are a single class, enum types hold singleton instances. */
enum {
    KR_CAT_MOD, KR_CAT_STMT, KR_CAT_EXPR, KR_CAT_CTX, KR_CAT_BOOLOP, KR_CAT_OPERATOR,
    KR_CAT_UNARYOP, KR_CAT_CMPOP, KR_CAT_COMPREHENSION, KR_CAT_EXCEPTHANDLER,
    KR_CAT_ARGUMENTS, KR_CAT_ARG, KR_CAT_KEYWORD, KR_CAT_ALIAS, KR_CAT_WITHITEM,
    KR_CAT_MATCH_CASE, KR_CAT_PATTERN, KR_CAT_TYPE_IGNORE, KR_CAT_TYPE_PARAM,
    KR_NCATS,
    /* scalar field types */
    KR_T_IDENT = 100, KR_T_STRING, KR_T_CONST, KR_T_INT,
};

enum { KR_ONE, KR_OPT, KR_SEQ };

typedef struct {
    const char *name;
    int shape;   /* KR_ONE, KR_OPT, KR_SEQ */
    int type;    /* KR_CAT_* or KR_T_* */
    size_t off;  /* offset in the node struct */
} KrAstField;

typedef struct {
    const char *name;
    int cat;
    int kind;    /* the C enum value (sum and enum types); 0 for product types */
    const KrAstField *fields;
    int nfields;
} KrAstNode;

typedef struct {
    const char *name;
    int style;       /* 0 sum, 1 product, 2 enum */
    size_t size;     /* C struct size (sum and product) */
    Py_ssize_t pos;  /* offset of lineno/col_offset/end_lineno/end_col_offset, or -1 */
    int end_optional; /* end positions may be omitted */
} KrAstCategory;

extern const KrAstCategory _KrAst_Categories[KR_NCATS];
extern const KrAstNode _KrAst_Nodes[];
extern const int _KrAst_NumNodes;

/* Per-interpreter state of the _ast module (the node classes are heap types). */
typedef struct {
    PyObject *cat_class[KR_NCATS]; /* abstract class, or the product class */
    PyObject **node_class;         /* [_KrAst_NumNodes] */
    PyObject **singleton;          /* [_KrAst_NumNodes], enum types only */
    PyObject *index_of;            /* dict: node class -> index in _KrAst_Nodes */
    int first_node[KR_NCATS];      /* index of the category's first node (kind 1) */
} KrAstState;

KrAstState *_KrAst_GetState(void); /* borrowed; NULL with an exception set */
extern PyTypeObject _KrAST_Type;

/* Conversions (_ast_convert.c). */
PyObject *PyAST_mod2obj(mod_ty);
mod_ty PyAST_obj2mod(PyObject *, PyArena *, int mode);
int PyAST_Check(PyObject *);

#endif
