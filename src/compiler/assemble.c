/* The assembler: lays the optimised flow graph out as code units (EXTENDED_ARG prefixes,
 * inline caches, relative jump offsets), and writes the location and exception tables in
 * Krait's private formats (see pycore_compile.h). */
#include "Python.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_compile.h"

typedef struct {
    unsigned char *buf;
    Py_ssize_t len, cap;
} bytebuf;

static int
bb_put(bytebuf *b, unsigned char c)
{
    if (b->len == b->cap) {
        Py_ssize_t n = b->cap ? b->cap * 2 : 64;
        unsigned char *p = PyMem_Realloc(b->buf, (size_t)n);
        if (p == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->buf = p;
        b->cap = n;
    }
    b->buf[b->len++] = c;
    return 0;
}

static int
bb_varint(bytebuf *b, unsigned int v)
{
    while (v >= 0x80) {
        if (bb_put(b, (unsigned char)(0x80 | (v & 0x7f))) < 0)
            return -1;
        v >>= 7;
    }
    return bb_put(b, (unsigned char)v);
}

static int
bb_svarint(bytebuf *b, int v)
{
    unsigned int u = v < 0 ? ((unsigned int)(-(v + 1)) << 1) | 1 : (unsigned int)v << 1;
    return bb_varint(b, u);
}

static int
instr_size_for_arg(int oparg)
{
    if (oparg < 0)
        oparg = 0;
    if (oparg <= 0xff) return 1;
    if (oparg <= 0xffff) return 2;
    if (oparg <= 0xffffff) return 3;
    return 4;
}

static int
instr_size(cfg_instr *in)
{
    int op = in->i_opcode;
    int caches = op < KR_NUM_OPCODES ? _PyOpcode_Caches[op] : 0;
    return instr_size_for_arg(OPCODE_HAS_ARG(op) ? in->i_oparg : 0) + caches;
}

static int
is_relative_jump(cfg_instr *in)
{
    return in->i_target != NULL && _KrOpcode_IsJump(in->i_opcode);
}

/* Jump opargs depend on offsets, which depend on EXTENDED_ARG counts: iterate to a fixed
 * point (sizes only ever grow, so this terminates). */
static int
resolve_jumps(cfg_builder *g, int *total)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_opcode == JUMP || in->i_opcode == JUMP_NO_INTERRUPT)
                in->i_oparg = 0;
        }
    for (int iter = 0; iter < 100; iter++) {
        int off = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            b->b_offset = off;
            for (int i = 0; i < b->b_iused; i++)
                off += instr_size(&b->b_instr[i]);
        }
        *total = off;
        int changed = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            int pos = b->b_offset;
            for (int i = 0; i < b->b_iused; i++) {
                cfg_instr *in = &b->b_instr[i];
                int size = instr_size(in);
                int next = pos + size;
                if (is_relative_jump(in)) {
                    int target = in->i_target->b_offset;
                    int op = in->i_opcode;
                    if (op == JUMP || op == JUMP_NO_INTERRUPT) {
                        if (target >= next)
                            op = JUMP_FORWARD;
                        else
                            op = op == JUMP ? JUMP_BACKWARD : JUMP_BACKWARD_NO_INTERRUPT;
                        in->i_opcode = op;
                        changed = 1;
                    }
                    int arg;
                    if (op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT)
                        arg = next - target;
                    else
                        arg = target - next;
                    if (arg < 0) {
                        PyErr_Format(PyExc_SystemError,
                                     "compiler: backward conditional jump (%s)",
                                     _PyOpcode_OpName[op]);
                        return -1;
                    }
                    if (arg != in->i_oparg) {
                        in->i_oparg = arg;
                        changed = 1;
                    }
                }
                pos += instr_size(in);
                if (instr_size(in) != size)
                    changed = 1;
            }
        }
        if (!changed)
            return 0;
    }
    PyErr_SetString(PyExc_SystemError, "compiler: jump offsets did not converge");
    return -1;
}

static int
write_code(cfg_builder *g, _Py_CODEUNIT *code)
{
    int pos = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            int op = in->i_opcode;
            if (op >= KR_NUM_OPCODES || op == HAVE_ARGUMENT_MARKER) {
                PyErr_Format(PyExc_SystemError, "compiler: unresolved pseudo-op %d", op);
                return -1;
            }
            int arg = OPCODE_HAS_ARG(op) ? in->i_oparg : 0;
            int n = instr_size_for_arg(arg);
            for (int k = n - 1; k >= 1; k--)
                code[pos++] = _Py_MAKE_CODEUNIT(EXTENDED_ARG, (arg >> (8 * k)) & 0xff);
            code[pos++] = _Py_MAKE_CODEUNIT(op, arg & 0xff);
            for (int k = 0; k < _PyOpcode_Caches[op]; k++)
                code[pos++] = 0;
        }
    }
    return pos;
}

static int
loc_equal(_KrSrcLoc a, _KrSrcLoc b)
{
    return a.lineno == b.lineno && a.end_lineno == b.end_lineno &&
           a.col_offset == b.col_offset && a.end_col_offset == b.end_col_offset;
}

static PyObject *
make_linetable(cfg_builder *g, int firstlineno)
{
    bytebuf bb = {0};
    int prev_line = firstlineno;
    _KrSrcLoc cur = KR_NO_LOC;
    int run = 0, have = 0;
#define FLUSH() do { \
        if (run > 0) { \
            int hl = cur.lineno >= 0; \
            if (bb_varint(&bb, (unsigned)(run << 1 | hl)) < 0) goto error; \
            if (hl) { \
                if (bb_svarint(&bb, cur.lineno - prev_line) < 0) goto error; \
                prev_line = cur.lineno; \
                if (bb_varint(&bb, cur.end_lineno >= cur.lineno ? (unsigned)(cur.end_lineno - cur.lineno + 1) : 0) < 0) goto error; \
                if (bb_varint(&bb, (unsigned)(cur.col_offset + 1)) < 0) goto error; \
                if (bb_varint(&bb, (unsigned)(cur.end_col_offset + 1)) < 0) goto error; \
            } \
        } } while (0)
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            _KrSrcLoc loc = in->i_loc;
            if (loc.lineno < 0)
                loc = KR_NO_LOC;
            if (loc.col_offset < -1) loc.col_offset = -1;
            if (loc.end_col_offset < -1) loc.end_col_offset = -1;
            int size = instr_size(in);
            if (have && loc_equal(loc, cur)) {
                run += size;
                continue;
            }
            FLUSH();
            cur = loc;
            run = size;
            have = 1;
        }
    }
    FLUSH();
#undef FLUSH
    PyObject *res = PyBytes_FromStringAndSize((const char *)bb.buf, bb.len);
    PyMem_Free(bb.buf);
    return res;
error:
    PyMem_Free(bb.buf);
    return NULL;
}

static PyObject *
make_exceptiontable(cfg_builder *g)
{
    bytebuf bb = {0};
    basicblock *cur = NULL;
    int start = 0, pos = 0;
#define EMIT(endpos) do { \
        if (cur != NULL && (endpos) > start) { \
            int depth = cur->b_startdepth - 1 - (cur->b_preserve_lasti ? 1 : 0); \
            if (depth < 0) depth = 0; \
            if (bb_varint(&bb, (unsigned)start) < 0 || bb_varint(&bb, (unsigned)((endpos) - start)) < 0 || \
                bb_varint(&bb, (unsigned)cur->b_offset) < 0 || \
                bb_varint(&bb, (unsigned)(depth << 1 | (cur->b_preserve_lasti ? 1 : 0))) < 0) \
                goto error; \
        } } while (0)
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_except != cur) {
                EMIT(pos);
                cur = in->i_except;
                start = pos;
            }
            pos += instr_size(in);
        }
    }
    EMIT(pos);
#undef EMIT
    PyObject *res = PyBytes_FromStringAndSize((const char *)bb.buf, bb.len);
    PyMem_Free(bb.buf);
    return res;
error:
    PyMem_Free(bb.buf);
    return NULL;
}

/* Constants no instruction refers to any more (dead code, folded jumps) are dropped;
 * the first one stays because it may be the docstring. Returns a new list. */
static PyObject *
remove_unused_consts(cfg_builder *g, PyObject *consts)
{
    Py_ssize_t n = PyList_GET_SIZE(consts);
    if (n == 0)
        return PyList_New(0);
    Py_ssize_t *map = PyMem_Calloc((size_t)n, sizeof(Py_ssize_t));
    if (map == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    map[0] = 1;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if ((in->i_opcode == LOAD_CONST || in->i_opcode == RETURN_CONST) &&
                in->i_oparg >= 0 && in->i_oparg < n)
                map[in->i_oparg] = 1;
        }
    PyObject *res = PyList_New(0);
    if (res == NULL) {
        PyMem_Free(map);
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!map[i]) {
            map[i] = -1;
            continue;
        }
        if (PyList_Append(res, PyList_GET_ITEM(consts, i)) < 0) {
            Py_DECREF(res);
            PyMem_Free(map);
            return NULL;
        }
        map[i] = k++;
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if ((in->i_opcode == LOAD_CONST || in->i_opcode == RETURN_CONST) &&
                in->i_oparg >= 0 && in->i_oparg < n)
                in->i_oparg = (int)map[in->i_oparg];
        }
    PyMem_Free(map);
    return res;
}

PyCodeObject *
_KrAssemble(cfg_builder *g, _KrAssembleInfo *info)
{
    PyCodeObject *co = NULL;
    PyObject *consts = NULL, *names = NULL, *linetable = NULL, *exctable = NULL;
    _Py_CODEUNIT *code = NULL;
    if (_KrCfg_Optimize(g, info->consts, info->nlocals, info->nparams, info->firstlineno) < 0)
        return NULL;
    int maxdepth = _KrCfg_StackDepth(g);
    if (maxdepth < 0)
        return NULL;
    if (_KrCfg_ResolvePseudo(g) < 0)
        return NULL;
    PyObject *used_consts = remove_unused_consts(g, info->consts);
    if (used_consts == NULL)
        return NULL;
    int total;
    if (resolve_jumps(g, &total) < 0) {
        Py_DECREF(used_consts);
        return NULL;
    }
    code = PyMem_Malloc((size_t)(total + 1) * sizeof(_Py_CODEUNIT));
    if (code == NULL) {
        Py_DECREF(used_consts);
        PyErr_NoMemory();
        return NULL;
    }
    int n = write_code(g, code);
    if (n < 0)
        goto done;
    linetable = make_linetable(g, info->firstlineno);
    exctable = make_exceptiontable(g);
    consts = PyList_AsTuple(used_consts);
    names = PyList_AsTuple(info->names);
    if (!linetable || !exctable || !consts || !names)
        goto done;
    co = _PyCode_New(info->filename, info->name, info->qualname, info->flags, info->argcount,
                     info->posonlyargcount, info->kwonlyargcount, maxdepth, info->firstlineno,
                     info->localsplusnames, info->localspluskinds, consts, names, code, n,
                     linetable, exctable);
done:
    Py_DECREF(used_consts);
    PyMem_Free(code);
    Py_XDECREF(linetable);
    Py_XDECREF(exctable);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    return co;
}
