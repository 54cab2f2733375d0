/* The control-flow graph: basic blocks of instructions with jump targets, built by the
 * code generator and then cleaned up here before assembly — exception-handler
 * labelling, unreachable-code removal, jump threading, NOP removal, the definite-
 * assignment analysis that picks LOAD_FAST or LOAD_FAST_CHECK, superinstructions, and
 * the maximum stack depth. */
#include "Python.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_compile.h"
#include "compiler.h"

#define DEFAULT_BLOCK_SIZE 16

int
_KrCfg_Init(cfg_builder *g)
{
    memset(g, 0, sizeof(*g));
    g->g_entryblock = _KrCfg_NewBlock(g);
    if (g->g_entryblock == NULL)
        return -1;
    g->g_curblock = g->g_entryblock;
    return 0;
}

void
_KrCfg_Fini(cfg_builder *g)
{
    basicblock *b = g->g_block_list;
    while (b != NULL) {
        basicblock *next = b->b_list;
        PyMem_Free(b->b_instr);
        PyMem_Free(b->b_exceptstack);
        PyMem_Free(b);
        b = next;
    }
    memset(g, 0, sizeof(*g));
}

basicblock *
_KrCfg_NewBlock(cfg_builder *g)
{
    basicblock *b = PyMem_Calloc(1, sizeof(basicblock));
    if (b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->b_list = g->g_block_list;
    g->g_block_list = b;
    b->b_startdepth = -1;
    b->b_label = -1;
    return b;
}

void
_KrCfg_UseNextBlock(cfg_builder *g, basicblock *b)
{
    g->g_curblock->b_next = b;
    g->g_curblock = b;
}

static int
block_next_instr(basicblock *b)
{
    if (b->b_iused == b->b_ialloc) {
        int n = b->b_ialloc ? b->b_ialloc * 2 : DEFAULT_BLOCK_SIZE;
        cfg_instr *a = PyMem_Realloc(b->b_instr, (size_t)n * sizeof(cfg_instr));
        if (a == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->b_instr = a;
        b->b_ialloc = n;
    }
    return b->b_iused++;
}

static int
block_add(basicblock *b, int opcode, int oparg, basicblock *target, _KrSrcLoc loc)
{
    int i = block_next_instr(b);
    if (i < 0)
        return -1;
    cfg_instr *in = &b->b_instr[i];
    in->i_opcode = opcode;
    in->i_oparg = oparg;
    in->i_loc = loc;
    in->i_target = target;
    in->i_except = NULL;
    return 0;
}

cfg_instr *
_KrCfg_LastInstr(cfg_builder *g)
{
    basicblock *b = g->g_curblock;
    return b->b_iused ? &b->b_instr[b->b_iused - 1] : NULL;
}

int
_KrOpcode_IsUncondJump(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD ||
           op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}

int
_KrOpcode_IsJump(int op)
{
    return _KrOpcode_IsUncondJump(op) || op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE ||
           op == POP_JUMP_IF_NONE || op == POP_JUMP_IF_NOT_NONE || op == FOR_ITER ||
           op == SEND;
}

static int
is_block_push(int op)
{
    return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH;
}

int
_KrOpcode_IsScopeExit(int op)
{
    return op == RETURN_VALUE || op == RETURN_CONST || op == RAISE_VARARGS || op == RERAISE;
}

int
_KrOpcode_IsTerminator(int op)
{
    return _KrOpcode_IsScopeExit(op) || _KrOpcode_IsUncondJump(op);
}

int
_KrCfg_CurBlockEndsWithJump(cfg_builder *g)
{
    cfg_instr *last = _KrCfg_LastInstr(g);
    return last != NULL && _KrOpcode_IsTerminator(last->i_opcode);
}

int
_KrCfg_AddOp(cfg_builder *g, int opcode, int oparg, basicblock *target, _KrSrcLoc loc)
{
    /* Code after a terminator starts a fresh (possibly unreachable) block, so that every
     * block ends with at most one control transfer. */
    cfg_instr *last = _KrCfg_LastInstr(g);
    if (last != NULL && (_KrOpcode_IsTerminator(last->i_opcode) || _KrOpcode_IsJump(last->i_opcode))) {
        basicblock *b = _KrCfg_NewBlock(g);
        if (b == NULL)
            return -1;
        _KrCfg_UseNextBlock(g, b);
    }
    return block_add(g->g_curblock, opcode, oparg, target, loc);
}

/* ---- stack effects ---------------------------------------------------------------- */

int
_KrOpcode_StackEffect(int op, int oparg, int jump)
{
    switch (op) {
    case NOP: case EXTENDED_ARG: case RESUME: case CACHE: return 0;
    case POP_TOP: return -1;
    case PUSH_NULL: return 1;
    case END_FOR: return -1;
    case END_SEND: return -1;
    case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT: return 0;
    case BINARY_SUBSCR: return -1;
    case STORE_SUBSCR: return -3;
    case DELETE_SUBSCR: return -2;
    case BINARY_SLICE: return -2;
    case STORE_SLICE: return -4;
    case GET_ITER: case GET_YIELD_FROM_ITER: case GET_AITER: return 0;
    case GET_ANEXT: return 1;
    case END_ASYNC_FOR: return -2;
    case CLEANUP_THROW: return -1;
    case BEFORE_ASYNC_WITH: case BEFORE_WITH: return 1;
    case WITH_EXCEPT_START: return 1;
    case PUSH_EXC_INFO: return 1;
    case POP_EXCEPT: return -1;
    case CHECK_EXC_MATCH: case CHECK_EG_MATCH: return 0;
    case RETURN_VALUE: return -1;
    case LOAD_LOCALS: case LOAD_BUILD_CLASS: case LOAD_ASSERTION_ERROR: return 1;
    case SETUP_ANNOTATIONS: return 0;
    case MATCH_MAPPING: case MATCH_SEQUENCE: case MATCH_KEYS: case GET_LEN: return 1;
    case FORMAT_SIMPLE: return 0;
    case FORMAT_WITH_SPEC: return -1;
    case MAKE_FUNCTION: return 0;
    case INTERPRETER_EXIT: case EXIT_INIT_CHECK: return -1;
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: return -1;
    case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
    case JUMP: case JUMP_NO_INTERRUPT: return 0;
    case FOR_ITER: return jump ? 0 : 1;
    case SEND: return 0;
    case YIELD_VALUE: return 0;
    case RETURN_CONST: return 0;
    case RAISE_VARARGS: return -oparg;
    case RERAISE: return -1;
    case LOAD_CONST: case LOAD_FAST: case LOAD_FAST_CHECK: case LOAD_FAST_AND_CLEAR:
    case LOAD_NAME: case LOAD_DEREF: case LOAD_CLOSURE: return 1;
    case LOAD_FAST_LOAD_FAST: return 2;
    case STORE_FAST: case STORE_NAME: case STORE_GLOBAL: case STORE_DEREF:
    case STORE_FAST_MAYBE_NULL: return -1;
    case STORE_FAST_LOAD_FAST: return 0;
    case STORE_FAST_STORE_FAST: return -2;
    case DELETE_FAST: case DELETE_NAME: case DELETE_GLOBAL: case DELETE_DEREF: return 0;
    case LOAD_GLOBAL: return 1 + (oparg & 1);
    case LOAD_FROM_DICT_OR_DEREF: case LOAD_FROM_DICT_OR_GLOBALS: return 0;
    case MAKE_CELL: case COPY_FREE_VARS: return 0;
    case LOAD_ATTR: return oparg & 1;
    case STORE_ATTR: return -2;
    case DELETE_ATTR: return -1;
    case LOAD_SUPER_ATTR: return (oparg & 1) ? -1 : -2;
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING: return 1 - oparg;
    case BUILD_MAP: return 1 - 2 * oparg;
    case BUILD_CONST_KEY_MAP: return -oparg;
    case BUILD_SLICE: return 1 - oparg;
    case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE: case DICT_UPDATE:
    case DICT_MERGE: return -1;
    case MAP_ADD: return -2;
    case UNPACK_SEQUENCE: return oparg - 1;
    case UNPACK_EX: return (oparg & 0xff) + (oparg >> 8);
    case COPY: return 1;
    case SWAP: return 0;
    case BINARY_OP: case COMPARE_OP: case IS_OP: case CONTAINS_OP: return -1;
    case CALL: return -1 - oparg;
    case CALL_KW: return -2 - oparg;
    case CALL_FUNCTION_EX: return -2 - (oparg & 1);
    case CALL_INTRINSIC_1: return 0;
    case CALL_INTRINSIC_2: return -1;
    case SET_FUNCTION_ATTRIBUTE: return -1;
    case IMPORT_NAME: return -1;
    case IMPORT_FROM: return 1;
    case CONVERT_VALUE: return 0;
    case MATCH_CLASS: return -2;
    case GET_AWAITABLE: return 0;
    case SETUP_FINALLY: return jump ? 1 : 0;
    case SETUP_CLEANUP: return jump ? 2 : 0;
    case SETUP_WITH: return jump ? 1 : 0;
    case POP_BLOCK: return 0;
    default:
        return 0;
    }
}

/* ---- exception-handler labelling ------------------------------------------------------ */

typedef struct {
    basicblock **handlers; /* handlers[0] is NULL: "no handler" */
    int depth;
} except_stack;

static basicblock **
make_stack(int cap)
{
    basicblock **s = PyMem_Calloc((size_t)cap + 1, sizeof(basicblock *));
    if (s == NULL)
        PyErr_NoMemory();
    return s;
}

int
_KrCfg_LabelExceptionTargets(cfg_builder *g)
{
    /* Each reachable block records the stack of enclosing handlers at its entry (its
     * first slot holds the depth). Blocks are visited once; the compiler guarantees that
     * every path reaching a block has the same handler stack. */
    int nblocks = 0, maxdepth = 1;
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        nblocks++;
        b->b_visited = 0;
        for (int i = 0; i < b->b_iused; i++)
            if (is_block_push(b->b_instr[i].i_opcode))
                maxdepth++;
    }
    basicblock **todo = PyMem_Malloc((size_t)(nblocks + 1) * sizeof(basicblock *));
    if (todo == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int ntodo = 0;
    int cap = maxdepth + 1;
    basicblock *entry = g->g_entryblock;
    entry->b_exceptstack = make_stack(cap);
    if (entry->b_exceptstack == NULL)
        goto error;
    entry->b_visited = 1;
    todo[ntodo++] = entry;
    basicblock **cur = make_stack(cap);
    if (cur == NULL)
        goto error;
    while (ntodo > 0) {
        basicblock *b = todo[--ntodo];
        /* slot 0: depth, slots 1..depth: handlers */
        memcpy(cur, b->b_exceptstack, (size_t)(cap + 1) * sizeof(basicblock *));
        intptr_t depth = (intptr_t)cur[0];
        basicblock *handler = depth > 0 ? cur[depth] : NULL;
        int last_op = -1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            last_op = in->i_opcode;
            if (is_block_push(in->i_opcode)) {
                basicblock *t = in->i_target;
                if (!t->b_visited) {
                    t->b_exceptstack = make_stack(cap);
                    if (t->b_exceptstack == NULL)
                        goto error2;
                    memcpy(t->b_exceptstack, cur, (size_t)(cap + 1) * sizeof(basicblock *));
                    t->b_visited = 1;
                    todo[ntodo++] = t;
                }
                t->b_except_handler = 1;
                if (in->i_opcode != SETUP_FINALLY)
                    t->b_preserve_lasti = 1;
                depth++;
                cur[depth] = t;
                cur[0] = (basicblock *)depth;
                handler = t;
                in->i_except = NULL;
            }
            else if (in->i_opcode == POP_BLOCK) {
                if (depth > 0)
                    depth--;
                cur[0] = (basicblock *)depth;
                handler = depth > 0 ? cur[depth] : NULL;
                in->i_except = handler;
            }
            else if (_KrOpcode_IsJump(in->i_opcode)) {
                in->i_except = handler;
                basicblock *t = in->i_target;
                if (!t->b_visited) {
                    t->b_exceptstack = make_stack(cap);
                    if (t->b_exceptstack == NULL)
                        goto error2;
                    memcpy(t->b_exceptstack, cur, (size_t)(cap + 1) * sizeof(basicblock *));
                    t->b_visited = 1;
                    todo[ntodo++] = t;
                }
            }
            else {
                in->i_except = handler;
            }
        }
        if (b->b_next && !_KrOpcode_IsTerminator(last_op) && !b->b_next->b_visited) {
            basicblock *t = b->b_next;
            t->b_exceptstack = make_stack(cap);
            if (t->b_exceptstack == NULL)
                goto error2;
            memcpy(t->b_exceptstack, cur, (size_t)(cap + 1) * sizeof(basicblock *));
            t->b_visited = 1;
            todo[ntodo++] = t;
        }
    }
    PyMem_Free(cur);
    PyMem_Free(todo);
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        PyMem_Free(b->b_exceptstack);
        b->b_exceptstack = NULL;
    }
    return 0;
error2:
    PyMem_Free(cur);
error:
    PyMem_Free(todo);
    return -1;
}

/* ---- reachability, jump threading, NOP removal ------------------------------------- */

static void
mark_reachable(cfg_builder *g)
{
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_predecessors = 0;
        b->b_visited = 0;
    }
    int n = 0;
    for (basicblock *b = g->g_block_list; b; b = b->b_list)
        n++;
    basicblock **stack = PyMem_Malloc((size_t)(n + 1) * sizeof(basicblock *));
    if (stack == NULL)
        return;
    int sp = 0;
    stack[sp++] = g->g_entryblock;
    g->g_entryblock->b_visited = 1;
    g->g_entryblock->b_predecessors = 1;
    while (sp > 0) {
        basicblock *b = stack[--sp];
        int fall = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target && (_KrOpcode_IsJump(in->i_opcode) || is_block_push(in->i_opcode))) {
                basicblock *t = in->i_target;
                t->b_predecessors++;
                if (!t->b_visited) {
                    t->b_visited = 1;
                    stack[sp++] = t;
                }
            }
            if (_KrOpcode_IsTerminator(in->i_opcode)) {
                fall = 0;
                break;
            }
        }
        if (fall && b->b_next) {
            b->b_next->b_predecessors++;
            if (!b->b_next->b_visited) {
                b->b_next->b_visited = 1;
                stack[sp++] = b->b_next;
            }
        }
    }
    PyMem_Free(stack);
}

static void
truncate_after_terminator(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            if (_KrOpcode_IsTerminator(b->b_instr[i].i_opcode)) {
                b->b_iused = i + 1;
                break;
            }
        }
    }
}

static void
remove_unreachable(cfg_builder *g)
{
    mark_reachable(g);
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (!b->b_visited)
            b->b_iused = 0;
    }
}

static basicblock *
first_real_block(basicblock *b)
{
    while (b && b->b_iused == 0)
        b = b->b_next;
    return b;
}

/* A jump whose target is (after empty blocks) an unconditional jump goes straight to
 * the final destination. */
static void
thread_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (!_KrOpcode_IsJump(last->i_opcode) || last->i_opcode == FOR_ITER ||
            last->i_opcode == SEND)
            continue;
        for (int hops = 0; hops < 20; hops++) {
            basicblock *t = first_real_block(last->i_target);
            if (t == NULL)
                break;
            last->i_target = t;
            cfg_instr *tf = &t->b_instr[0];
            if (tf->i_opcode != JUMP || t == b)
                break;
            if (last->i_opcode != JUMP && last->i_opcode != JUMP_NO_INTERRUPT && 0)
                break;
            if (tf->i_target == last->i_target)
                break;
            last->i_target = tf->i_target;
        }
    }
}

static int
next_nonempty_is(basicblock *b, basicblock *target)
{
    return first_real_block(b->b_next) == first_real_block(target);
}

static void
remove_redundant_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if ((last->i_opcode == JUMP || last->i_opcode == JUMP_NO_INTERRUPT) &&
            next_nonempty_is(b, last->i_target)) {
            last->i_opcode = NOP;
            last->i_target = NULL;
        }
    }
}

static int
same_line(_KrSrcLoc a, _KrSrcLoc b)
{
    return a.lineno == b.lineno;
}

/* NOPs go away unless one carries the only instruction of its source line (so that
 * tracing and line numbers still see e.g. `pass`). */
static void
remove_nops(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        int dest = 0;
        for (int src = 0; src < b->b_iused; src++) {
            cfg_instr *in = &b->b_instr[src];
            if (in->i_opcode == NOP) {
                int lineno = in->i_loc.lineno;
                int keep = 0;
                if (lineno >= 0) {
                    keep = 1;
                    if (dest > 0 && b->b_instr[dest - 1].i_loc.lineno == lineno)
                        keep = 0;
                    else if (src + 1 < b->b_iused) {
                        /* POP_BLOCK leaves no instruction, so it cannot carry the line */
                        int nx = src + 1;
                        while (nx + 1 < b->b_iused && b->b_instr[nx].i_opcode == POP_BLOCK)
                            nx++;
                        if (b->b_instr[nx].i_loc.lineno == lineno)
                            keep = 0;
                        else if (b->b_instr[nx].i_loc.lineno < 0 &&
                                 b->b_instr[nx].i_opcode != POP_BLOCK) {
                            b->b_instr[nx].i_loc = in->i_loc;
                            keep = 0;
                        }
                        else if (nx > src + 1) {
                            /* the NOP stands where the POP_BLOCK ends the handler range */
                            in->i_except = b->b_instr[nx - 1].i_except;
                        }
                    }
                    else {
                        basicblock *n = first_real_block(b->b_next);
                        if (n && n->b_predecessors == 1 && n->b_instr[0].i_loc.lineno == lineno)
                            keep = 0;
                    }
                }
                if (!keep)
                    continue;
            }
            b->b_instr[dest++] = *in;
        }
        b->b_iused = dest;
    }
}

/* ---- definite assignment: LOAD_FAST vs LOAD_FAST_CHECK ---------------------------------- */

typedef uint64_t lmask;

static void
scan_block_for_locals(basicblock *b, lmask *in_masks, basicblock **all, int nall,
                      basicblock ***stackp, int *sp, int nparams_unused)
{
    (void)all; (void)nall; (void)nparams_unused;
    lmask unsafe = in_masks[b->b_label];
    for (int i = 0; i < b->b_iused; i++) {
        cfg_instr *in = &b->b_instr[i];
        if (in->i_except != NULL) {
            int h = in->i_except->b_label;
            lmask nm = in_masks[h] | unsafe;
            if (nm != in_masks[h] || !in->i_except->b_visited) {
                in_masks[h] = nm;
                in->i_except->b_visited = 1;
                (*stackp)[(*sp)++] = in->i_except;
            }
        }
        int arg = in->i_oparg;
        if (arg >= 64)
            continue;
        lmask bit = (lmask)1 << arg;
        switch (in->i_opcode) {
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
            unsafe |= bit;
            break;
        case STORE_FAST:
            unsafe &= ~bit;
            break;
        case LOAD_FAST_CHECK:
            unsafe &= ~bit;
            break;
        case LOAD_FAST:
            if (unsafe & bit) {
                in->i_opcode = LOAD_FAST_CHECK;
                unsafe &= ~bit;
            }
            break;
        default:
            break;
        }
        if (in->i_target && (_KrOpcode_IsJump(in->i_opcode) || is_block_push(in->i_opcode))) {
            basicblock *t = in->i_target;
            lmask nm = in_masks[t->b_label] | unsafe;
            if (nm != in_masks[t->b_label] || !t->b_visited) {
                in_masks[t->b_label] = nm;
                t->b_visited = 1;
                (*stackp)[(*sp)++] = t;
            }
        }
    }
    int fall = b->b_iused == 0 || !_KrOpcode_IsTerminator(b->b_instr[b->b_iused - 1].i_opcode);
    if (fall && b->b_next) {
        basicblock *t = b->b_next;
        lmask nm = in_masks[t->b_label] | unsafe;
        if (nm != in_masks[t->b_label] || !t->b_visited) {
            in_masks[t->b_label] = nm;
            t->b_visited = 1;
            (*stackp)[(*sp)++] = t;
        }
    }
}

static int
add_checks_for_uninitialized(cfg_builder *g, int nlocals, int nparams)
{
    if (nlocals == 0)
        return 0;
    int n = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        b->b_label = n++;
        b->b_visited = 0;
    }
    lmask *masks = PyMem_Calloc((size_t)n + 1, sizeof(lmask));
    /* A block can be pushed once per change of its mask; 65 changes per block at most. */
    size_t stack_cap = (size_t)(n + 1) * 66 + 16;
    basicblock **stack = PyMem_Malloc(stack_cap * sizeof(basicblock *));
    if (masks == NULL || stack == NULL) {
        PyMem_Free(masks);
        PyMem_Free(stack);
        PyErr_NoMemory();
        return -1;
    }
    lmask start = 0;
    for (int i = nparams; i < nlocals && i < 64; i++)
        start |= (lmask)1 << i;
    masks[g->g_entryblock->b_label] = start;
    int sp = 0;
    stack[sp++] = g->g_entryblock;
    g->g_entryblock->b_visited = 1;
    while (sp > 0) {
        basicblock *b = stack[--sp];
        scan_block_for_locals(b, masks, NULL, 0, &stack, &sp, nparams);
        if ((size_t)sp + (size_t)b->b_iused + 4 >= stack_cap) {
            /* Pathological graphs: give up on precision, check everything. */
            break;
        }
    }
    if (sp > 0) {
        for (basicblock *b = g->g_entryblock; b; b = b->b_next)
            for (int i = 0; i < b->b_iused; i++)
                if (b->b_instr[i].i_opcode == LOAD_FAST && b->b_instr[i].i_oparg >= nparams)
                    b->b_instr[i].i_opcode = LOAD_FAST_CHECK;
    }
    /* Locals beyond the 64-bit mask: checked unless stored earlier in the same block. */
    if (nlocals > 64) {
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            for (int i = 0; i < b->b_iused; i++) {
                cfg_instr *in = &b->b_instr[i];
                if (in->i_opcode != LOAD_FAST || in->i_oparg < 64 || in->i_oparg < nparams ||
                    in->i_oparg >= nlocals)
                    continue;
                int stored = 0;
                for (int j = i - 1; j >= 0; j--) {
                    cfg_instr *p = &b->b_instr[j];
                    if (p->i_oparg == in->i_oparg &&
                        (p->i_opcode == STORE_FAST || p->i_opcode == LOAD_FAST_CHECK ||
                         p->i_opcode == LOAD_FAST)) {
                        stored = 1;
                        break;
                    }
                    if (p->i_oparg == in->i_oparg &&
                        (p->i_opcode == DELETE_FAST || p->i_opcode == LOAD_FAST_AND_CLEAR ||
                         p->i_opcode == STORE_FAST_MAYBE_NULL))
                        break;
                }
                if (!stored)
                    in->i_opcode = LOAD_FAST_CHECK;
            }
        }
    }
    PyMem_Free(masks);
    PyMem_Free(stack);
    return 0;
}

/* ---- superinstructions --------------------------------------------------------------- */

static void
make_super(cfg_instr *a, cfg_instr *b, int op)
{
    a->i_oparg = (a->i_oparg << 4) | b->i_oparg;
    a->i_opcode = op;
    b->i_opcode = NOP;
    b->i_loc = KR_NO_LOC;
}

static void
insert_superinstructions(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i + 1 < b->b_iused; i++) {
            cfg_instr *a = &b->b_instr[i], *c = &b->b_instr[i + 1];
            if (a->i_oparg >= 16 || c->i_oparg >= 16 || !same_line(a->i_loc, c->i_loc))
                continue;
            if (a->i_opcode == LOAD_FAST && c->i_opcode == LOAD_FAST)
                make_super(a, c, LOAD_FAST_LOAD_FAST);
            else if (a->i_opcode == STORE_FAST && c->i_opcode == LOAD_FAST)
                make_super(a, c, STORE_FAST_LOAD_FAST);
            else if (a->i_opcode == STORE_FAST && c->i_opcode == STORE_FAST)
                make_super(a, c, STORE_FAST_STORE_FAST);
            else
                continue;
            i++;
        }
        int dest = 0;
        for (int i = 0; i < b->b_iused; i++) {
            if (b->b_instr[i].i_opcode == NOP && b->b_instr[i].i_loc.lineno < 0)
                continue;
            b->b_instr[dest++] = b->b_instr[i];
        }
        b->b_iused = dest;
    }
}

/* ---- peephole ------------------------------------------------------------------------- */

static int
is_none_const(cfg_instr *in, PyObject *consts)
{
    return in->i_opcode == LOAD_CONST && in->i_oparg < PyList_GET_SIZE(consts) &&
           PyList_GET_ITEM(consts, in->i_oparg) == Py_None;
}

/* Index of `o` in the constant list, appending it if no equal constant (by
 * _PyCode_ConstantKey) is there yet. Steals nothing. */
static int
add_const(PyObject *consts, PyObject *o)
{
    PyObject *key = _PyCode_ConstantKey(o);
    if (key == NULL)
        return -1;
    Py_ssize_t n = PyList_GET_SIZE(consts);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = _PyCode_ConstantKey(PyList_GET_ITEM(consts, i));
        if (k == NULL) {
            Py_DECREF(key);
            return -1;
        }
        int eq = PyObject_RichCompareBool(k, key, Py_EQ);
        Py_DECREF(k);
        if (eq < 0) {
            Py_DECREF(key);
            return -1;
        }
        if (eq) {
            Py_DECREF(key);
            return (int)i;
        }
    }
    Py_DECREF(key);
    if (PyList_Append(consts, o) < 0)
        return -1;
    return (int)n;
}

/* BUILD_TUPLE right after as many LOAD_CONSTs becomes one LOAD_CONST of the tuple. */
static int
fold_tuple_of_constants(basicblock *b, int i, PyObject *consts)
{
    cfg_instr *build = &b->b_instr[i];
    int n = build->i_oparg;
    if (i < n)
        return 0;
    for (int k = i - n; k < i; k++)
        if (b->b_instr[k].i_opcode != LOAD_CONST ||
            b->b_instr[k].i_oparg >= PyList_GET_SIZE(consts))
            return 0;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return -1;
    for (int k = 0; k < n; k++) {
        cfg_instr *ld = &b->b_instr[i - n + k];
        PyTuple_SET_ITEM(t, k, Py_NewRef(PyList_GET_ITEM(consts, ld->i_oparg)));
    }
    int idx = add_const(consts, t);
    Py_DECREF(t);
    if (idx < 0)
        return -1;
    for (int k = i - n; k < i; k++)
        b->b_instr[k].i_opcode = NOP;
    build->i_opcode = LOAD_CONST;
    build->i_oparg = idx;
    return 0;
}

static int
peephole(cfg_builder *g, PyObject *consts)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            cfg_instr *next = i + 1 < b->b_iused ? &b->b_instr[i + 1] : NULL;
            if (in->i_opcode == BUILD_TUPLE) {
                if (next && next->i_opcode == UNPACK_SEQUENCE && next->i_oparg == in->i_oparg &&
                    in->i_oparg >= 1 && in->i_oparg <= 3) {
                    in->i_opcode = NOP;
                    if (next->i_oparg == 1)
                        next->i_opcode = NOP;
                    else
                        next->i_opcode = SWAP;
                    continue;
                }
                if (fold_tuple_of_constants(b, i, consts) < 0)
                    return -1;
                in = &b->b_instr[i];
            }
            if (next == NULL)
                continue;
            if (in->i_opcode == LOAD_CONST && next->i_opcode == RETURN_VALUE) {
                next->i_opcode = RETURN_CONST;
                next->i_oparg = in->i_oparg;
                in->i_opcode = NOP;
            }
            else if (in->i_opcode == LOAD_GLOBAL && !(in->i_oparg & 1) &&
                     next->i_opcode == PUSH_NULL) {
                in->i_oparg |= 1;
                next->i_opcode = NOP;
            }
            else if (is_none_const(in, consts) && next->i_opcode == IS_OP && i + 2 < b->b_iused) {
                cfg_instr *jump = &b->b_instr[i + 2];
                int jop = jump->i_opcode;
                if (jop != POP_JUMP_IF_TRUE && jop != POP_JUMP_IF_FALSE)
                    continue;
                /* `x is None` + jump-if-true jumps exactly when x is None */
                int when_none = (jop == POP_JUMP_IF_TRUE) != (next->i_oparg == 1);
                in->i_opcode = NOP;
                next->i_opcode = NOP;
                jump->i_opcode = when_none ? POP_JUMP_IF_NONE : POP_JUMP_IF_NOT_NONE;
            }
        }
    }
    return 0;
}

/* ---- SWAP elimination ------------------------------------------------------------------ */

/* A run of SWAPs (NOPs between them allowed) is a permutation of the top `depth` stack
 * items; rewrite it as the fewest SWAPs that produce the same permutation, placed at the
 * end of the run. Each cycle of the permutation costs one SWAP per element not at the
 * top. Returns the index of the last instruction of the run. */
static int
minimize_swap_run(basicblock *b, int start)
{
    cfg_instr *run = &b->b_instr[start];
    int depth = run[0].i_oparg, len = 1, nswaps = 1;
    while (start + len < b->b_iused) {
        int op = run[len].i_opcode;
        if (op == SWAP) {
            if (run[len].i_oparg > depth)
                depth = run[len].i_oparg;
            nswaps++;
        }
        else if (op != NOP)
            break;
        len++;
    }
    if (nswaps == 1)
        return start + len - 1;
    int *perm = PyMem_Malloc((size_t)depth * sizeof(int));
    if (perm == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (int k = 0; k < depth; k++)
        perm[k] = k;
    for (int k = 0; k < len; k++) {
        if (run[k].i_opcode != SWAP)
            continue;
        int d = run[k].i_oparg - 1, tmp = perm[0];
        perm[0] = perm[d];
        perm[d] = tmp;
    }
    /* Emitting the cycle walks in reverse order from the run's end rebuilds the
     * permutation; slot 0 must be in each cycle since SWAP only exchanges with the top. */
    int out = len - 1;
    for (int k = 0; k < depth; k++) {
        if (perm[k] < 0 || perm[k] == k)
            continue;
        int j = k;
        for (;;) {
            if (j != 0) {
                run[out].i_opcode = SWAP;
                run[out].i_oparg = j + 1;
                out--;
            }
            if (perm[j] < 0)
                break;
            int nj = perm[j];
            perm[j] = -1;
            j = nj;
        }
    }
    while (out >= 0) {
        run[out].i_opcode = NOP;
        run[out].i_oparg = 0;
        out--;
    }
    PyMem_Free(perm);
    return start + len - 1;
}

static int
swappable(int op)
{
    return op == STORE_FAST || op == STORE_FAST_MAYBE_NULL || op == POP_TOP;
}

static int
stores_to(cfg_instr *in)
{
    return (in->i_opcode == STORE_FAST || in->i_opcode == STORE_FAST_MAYBE_NULL) ? in->i_oparg : -1;
}

static int
next_swappable(basicblock *b, int i, int lineno)
{
    while (++i < b->b_iused) {
        cfg_instr *in = &b->b_instr[i];
        /* reordering across a line change would be visible to line tracing */
        if (lineno >= 0 && in->i_loc.lineno != lineno)
            return -1;
        if (in->i_opcode == NOP)
            continue;
        return swappable(in->i_opcode) ? i : -1;
    }
    return -1;
}

/* A SWAP followed by the stores/pops that consume the swapped items becomes those
 * instructions in the other order. Walks left from `i` over the run just minimised. */
static void
apply_static_swaps(basicblock *b, int i)
{
    for (; i >= 0; i--) {
        cfg_instr *sw = &b->b_instr[i];
        if (sw->i_opcode != SWAP) {
            if (sw->i_opcode == NOP || swappable(sw->i_opcode))
                continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0)
            return;
        int k = j, lineno = b->b_instr[j].i_loc.lineno;
        for (int cnt = sw->i_oparg - 1; cnt > 0; cnt--) {
            k = next_swappable(b, k, lineno);
            if (k < 0)
                return;
        }
        int sj = stores_to(&b->b_instr[j]), sk = stores_to(&b->b_instr[k]);
        if (sj >= 0 || sk >= 0) {
            if (sj == sk)
                return;
            for (int m = j + 1; m < k; m++) {
                int sm = stores_to(&b->b_instr[m]);
                if (sm >= 0 && (sm == sj || sm == sk))
                    return;
            }
        }
        sw->i_opcode = NOP;
        sw->i_oparg = 0;
        cfg_instr tmp = b->b_instr[j];
        b->b_instr[j] = b->b_instr[k];
        b->b_instr[k] = tmp;
    }
}

static int
optimize_swaps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_opcode != SWAP)
                continue;
            if (in->i_oparg == 1) {
                in->i_opcode = NOP;
                continue;
            }
            int end = minimize_swap_run(b, i);
            if (end < 0)
                return -1;
            apply_static_swaps(b, end);
            i = end;
        }
    }
    return 0;
}

/* ---- small exit blocks ----------------------------------------------------------------- */

#define MAX_COPY_SIZE 4

static int
block_has_no_lineno(basicblock *b)
{
    for (int i = 0; i < b->b_iused; i++)
        if (b->b_instr[i].i_loc.lineno >= 0)
            return 0;
    return 1;
}

static int
block_exits_scope(basicblock *b)
{
    return b->b_iused > 0 && _KrOpcode_IsScopeExit(b->b_instr[b->b_iused - 1].i_opcode);
}

static int
block_falls_through(basicblock *b)
{
    return b->b_iused == 0 || !_KrOpcode_IsTerminator(b->b_instr[b->b_iused - 1].i_opcode);
}

static int
block_pushes_handler(basicblock *b)
{
    for (int i = 0; i < b->b_iused; i++)
        if (is_block_push(b->b_instr[i].i_opcode))
            return 1;
    return 0;
}

static int
append_block_copy(basicblock *b, basicblock *from)
{
    for (int i = 0; i < from->b_iused; i++) {
        int k = block_next_instr(b);
        if (k < 0)
            return -1;
        b->b_instr[k] = from->b_instr[i];
    }
    return 0;
}

/* Like CPython, a jump to a short block that leaves the function (or to a block with
 * no line number that does not fall through) is replaced by a copy of that block, so
 * e.g. the `return` after a try statement or a conditional expression appears once per
 * path instead of behind a JUMP_FORWARD. */
static int
inline_small_exit_blocks(cfg_builder *g)
{
    int changed, passes = 0;
    do {
        changed = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            if (b->b_iused == 0)
                continue;
            cfg_instr *last = &b->b_instr[b->b_iused - 1];
            if (!_KrOpcode_IsUncondJump(last->i_opcode))
                continue;
            basicblock *t = first_real_block(last->i_target);
            if (t == NULL || t == b || block_pushes_handler(t))
                continue;
            int small_exit = block_exits_scope(t) && t->b_iused <= MAX_COPY_SIZE;
            int no_lineno = block_has_no_lineno(t) && !block_falls_through(t);
            if (!small_exit && !no_lineno)
                continue;
            int removed = last->i_opcode;
            last->i_opcode = NOP;
            last->i_target = NULL;
            if (append_block_copy(b, t) < 0)
                return -1;
            if (no_lineno) {
                cfg_instr *nl = &b->b_instr[b->b_iused - 1];
                /* keep the eval-breaker check of the jump we removed */
                if (_KrOpcode_IsUncondJump(nl->i_opcode) && removed == JUMP)
                    nl->i_opcode = JUMP;
            }
            changed = 1;
        }
    } while (changed && ++passes < 16); /* bounded: no-line blocks jumping in a cycle */
    return 0;
}

/* Exit blocks without a line number reached by several jumps are copied per jump, each
 * copy taking the line of the jump leading to it. */
static int
duplicate_exits_without_lineno(cfg_builder *g)
{
    /* count predecessors on the blocks that hold code, not on empty labels before them */
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (_KrOpcode_IsJump(last->i_opcode) && last->i_target &&
            first_real_block(last->i_target) != NULL)
            last->i_target = first_real_block(last->i_target);
    }
    mark_reachable(g);
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (!_KrOpcode_IsJump(last->i_opcode) || last->i_target == NULL)
            continue;
        basicblock *t = first_real_block(last->i_target);
        if (t == NULL || !block_exits_scope(t) || !block_has_no_lineno(t) ||
            t->b_predecessors < 2 || block_pushes_handler(t))
            continue;
        basicblock *nb = _KrCfg_NewBlock(g);
        if (nb == NULL || append_block_copy(nb, t) < 0)
            return -1;
        nb->b_instr[0].i_loc = last->i_loc;
        last->i_target = nb;
        t->b_predecessors--;
        nb->b_predecessors = 1;
        nb->b_next = t->b_next;
        t->b_next = nb;
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0 || !block_falls_through(b) || b->b_next == NULL)
            continue;
        basicblock *n = first_real_block(b->b_next);
        if (n != NULL && block_exits_scope(n) && block_has_no_lineno(n))
            n->b_instr[0].i_loc = b->b_instr[b->b_iused - 1].i_loc;
    }
    return 0;
}

/* ---- TO_BOOL folding ----------------------------------------------------------------- */

static int
produces_bool(int op)
{
    return op == IS_OP || op == CONTAINS_OP || op == UNARY_NOT || op == KR_TO_BOOL_PSEUDO;
}

/* CPython's folds of TO_BOOL (and of `not` after IS_OP/CONTAINS_OP), done on adjacent
 * instructions before anything else moves them. A COMPARE_OP followed by TO_BOOL gets
 * its bool-coercion bit instead. */
static void
fold_to_bool(cfg_builder *g)
{
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        int dest = 0;
        for (int src = 0; src < b->b_iused; src++) {
            cfg_instr in = b->b_instr[src];
            cfg_instr *prev = dest > 0 ? &b->b_instr[dest - 1] : NULL;
            if (in.i_opcode == KR_TO_BOOL_PSEUDO) {
                if (prev && prev->i_opcode == COMPARE_OP) {
                    prev->i_oparg |= 16;
                    continue;
                }
                if (prev && produces_bool(prev->i_opcode))
                    continue;
            }
            else if (in.i_opcode == UNARY_NOT && prev &&
                     (prev->i_opcode == IS_OP || prev->i_opcode == CONTAINS_OP)) {
                prev->i_oparg ^= 1;
                continue;
            }
            b->b_instr[dest++] = in;
        }
        /* The eval loop's jumps and UNARY_NOT test truth themselves. */
        int keep = 0;
        for (int i = 0; i < dest; i++)
            if (b->b_instr[i].i_opcode != KR_TO_BOOL_PSEUDO)
                b->b_instr[keep++] = b->b_instr[i];
        b->b_iused = keep;
    }
}

/* ---- line-number propagation ----------------------------------------------------------- */

/* Instructions without a location inherit the previous instruction's line where control
 * flows straight in, so that tracebacks point at a sensible line. */
static void
propagate_line_numbers(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        _KrSrcLoc prev = KR_NO_LOC;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_loc.lineno < 0)
                in->i_loc = prev;
            else
                prev = in->i_loc;
        }
        if (b->b_iused == 0 || prev.lineno < 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (!_KrOpcode_IsTerminator(last->i_opcode) && b->b_next) {
            basicblock *n = b->b_next;
            if (n->b_predecessors == 1 && n->b_iused > 0 && n->b_instr[0].i_loc.lineno < 0)
                n->b_instr[0].i_loc = prev;
        }
        if (_KrOpcode_IsJump(last->i_opcode) && last->i_target &&
            last->i_target->b_predecessors == 1 && last->i_target->b_iused > 0 &&
            last->i_target->b_instr[0].i_loc.lineno < 0)
            last->i_target->b_instr[0].i_loc = prev;
    }
}

/* Blocks reached only through exception edges (handlers and their cleanup) are laid
 * out after all normal code, so the common path has no jumps over them. */
static int
push_cold_blocks_to_end(cfg_builder *g)
{
    int n = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        b->b_warm = 0;
        n++;
    }
    basicblock **stack = PyMem_Malloc((size_t)(n + 1) * sizeof(basicblock *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int sp = 0;
    g->g_entryblock->b_warm = 1;
    stack[sp++] = g->g_entryblock;
    while (sp > 0) {
        basicblock *b = stack[--sp];
        int fall = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target && _KrOpcode_IsJump(in->i_opcode) && !in->i_target->b_warm) {
                in->i_target->b_warm = 1;
                stack[sp++] = in->i_target;
            }
            if (_KrOpcode_IsTerminator(in->i_opcode)) {
                fall = 0;
                break;
            }
        }
        if (fall && b->b_next && !b->b_next->b_warm) {
            b->b_next->b_warm = 1;
            stack[sp++] = b->b_next;
        }
    }
    PyMem_Free(stack);
    /* A cold block falling into a warm one needs an explicit jump once they separate. */
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_warm || b->b_next == NULL || !b->b_next->b_warm)
            continue;
        basicblock *target = b->b_next;
        if (b->b_iused == 0) {
            if (b->b_predecessors == 0)
                continue; /* dead */
            /* an empty cold block still falls through to its warm successor */
            if (block_add(b, JUMP_NO_INTERRUPT, 0, target, KR_NO_LOC) < 0)
                return -1;
            b->b_instr[0].i_except = target->b_iused ? target->b_instr[0].i_except : NULL;
            continue;
        }
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (_KrOpcode_IsTerminator(last->i_opcode))
            continue;
        /* The explicit jump gets its own block, outside any handler (it cannot raise),
         * with the line of the code falling into it — as CPython lays it out. */
        basicblock *nb = _KrCfg_NewBlock(g);
        if (nb == NULL || block_add(nb, JUMP_NO_INTERRUPT, 0, target, last->i_loc) < 0)
            return -1;
        nb->b_predecessors = 1;
        nb->b_next = b->b_next;
        b->b_next = nb;
        b = nb;
    }
    basicblock *warm_head = NULL, *warm_tail = NULL, *cold_head = NULL, *cold_tail = NULL;
    for (basicblock *b = g->g_entryblock, *next; b; b = next) {
        next = b->b_next;
        b->b_next = NULL;
        if (b->b_warm) {
            if (warm_tail)
                warm_tail->b_next = b;
            else
                warm_head = b;
            warm_tail = b;
        }
        else {
            if (cold_tail)
                cold_tail->b_next = b;
            else
                cold_head = b;
            cold_tail = b;
        }
    }
    warm_tail->b_next = cold_head;
    g->g_entryblock = warm_head;
    return 0;
}

static int
reversed_jump(int op)
{
    switch (op) {
    case POP_JUMP_IF_FALSE: return POP_JUMP_IF_TRUE;
    case POP_JUMP_IF_TRUE: return POP_JUMP_IF_FALSE;
    case POP_JUMP_IF_NONE: return POP_JUMP_IF_NOT_NONE;
    case POP_JUMP_IF_NOT_NONE: return POP_JUMP_IF_NONE;
    default: return -1;
    }
}

/* Conditional jumps only go forward: a backward one becomes the reversed condition
 * jumping over a new unconditional backward jump. */
static int
normalize_jumps(cfg_builder *g)
{
    int idx = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        b->b_label = idx++;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0)
            continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        int rev = reversed_jump(last->i_opcode);
        if (rev < 0 || last->i_target->b_label > b->b_label || b->b_next == NULL)
            continue;
        basicblock *nb = _KrCfg_NewBlock(g);
        if (nb == NULL || block_add(nb, JUMP, 0, last->i_target, last->i_loc) < 0)
            return -1;
        nb->b_instr[0].i_except = NULL; /* CPython leaves the added jump uncovered */
        nb->b_label = b->b_label;
        last->i_opcode = rev;
        last->i_target = b->b_next;
        nb->b_next = b->b_next;
        b->b_next = nb;
        b = nb;
    }
    return 0;
}

int
_KrCfg_Optimize(cfg_builder *g, PyObject *consts, int nlocals, int nparams, int firstlineno)
{
    (void)firstlineno;
    fold_to_bool(g);
    truncate_after_terminator(g);
    if (peephole(g, consts) < 0)
        return -1;
    if (_KrCfg_LabelExceptionTargets(g) < 0)
        return -1;
    if (inline_small_exit_blocks(g) < 0)
        return -1;
    remove_unreachable(g);
    if (duplicate_exits_without_lineno(g) < 0)
        return -1;
    /* lines first, as CPython does: a jump that turns into a NOP keeps its line */
    propagate_line_numbers(g);
    thread_jumps(g);
    remove_redundant_jumps(g);
    mark_reachable(g);
    remove_nops(g);
    propagate_line_numbers(g);
    if (optimize_swaps(g) < 0)
        return -1;
    remove_redundant_jumps(g);
    remove_nops(g);
    if (add_checks_for_uninitialized(g, nlocals, nparams) < 0)
        return -1;
    if (push_cold_blocks_to_end(g) < 0)
        return -1;
    remove_redundant_jumps(g);
    mark_reachable(g);
    remove_nops(g);
    insert_superinstructions(g);
    if (normalize_jumps(g) < 0)
        return -1;
    /* a loop-back jump only reached through a now-reversed condition is dead */
    remove_unreachable(g);
    return 0;
}

/* ---- stack depth ------------------------------------------------------------------------ */

int
_KrCfg_StackDepth(cfg_builder *g)
{
    int n = 0;
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_startdepth = -1;
        n++;
    }
    basicblock **stack = PyMem_Malloc((size_t)(n + 1) * sizeof(basicblock *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int sp = 0, maxdepth = 0;
    g->g_entryblock->b_startdepth = 0;
    stack[sp++] = g->g_entryblock;
#define PUSH_BLOCK(blk, d) do { \
        basicblock *_t = (blk); \
        if (_t->b_startdepth < 0) { _t->b_startdepth = (d); stack[sp++] = _t; } \
        else if (_t->b_startdepth != (d)) { \
            PyMem_Free(stack); \
            PyErr_Format(PyExc_SystemError, "compiler: inconsistent stack depth (%d vs %d)", \
                         _t->b_startdepth, (d)); \
            return -1; } \
    } while (0)
    while (sp > 0) {
        basicblock *b = stack[--sp];
        int depth = b->b_startdepth;
        if (depth > maxdepth)
            maxdepth = depth;
        int fall = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target && (_KrOpcode_IsJump(in->i_opcode) || is_block_push(in->i_opcode))) {
                int td = depth + _KrOpcode_StackEffect(in->i_opcode, in->i_oparg, 1);
                if (td < 0) {
                    PyMem_Free(stack);
                    PyErr_SetString(PyExc_SystemError, "compiler: negative stack depth");
                    return -1;
                }
                if (td > maxdepth)
                    maxdepth = td;
                PUSH_BLOCK(in->i_target, td);
            }
            /* RETURN_CONST is folded from LOAD_CONST + RETURN_VALUE after CPython sizes
             * the stack, so the constant still counts towards co_stacksize. */
            if (in->i_opcode == RETURN_CONST && depth + 1 > maxdepth)
                maxdepth = depth + 1;
            depth += _KrOpcode_StackEffect(in->i_opcode, in->i_oparg, 0);
            if (depth < 0) {
#ifdef KR_CFG_DEBUG
                for (basicblock *bb = g->g_entryblock; bb; bb = bb->b_next) {
                    fprintf(stderr, "block %p depth %d%s:\n", (void *)bb, bb->b_startdepth, bb == b ? " <==" : "");
                    for (int k = 0; k < bb->b_iused; k++)
                        fprintf(stderr, "   %s %d -> %p line %d\n", bb->b_instr[k].i_opcode < KR_NUM_OPCODES ? _PyOpcode_OpName[bb->b_instr[k].i_opcode] : "pseudo", bb->b_instr[k].i_opcode >= KR_NUM_OPCODES ? bb->b_instr[k].i_opcode : bb->b_instr[k].i_oparg, (void *)bb->b_instr[k].i_target, bb->b_instr[k].i_loc.lineno);
                }
#endif
                PyMem_Free(stack);
                PyErr_Format(PyExc_SystemError, "compiler: negative stack depth at %s",
                             in->i_opcode < KR_NUM_OPCODES ? _PyOpcode_OpName[in->i_opcode] : "pseudo");
                return -1;
            }
            if (depth > maxdepth)
                maxdepth = depth;
            if (_KrOpcode_IsTerminator(in->i_opcode)) {
                fall = 0;
                break;
            }
        }
        if (fall && b->b_next)
            PUSH_BLOCK(b->b_next, depth);
    }
#undef PUSH_BLOCK
    PyMem_Free(stack);
    return maxdepth;
}

int
_KrCfg_ResolvePseudo(cfg_builder *g)
{
    int prev_line = -1;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        int dest = 0;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            switch (in->i_opcode) {
            case SETUP_FINALLY: {
                /* A `try:` line has no instruction of its own; like CPython, keep a NOP
                 * there so line tracing and the line table see it. */
                int line = in->i_loc.lineno;
                int next_line = -1;
                for (int j = i + 1; j < b->b_iused && next_line < 0; j++)
                    if (!is_block_push(b->b_instr[j].i_opcode) && b->b_instr[j].i_opcode != POP_BLOCK)
                        next_line = b->b_instr[j].i_loc.lineno;
                if (next_line < 0 && b->b_next && b->b_next->b_iused)
                    next_line = b->b_next->b_instr[0].i_loc.lineno;
                if (line > 0 && line != prev_line && line != next_line) {
                    in->i_opcode = NOP;
                    in->i_oparg = 0;
                    in->i_target = NULL;
                    b->b_instr[dest++] = *in;
                    prev_line = line;
                }
                continue;
            }
            case SETUP_CLEANUP:
            case SETUP_WITH:
            case POP_BLOCK:
                continue;
            case STORE_FAST_MAYBE_NULL:
                in->i_opcode = STORE_FAST;
                break;
            case LOAD_CLOSURE:
                in->i_opcode = LOAD_FAST;
                break;
            default:
                break;
            }
            if (in->i_opcode == NOP && in->i_loc.lineno < 0)
                continue;
            if (in->i_loc.lineno > 0)
                prev_line = in->i_loc.lineno;
            b->b_instr[dest++] = *in;
        }
        b->b_iused = dest;
    }
    return 0;
}
