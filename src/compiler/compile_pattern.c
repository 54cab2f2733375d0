/* Code generation for the match statement (PEP 634).
 *
 * While a pattern is being matched the stack holds, from the bottom: the subject copy
 * for the next case, the values captured so far (names in pc->stores, in order), then
 * pc->on_top working items. Every failure jumps to fail_pop[n], a chain of POP_TOPs that
 * discards exactly the n items pushed since the case started; on success the captured
 * values are stored to their names in one go, so a failed case binds nothing. */
#include "compiler.h"

typedef struct {
    PyObject *stores;       /* list of captured names, in stack order */
    int allow_irrefutable;  /* may this (sub)pattern match everything? */
    basicblock **fail_pop;
    Py_ssize_t fail_pop_size;
    Py_ssize_t on_top;      /* items that must stay above the captures */
} pattern_context;

#define IS_WILDCARD(p) ((p)->kind == MatchAs_kind && (p)->v.MatchAs.pattern == NULL && \
                        (p)->v.MatchAs.name == NULL)
#define IS_STAR_WILDCARD(p) ((p)->kind == MatchStar_kind && (p)->v.MatchStar.name == NULL)

static int compile_pattern(struct compiler *c, pattern_ty p, pattern_context *pc);

static int
ensure_fail_pop(struct compiler *c, pattern_context *pc, Py_ssize_t n)
{
    Py_ssize_t size = n + 1;
    if (size <= pc->fail_pop_size)
        return SUCCESS;
    basicblock **r = PyMem_Realloc(pc->fail_pop, (size_t)size * sizeof(basicblock *));
    if (r == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    pc->fail_pop = r;
    while (pc->fail_pop_size < size) {
        basicblock *b = compiler_new_block(c);
        if (b == NULL)
            return ERROR;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return SUCCESS;
}

static int
jump_to_fail_pop(struct compiler *c, _KrSrcLoc loc, pattern_context *pc, int op)
{
    Py_ssize_t pops = pc->on_top + PyList_GET_SIZE(pc->stores);
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, loc, op, pc->fail_pop[pops]);
    return SUCCESS;
}

static int
emit_and_reset_fail_pop(struct compiler *c, _KrSrcLoc loc, pattern_context *pc)
{
    if (pc->fail_pop_size == 0)
        return SUCCESS;
    int r = SUCCESS;
    for (Py_ssize_t i = pc->fail_pop_size - 1; i > 0; i--) {
        USE_LABEL(c, pc->fail_pop[i]);
        if (r == SUCCESS)
            r = compiler_addop(c, POP_TOP, 0, loc);
    }
    USE_LABEL(c, pc->fail_pop[0]);
    PyMem_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    return r;
}

/* Moves the top of the stack `count - 1` places down (count >= 2). */
static int
rotate(struct compiler *c, _KrSrcLoc loc, Py_ssize_t count)
{
    for (; count > 1; count--)
        ADDOP_I(c, loc, SWAP, (int)count);
    return SUCCESS;
}

static int
store_name(struct compiler *c, _KrSrcLoc loc, PyObject *name, pattern_context *pc)
{
    if (name == NULL) {
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    if (PyUnicode_EqualToUTF8(name, "__debug__"))
        return compiler_error(c, loc, "cannot assign to __debug__");
    int dup = PySequence_Contains(pc->stores, name);
    if (dup < 0)
        return ERROR;
    if (dup)
        return compiler_error(c, loc, "multiple assignments to name %R in pattern", name);
    RETURN_IF_ERROR(rotate(c, loc, pc->on_top + PyList_GET_SIZE(pc->stores) + 1));
    return PyList_Append(pc->stores, name);
}

static int
subpattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    int saved = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    RETURN_IF_ERROR(compile_pattern(c, p, pc));
    pc->allow_irrefutable = saved;
    return SUCCESS;
}

static int
pattern_as(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    _KrSrcLoc loc = LOC(p);
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return compiler_error(c, loc, "name capture %R makes remaining patterns unreachable",
                                      p->v.MatchAs.name);
            return compiler_error(c, loc, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, loc, p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    ADDOP_I(c, loc, COPY, 1);
    RETURN_IF_ERROR(compile_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, loc, p->v.MatchAs.name, pc);
}

static int
pattern_value(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    expr_ty v = p->v.MatchValue.value;
    if (v->kind != Constant_kind && v->kind != Attribute_kind && v->kind != UnaryOp_kind &&
        v->kind != BinOp_kind)
        return compiler_error(c, LOC(p), "patterns may only match literals and attribute lookups");
    VISIT(c, expr, v);
    RETURN_IF_ERROR(compiler_addop_compare(c, LOC(p), Eq));
    ADDOP(c, LOC(p), KR_TO_BOOL_PSEUDO);
    return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

static int
pattern_singleton(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    ADDOP_LOAD_CONST(c, LOC(p), p->v.MatchSingleton.value);
    RETURN_IF_ERROR(compiler_addop_compare(c, LOC(p), Is));
    return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

static int
unpack_patterns(struct compiler *c, _KrSrcLoc loc, asdl_pattern_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind != MatchStar_kind)
            continue;
        if (seen_star)
            return compiler_error(c, loc, "multiple starred expressions in sequence pattern");
        if (i >= (1 << 8) || (n - i - 1) >= (INT_MAX >> 8))
            return compiler_error(c, loc, "too many expressions in star-unpacking sequence pattern");
        ADDOP_I(c, loc, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
        seen_star = 1;
    }
    if (!seen_star)
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    return SUCCESS;
}

static int
pattern_sequence(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchSequence.patterns;
    Py_ssize_t size = asdl_seq_LEN(patterns), star = -1;
    int only_wildcard = 1, star_wildcard = 0;
    _KrSrcLoc loc = LOC(p);
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty sub = asdl_seq_GET(patterns, i);
        if (sub->kind == MatchStar_kind) {
            if (star >= 0)
                return compiler_error(c, loc, "multiple starred names in sequence pattern");
            star_wildcard = IS_STAR_WILDCARD(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= IS_WILDCARD(sub);
    }
    pc->on_top++;
    ADDOP(c, loc, MATCH_SEQUENCE);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    if (star < 0 || size > 1) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(star < 0 ? size : size - 1));
        RETURN_IF_ERROR(compiler_addop_compare(c, loc, star < 0 ? Eq : GtE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    if (star_wildcard) {
        /* [a, *_, b]: index the subject instead of unpacking it all. */
        pc->on_top++;
        for (Py_ssize_t i = 0; i < size; i++) {
            pattern_ty sub = asdl_seq_GET(patterns, i);
            if (IS_WILDCARD(sub) || i == star)
                continue;
            ADDOP_I(c, loc, COPY, 1);
            if (i < star)
                ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(i));
            else {
                ADDOP(c, loc, GET_LEN);
                ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size - i));
                ADDOP_I(c, loc, BINARY_OP, NB_SUBTRACT);
            }
            ADDOP(c, loc, BINARY_SUBSCR);
            RETURN_IF_ERROR(subpattern(c, sub, pc));
        }
        pc->on_top--;
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    RETURN_IF_ERROR(unpack_patterns(c, loc, patterns));
    pc->on_top += size;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(subpattern(c, asdl_seq_GET(patterns, i), pc));
    }
    return SUCCESS;
}

static int
pattern_mapping(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *patterns = p->v.MatchMapping.patterns;
    Py_ssize_t size = asdl_seq_LEN(keys);
    PyObject *rest = p->v.MatchMapping.rest;
    _KrSrcLoc loc = LOC(p);
    if (size != asdl_seq_LEN(patterns))
        return compiler_error(c, loc, "keys (%zd) / patterns (%zd) length mismatch in mapping pattern",
                              size, asdl_seq_LEN(patterns));
    pc->on_top++;
    ADDOP(c, loc, MATCH_MAPPING);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    if (!size && !rest) {
        pc->on_top--;
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    if (size) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size));
        RETURN_IF_ERROR(compiler_addop_compare(c, loc, GtE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL)
        return ERROR;
    for (Py_ssize_t i = 0; i < size; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        int r = SUCCESS;
        if (key == NULL)
            r = compiler_error(c, LOC((pattern_ty)asdl_seq_GET(patterns, i)),
                               "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
        else if (key->kind == Constant_kind) {
            int in = PySet_Contains(seen, key->v.Constant.value);
            if (in < 0)
                r = ERROR;
            else if (in)
                r = compiler_error(c, loc, "mapping pattern checks duplicate key (%R)",
                                   key->v.Constant.value);
            else if (PySet_Add(seen, key->v.Constant.value) < 0)
                r = ERROR;
        }
        else if (key->kind != Attribute_kind && key->kind != UnaryOp_kind && key->kind != BinOp_kind)
            r = compiler_error(c, loc, "mapping pattern keys may only match literals and attribute lookups");
        if (r == SUCCESS)
            r = compiler_visit_expr(c, key);
        if (r < 0) {
            Py_DECREF(seen);
            return ERROR;
        }
    }
    Py_DECREF(seen);
    ADDOP_I(c, loc, BUILD_TUPLE, (int)size);
    ADDOP(c, loc, MATCH_KEYS);
    pc->on_top += 2;
    ADDOP_I(c, loc, COPY, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)size);
    pc->on_top += size - 1;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(subpattern(c, asdl_seq_GET(patterns, i), pc));
    }
    pc->on_top -= 2;
    if (rest) {
        /* rest = dict(subject) minus the matched keys */
        ADDOP_I(c, loc, BUILD_MAP, 0);
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, DICT_UPDATE, 2);
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)size);
        for (Py_ssize_t n = size; n > 0; n--) {
            ADDOP_I(c, loc, COPY, (int)(1 + n));
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, DELETE_SUBSCR);
        }
        return store_name(c, loc, rest, pc);
    }
    ADDOP(c, loc, POP_TOP);
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
}

static int
pattern_class(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchClass.patterns;
    asdl_identifier_seq *attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(patterns), nattrs = asdl_seq_LEN(attrs);
    _KrSrcLoc loc = LOC(p);
    if (nattrs != asdl_seq_LEN(kwd_patterns))
        return compiler_error(c, loc, "kwd_attrs (%zd) / kwd_patterns (%zd) length mismatch in class pattern",
                              nattrs, asdl_seq_LEN(kwd_patterns));
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyObject *a = asdl_seq_GET(attrs, i);
        for (Py_ssize_t j = i + 1; j < nattrs; j++) {
            if (PyUnicode_Compare(a, asdl_seq_GET(attrs, j)) == 0)
                return compiler_error(c, LOC((pattern_ty)asdl_seq_GET(kwd_patterns, j)),
                                      "attribute name repeated in class pattern: %U", a);
        }
    }
    VISIT(c, expr, p->v.MatchClass.cls);
    PyObject *names = PyTuple_New(nattrs);
    if (names == NULL)
        return ERROR;
    for (Py_ssize_t i = 0; i < nattrs; i++)
        PyTuple_SET_ITEM(names, i, Py_NewRef(asdl_seq_GET(attrs, i)));
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    ADDOP_I(c, loc, MATCH_CLASS, (int)nargs);
    ADDOP_I(c, loc, COPY, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, IS_OP, 1);
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (Py_ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        pattern_ty sub = i < nargs ? asdl_seq_GET(patterns, i) : asdl_seq_GET(kwd_patterns, i - nargs);
        if (IS_WILDCARD(sub)) {
            ADDOP(c, loc, POP_TOP);
            continue;
        }
        RETURN_IF_ERROR(subpattern(c, sub, pc));
    }
    return SUCCESS;
}

static int
pattern_or(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    _KrSrcLoc loc = LOC(p);
    NEW_LABEL(c, end);
    Py_ssize_t size = asdl_seq_LEN(p->v.MatchOr.patterns);
    pattern_context old = *pc;
    Py_INCREF(pc->stores);
    PyObject *control = NULL;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty alt = asdl_seq_GET(p->v.MatchOr.patterns, i);
        PyObject *st = PyList_New(0);
        if (st == NULL)
            goto error;
        Py_SETREF(pc->stores, st);
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (compiler_addop(c, COPY, 1, LOC(alt)) < 0 || compile_pattern(c, alt, pc) < 0)
            goto error;
        Py_ssize_t nstores = PyList_GET_SIZE(pc->stores);
        if (i == 0)
            control = Py_NewRef(pc->stores);
        else if (nstores != PyList_GET_SIZE(control))
            goto diff;
        else if (nstores) {
            /* Bring this alternative's captures into the first one's order. */
            for (Py_ssize_t ic = nstores - 1; ic >= 0; ic--) {
                PyObject *name = PyList_GET_ITEM(control, ic);
                Py_ssize_t is = PySequence_Index(pc->stores, name);
                if (is < 0) {
                    PyErr_Clear();
                    goto diff;
                }
                if (ic == is)
                    continue;
                Py_ssize_t rotations = is + 1;
                PyObject *rot = PyList_GetSlice(pc->stores, 0, rotations);
                if (rot == NULL || PyList_SetSlice(pc->stores, 0, rotations, NULL) < 0 ||
                    PyList_SetSlice(pc->stores, ic - is, ic - is, rot) < 0) {
                    Py_XDECREF(rot);
                    goto error;
                }
                Py_DECREF(rot);
                while (rotations--)
                    if (rotate(c, LOC(alt), ic + 1) < 0)
                        goto error;
            }
        }
        if (compiler_addop_jump(c, JUMP, end, LOC(alt)) < 0 ||
            emit_and_reset_fail_pop(c, LOC(alt), pc) < 0)
            goto error;
    }
    Py_DECREF(pc->stores);
    *pc = old;
    Py_INCREF(pc->stores);
    old.fail_pop = NULL;
    if (compiler_addop(c, POP_TOP, 0, loc) < 0 || jump_to_fail_pop(c, loc, pc, JUMP) < 0)
        goto error;
    USE_LABEL(c, end);
    Py_ssize_t nstores = PyList_GET_SIZE(control);
    Py_ssize_t nrots = nstores + 1 + pc->on_top + PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < nstores; i++) {
        if (rotate(c, loc, nrots) < 0)
            goto error;
        PyObject *name = PyList_GET_ITEM(control, i);
        int dup = PySequence_Contains(pc->stores, name);
        if (dup < 0)
            goto error;
        if (dup) {
            compiler_error(c, loc, "multiple assignments to name %R in pattern", name);
            goto error;
        }
        if (PyList_Append(pc->stores, name) < 0)
            goto error;
    }
    Py_DECREF(old.stores);
    Py_DECREF(control);
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
diff:
    compiler_error(c, loc, "alternative patterns bind different names");
error:
    PyMem_Free(old.fail_pop);
    Py_DECREF(old.stores);
    Py_XDECREF(control);
    return ERROR;
}

static int
compile_pattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return ERROR;
    int r;
    switch (p->kind) {
    case MatchValue_kind: r = pattern_value(c, p, pc); break;
    case MatchSingleton_kind: r = pattern_singleton(c, p, pc); break;
    case MatchSequence_kind: r = pattern_sequence(c, p, pc); break;
    case MatchMapping_kind: r = pattern_mapping(c, p, pc); break;
    case MatchClass_kind: r = pattern_class(c, p, pc); break;
    case MatchStar_kind: r = store_name(c, LOC(p), p->v.MatchStar.name, pc); break;
    case MatchAs_kind: r = pattern_as(c, p, pc); break;
    case MatchOr_kind: r = pattern_or(c, p, pc); break;
    default:
        r = compiler_error(c, LOC(p), "invalid match pattern node in AST (kind=%d)", p->kind);
    }
    Py_LeaveRecursiveCall();
    return r;
}

static int
match_inner(struct compiler *c, stmt_ty s, pattern_context *pc)
{
    VISIT(c, expr, s->v.Match.subject);
    NEW_LABEL(c, end);
    Py_ssize_t cases = asdl_seq_LEN(s->v.Match.cases);
    match_case_ty m = asdl_seq_GET(s->v.Match.cases, cases - 1);
    int has_default = IS_WILDCARD(m->pattern) && cases > 1;
    for (Py_ssize_t i = 0; i < cases - has_default; i++) {
        m = asdl_seq_GET(s->v.Match.cases, i);
        int last = i == cases - has_default - 1;
        if (!last)
            ADDOP_I(c, LOC(m->pattern), COPY, 1);
        pc->stores = PyList_New(0);
        if (pc->stores == NULL)
            return ERROR;
        pc->allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (compile_pattern(c, m->pattern, pc) < 0) {
            Py_CLEAR(pc->stores);
            return ERROR;
        }
        for (Py_ssize_t n = 0; n < PyList_GET_SIZE(pc->stores); n++) {
            if (compiler_nameop(c, LOC(m->pattern), PyList_GET_ITEM(pc->stores, n), Store) < 0) {
                Py_CLEAR(pc->stores);
                return ERROR;
            }
        }
        Py_CLEAR(pc->stores);
        if (m->guard) {
            RETURN_IF_ERROR(ensure_fail_pop(c, pc, 0));
            RETURN_IF_ERROR(compiler_jump_if(c, LOC(m->pattern), m->guard, pc->fail_pop[0], 0));
        }
        if (!last)
            ADDOP(c, LOC(m->pattern), POP_TOP);
        VISIT_SEQ(c, stmt, m->body);
        ADDOP_JUMP(c, NO_LOC, JUMP, end);
        RETURN_IF_ERROR(emit_and_reset_fail_pop(c, LOC(m->pattern), pc));
    }
    if (has_default) {
        m = asdl_seq_GET(s->v.Match.cases, cases - 1);
        if (cases == 1)
            ADDOP(c, LOC(m->pattern), POP_TOP);
        else
            ADDOP(c, LOC(m->pattern), NOP);
        if (m->guard)
            RETURN_IF_ERROR(compiler_jump_if(c, LOC(m->pattern), m->guard, end, 0));
        VISIT_SEQ(c, stmt, m->body);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

int
compiler_match(struct compiler *c, stmt_ty s)
{
    pattern_context pc;
    memset(&pc, 0, sizeof(pc));
    int r = match_inner(c, s, &pc);
    PyMem_Free(pc.fail_pop);
    Py_XDECREF(pc.stores);
    return r;
}
