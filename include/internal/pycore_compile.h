/* Compiler internals shared by the files of src/compiler/ and src/objects/codeobject.c.
 *
 * Private table formats (written by assemble.c, read by codeobject.c):
 *
 * co_linetable: a sequence of entries, each covering a run of code units:
 *     varint(n_units << 1 | has_location)
 *     if has_location: svarint(line - previous_line) varint(end_line - line + 1)
 *                      varint(col + 1) varint(end_col + 1)
 *   previous_line starts at co_firstlineno; 0 encodes "unknown" for the last three.
 * co_exceptiontable: entries sorted by start, each
 *     varint(start) varint(length) varint(target) varint(depth << 1 | lasti)
 *   all in code units.
 * varint: 7 bits per byte, least significant group first, 0x80 = more follows;
 * svarint: zigzag-mapped varint. */
#ifndef KR_PYCORE_COMPILE_H
#define KR_PYCORE_COMPILE_H
#include "../Python.h"
#include "pycore_ast.h"
#include "pycore_symtable.h"

typedef struct {
    int lineno, end_lineno, col_offset, end_col_offset;
} _KrSrcLoc;
#define KR_NO_LOC ((_KrSrcLoc){-1, -1, -1, -1})

/* ---- varints of the private tables ---------------------------------------------- */
static inline int _KrVarint_Read(const unsigned char **p, const unsigned char *end,
                                 unsigned int *out)
{
    unsigned int v = 0;
    int shift = 0;
    while (*p < end) {
        unsigned char b = *(*p)++;
        v |= (unsigned int)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 1;
        }
        shift += 7;
        if (shift > 28)
            return 0;
    }
    return 0;
}
static inline int _KrSVarint_Read(const unsigned char **p, const unsigned char *end, int *out)
{
    unsigned int u;
    if (!_KrVarint_Read(p, end, &u))
        return 0;
    *out = (u & 1) ? -(int)(u >> 1) - 1 : (int)(u >> 1);
    return 1;
}

/* ---- the control-flow graph (flowgraph.c) ----------------------------------------- */
typedef struct _kr_basicblock basicblock;

typedef struct {
    int i_opcode;
    int i_oparg;
    _KrSrcLoc i_loc;
    basicblock *i_target; /* jump / SETUP_* target */
    basicblock *i_except; /* handler covering this instruction (after labelling) */
} cfg_instr;

struct _kr_basicblock {
    basicblock *b_list; /* every block, for freeing */
    basicblock *b_next; /* layout order */
    cfg_instr *b_instr;
    int b_iused, b_ialloc;
    int b_startdepth;
    int b_offset;  /* code-unit offset once assembled */
    int b_label;
    int b_predecessors;
    int b_visited;
    unsigned b_except_handler : 1;
    unsigned b_preserve_lasti : 1;
    unsigned b_cold : 1;
    unsigned b_warm : 1;
    basicblock **b_exceptstack;
};

typedef struct {
    basicblock *g_block_list;
    basicblock *g_entryblock;
    basicblock *g_curblock;
} cfg_builder;

int _KrCfg_Init(cfg_builder *);
void _KrCfg_Fini(cfg_builder *);
basicblock *_KrCfg_NewBlock(cfg_builder *);
/* Appends `b` after the current block in layout order and makes it current. */
void _KrCfg_UseNextBlock(cfg_builder *, basicblock *b);
int _KrCfg_AddOp(cfg_builder *, int opcode, int oparg, basicblock *target, _KrSrcLoc loc);
/* Last instruction of the current block, NULL if empty. */
cfg_instr *_KrCfg_LastInstr(cfg_builder *);
int _KrCfg_CurBlockEndsWithJump(cfg_builder *);

int _KrOpcode_IsJump(int opcode);
int _KrOpcode_IsUncondJump(int opcode);
int _KrOpcode_IsScopeExit(int opcode);
int _KrOpcode_IsTerminator(int opcode);
int _KrOpcode_StackEffect(int opcode, int oparg, int jump);

/* Optimise the graph and compute stack depth and exception-handler labelling.
 * `consts` is the unit's constant list (may be appended to), `nlocals` the number of
 * plain locals (for the LOAD_FAST/LOAD_FAST_CHECK analysis), `nparams` how many of them
 * are parameters (bound on entry). */
int _KrCfg_Optimize(cfg_builder *, PyObject *consts, int nlocals, int nparams,
                    int firstlineno);
int _KrCfg_StackDepth(cfg_builder *);
int _KrCfg_LabelExceptionTargets(cfg_builder *);
/* After labelling: drop the SETUP and POP_BLOCK pseudo-ops and resolve the rest. */
int _KrCfg_ResolvePseudo(cfg_builder *);

/* ---- the assembler (assemble.c) -------------------------------------------------- */
typedef struct {
    PyObject *filename, *name, *qualname;
    int flags, argcount, posonlyargcount, kwonlyargcount, firstlineno;
    PyObject *localsplusnames; /* tuple */
    PyObject *localspluskinds; /* bytes */
    PyObject *consts;          /* list */
    PyObject *names;           /* list */
    int nlocals;               /* plain locals (varnames), for LOAD_FAST_CHECK */
    int nparams;
} _KrAssembleInfo;
PyCodeObject *_KrAssemble(cfg_builder *, _KrAssembleInfo *);

/* ---- the AST optimiser (ast_opt.c) ----------------------------------------------- */
int _PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize, int ff_features);

/* ---- the code generator (compile*.c) --------------------------------------------- */
PyObject *_PyCode_ConstantKey(PyObject *obj);

/* Debug disassembler (codeobject.c). */
void _PyCode_DebugDump(PyCodeObject *, FILE *);

#endif
