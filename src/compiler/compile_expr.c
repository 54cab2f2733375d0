/* Code generation for expressions: operators, short-circuit jumps, calls (including the
 * method-call and super() forms), containers and unpacking, comprehensions (PEP 709
 * inlining), f-strings, yield/await, attribute and subscript access. */
#include "compiler.h"

/* A frozenset constant as CPython stores it: its constant-merging pass rebuilds every
 * frozenset from the iteration order of the first one, which fixes the order in which a
 * set display like {"a", "b", "c"} is later iterated. */
PyObject *_KrCompile_ConstFrozenSet(PyObject *items)
{
    PyObject *first = PyFrozenSet_New(items);
    if (first == NULL)
        return NULL;
    PyObject *order = PySequence_List(first);
    Py_DECREF(first);
    if (order == NULL)
        return NULL;
    PyObject *fs = PyFrozenSet_New(order);
    Py_DECREF(order);
    return fs;
}

/* ---- small helpers --------------------------------------------------------------------- */

static _KrSrcLoc
attr_loc(_KrSrcLoc loc, expr_ty attr)
{
    /* Point multi-line attribute accesses at the attribute name's line. */
    if (loc.lineno != attr->end_lineno) {
        loc.lineno = attr->end_lineno;
        int len = (int)PyUnicode_GET_LENGTH(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset)
            loc.col_offset = attr->end_col_offset - len;
        else {
            loc.col_offset = -1;
            loc.end_col_offset = -1;
        }
        loc.end_lineno = Py_MAX(loc.lineno, loc.end_lineno);
        if (loc.lineno == loc.end_lineno)
            loc.end_col_offset = Py_MAX(loc.col_offset, loc.end_col_offset);
    }
    return loc;
}

static int
are_all_items_const(asdl_expr_seq *seq, Py_ssize_t begin, Py_ssize_t end)
{
    for (Py_ssize_t i = begin; i < end; i++) {
        expr_ty k = asdl_seq_GET(seq, i);
        if (k == NULL || k->kind != Constant_kind)
            return 0;
    }
    return 1;
}

int
compiler_addop_compare(struct compiler *c, _KrSrcLoc loc, cmpop_ty op)
{
    int cmp;
    switch (op) {
    case Eq: cmp = Py_EQ; break;
    case NotEq: cmp = Py_NE; break;
    case Lt: cmp = Py_LT; break;
    case LtE: cmp = Py_LE; break;
    case Gt: cmp = Py_GT; break;
    case GtE: cmp = Py_GE; break;
    case Is: ADDOP_I(c, loc, IS_OP, 0); return SUCCESS;
    case IsNot: ADDOP_I(c, loc, IS_OP, 1); return SUCCESS;
    case In: ADDOP_I(c, loc, CONTAINS_OP, 0); return SUCCESS;
    case NotIn: ADDOP_I(c, loc, CONTAINS_OP, 1); return SUCCESS;
    default:
        PyErr_SetString(PyExc_SystemError, "compiler: bad comparison operator");
        return ERROR;
    }
    /* Low bits: which outcomes (unordered/less/greater/equal) satisfy the test. */
    static const int masks[] = {[Py_LT] = 2, [Py_LE] = 2 | 8, [Py_EQ] = 8, [Py_NE] = 1 | 2 | 4,
                                [Py_GT] = 4, [Py_GE] = 4 | 8};
    ADDOP_I(c, loc, COMPARE_OP, (cmp << 5) | masks[cmp]);
    return SUCCESS;
}

static int
binop_oparg(operator_ty op)
{
    switch (op) {
    case Add: return NB_ADD;
    case Sub: return NB_SUBTRACT;
    case Mult: return NB_MULTIPLY;
    case MatMult: return NB_MATRIX_MULTIPLY;
    case Div: return NB_TRUE_DIVIDE;
    case Mod: return NB_REMAINDER;
    case Pow: return NB_POWER;
    case LShift: return NB_LSHIFT;
    case RShift: return NB_RSHIFT;
    case BitOr: return NB_OR;
    case BitXor: return NB_XOR;
    case BitAnd: return NB_AND;
    case FloorDiv: return NB_FLOOR_DIVIDE;
    }
    return NB_ADD;
}


/* ---- compile-time SyntaxWarnings for likely typos ------------------------------------- */

static const char *
infer_type_name(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind: case ListComp_kind: return "list";
    case Dict_kind: case DictComp_kind: return "dict";
    case Set_kind: case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case JoinedStr_kind: case FormattedValue_kind: return "str";
    case Constant_kind: return _PyType_Name(Py_TYPE(e->v.Constant.value));
    default: return NULL;
    }
}

static int
check_is_arg(expr_ty e)
{
    if (e->kind != Constant_kind)
        return 1;
    PyObject *v = e->v.Constant.value;
    return v == Py_None || v == Py_False || v == Py_True || v == Py_Ellipsis;
}

static int
check_compare(struct compiler *c, expr_ty e)
{
    int left = check_is_arg(e->v.Compare.left);
    expr_ty left_expr = e->v.Compare.left;
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
    for (Py_ssize_t i = 0; i < n; i++) {
        int op = e->v.Compare.ops->elements[i];
        expr_ty right_expr = asdl_seq_GET(e->v.Compare.comparators, i);
        int right = check_is_arg(right_expr);
        if ((op == Is || op == IsNot) && (!left || !right)) {
            expr_ty lit = !left ? left_expr : right_expr;
            return compiler_warn(c, LOC(e), op == Is ? "\"is\" with '%.200s' literal. Did you mean \"==\"?"
                                                     : "\"is not\" with '%.200s' literal. Did you mean \"!=\"?",
                                 infer_type_name(lit));
        }
        left = right;
        left_expr = right_expr;
    }
    return SUCCESS;
}

static int
check_caller(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind: case Dict_kind:
    case DictComp_kind: case Set_kind: case SetComp_kind: case GeneratorExp_kind:
    case JoinedStr_kind: case FormattedValue_kind:
        return compiler_warn(c, LOC(e), "'%.200s' object is not callable; perhaps you missed a comma?",
                             infer_type_name(e));
    default:
        return SUCCESS;
    }
}

static int
check_subscripter(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) || PyFloat_Check(v) ||
              PyComplex_Check(v) || PyAnySet_Check(v)))
            return SUCCESS;
    }
        /* fall through */
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind:
        return compiler_warn(c, LOC(e), "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                             infer_type_name(e));
    default:
        return SUCCESS;
    }
}

static int
check_index(struct compiler *c, expr_ty e, expr_ty s)
{
    const char *index_type = NULL;
    if (s->kind == Constant_kind) {
        PyObject *v = s->v.Constant.value;
        if (PyLong_Check(v) || PySlice_Check(v) || v == Py_None || v == Py_Ellipsis)
            return SUCCESS;
        index_type = _PyType_Name(Py_TYPE(v));
    }
    else if (s->kind == Tuple_kind || s->kind == List_kind || s->kind == ListComp_kind ||
             s->kind == JoinedStr_kind || s->kind == FormattedValue_kind ||
             s->kind == Set_kind || s->kind == SetComp_kind || s->kind == Dict_kind ||
             s->kind == DictComp_kind || s->kind == GeneratorExp_kind || s->kind == Lambda_kind)
        index_type = infer_type_name(s);
    if (index_type == NULL)
        return SUCCESS;
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(PyUnicode_Check(v) || PyBytes_Check(v) || PyTuple_Check(v)))
            return SUCCESS;
    }
        /* fall through */
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        return compiler_warn(c, LOC(e), "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                             infer_type_name(e), index_type);
    default:
        return SUCCESS;
    }
}

/* ---- jumps ------------------------------------------------------------------------------ */

static int
const_truth(expr_ty e)
{
    if (e->kind != Constant_kind)
        return -1;
    PyObject *v = e->v.Constant.value;
    if (v == Py_None || v == Py_False)
        return 0;
    if (v == Py_True || v == Py_Ellipsis)
        return 1;
    if (PyLong_CheckExact(v) || PyUnicode_CheckExact(v) || PyBytes_CheckExact(v) ||
        PyTuple_CheckExact(v) || PyFloat_CheckExact(v) || PyComplex_CheckExact(v) ||
        PyFrozenSet_CheckExact(v)) {
        int r = PyObject_IsTrue(v);
        if (r < 0) {
            PyErr_Clear();
            return -1;
        }
        return r;
    }
    return -1;
}

int
compiler_jump_if(struct compiler *c, _KrSrcLoc loc, expr_ty e, basicblock *next, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not)
            return compiler_jump_if(c, loc, e->v.UnaryOp.operand, next, !cond);
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        basicblock *next2 = next;
        if (!cond2 != !cond) {
            next2 = compiler_new_block(c);
            if (next2 == NULL)
                return ERROR;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(s, i), next2, cond2));
        RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(s, n), next, cond));
        if (next2 != next)
            USE_LABEL(c, next2);
        return SUCCESS;
    }
    case IfExp_kind: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next2);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.body, next, cond));
        ADDOP_JUMP(c, NO_LOC, JUMP, end);
        USE_LABEL(c, next2);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.orelse, next, cond));
        USE_LABEL(c, end);
        return SUCCESS;
    }
    case Compare_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        if (n > 0) {
            RETURN_IF_ERROR(check_compare(c, e));
            NEW_LABEL(c, cleanup);
            VISIT(c, expr, e->v.Compare.left);
            for (Py_ssize_t i = 0; i < n; i++) {
                VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
                ADDOP_I(c, LOC(e), SWAP, 2);
                ADDOP_I(c, LOC(e), COPY, 2);
                RETURN_IF_ERROR(compiler_addop_compare(c, LOC(e), e->v.Compare.ops->elements[i]));
                ADDOP(c, LOC(e), KR_TO_BOOL_PSEUDO);
                ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
            RETURN_IF_ERROR(compiler_addop_compare(c, LOC(e), e->v.Compare.ops->elements[n]));
            ADDOP(c, LOC(e), KR_TO_BOOL_PSEUDO);
            ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            NEW_LABEL(c, end);
            ADDOP_JUMP(c, NO_LOC, JUMP, end);
            USE_LABEL(c, cleanup);
            ADDOP(c, LOC(e), POP_TOP);
            if (!cond)
                ADDOP_JUMP(c, NO_LOC, JUMP, next);
            USE_LABEL(c, end);
            return SUCCESS;
        }
        break;
    }
    case Constant_kind: {
        int t = const_truth(e);
        if (t >= 0) {
            ADDOP(c, LOC(e), NOP);
            if (t == cond)
                ADDOP_JUMP(c, NO_LOC, JUMP, next);
            return SUCCESS;
        }
        break;
    }
    default:
        break;
    }
    VISIT(c, expr, e);
    ADDOP(c, LOC(e), KR_TO_BOOL_PSEUDO);
    ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    return SUCCESS;
}

/* ---- yield from / await ----------------------------------------------------------------- */

int
compiler_add_yield_from(struct compiler *c, _KrSrcLoc loc, int await)
{
    NEW_LABEL(c, send);
    NEW_LABEL(c, fail);
    NEW_LABEL(c, exit);
    USE_LABEL(c, send);
    ADDOP_JUMP(c, loc, SEND, exit);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, fail);
    ADDOP_I(c, loc, YIELD_VALUE, 1);
    ADDOP(c, NO_LOC, POP_BLOCK);
    ADDOP_I(c, loc, RESUME, await ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM);
    ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send);
    USE_LABEL(c, fail);
    ADDOP(c, loc, CLEANUP_THROW);
    USE_LABEL(c, exit);
    ADDOP(c, loc, END_SEND);
    return SUCCESS;
}

static int
addop_yield(struct compiler *c, _KrSrcLoc loc)
{
    PySTEntryObject *ste = c->u->u_ste;
    if (ste->ste_generator && ste->ste_coroutine)
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
    ADDOP_I(c, loc, YIELD_VALUE, 0);
    ADDOP_I(c, loc, RESUME, RESUME_AFTER_YIELD);
    return SUCCESS;
}

/* ---- containers --------------------------------------------------------------------- */

static int
starunpack_helper(struct compiler *c, _KrSrcLoc loc, asdl_expr_seq *elts, int pushed, int build,
                  int add, int extend, int tuple)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        PyObject *folded = PyTuple_New(n);
        if (folded == NULL)
            return ERROR;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = ((expr_ty)asdl_seq_GET(elts, i))->v.Constant.value;
            PyTuple_SET_ITEM(folded, i, Py_NewRef(v));
        }
        if (tuple && !pushed) {
            ADDOP_LOAD_CONST_NEW(c, loc, folded);
        }
        else {
            if (add == SET_ADD) {
                PyObject *fs = _KrCompile_ConstFrozenSet(folded);
                Py_DECREF(folded);
                folded = fs;
                if (folded == NULL)
                    return ERROR;
            }
            int r = compiler_addop(c, build, pushed, loc);
            if (r == 0)
                r = compiler_addop_load_const(c, loc, folded);
            Py_DECREF(folded);
            RETURN_IF_ERROR(r);
            ADDOP_I(c, loc, extend, 1);
            if (tuple)
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
        }
        return SUCCESS;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (((expr_ty)asdl_seq_GET(elts, i))->kind == Starred_kind) {
            seen_star = 1;
            break;
        }
    }
    if (!seen_star && !big) {
        VISIT_SEQ(c, expr, elts);
        ADDOP_I(c, loc, tuple ? BUILD_TUPLE : build, (int)(n + pushed));
        return SUCCESS;
    }
    int built = 0;
    if (big) {
        ADDOP_I(c, loc, build, pushed);
        built = 1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            if (!built) {
                ADDOP_I(c, loc, build, (int)(i + pushed));
                built = 1;
            }
            VISIT(c, expr, elt->v.Starred.value);
            ADDOP_I(c, loc, extend, 1);
        }
        else {
            VISIT(c, expr, elt);
            if (built)
                ADDOP_I(c, loc, add, 1);
        }
    }
    if (tuple)
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    return SUCCESS;
}

int
compiler_unpack_helper(struct compiler *c, _KrSrcLoc loc, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (INT_MAX >> 8))
                return compiler_error(c, loc, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, loc, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == Starred_kind)
            return compiler_error(c, loc, "multiple starred expressions in assignment");
    }
    if (!seen_star)
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    return SUCCESS;
}

static int
assignment_helper(struct compiler *c, _KrSrcLoc loc, asdl_expr_seq *elts)
{
    RETURN_IF_ERROR(compiler_unpack_helper(c, loc, elts));
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        VISIT(c, expr, elt->kind != Starred_kind ? elt : elt->v.Starred.value);
    }
    return SUCCESS;
}

static int
compiler_list_or_tuple(struct compiler *c, expr_ty e, asdl_expr_seq *elts, expr_context_ty ctx,
                       int tuple)
{
    _KrSrcLoc loc = LOC(e);
    if (ctx == Store)
        return assignment_helper(c, loc, elts);
    if (ctx == Load)
        return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, tuple);
    VISIT_SEQ(c, expr, elts);
    return SUCCESS;
}

static int
compiler_subdict(struct compiler *c, expr_ty e, Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    _KrSrcLoc loc = LOC(e);
    if (n > 1 && !big && are_all_items_const(e->v.Dict.keys, begin, end)) {
        for (Py_ssize_t i = begin; i < end; i++)
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL)
            return ERROR;
        for (Py_ssize_t i = begin; i < end; i++) {
            PyObject *k = ((expr_ty)asdl_seq_GET(e->v.Dict.keys, i))->v.Constant.value;
            PyTuple_SET_ITEM(keys, i - begin, Py_NewRef(k));
        }
        ADDOP_LOAD_CONST_NEW(c, loc, keys);
        ADDOP_I(c, loc, BUILD_CONST_KEY_MAP, (int)n);
        return SUCCESS;
    }
    if (big)
        ADDOP_I(c, loc, BUILD_MAP, 0);
    for (Py_ssize_t i = begin; i < end; i++) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.keys, i));
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        if (big)
            ADDOP_I(c, loc, MAP_ADD, 1);
    }
    if (!big)
        ADDOP_I(c, loc, BUILD_MAP, (int)n);
    return SUCCESS;
}

static int
compiler_dict(struct compiler *c, expr_ty e)
{
    _KrSrcLoc loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.Dict.values), elements = 0;
    int have_dict = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (asdl_seq_GET(e->v.Dict.keys, i) == NULL) {
            if (elements) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i));
                if (have_dict)
                    ADDOP_I(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
            ADDOP_I(c, loc, DICT_UPDATE, 1);
        }
        else if (elements * 2 > STACK_USE_GUIDELINE) {
            RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i + 1));
            if (have_dict)
                ADDOP_I(c, loc, DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        }
        else
            elements++;
    }
    if (elements) {
        RETURN_IF_ERROR(compiler_subdict(c, e, n - elements, n));
        if (have_dict)
            ADDOP_I(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        ADDOP_I(c, loc, BUILD_MAP, 0);
    return SUCCESS;
}

/* ---- calls --------------------------------------------------------------------------- */

static int
validate_keywords(struct compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t n = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < n; i++) {
        keyword_ty key = asdl_seq_GET(keywords, i);
        if (key->arg == NULL)
            continue;
        for (Py_ssize_t j = i + 1; j < n; j++) {
            keyword_ty other = asdl_seq_GET(keywords, j);
            if (other->arg && PyUnicode_Compare(key->arg, other->arg) == 0)
                return compiler_error(c, LOC(other), "keyword argument repeated: %U", key->arg);
        }
    }
    return SUCCESS;
}

static int
compiler_subkwargs(struct compiler *c, _KrSrcLoc loc, asdl_keyword_seq *keywords,
                   Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (Py_ssize_t i = begin; i < end; i++)
            VISIT(c, expr, ((keyword_ty)asdl_seq_GET(keywords, i))->value);
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL)
            return ERROR;
        for (Py_ssize_t i = begin; i < end; i++)
            PyTuple_SET_ITEM(keys, i - begin,
                             Py_NewRef(((keyword_ty)asdl_seq_GET(keywords, i))->arg));
        ADDOP_LOAD_CONST_NEW(c, loc, keys);
        ADDOP_I(c, loc, BUILD_CONST_KEY_MAP, (int)n);
        return SUCCESS;
    }
    if (big)
        ADDOP_I(c, NO_LOC, BUILD_MAP, 0);
    for (Py_ssize_t i = begin; i < end; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        ADDOP_LOAD_CONST(c, loc, kw->arg);
        VISIT(c, expr, kw->value);
        if (big)
            ADDOP_I(c, NO_LOC, MAP_ADD, 1);
    }
    if (!big)
        ADDOP_I(c, loc, BUILD_MAP, (int)n);
    return SUCCESS;
}

static int
compiler_kwnames(struct compiler *c, _KrSrcLoc loc, asdl_keyword_seq *keywords, Py_ssize_t n)
{
    PyObject *names = PyTuple_New(n);
    if (names == NULL)
        return ERROR;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(names, i, Py_NewRef(((keyword_ty)asdl_seq_GET(keywords, i))->arg));
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    return SUCCESS;
}

int
compiler_call_helper(struct compiler *c, _KrSrcLoc loc, int n, asdl_expr_seq *args,
                     asdl_keyword_seq *keywords)
{
    RETURN_IF_ERROR(validate_keywords(c, keywords));
    Py_ssize_t nelts = asdl_seq_LEN(args), nkwelts = asdl_seq_LEN(keywords);
    if (nelts + nkwelts * 2 > STACK_USE_GUIDELINE)
        goto ex_call;
    for (Py_ssize_t i = 0; i < nelts; i++)
        if (((expr_ty)asdl_seq_GET(args, i))->kind == Starred_kind)
            goto ex_call;
    for (Py_ssize_t i = 0; i < nkwelts; i++)
        if (((keyword_ty)asdl_seq_GET(keywords, i))->arg == NULL)
            goto ex_call;
    VISIT_SEQ(c, expr, args);
    if (nkwelts) {
        for (Py_ssize_t i = 0; i < nkwelts; i++)
            VISIT(c, expr, ((keyword_ty)asdl_seq_GET(keywords, i))->value);
        RETURN_IF_ERROR(compiler_kwnames(c, loc, keywords, nkwelts));
        ADDOP_I(c, loc, CALL_KW, (int)(n + nelts + nkwelts));
        return SUCCESS;
    }
    ADDOP_I(c, loc, CALL, (int)(n + nelts));
    return SUCCESS;
ex_call:
    if (n == 0 && nelts == 1 && ((expr_ty)asdl_seq_GET(args, 0))->kind == Starred_kind)
        VISIT(c, expr, ((expr_ty)asdl_seq_GET(args, 0))->v.Starred.value);
    else
        RETURN_IF_ERROR(starunpack_helper(c, loc, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1));
    if (nkwelts) {
        int have_dict = 0;
        Py_ssize_t nseen = 0;
        for (Py_ssize_t i = 0; i < nkwelts; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            if (kw->arg == NULL) {
                if (nseen) {
                    RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, i - nseen, i));
                    if (have_dict)
                        ADDOP_I(c, loc, DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, loc, BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT(c, expr, kw->value);
                ADDOP_I(c, loc, DICT_MERGE, 1);
            }
            else
                nseen++;
        }
        if (nseen) {
            RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
            if (have_dict)
                ADDOP_I(c, loc, DICT_MERGE, 1);
        }
    }
    ADDOP_I(c, loc, CALL_FUNCTION_EX, nkwelts > 0);
    return SUCCESS;
}

static int
is_import_originated(struct compiler *c, expr_ty e)
{
    if (e->kind != Name_kind)
        return 0;
    return (_PyST_GetSymbol(c->c_st->st_top, e->v.Name.id) & DEF_IMPORT) != 0;
}

static int
can_optimize_super_call(struct compiler *c, expr_ty attr)
{
    expr_ty e = attr->v.Attribute.value;
    if (e->kind != Call_kind || e->v.Call.func->kind != Name_kind ||
        !PyUnicode_EqualToUTF8(e->v.Call.func->v.Name.id, "super") ||
        PyUnicode_EqualToUTF8(attr->v.Attribute.attr, "__class__") ||
        asdl_seq_LEN(e->v.Call.keywords) != 0)
        return 0;
    Py_ssize_t nargs = asdl_seq_LEN(e->v.Call.args);
    PyObject *super_name = e->v.Call.func->v.Name.id;
    if (_PyST_GetScope(c->u->u_ste, super_name) != GLOBAL_IMPLICIT)
        return 0;
    if (_PyST_GetScope(c->c_st->st_top, super_name) != 0)
        return 0;
    if (nargs == 2) {
        for (Py_ssize_t i = 0; i < 2; i++)
            if (((expr_ty)asdl_seq_GET(e->v.Call.args, i))->kind == Starred_kind)
                return 0;
        return 1;
    }
    if (nargs != 0)
        return 0;
    if (c->u->u_argcount == 0 && c->u->u_posonlyargcount == 0)
        return 0;
    if (c->u->u_scope_type == COMPILER_SCOPE_CLASS)
        return 0;
    return _PyST_GetScope(c->u->u_ste, _Py_ID(__class__)) == FREE;
}

static int
load_args_for_super(struct compiler *c, expr_ty e)
{
    _KrSrcLoc loc = LOC(e);
    RETURN_IF_ERROR(compiler_nameop(c, LOC(e->v.Call.func), e->v.Call.func->v.Name.id, Load));
    if (asdl_seq_LEN(e->v.Call.args) == 2) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Call.args, 0));
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Call.args, 1));
        return SUCCESS;
    }
    RETURN_IF_ERROR(compiler_nameop(c, loc, _Py_ID(__class__), Load));
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    if (!PyDict_Next(c->u->u_varnames, &pos, &key, &value)) {
        PyErr_SetString(PyExc_SystemError, "compiler: super() without arguments");
        return ERROR;
    }
    return compiler_nameop(c, loc, key, Load);
}

static int
maybe_optimize_method_call(struct compiler *c, expr_ty e)
{
    expr_ty meth = e->v.Call.func;
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kwds = e->v.Call.keywords;
    if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load)
        return 0;
    if (is_import_originated(c, meth->v.Attribute.value))
        return 0;
    Py_ssize_t argsl = asdl_seq_LEN(args), kwdsl = asdl_seq_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE)
        return 0;
    for (Py_ssize_t i = 0; i < argsl; i++)
        if (((expr_ty)asdl_seq_GET(args, i))->kind == Starred_kind)
            return 0;
    for (Py_ssize_t i = 0; i < kwdsl; i++)
        if (((keyword_ty)asdl_seq_GET(kwds, i))->arg == NULL)
            return 0;
    _KrSrcLoc loc = LOC(meth);
    if (can_optimize_super_call(c, meth)) {
        RETURN_IF_ERROR(load_args_for_super(c, meth->v.Attribute.value));
        int two = asdl_seq_LEN(meth->v.Attribute.value->v.Call.args) ? 2 : 0;
        RETURN_IF_ERROR(compiler_addop_name(c, attr_loc(loc, meth), LOAD_SUPER_ATTR,
                                            meth->v.Attribute.attr, two | 1, 1));
    }
    else {
        VISIT(c, expr, meth->v.Attribute.value);
        RETURN_IF_ERROR(compiler_addop_name(c, attr_loc(loc, meth), LOAD_ATTR,
                                            meth->v.Attribute.attr, 1, 1));
    }
    VISIT_SEQ(c, expr, args);
    _KrSrcLoc cloc = attr_loc(LOC(e), meth);
    if (kwdsl) {
        for (Py_ssize_t i = 0; i < kwdsl; i++)
            VISIT(c, expr, ((keyword_ty)asdl_seq_GET(kwds, i))->value);
        RETURN_IF_ERROR(compiler_kwnames(c, loc, kwds, kwdsl));
        ADDOP_I(c, cloc, CALL_KW, (int)(argsl + kwdsl));
    }
    else
        ADDOP_I(c, cloc, CALL, (int)argsl);
    return 1;
}

static int
compiler_call(struct compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(validate_keywords(c, e->v.Call.keywords));
    int r = maybe_optimize_method_call(c, e);
    if (r < 0)
        return ERROR;
    if (r == 1)
        return SUCCESS;
    RETURN_IF_ERROR(check_caller(c, e->v.Call.func));
    VISIT(c, expr, e->v.Call.func);
    cfg_instr *last = _KrCfg_LastInstr(CFG(c));
    if (last && last->i_opcode == LOAD_GLOBAL && !(last->i_oparg & 1) &&
        e->v.Call.func->kind == Name_kind)
        last->i_oparg |= 1; /* LOAD_GLOBAL pushes the NULL itself */
    else
        ADDOP(c, LOC(e->v.Call.func), PUSH_NULL);
    return compiler_call_helper(c, LOC(e), 0, e->v.Call.args, e->v.Call.keywords);
}

/* ---- comprehensions ----------------------------------------------------------------------- */

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

typedef struct {
    PyObject *pushed_locals;
    PyObject *temp_symbols;
    PyObject *fast_hidden;
    basicblock *cleanup, *end;
} inlined_state;

static int comprehension_generator(struct compiler *c, _KrSrcLoc loc,
                                   asdl_comprehension_seq *gens, int gen_index, int depth,
                                   expr_ty elt, expr_ty val, int type, int iter_on_stack);

static int
sync_comprehension_generator(struct compiler *c, _KrSrcLoc loc, asdl_comprehension_seq *gens,
                             int gen_index, int depth, expr_ty elt, expr_ty val, int type,
                             int iter_on_stack)
{
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    comprehension_ty gen = asdl_seq_GET(gens, gen_index);
    int loop = 1;
    if (!iter_on_stack) {
        if (gen_index == 0) {
            c->u->u_argcount = 1;
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
        else {
            asdl_expr_seq *elts = NULL;
            if (gen->iter->kind == List_kind)
                elts = gen->iter->v.List.elts;
            else if (gen->iter->kind == Tuple_kind)
                elts = gen->iter->v.Tuple.elts;
            if (asdl_seq_LEN(elts) == 1 &&
                ((expr_ty)asdl_seq_GET(elts, 0))->kind != Starred_kind) {
                /* `for y in [f(x)]` binds once, without a loop. */
                VISIT(c, expr, (expr_ty)asdl_seq_GET(elts, 0));
                loop = 0;
            }
            else {
                VISIT(c, expr, gen->iter);
                ADDOP(c, LOC(gen->iter), GET_ITER);
            }
        }
    }
    if (loop) {
        depth++;
        USE_LABEL(c, start);
        ADDOP_JUMP(c, LOC(gen->iter), FOR_ITER, anchor);
    }
    VISIT(c, expr, gen->target);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++)
        RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
    if (++gen_index < asdl_seq_LEN(gens))
        RETURN_IF_ERROR(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type, 0));
    _KrSrcLoc elt_loc = LOC(elt);
    if (gen_index >= asdl_seq_LEN(gens)) {
        switch (type) {
        case COMP_GENEXP:
            VISIT(c, expr, elt);
            RETURN_IF_ERROR(addop_yield(c, elt_loc));
            ADDOP(c, elt_loc, POP_TOP);
            break;
        case COMP_LISTCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1);
            break;
        case COMP_SETCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, elt_loc, SET_ADD, depth + 1);
            break;
        default:
            VISIT(c, expr, elt);
            VISIT(c, expr, val);
            elt_loc.end_lineno = val->end_lineno;
            elt_loc.end_col_offset = val->end_col_offset;
            ADDOP_I(c, elt_loc, MAP_ADD, depth + 1);
            break;
        }
    }
    USE_LABEL(c, if_cleanup);
    if (loop) {
        ADDOP_JUMP(c, elt_loc, JUMP, start);
        USE_LABEL(c, anchor);
        ADDOP(c, NO_LOC, END_FOR);
    }
    return SUCCESS;
}

static int
async_comprehension_generator(struct compiler *c, _KrSrcLoc loc, asdl_comprehension_seq *gens,
                              int gen_index, int depth, expr_ty elt, expr_ty val, int type,
                              int iter_on_stack)
{
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, if_cleanup);
    comprehension_ty gen = asdl_seq_GET(gens, gen_index);
    if (!iter_on_stack) {
        if (gen_index == 0) {
            c->u->u_argcount = 1;
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
        else {
            VISIT(c, expr, gen->iter);
            ADDOP(c, LOC(gen->iter), GET_AITER);
        }
    }
    USE_LABEL(c, start);
    RETURN_IF_ERROR(compiler_push_fblock(c, loc, ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, expr, gen->target);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++)
        RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
    depth++;
    if (++gen_index < asdl_seq_LEN(gens))
        RETURN_IF_ERROR(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type, 0));
    _KrSrcLoc elt_loc = LOC(elt);
    if (gen_index >= asdl_seq_LEN(gens)) {
        switch (type) {
        case COMP_GENEXP:
            VISIT(c, expr, elt);
            RETURN_IF_ERROR(addop_yield(c, elt_loc));
            ADDOP(c, elt_loc, POP_TOP);
            break;
        case COMP_LISTCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1);
            break;
        case COMP_SETCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, elt_loc, SET_ADD, depth + 1);
            break;
        default:
            VISIT(c, expr, elt);
            VISIT(c, expr, val);
            ADDOP_I(c, elt_loc, MAP_ADD, depth + 1);
            break;
        }
    }
    USE_LABEL(c, if_cleanup);
    ADDOP_JUMP(c, elt_loc, JUMP, start);
    compiler_pop_fblock(c, ASYNC_COMPREHENSION_GENERATOR, start);
    USE_LABEL(c, except);
    ADDOP(c, loc, END_ASYNC_FOR);
    return SUCCESS;
}

static int
comprehension_generator(struct compiler *c, _KrSrcLoc loc, asdl_comprehension_seq *gens,
                        int gen_index, int depth, expr_ty elt, expr_ty val, int type,
                        int iter_on_stack)
{
    comprehension_ty gen = asdl_seq_GET(gens, gen_index);
    if (gen->is_async)
        return async_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type,
                                             iter_on_stack);
    return sync_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type,
                                        iter_on_stack);
}

static int
push_inlined_comprehension_state(struct compiler *c, _KrSrcLoc loc, PySTEntryObject *entry,
                                 inlined_state *state)
{
    int in_class_block = c->u->u_ste->ste_type == ClassBlock && !c->u->u_in_inlined_comp;
    c->u->u_in_inlined_comp++;
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(entry->ste_symbols, &pos, &k, &v)) {
        long symbol = PyLong_AsLong(v);
        int scope = SYMBOL_TO_SCOPE(symbol);
        PyObject *outv = PyDict_GetItemWithError(c->u->u_ste->ste_symbols, k);
        if (outv == NULL && PyErr_Occurred())
            return ERROR;
        long outsymbol = outv ? PyLong_AsLong(outv) : 0;
        int outsc = SYMBOL_TO_SCOPE(outsymbol);
        if ((scope != outsc && scope != FREE && !(scope == CELL && outsc == FREE)) ||
            in_class_block) {
            /* Compile the body with the comprehension's view of the name. */
            if (state->temp_symbols == NULL && (state->temp_symbols = PyDict_New()) == NULL)
                return ERROR;
            PyObject *saved = outv ? Py_NewRef(outv) : PyLong_FromLong(0);
            if (saved == NULL)
                return ERROR;
            if (PyDict_SetItem(c->u->u_ste->ste_symbols, k, v) < 0 ||
                PyDict_SetItem(state->temp_symbols, k, saved) < 0) {
                Py_DECREF(saved);
                return ERROR;
            }
            Py_DECREF(saved);
        }
        if (((symbol & DEF_LOCAL) && !(symbol & DEF_NONLOCAL)) || in_class_block) {
            if (!_PyST_IsFunctionLike(c->u->u_ste)) {
                PyObject *orig = PyDict_GetItemWithError(c->u->u_fasthidden, k);
                if (orig == NULL && PyErr_Occurred())
                    return ERROR;
                if (orig != Py_True) {
                    if (PyDict_SetItem(c->u->u_fasthidden, k, Py_True) < 0)
                        return ERROR;
                    if (state->fast_hidden == NULL && (state->fast_hidden = PySet_New(NULL)) == NULL)
                        return ERROR;
                    if (PySet_Add(state->fast_hidden, k) < 0)
                        return ERROR;
                }
            }
            if (state->pushed_locals == NULL && (state->pushed_locals = PyList_New(0)) == NULL)
                return ERROR;
            /* A cell is pushed itself and replaced by a fresh one for the comprehension. */
            RETURN_IF_ERROR(compiler_addop_varname(c, loc, LOAD_FAST_AND_CLEAR, k));
            if (scope == CELL)
                RETURN_IF_ERROR(compiler_addop_deref(c, loc, MAKE_CELL, k, outsc == FREE));
            if (PyList_Append(state->pushed_locals, k) < 0)
                return ERROR;
        }
    }
    if (state->pushed_locals) {
        ADDOP_I(c, loc, SWAP, (int)PyList_GET_SIZE(state->pushed_locals) + 1);
        state->cleanup = compiler_new_block(c);
        state->end = compiler_new_block(c);
        if (!state->cleanup || !state->end)
            return ERROR;
        ADDOP_JUMP(c, loc, SETUP_FINALLY, state->cleanup);
    }
    return SUCCESS;
}

static int
restore_inlined_locals(struct compiler *c, _KrSrcLoc loc, inlined_state *state)
{
    Py_ssize_t n = PyList_GET_SIZE(state->pushed_locals);
    ADDOP_I(c, loc, SWAP, (int)n + 1);
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        PyObject *k = PyList_GET_ITEM(state->pushed_locals, i);
        RETURN_IF_ERROR(compiler_addop_varname(c, loc, STORE_FAST_MAYBE_NULL, k));
    }
    return SUCCESS;
}

static int
pop_inlined_comprehension_state(struct compiler *c, _KrSrcLoc loc, inlined_state *state)
{
    c->u->u_in_inlined_comp--;
    if (state->temp_symbols) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(state->temp_symbols, &pos, &k, &v))
            if (PyDict_SetItem(c->u->u_ste->ste_symbols, k, v) < 0)
                return ERROR;
    }
    if (state->pushed_locals) {
        ADDOP(c, NO_LOC, POP_BLOCK);
        ADDOP_JUMP(c, NO_LOC, JUMP_NO_INTERRUPT, state->end);
        USE_LABEL(c, state->cleanup);
        ADDOP_I(c, NO_LOC, SWAP, 2);
        ADDOP(c, NO_LOC, POP_TOP);
        RETURN_IF_ERROR(restore_inlined_locals(c, loc, state));
        ADDOP_I(c, NO_LOC, RERAISE, 0);
        USE_LABEL(c, state->end);
        RETURN_IF_ERROR(restore_inlined_locals(c, loc, state));
    }
    if (state->fast_hidden) {
        PyObject *it = PyObject_GetIter(state->fast_hidden);
        if (it == NULL)
            return ERROR;
        PyObject *k;
        while ((k = PyIter_Next(it)) != NULL) {
            int r = PyDict_SetItem(c->u->u_fasthidden, k, Py_False);
            Py_DECREF(k);
            if (r < 0) {
                Py_DECREF(it);
                return ERROR;
            }
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return ERROR;
    }
    return SUCCESS;
}

static void
inlined_state_clear(inlined_state *s)
{
    Py_CLEAR(s->pushed_locals);
    Py_CLEAR(s->temp_symbols);
    Py_CLEAR(s->fast_hidden);
}

static int
compiler_comprehension(struct compiler *c, expr_ty e, int type, PyObject *name,
                       asdl_comprehension_seq *gens, expr_ty elt, expr_ty val)
{
    PySTEntryObject *entry = _PySymtable_Lookup(c->c_st, (void *)e);
    if (entry == NULL)
        return ERROR;
    int is_inlined = entry->ste_comp_inlined;
    int is_async = entry->ste_coroutine;
    int scope_type = c->u->u_scope_type;
    _KrSrcLoc loc = LOC(e);
    comprehension_ty outermost = asdl_seq_GET(gens, 0);
    inlined_state state = {0};
    if (is_async && type != COMP_GENEXP && scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
        scope_type != COMPILER_SCOPE_COMPREHENSION && !compiler_is_top_level_await(c))
        return compiler_error(c, loc, "asynchronous comprehension outside of an asynchronous function");
    if (is_inlined) {
        VISIT(c, expr, outermost->iter);
        ADDOP(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
        if (push_inlined_comprehension_state(c, loc, entry, &state) < 0) {
            inlined_state_clear(&state);
            return ERROR;
        }
    }
    else {
        RETURN_IF_ERROR(compiler_enter_scope(c, name, COMPILER_SCOPE_COMPREHENSION, (void *)e,
                                             e->lineno, NULL));
    }
    if (type != COMP_GENEXP) {
        int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET : BUILD_MAP;
        if (compiler_addop(c, op, 0, loc) < 0 ||
            (is_inlined && compiler_addop(c, SWAP, 2, loc) < 0))
            goto error;
    }
    if (comprehension_generator(c, loc, gens, 0, 0, elt, val, type, is_inlined) < 0)
        goto error;
    if (is_inlined) {
        int r = pop_inlined_comprehension_state(c, loc, &state);
        inlined_state_clear(&state);
        return r;
    }
    if (type != COMP_GENEXP && compiler_addop(c, RETURN_VALUE, 0, loc) < 0)
        goto error;
    if (type == COMP_GENEXP && compiler_wrap_in_stopiteration_handler(c) < 0)
        goto error;
    PyCodeObject *co = compiler_assemble_unit(c, 1);
    compiler_exit_scope(c);
    if (co == NULL)
        return ERROR;
    int r = compiler_make_closure(c, loc, co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    VISIT(c, expr, outermost->iter);
    ADDOP(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, loc, CALL, 0);
    if (is_async && type != COMP_GENEXP) {
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    }
    return SUCCESS;
error:
    if (is_inlined)
        inlined_state_clear(&state);
    else
        compiler_exit_scope(c);
    return ERROR;
}

/* ---- f-strings ------------------------------------------------------------------------ */

static int
compiler_formatted_value(struct compiler *c, expr_ty e)
{
    VISIT(c, expr, e->v.FormattedValue.value);
    _KrSrcLoc loc = LOC(e);
    int conv = e->v.FormattedValue.conversion;
    if (conv != -1) {
        int oparg;
        switch (conv) {
        case 's': oparg = FVC_STR; break;
        case 'r': oparg = FVC_REPR; break;
        case 'a': oparg = FVC_ASCII; break;
        default:
            PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d", conv);
            return ERROR;
        }
        ADDOP_I(c, loc, CONVERT_VALUE, oparg);
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, expr, e->v.FormattedValue.format_spec);
        ADDOP(c, loc, FORMAT_WITH_SPEC);
    }
    else
        ADDOP(c, loc, FORMAT_SIMPLE);
    return SUCCESS;
}

static int
compiler_joined_str(struct compiler *c, expr_ty e)
{
    _KrSrcLoc loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.JoinedStr.values);
    if (n > STACK_USE_GUIDELINE) {
        ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromString(""));
        RETURN_IF_ERROR(compiler_addop_name(c, loc, LOAD_ATTR, _Py_ID(join), 1, 0));
        ADDOP_I(c, loc, BUILD_LIST, 0);
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.JoinedStr.values, i));
            ADDOP_I(c, loc, LIST_APPEND, 1);
        }
        ADDOP_I(c, loc, CALL, 1);
    }
    else {
        VISIT_SEQ(c, expr, e->v.JoinedStr.values);
        if (n != 1)
            ADDOP_I(c, loc, BUILD_STRING, (int)n);
    }
    return SUCCESS;
}

/* ---- function-definition helpers ------------------------------------------------------ */

int
compiler_default_arguments(struct compiler *c, _KrSrcLoc loc, arguments_ty args)
{
    int flags = 0;
    if (asdl_seq_LEN(args->defaults)) {
        VISIT_SEQ(c, expr, args->defaults);
        ADDOP_I(c, loc, BUILD_TUPLE, (int)asdl_seq_LEN(args->defaults));
        flags |= MAKE_FUNCTION_DEFAULTS;
    }
    if (args->kwonlyargs) {
        int n = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kwonlyargs); i++) {
            arg_ty a = asdl_seq_GET(args->kwonlyargs, i);
            expr_ty d = i < asdl_seq_LEN(args->kw_defaults) ? asdl_seq_GET(args->kw_defaults, i) : NULL;
            if (d == NULL)
                continue;
            PyObject *m = compiler_maybe_mangle(c, a->arg);
            ADDOP_LOAD_CONST_NEW(c, loc, m);
            VISIT(c, expr, d);
            n++;
        }
        if (n) {
            ADDOP_I(c, loc, BUILD_MAP, n);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
    }
    return flags;
}

int
compiler_visit_annexpr(struct compiler *c, expr_ty annotation)
{
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
        ADDOP_LOAD_CONST_NEW(c, LOC(annotation), _PyAST_ExprAsUnicode(annotation));
        return SUCCESS;
    }
    VISIT(c, expr, annotation);
    return SUCCESS;
}

static int
visit_argannotation(struct compiler *c, PyObject *id, expr_ty annotation, int *count,
                    _KrSrcLoc loc)
{
    if (annotation == NULL)
        return SUCCESS;
    PyObject *m = compiler_maybe_mangle(c, id);
    ADDOP_LOAD_CONST_NEW(c, loc, m);
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
        ADDOP_LOAD_CONST_NEW(c, loc, _PyAST_ExprAsUnicode(annotation));
    }
    else if (annotation->kind == Starred_kind) {
        /* *args: *Ts */
        VISIT(c, expr, annotation->v.Starred.value);
        ADDOP_I(c, loc, UNPACK_SEQUENCE, 1);
    }
    else
        VISIT(c, expr, annotation);
    (*count)++;
    return SUCCESS;
}

static int
visit_argannotations(struct compiler *c, asdl_arg_seq *args, int *count, _KrSrcLoc loc)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        RETURN_IF_ERROR(visit_argannotation(c, a->arg, a->annotation, count, loc));
    }
    return SUCCESS;
}

int
compiler_visit_annotations(struct compiler *c, _KrSrcLoc loc, arguments_ty args, expr_ty returns)
{
    int count = 0;
    RETURN_IF_ERROR(visit_argannotations(c, args->args, &count, loc));
    RETURN_IF_ERROR(visit_argannotations(c, args->posonlyargs, &count, loc));
    if (args->vararg)
        RETURN_IF_ERROR(visit_argannotation(c, args->vararg->arg, args->vararg->annotation, &count, loc));
    RETURN_IF_ERROR(visit_argannotations(c, args->kwonlyargs, &count, loc));
    if (args->kwarg)
        RETURN_IF_ERROR(visit_argannotation(c, args->kwarg->arg, args->kwarg->annotation, &count, loc));
    PyObject *ret = PyUnicode_InternFromString("return");
    if (ret == NULL)
        return ERROR;
    int r = visit_argannotation(c, ret, returns, &count, loc);
    Py_DECREF(ret);
    RETURN_IF_ERROR(r);
    if (count) {
        ADDOP_I(c, loc, BUILD_MAP, count);
        return 1;
    }
    return 0;
}

int
compiler_check_ann_expr(struct compiler *c, expr_ty e)
{
    VISIT(c, expr, e);
    ADDOP(c, LOC(e), POP_TOP);
    return SUCCESS;
}

/* ---- the expression visitor --------------------------------------------------------- */

static int
compiler_static_attribute(struct compiler *c, expr_ty e)
{
    expr_ty v = e->v.Attribute.value;
    if (v->kind != Name_kind || e->v.Attribute.ctx != Store ||
        !PyUnicode_EqualToUTF8(v->v.Name.id, "self"))
        return SUCCESS;
    for (int i = c->c_nstack - 1; i >= 0; i--) {
        struct compiler_unit *u = c->c_stack[i];
        if (u->u_scope_type == COMPILER_SCOPE_CLASS) {
            if (PySet_Add(u->u_static_attributes, e->v.Attribute.attr) < 0)
                return ERROR;
            break;
        }
    }
    return SUCCESS;
}

static int
compiler_visit_expr1(struct compiler *c, expr_ty e)
{
    _KrSrcLoc loc = LOC(e);
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, expr, e->v.NamedExpr.value);
        ADDOP_I(c, loc, COPY, 1);
        VISIT(c, expr, e->v.NamedExpr.target);
        return SUCCESS;
    case BoolOp_kind: {
        int jumpi = e->v.BoolOp.op == And ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
        NEW_LABEL(c, end);
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t n = asdl_seq_LEN(s) - 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, (expr_ty)asdl_seq_GET(s, i));
            ADDOP_I(c, loc, COPY, 1);
            ADDOP(c, loc, KR_TO_BOOL_PSEUDO);
            ADDOP_JUMP(c, loc, jumpi, end);
            ADDOP(c, loc, POP_TOP);
        }
        VISIT(c, expr, (expr_ty)asdl_seq_GET(s, n));
        USE_LABEL(c, end);
        return SUCCESS;
    }
    case BinOp_kind:
        VISIT(c, expr, e->v.BinOp.left);
        VISIT(c, expr, e->v.BinOp.right);
        ADDOP_I(c, loc, BINARY_OP, binop_oparg(e->v.BinOp.op));
        return SUCCESS;
    case UnaryOp_kind:
        VISIT(c, expr, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case UAdd:
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE);
            break;
        case USub:
            ADDOP(c, loc, UNARY_NEGATIVE);
            break;
        case Invert:
            ADDOP(c, loc, UNARY_INVERT);
            break;
        case Not:
            ADDOP(c, loc, KR_TO_BOOL_PSEUDO);
            ADDOP(c, loc, UNARY_NOT);
            break;
        }
        return SUCCESS;
    case Lambda_kind:
        return compiler_function_like(c, NULL, e);
    case IfExp_kind: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.test, next, 0));
        VISIT(c, expr, e->v.IfExp.body);
        ADDOP_JUMP(c, NO_LOC, JUMP, end);
        USE_LABEL(c, next);
        VISIT(c, expr, e->v.IfExp.orelse);
        USE_LABEL(c, end);
        return SUCCESS;
    }
    case Dict_kind:
        return compiler_dict(c, e);
    case Set_kind:
        return starunpack_helper(c, loc, e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
    case GeneratorExp_kind: {
        PyObject *nm = PyUnicode_InternFromString("<genexpr>");
        if (nm == NULL)
            return ERROR;
        int r = compiler_comprehension(c, e, COMP_GENEXP, nm, e->v.GeneratorExp.generators,
                                       e->v.GeneratorExp.elt, NULL);
        Py_DECREF(nm);
        return r;
    }
    case ListComp_kind: {
        PyObject *nm = PyUnicode_InternFromString("<listcomp>");
        if (nm == NULL)
            return ERROR;
        int r = compiler_comprehension(c, e, COMP_LISTCOMP, nm, e->v.ListComp.generators,
                                       e->v.ListComp.elt, NULL);
        Py_DECREF(nm);
        return r;
    }
    case SetComp_kind: {
        PyObject *nm = PyUnicode_InternFromString("<setcomp>");
        if (nm == NULL)
            return ERROR;
        int r = compiler_comprehension(c, e, COMP_SETCOMP, nm, e->v.SetComp.generators,
                                       e->v.SetComp.elt, NULL);
        Py_DECREF(nm);
        return r;
    }
    case DictComp_kind: {
        PyObject *nm = PyUnicode_InternFromString("<dictcomp>");
        if (nm == NULL)
            return ERROR;
        int r = compiler_comprehension(c, e, COMP_DICTCOMP, nm, e->v.DictComp.generators,
                                       e->v.DictComp.key, e->v.DictComp.value);
        Py_DECREF(nm);
        return r;
    }
    case Yield_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste))
            return compiler_error(c, loc, "'yield' outside function");
        if (e->v.Yield.value)
            VISIT(c, expr, e->v.Yield.value);
        else
            ADDOP_LOAD_CONST(c, loc, Py_None);
        return addop_yield(c, loc);
    case YieldFrom_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste))
            return compiler_error(c, loc, "'yield' outside function");
        if (c->u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION)
            return compiler_error(c, loc, "'yield from' inside async function");
        VISIT(c, expr, e->v.YieldFrom.value);
        ADDOP(c, loc, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return compiler_add_yield_from(c, loc, 0);
    case Await_kind:
        if (!compiler_is_top_level_await(c)) {
            if (!_PyST_IsFunctionLike(c->u->u_ste))
                return compiler_error(c, loc, "'await' outside function");
            if (c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
                c->u->u_scope_type != COMPILER_SCOPE_COMPREHENSION)
                return compiler_error(c, loc, "'await' outside async function");
        }
        VISIT(c, expr, e->v.Await.value);
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return compiler_add_yield_from(c, loc, 1);
    case Compare_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        RETURN_IF_ERROR(check_compare(c, e));
        VISIT(c, expr, e->v.Compare.left);
        if (n == 0) {
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, 0));
            return compiler_addop_compare(c, loc, e->v.Compare.ops->elements[0]);
        }
        NEW_LABEL(c, cleanup);
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP_I(c, loc, COPY, 2);
            RETURN_IF_ERROR(compiler_addop_compare(c, loc, e->v.Compare.ops->elements[i]));
            ADDOP_I(c, loc, COPY, 1);
            ADDOP(c, loc, KR_TO_BOOL_PSEUDO);
            ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup);
            ADDOP(c, loc, POP_TOP);
        }
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
        RETURN_IF_ERROR(compiler_addop_compare(c, loc, e->v.Compare.ops->elements[n]));
        NEW_LABEL(c, end);
        ADDOP_JUMP(c, NO_LOC, JUMP, end);
        USE_LABEL(c, cleanup);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP(c, loc, POP_TOP);
        USE_LABEL(c, end);
        return SUCCESS;
    }
    case Call_kind:
        return compiler_call(c, e);
    case FormattedValue_kind:
        return compiler_formatted_value(c, e);
    case JoinedStr_kind:
        return compiler_joined_str(c, e);
    case Constant_kind:
        ADDOP_LOAD_CONST(c, loc, e->v.Constant.value);
        return SUCCESS;
    case Attribute_kind:
        if (e->v.Attribute.ctx == Load && can_optimize_super_call(c, e)) {
            RETURN_IF_ERROR(load_args_for_super(c, e->v.Attribute.value));
            int two = asdl_seq_LEN(e->v.Attribute.value->v.Call.args) ? 2 : 0;
            RETURN_IF_ERROR(compiler_addop_name(c, loc, LOAD_SUPER_ATTR, e->v.Attribute.attr, two, 1));
            ADDOP(c, attr_loc(loc, e), NOP);
            return SUCCESS;
        }
        RETURN_IF_ERROR(compiler_static_attribute(c, e));
        VISIT(c, expr, e->v.Attribute.value);
        loc = attr_loc(loc, e);
        switch (e->v.Attribute.ctx) {
        case Load:
            ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr);
            break;
        case Store:
            ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr);
            break;
        default:
            ADDOP_NAME(c, loc, DELETE_ATTR, e->v.Attribute.attr);
            break;
        }
        return SUCCESS;
    case Subscript_kind: {
        expr_context_ty ctx = e->v.Subscript.ctx;
        expr_ty sl = e->v.Subscript.slice;
        if (ctx == Load) {
            RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
            RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, sl));
        }
        VISIT(c, expr, e->v.Subscript.value);
        if (sl->kind == Slice_kind && sl->v.Slice.step == NULL && ctx != Del) {
            if (sl->v.Slice.lower)
                VISIT(c, expr, sl->v.Slice.lower);
            else
                ADDOP_LOAD_CONST(c, LOC(sl), Py_None);
            if (sl->v.Slice.upper)
                VISIT(c, expr, sl->v.Slice.upper);
            else
                ADDOP_LOAD_CONST(c, LOC(sl), Py_None);
            ADDOP(c, loc, ctx == Load ? BINARY_SLICE : STORE_SLICE);
        }
        else {
            VISIT(c, expr, sl);
            ADDOP(c, loc, ctx == Load ? BINARY_SUBSCR : ctx == Store ? STORE_SUBSCR : DELETE_SUBSCR);
        }
        return SUCCESS;
    }
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return compiler_error(c, loc, "starred assignment target must be in a list or tuple");
        return compiler_error(c, loc, "can't use starred expression here");
    case Slice_kind: {
        int n = 2;
        if (e->v.Slice.lower)
            VISIT(c, expr, e->v.Slice.lower);
        else
            ADDOP_LOAD_CONST(c, loc, Py_None);
        if (e->v.Slice.upper)
            VISIT(c, expr, e->v.Slice.upper);
        else
            ADDOP_LOAD_CONST(c, loc, Py_None);
        if (e->v.Slice.step) {
            n++;
            VISIT(c, expr, e->v.Slice.step);
        }
        ADDOP_I(c, loc, BUILD_SLICE, n);
        return SUCCESS;
    }
    case Name_kind:
        return compiler_nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case List_kind:
        return compiler_list_or_tuple(c, e, e->v.List.elts, e->v.List.ctx, 0);
    case Tuple_kind:
        return compiler_list_or_tuple(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    default:
        PyErr_Format(PyExc_SystemError, "compiler: unknown expression kind %d", e->kind);
        return ERROR;
    }
}

int
compiler_visit_expr(struct compiler *c, expr_ty e)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return ERROR;
    int r = compiler_visit_expr1(c, e);
    Py_LeaveRecursiveCall();
    return r;
}
