/* The AST optimiser: folds operations whose operands are constants (within size limits
 * that keep .pyc-style constant tables small), turns constant tuples and `in [...]` /
 * `for x in [...]` displays of constants into tuple/frozenset constants, and replaces
 * __debug__ by its value. Nodes are rewritten in place; new constants are handed to the
 * arena. */
#include "compiler.h"

#define MAX_INT_SIZE 128        /* bits */
#define MAX_COLLECTION_SIZE 256 /* items */
#define MAX_STR_SIZE 4096       /* characters or bytes */
#define MAX_TOTAL_ITEMS 1024

typedef struct {
    PyArena *arena;
    int optimize;
    int ff_features;
} opt_state;

static int make_const(expr_ty e, PyObject *val, opt_state *st)
{
    /* `val` is stolen; NULL means "not foldable" unless it is a real memory error. */
    if (val == NULL) {
        if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt) || PyErr_ExceptionMatches(PyExc_MemoryError))
            return 0;
        PyErr_Clear();
        return 1;
    }
    if (_PyArena_AddPyObject(st->arena, val) < 0) {
        Py_DECREF(val);
        return 0;
    }
    e->kind = Constant_kind;
    e->v.Constant.value = val;
    e->v.Constant.kind = NULL;
    return 1;
}

#define IS_CONST(e) ((e)->kind == Constant_kind)
#define CONST(e) ((e)->v.Constant.value)

static Py_ssize_t
check_complexity(PyObject *obj, Py_ssize_t limit)
{
    if (PyTuple_Check(obj)) {
        limit -= PyTuple_GET_SIZE(obj);
        for (Py_ssize_t i = 0; limit >= 0 && i < PyTuple_GET_SIZE(obj); i++)
            limit = check_complexity(PyTuple_GET_ITEM(obj, i), limit);
        return limit;
    }
    if (PyFrozenSet_Check(obj))
        limit -= PySet_Size(obj);
    return limit;
}

static PyObject *
safe_multiply(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w)) {
        int64_t vbits = _PyLong_NumBits(v), wbits = _PyLong_NumBits(w);
        if (vbits < 0 || wbits < 0 || vbits + wbits > MAX_INT_SIZE)
            return NULL;
    }
    else if (PyLong_Check(v) && (PyTuple_Check(w) || PyFrozenSet_Check(w))) {
        Py_ssize_t size = PyTuple_Check(w) ? PyTuple_GET_SIZE(w) : PySet_Size(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > MAX_COLLECTION_SIZE / size)
                return NULL;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    }
    else if (PyLong_Check(v) && (PyUnicode_Check(w) || PyBytes_Check(w))) {
        Py_ssize_t size = PyUnicode_Check(w) ? PyUnicode_GET_LENGTH(w) : PyBytes_GET_SIZE(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > MAX_STR_SIZE / size)
                return NULL;
        }
    }
    else if (PyLong_Check(w) && (PyTuple_Check(v) || PyFrozenSet_Check(v) || PyUnicode_Check(v) ||
                                 PyBytes_Check(v)))
        return safe_multiply(w, v);
    return PyNumber_Multiply(v, w);
}

static PyObject *
safe_power(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w) > 0) {
        int64_t vbits = _PyLong_NumBits(v);
        long wv = PyLong_AsLong(w);
        if (wv == -1 && PyErr_Occurred())
            return NULL;
        if (wv <= 0 || vbits > MAX_INT_SIZE / wv)
            return NULL;
    }
    return PyNumber_Power(v, w, Py_None);
}

static PyObject *
safe_lshift(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w)) {
        int64_t vbits = _PyLong_NumBits(v);
        long wv = PyLong_AsLong(w);
        if (wv == -1 && PyErr_Occurred())
            return NULL;
        if (wv < 0 || wv > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wv)
            return NULL;
    }
    return PyNumber_Lshift(v, w);
}

static PyObject *
safe_mod(PyObject *v, PyObject *w)
{
    if (PyUnicode_Check(v) || PyBytes_Check(v))
        return NULL; /* %-formatting may have side effects on w */
    return PyNumber_Remainder(v, w);
}

/* ---- `"..." % (a, b)` as an f-string ---------------------------------------------------
 * Like CPython 3.13, a str literal %-formatted with a tuple display (no starred items)
 * whose directives are all %s/%r/%a (optional flags, width and precision of at most two
 * digits each) becomes the equivalent JoinedStr, so no tuple is built at run time. */

#define FMT_MAXDIGITS 3

static expr_ty
new_expr(opt_state *st, int kind, int lineno, int col, int end_lineno, int end_col)
{
    expr_ty n = _PyArena_Malloc(st->arena, sizeof(*n));
    if (n == NULL)
        return NULL;
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col;
    return n;
}

static expr_ty
str_const(opt_state *st, PyObject *str)
{
    if (str == NULL || _PyArena_AddPyObject(st->arena, str) < 0) {
        Py_XDECREF(str);
        return NULL;
    }
    expr_ty n = new_expr(st, Constant_kind, -1, -1, -1, -1);
    if (n != NULL)
        n->v.Constant.value = str;
    return n;
}

/* The literal text from *pos up to the next lone '%' ("%%" stands for '%'). Sets
 * *out to NULL when there is no text; returns -1 on error. */
static int
format_literal(opt_state *st, PyObject *fmt, Py_ssize_t *pos, expr_ty *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(fmt), start = *pos, i = start;
    int doubled = 0;
    while (i < n) {
        if (PyUnicode_READ_CHAR(fmt, i) != '%')
            i++;
        else if (i + 1 < n && PyUnicode_READ_CHAR(fmt, i + 1) == '%') {
            doubled = 1;
            i += 2;
        }
        else
            break;
    }
    *pos = i;
    *out = NULL;
    if (i == start)
        return 0;
    PyObject *text = PyUnicode_Substring(fmt, start, i);
    if (text != NULL && doubled) {
        PyObject *pct = PyUnicode_FromString("%"), *pct2 = PyUnicode_FromString("%%");
        PyObject *r = (pct && pct2) ? PyUnicode_Replace(text, pct2, pct, -1) : NULL;
        Py_XDECREF(pct);
        Py_XDECREF(pct2);
        Py_SETREF(text, r);
    }
    *out = str_const(st, text);
    return *out == NULL ? -1 : 0;
}

/* Parses the directive after a '%' at *pos; builds the FormattedValue for `arg`, or
 * leaves *out NULL when the directive is not one this rewrite handles. */
static int
format_directive(opt_state *st, PyObject *fmt, Py_ssize_t *pos, expr_ty arg, expr_ty *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(fmt), i = *pos;
    int ljust = 0, width = -1, prec = -1, digits;
    Py_UCS4 ch;
    *out = NULL;
#define NEXT_CH() do { if (i >= n) return 0; ch = PyUnicode_READ_CHAR(fmt, i); i++; } while (0)
    for (;;) {
        NEXT_CH();
        if (ch == '-')
            ljust = 1;
        else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0')
            break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        for (digits = 0; ch >= '0' && ch <= '9';) {
            width = width * 10 + (int)(ch - '0');
            NEXT_CH();
            if (++digits >= FMT_MAXDIGITS)
                return 0;
        }
    }
    if (ch == '.') {
        NEXT_CH();
        prec = 0;
        for (digits = 0; ch >= '0' && ch <= '9';) {
            prec = prec * 10 + (int)(ch - '0');
            NEXT_CH();
            if (++digits >= FMT_MAXDIGITS)
                return 0;
        }
    }
#undef NEXT_CH
    if (ch != 's' && ch != 'r' && ch != 'a')
        return 0;
    *pos = i;
    char spec[16];
    int len = 0;
    if (!ljust && width > 0)
        spec[len++] = '>';
    if (width >= 0)
        len += snprintf(spec + len, sizeof(spec) - (size_t)len, "%d", width);
    if (prec >= 0)
        len += snprintf(spec + len, sizeof(spec) - (size_t)len, ".%d", prec);
    expr_ty fspec = NULL;
    if (len > 0 && (fspec = str_const(st, PyUnicode_FromStringAndSize(spec, len))) == NULL)
        return -1;
    expr_ty fv = new_expr(st, FormattedValue_kind, arg->lineno, arg->col_offset,
                          arg->end_lineno, arg->end_col_offset);
    if (fv == NULL)
        return -1;
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = (int)ch;
    fv->v.FormattedValue.format_spec = fspec;
    *out = fv;
    return 0;
}

/* Returns 0 on success (whether or not `e` was rewritten), -1 on error. */
static int
format_to_fstring(expr_ty e, opt_state *st)
{
    PyObject *fmt = CONST(e->v.BinOp.left);
    asdl_expr_seq *args = e->v.BinOp.right->v.Tuple.elts;
    Py_ssize_t nargs = asdl_seq_LEN(args), used = 0, pos = 0;
    for (Py_ssize_t k = 0; k < nargs; k++)
        if (((expr_ty)asdl_seq_GET(args, k))->kind == Starred_kind)
            return 0;
    asdl_expr_seq *parts = _Py_asdl_generic_seq_new(nargs * 2 + 1, st->arena);
    if (parts == NULL)
        return -1;
    parts->size = 0;
    for (;;) {
        expr_ty lit;
        if (format_literal(st, fmt, &pos, &lit) < 0)
            return -1;
        if (lit != NULL)
            parts->elements[parts->size++] = lit;
        if (pos >= PyUnicode_GET_LENGTH(fmt))
            break;
        if (used >= nargs)
            return 0; /* more directives than values: leave it to run time */
        pos++;
        expr_ty fv;
        if (format_directive(st, fmt, &pos, asdl_seq_GET(args, used), &fv) < 0)
            return -1;
        if (fv == NULL)
            return 0;
        used++;
        parts->elements[parts->size++] = fv;
    }
    if (used < nargs)
        return 0;
    e->kind = JoinedStr_kind;
    e->v.JoinedStr.values = parts;
    return 0;
}

static int
fold_binop(expr_ty e, opt_state *st)
{
    expr_ty l = e->v.BinOp.left, r = e->v.BinOp.right;
    if (e->v.BinOp.op == Mod && IS_CONST(l) && PyUnicode_CheckExact(CONST(l)) &&
        r->kind == Tuple_kind)
        return format_to_fstring(e, st) < 0 ? 0 : 1;
    if (!IS_CONST(l) || !IS_CONST(r))
        return 1;
    PyObject *lv = CONST(l), *rv = CONST(r), *res;
    switch (e->v.BinOp.op) {
    case Add: res = PyNumber_Add(lv, rv); break;
    case Sub: res = PyNumber_Subtract(lv, rv); break;
    case Mult: res = safe_multiply(lv, rv); break;
    case Div: res = PyNumber_TrueDivide(lv, rv); break;
    case FloorDiv: res = PyNumber_FloorDivide(lv, rv); break;
    case Mod: res = safe_mod(lv, rv); break;
    case Pow: res = safe_power(lv, rv); break;
    case LShift: res = safe_lshift(lv, rv); break;
    case RShift: res = PyNumber_Rshift(lv, rv); break;
    case BitOr: res = PyNumber_Or(lv, rv); break;
    case BitXor: res = PyNumber_Xor(lv, rv); break;
    case BitAnd: res = PyNumber_And(lv, rv); break;
    default: return 1; /* @ is never folded */
    }
    if (res != NULL) {
        Py_ssize_t size = -1;
        if (PyUnicode_Check(res))
            size = PyUnicode_GET_LENGTH(res) > MAX_STR_SIZE ? 1 : 0;
        else if (PyBytes_Check(res))
            size = PyBytes_GET_SIZE(res) > MAX_STR_SIZE ? 1 : 0;
        if (size == 1) {
            Py_DECREF(res);
            return 1;
        }
    }
    return make_const(e, res, st);
}

static int
fold_unaryop(expr_ty e, opt_state *st)
{
    expr_ty arg = e->v.UnaryOp.operand;
    if (e->v.UnaryOp.op == Not && arg->kind == Compare_kind &&
        asdl_seq_LEN(arg->v.Compare.ops) == 1) {
        /* `not a in b` is `a not in b` (likewise `is`), as in CPython; ==/< and friends
         * stay, since their inverses need not be implemented consistently. */
        int op = arg->v.Compare.ops->elements[0], inv = 0;
        switch (op) {
        case Is: inv = IsNot; break;
        case IsNot: inv = Is; break;
        case In: inv = NotIn; break;
        case NotIn: inv = In; break;
        default: break;
        }
        if (inv) {
            arg->v.Compare.ops->elements[0] = inv;
            *e = *arg;
        }
        return 1;
    }
    if (!IS_CONST(arg))
        return 1;
    PyObject *v = CONST(arg), *res;
    switch (e->v.UnaryOp.op) {
    case Invert:
        if (PyBool_Check(v))
            return 1; /* ~True is deprecated; leave the warning to run time */
        res = PyNumber_Invert(v);
        break;
    case Not: {
        int t = PyObject_Not(v);
        res = t < 0 ? NULL : Py_NewRef(t ? Py_True : Py_False);
        break;
    }
    case UAdd: res = PyNumber_Positive(v); break;
    case USub: res = PyNumber_Negative(v); break;
    default: return 1;
    }
    return make_const(e, res, st);
}

static PyObject *
seq_to_const(asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty x = asdl_seq_GET(elts, i);
        if (!IS_CONST(x))
            return NULL;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(CONST((expr_ty)asdl_seq_GET(elts, i))));
    return t;
}

static int
fold_tuple(expr_ty e, opt_state *st)
{
    if (e->v.Tuple.ctx != Load)
        return 1;
    PyObject *t = seq_to_const(e->v.Tuple.elts);
    if (t == NULL)
        return PyErr_Occurred() ? 0 : 1;
    return make_const(e, t, st);
}

/* A list or set display only iterated over or searched becomes a constant. */
static int
fold_iter_display(expr_ty arg, opt_state *st)
{
    PyObject *t;
    if (arg->kind == List_kind) {
        t = seq_to_const(arg->v.List.elts);
        if (t == NULL)
            return PyErr_Occurred() ? 0 : 1;
        return make_const(arg, t, st);
    }
    if (arg->kind == Set_kind) {
        t = seq_to_const(arg->v.Set.elts);
        if (t == NULL)
            return PyErr_Occurred() ? 0 : 1;
        PyObject *fs = _KrCompile_ConstFrozenSet(t);
        Py_DECREF(t);
        return make_const(arg, fs, st);
    }
    return 1;
}

static int fold_expr(expr_ty e, opt_state *st);
static int fold_stmt(stmt_ty s, opt_state *st);
static int fold_pattern(pattern_ty p, opt_state *st);

static int
fold_expr_seq(asdl_expr_seq *seq, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty x = asdl_seq_GET(seq, i);
        if (x && !fold_expr(x, st))
            return 0;
    }
    return 1;
}

static int
fold_stmt_seq(asdl_stmt_seq *seq, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        if (!fold_stmt(asdl_seq_GET(seq, i), st))
            return 0;
    return 1;
}

static int
fold_arguments(arguments_ty a, opt_state *st)
{
    asdl_arg_seq *lists[] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (size_t k = 0; k < 3; k++)
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(lists[k]); i++) {
            arg_ty x = asdl_seq_GET(lists[k], i);
            if (x->annotation && !(st->ff_features & CO_FUTURE_ANNOTATIONS) &&
                !fold_expr(x->annotation, st))
                return 0;
        }
    if (a->vararg && a->vararg->annotation && !(st->ff_features & CO_FUTURE_ANNOTATIONS) &&
        !fold_expr(a->vararg->annotation, st))
        return 0;
    if (a->kwarg && a->kwarg->annotation && !(st->ff_features & CO_FUTURE_ANNOTATIONS) &&
        !fold_expr(a->kwarg->annotation, st))
        return 0;
    return fold_expr_seq(a->defaults, st) && fold_expr_seq(a->kw_defaults, st);
}

static int
fold_comprehensions(asdl_comprehension_seq *gens, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        if (!fold_expr(g->target, st) || !fold_expr(g->iter, st) || !fold_expr_seq(g->ifs, st))
            return 0;
        if (!fold_iter_display(g->iter, st))
            return 0;
    }
    return 1;
}

static int
fold_type_params(asdl_type_param_seq *tps, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(tps); i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        switch (tp->kind) {
        case TypeVar_kind:
            if ((tp->v.TypeVar.bound && !fold_expr(tp->v.TypeVar.bound, st)) ||
                (tp->v.TypeVar.default_value && !fold_expr(tp->v.TypeVar.default_value, st)))
                return 0;
            break;
        case ParamSpec_kind:
            if (tp->v.ParamSpec.default_value && !fold_expr(tp->v.ParamSpec.default_value, st))
                return 0;
            break;
        case TypeVarTuple_kind:
            if (tp->v.TypeVarTuple.default_value && !fold_expr(tp->v.TypeVarTuple.default_value, st))
                return 0;
            break;
        }
    }
    return 1;
}

static int
fold_expr1(expr_ty e, opt_state *st)
{
    switch (e->kind) {
    case BoolOp_kind:
        return fold_expr_seq(e->v.BoolOp.values, st);
    case BinOp_kind:
        return fold_expr(e->v.BinOp.left, st) && fold_expr(e->v.BinOp.right, st) &&
               fold_binop(e, st);
    case UnaryOp_kind:
        return fold_expr(e->v.UnaryOp.operand, st) && fold_unaryop(e, st);
    case Lambda_kind:
        return fold_arguments(e->v.Lambda.args, st) && fold_expr(e->v.Lambda.body, st);
    case IfExp_kind:
        return fold_expr(e->v.IfExp.test, st) && fold_expr(e->v.IfExp.body, st) &&
               fold_expr(e->v.IfExp.orelse, st);
    case Dict_kind:
        return fold_expr_seq(e->v.Dict.keys, st) && fold_expr_seq(e->v.Dict.values, st);
    case Set_kind:
        return fold_expr_seq(e->v.Set.elts, st);
    case ListComp_kind:
        return fold_expr(e->v.ListComp.elt, st) && fold_comprehensions(e->v.ListComp.generators, st);
    case SetComp_kind:
        return fold_expr(e->v.SetComp.elt, st) && fold_comprehensions(e->v.SetComp.generators, st);
    case DictComp_kind:
        return fold_expr(e->v.DictComp.key, st) && fold_expr(e->v.DictComp.value, st) &&
               fold_comprehensions(e->v.DictComp.generators, st);
    case GeneratorExp_kind:
        return fold_expr(e->v.GeneratorExp.elt, st) &&
               fold_comprehensions(e->v.GeneratorExp.generators, st);
    case Await_kind:
        return fold_expr(e->v.Await.value, st);
    case Yield_kind:
        return !e->v.Yield.value || fold_expr(e->v.Yield.value, st);
    case YieldFrom_kind:
        return fold_expr(e->v.YieldFrom.value, st);
    case Compare_kind: {
        if (!fold_expr(e->v.Compare.left, st) || !fold_expr_seq(e->v.Compare.comparators, st))
            return 0;
        Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
        int last = e->v.Compare.ops->elements[n - 1];
        if (last == In || last == NotIn)
            return fold_iter_display(asdl_seq_GET(e->v.Compare.comparators, n - 1), st);
        return 1;
    }
    case Call_kind:
        if (!fold_expr(e->v.Call.func, st) || !fold_expr_seq(e->v.Call.args, st))
            return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
            keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
            if (!fold_expr(k->value, st))
                return 0;
        }
        return 1;
    case FormattedValue_kind:
        return fold_expr(e->v.FormattedValue.value, st) &&
               (!e->v.FormattedValue.format_spec || fold_expr(e->v.FormattedValue.format_spec, st));
    case JoinedStr_kind:
        return fold_expr_seq(e->v.JoinedStr.values, st);
    case Attribute_kind:
        return fold_expr(e->v.Attribute.value, st);
    case Subscript_kind:
        return fold_expr(e->v.Subscript.value, st) && fold_expr(e->v.Subscript.slice, st);
    case Starred_kind:
        return fold_expr(e->v.Starred.value, st);
    case Slice_kind:
        return (!e->v.Slice.lower || fold_expr(e->v.Slice.lower, st)) &&
               (!e->v.Slice.upper || fold_expr(e->v.Slice.upper, st)) &&
               (!e->v.Slice.step || fold_expr(e->v.Slice.step, st));
    case List_kind:
        return fold_expr_seq(e->v.List.elts, st);
    case Tuple_kind:
        return fold_expr_seq(e->v.Tuple.elts, st) && fold_tuple(e, st);
    case Name_kind:
        if (e->v.Name.ctx == Load && PyUnicode_EqualToUTF8(e->v.Name.id, "__debug__"))
            return make_const(e, Py_NewRef(st->optimize ? Py_False : Py_True), st);
        return 1;
    case NamedExpr_kind:
        return fold_expr(e->v.NamedExpr.value, st);
    default:
        return 1;
    }
}

static int
fold_expr(expr_ty e, opt_state *st)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int r = fold_expr1(e, st);
    Py_LeaveRecursiveCall();
    return r;
}

static int
fold_pattern(pattern_ty p, opt_state *st)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int r = 1;
    switch (p->kind) {
    case MatchValue_kind:
        r = fold_expr(p->v.MatchValue.value, st);
        break;
    case MatchSequence_kind:
        for (Py_ssize_t i = 0; r && i < asdl_seq_LEN(p->v.MatchSequence.patterns); i++)
            r = fold_pattern(asdl_seq_GET(p->v.MatchSequence.patterns, i), st);
        break;
    case MatchMapping_kind:
        r = fold_expr_seq(p->v.MatchMapping.keys, st);
        for (Py_ssize_t i = 0; r && i < asdl_seq_LEN(p->v.MatchMapping.patterns); i++)
            r = fold_pattern(asdl_seq_GET(p->v.MatchMapping.patterns, i), st);
        break;
    case MatchClass_kind:
        r = fold_expr(p->v.MatchClass.cls, st);
        for (Py_ssize_t i = 0; r && i < asdl_seq_LEN(p->v.MatchClass.patterns); i++)
            r = fold_pattern(asdl_seq_GET(p->v.MatchClass.patterns, i), st);
        for (Py_ssize_t i = 0; r && i < asdl_seq_LEN(p->v.MatchClass.kwd_patterns); i++)
            r = fold_pattern(asdl_seq_GET(p->v.MatchClass.kwd_patterns, i), st);
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern)
            r = fold_pattern(p->v.MatchAs.pattern, st);
        break;
    case MatchOr_kind:
        for (Py_ssize_t i = 0; r && i < asdl_seq_LEN(p->v.MatchOr.patterns); i++)
            r = fold_pattern(asdl_seq_GET(p->v.MatchOr.patterns, i), st);
        break;
    default:
        break;
    }
    Py_LeaveRecursiveCall();
    return r;
}

static int
fold_stmt1(stmt_ty s, opt_state *st)
{
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        return fold_type_params(s->v.FunctionDef.type_params, st) &&
               fold_arguments(s->v.FunctionDef.args, st) &&
               fold_stmt_seq(s->v.FunctionDef.body, st) &&
               fold_expr_seq(s->v.FunctionDef.decorator_list, st) &&
               (!s->v.FunctionDef.returns || (st->ff_features & CO_FUTURE_ANNOTATIONS) ||
                fold_expr(s->v.FunctionDef.returns, st));
    case ClassDef_kind:
        if (!fold_type_params(s->v.ClassDef.type_params, st) ||
            !fold_expr_seq(s->v.ClassDef.bases, st))
            return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++) {
            keyword_ty k = asdl_seq_GET(s->v.ClassDef.keywords, i);
            if (!fold_expr(k->value, st))
                return 0;
        }
        return fold_stmt_seq(s->v.ClassDef.body, st) &&
               fold_expr_seq(s->v.ClassDef.decorator_list, st);
    case Return_kind:
        return !s->v.Return.value || fold_expr(s->v.Return.value, st);
    case Delete_kind:
        return fold_expr_seq(s->v.Delete.targets, st);
    case Assign_kind:
        return fold_expr_seq(s->v.Assign.targets, st) && fold_expr(s->v.Assign.value, st);
    case TypeAlias_kind:
        return fold_type_params(s->v.TypeAlias.type_params, st) &&
               fold_expr(s->v.TypeAlias.value, st);
    case AugAssign_kind:
        return fold_expr(s->v.AugAssign.target, st) && fold_expr(s->v.AugAssign.value, st);
    case AnnAssign_kind:
        return fold_expr(s->v.AnnAssign.target, st) &&
               ((st->ff_features & CO_FUTURE_ANNOTATIONS) || fold_expr(s->v.AnnAssign.annotation, st)) &&
               (!s->v.AnnAssign.value || fold_expr(s->v.AnnAssign.value, st));
    case For_kind:
    case AsyncFor_kind:
        return fold_expr(s->v.For.target, st) && fold_expr(s->v.For.iter, st) &&
               fold_stmt_seq(s->v.For.body, st) && fold_stmt_seq(s->v.For.orelse, st) &&
               fold_iter_display(s->v.For.iter, st);
    case While_kind:
    case If_kind:
        return fold_expr(s->v.While.test, st) && fold_stmt_seq(s->v.While.body, st) &&
               fold_stmt_seq(s->v.While.orelse, st);
    case With_kind:
    case AsyncWith_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.With.items); i++) {
            withitem_ty w = asdl_seq_GET(s->v.With.items, i);
            if (!fold_expr(w->context_expr, st) || (w->optional_vars && !fold_expr(w->optional_vars, st)))
                return 0;
        }
        return fold_stmt_seq(s->v.With.body, st);
    case Match_kind:
        if (!fold_expr(s->v.Match.subject, st))
            return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
            if (!fold_pattern(m->pattern, st) || (m->guard && !fold_expr(m->guard, st)) ||
                !fold_stmt_seq(m->body, st))
                return 0;
        }
        return 1;
    case Raise_kind:
        return (!s->v.Raise.exc || fold_expr(s->v.Raise.exc, st)) &&
               (!s->v.Raise.cause || fold_expr(s->v.Raise.cause, st));
    case Try_kind:
    case TryStar_kind:
        if (!fold_stmt_seq(s->v.Try.body, st))
            return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Try.handlers); i++) {
            excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
            if ((h->v.ExceptHandler.type && !fold_expr(h->v.ExceptHandler.type, st)) ||
                !fold_stmt_seq(h->v.ExceptHandler.body, st))
                return 0;
        }
        return fold_stmt_seq(s->v.Try.orelse, st) && fold_stmt_seq(s->v.Try.finalbody, st);
    case Assert_kind:
        return fold_expr(s->v.Assert.test, st) && (!s->v.Assert.msg || fold_expr(s->v.Assert.msg, st));
    case Expr_kind:
        return fold_expr(s->v.Expr.value, st);
    default:
        return 1;
    }
}

static int
fold_stmt(stmt_ty s, opt_state *st)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return 0;
    int r = fold_stmt1(s, st);
    Py_LeaveRecursiveCall();
    return r;
}

int
_PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize, int ff_features)
{
    opt_state st = {arena, optimize, ff_features};
    int ok = 1;
    switch (mod->kind) {
    case Module_kind:
        ok = fold_stmt_seq(mod->v.Module.body, &st);
        break;
    case Interactive_kind:
        ok = fold_stmt_seq(mod->v.Interactive.body, &st);
        break;
    case Expression_kind:
        ok = fold_expr(mod->v.Expression.body, &st);
        break;
    default:
        break;
    }
    return ok ? 0 : -1;
}
