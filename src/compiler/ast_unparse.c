/* Expression unparsing for `from __future__ import annotations` (PEP 563): annotations
 * are stored as the source-like text of their AST, with only the parentheses that
 * operator precedence requires. */
#include "compiler.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR,
    PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct {
    _PyUnicodeWriter w;
} unparser;

static int ap_expr(unparser *u, expr_ty e, int level);

static int
ap_str(unparser *u, const char *s)
{
    return _PyUnicodeWriter_WriteASCIIString(&u->w, s, (Py_ssize_t)strlen(s));
}

static int
ap_obj(unparser *u, PyObject *o)
{
    return _PyUnicodeWriter_WriteStr(&u->w, o);
}

static int
ap_repr(unparser *u, PyObject *o)
{
    if (o == Py_Ellipsis)
        return ap_str(u, "...");
    PyObject *r = PyObject_Repr(o);
    if (r == NULL)
        return -1;
    /* Infinite floats have no literal; use an expression that overflows to inf. */
    if ((PyFloat_CheckExact(o) || PyComplex_CheckExact(o)) &&
        PyUnicode_FindChar(r, 'i', 0, PyUnicode_GET_LENGTH(r), 1) >= 0 &&
        PyUnicode_Contains(r, _Py_ID(__class__)) == 0) {
        PyObject *inf = PyUnicode_FromString("inf");
        PyObject *big = PyUnicode_FromString("1e309");
        if (inf && big) {
            PyObject *nr = PyUnicode_Replace(r, inf, big, -1);
            if (nr) {
                Py_SETREF(r, nr);
            }
        }
        Py_XDECREF(inf);
        Py_XDECREF(big);
        PyErr_Clear();
    }
    int ret = ap_obj(u, r);
    Py_DECREF(r);
    return ret;
}

#define APPEND_STR(s) do { if (ap_str(u, (s)) < 0) return -1; } while (0)
#define APPEND_EXPR(e, lvl) do { if (ap_expr(u, (e), (lvl)) < 0) return -1; } while (0)
#define APPEND_STR_IF(cond, s) do { if ((cond) && ap_str(u, (s)) < 0) return -1; } while (0)

static int
ap_seq(unparser *u, asdl_expr_seq *seq, const char *sep, int level)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        if (i > 0)
            APPEND_STR(sep);
        APPEND_EXPR(asdl_seq_GET(seq, i), level);
    }
    return 0;
}

static int
ap_comprehensions(unparser *u, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        APPEND_STR(g->is_async ? " async for " : " for ");
        APPEND_EXPR(g->target, PR_TUPLE);
        APPEND_STR(" in ");
        APPEND_EXPR(g->iter, PR_TEST + 1);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(g->ifs); j++) {
            APPEND_STR(" if ");
            APPEND_EXPR(asdl_seq_GET(g->ifs, j), PR_TEST + 1);
        }
    }
    return 0;
}

static const char *
binop_str(operator_ty op, int *prec)
{
    switch (op) {
    case Add: *prec = PR_ARITH; return " + ";
    case Sub: *prec = PR_ARITH; return " - ";
    case Mult: *prec = PR_TERM; return " * ";
    case MatMult: *prec = PR_TERM; return " @ ";
    case Div: *prec = PR_TERM; return " / ";
    case Mod: *prec = PR_TERM; return " % ";
    case LShift: *prec = PR_SHIFT; return " << ";
    case RShift: *prec = PR_SHIFT; return " >> ";
    case BitOr: *prec = PR_BOR; return " | ";
    case BitXor: *prec = PR_BXOR; return " ^ ";
    case BitAnd: *prec = PR_BAND; return " & ";
    case FloorDiv: *prec = PR_TERM; return " // ";
    case Pow: *prec = PR_POWER; return " ** ";
    }
    *prec = PR_ATOM;
    return " ? ";
}

static const char *
cmpop_str(int op)
{
    switch (op) {
    case Eq: return " == ";
    case NotEq: return " != ";
    case Lt: return " < ";
    case LtE: return " <= ";
    case Gt: return " > ";
    case GtE: return " >= ";
    case Is: return " is ";
    case IsNot: return " is not ";
    case In: return " in ";
    case NotIn: return " not in ";
    }
    return " ? ";
}

static int
ap_fstring_body(unparser *u, asdl_expr_seq *values);

static int
ap_formatted(unparser *u, expr_ty e)
{
    /* Inner expressions are unparsed into their own buffer so braces can be checked. */
    unparser inner;
    _PyUnicodeWriter_Init(&inner.w);
    inner.w.overallocate = 1;
    if (ap_expr(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        _PyUnicodeWriter_Dealloc(&inner.w);
        return -1;
    }
    PyObject *s = _PyUnicodeWriter_Finish(&inner.w);
    if (s == NULL)
        return -1;
    int brace = PyUnicode_GET_LENGTH(s) > 0 && PyUnicode_READ_CHAR(s, 0) == '{';
    int r = ap_str(u, brace ? "{ " : "{");
    if (r == 0)
        r = ap_obj(u, s);
    Py_DECREF(s);
    if (r < 0)
        return -1;
    int conv = e->v.FormattedValue.conversion;
    if (conv == 's')
        APPEND_STR("!s");
    else if (conv == 'r')
        APPEND_STR("!r");
    else if (conv == 'a')
        APPEND_STR("!a");
    if (e->v.FormattedValue.format_spec) {
        APPEND_STR(":");
        expr_ty spec = e->v.FormattedValue.format_spec;
        if (spec->kind == JoinedStr_kind) {
            if (ap_fstring_body(u, spec->v.JoinedStr.values) < 0)
                return -1;
        }
        else if (spec->kind == Constant_kind && ap_obj(u, spec->v.Constant.value) < 0)
            return -1;
    }
    APPEND_STR("}");
    return 0;
}

static int
ap_fstring_body(unparser *u, asdl_expr_seq *values)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        expr_ty v = asdl_seq_GET(values, i);
        if (v->kind == Constant_kind && PyUnicode_Check(v->v.Constant.value)) {
            PyObject *s = v->v.Constant.value;
            Py_ssize_t n = PyUnicode_GET_LENGTH(s);
            for (Py_ssize_t k = 0; k < n; k++) {
                Py_UCS4 ch = PyUnicode_READ_CHAR(s, k);
                if (_PyUnicodeWriter_WriteChar(&u->w, ch) < 0)
                    return -1;
                if ((ch == '{' || ch == '}') && _PyUnicodeWriter_WriteChar(&u->w, ch) < 0)
                    return -1;
            }
        }
        else if (v->kind == FormattedValue_kind) {
            if (ap_formatted(u, v) < 0)
                return -1;
        }
    }
    return 0;
}

static int
ap_joinedstr(unparser *u, expr_ty e)
{
    unparser body;
    _PyUnicodeWriter_Init(&body.w);
    body.w.overallocate = 1;
    if (ap_fstring_body(&body, e->v.JoinedStr.values) < 0) {
        _PyUnicodeWriter_Dealloc(&body.w);
        return -1;
    }
    PyObject *s = _PyUnicodeWriter_Finish(&body.w);
    if (s == NULL)
        return -1;
    PyObject *r = PyObject_Repr(s);
    Py_DECREF(s);
    if (r == NULL)
        return -1;
    int ret = ap_str(u, "f");
    if (ret == 0)
        ret = ap_obj(u, r);
    Py_DECREF(r);
    return ret;
}

static int
ap_arguments(unparser *u, arguments_ty a)
{
    int first = 1;
    Py_ssize_t nposonly = asdl_seq_LEN(a->posonlyargs), nargs = asdl_seq_LEN(a->args);
    Py_ssize_t ndefaults = asdl_seq_LEN(a->defaults);
    Py_ssize_t total = nposonly + nargs;
    for (Py_ssize_t i = 0; i < total; i++) {
        arg_ty x = i < nposonly ? asdl_seq_GET(a->posonlyargs, i) : asdl_seq_GET(a->args, i - nposonly);
        APPEND_STR_IF(!first, ", ");
        first = 0;
        if (ap_obj(u, x->arg) < 0)
            return -1;
        Py_ssize_t di = i - (total - ndefaults);
        if (di >= 0) {
            APPEND_STR("=");
            APPEND_EXPR(asdl_seq_GET(a->defaults, di), PR_TEST);
        }
        if (nposonly && i == nposonly - 1)
            APPEND_STR(", /");
    }
    if (a->vararg || asdl_seq_LEN(a->kwonlyargs)) {
        APPEND_STR_IF(!first, ", ");
        first = 0;
        APPEND_STR("*");
        if (a->vararg && ap_obj(u, a->vararg->arg) < 0)
            return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) {
        arg_ty x = asdl_seq_GET(a->kwonlyargs, i);
        APPEND_STR(", ");
        if (ap_obj(u, x->arg) < 0)
            return -1;
        expr_ty d = asdl_seq_GET(a->kw_defaults, i);
        if (d) {
            APPEND_STR("=");
            APPEND_EXPR(d, PR_TEST);
        }
    }
    if (a->kwarg) {
        APPEND_STR_IF(!first, ", ");
        APPEND_STR("**");
        if (ap_obj(u, a->kwarg->arg) < 0)
            return -1;
    }
    return 0;
}

static int
ap_expr1(unparser *u, expr_ty e, int level)
{
    switch (e->kind) {
    case BoolOp_kind: {
        int prec = e->v.BoolOp.op == And ? PR_AND : PR_OR;
        APPEND_STR_IF(level > prec, "(");
        if (ap_seq(u, e->v.BoolOp.values, e->v.BoolOp.op == And ? " and " : " or ", prec + 1) < 0)
            return -1;
        APPEND_STR_IF(level > prec, ")");
        return 0;
    }
    case BinOp_kind: {
        int prec;
        const char *op = binop_str(e->v.BinOp.op, &prec);
        int rassoc = e->v.BinOp.op == Pow;
        APPEND_STR_IF(level > prec, "(");
        APPEND_EXPR(e->v.BinOp.left, prec + rassoc);
        APPEND_STR(op);
        APPEND_EXPR(e->v.BinOp.right, prec + !rassoc);
        APPEND_STR_IF(level > prec, ")");
        return 0;
    }
    case UnaryOp_kind: {
        const char *op;
        int prec;
        switch (e->v.UnaryOp.op) {
        case Invert: op = "~"; prec = PR_FACTOR; break;
        case Not: op = "not "; prec = PR_NOT; break;
        case UAdd: op = "+"; prec = PR_FACTOR; break;
        default: op = "-"; prec = PR_FACTOR; break;
        }
        APPEND_STR_IF(level > prec, "(");
        APPEND_STR(op);
        APPEND_EXPR(e->v.UnaryOp.operand, prec);
        APPEND_STR_IF(level > prec, ")");
        return 0;
    }
    case Lambda_kind: {
        APPEND_STR_IF(level > PR_TEST, "(");
        arguments_ty a = e->v.Lambda.args;
        int has_args = asdl_seq_LEN(a->posonlyargs) || asdl_seq_LEN(a->args) || a->vararg ||
                       asdl_seq_LEN(a->kwonlyargs) || a->kwarg;
        APPEND_STR(has_args ? "lambda " : "lambda");
        if (ap_arguments(u, a) < 0)
            return -1;
        APPEND_STR(": ");
        APPEND_EXPR(e->v.Lambda.body, PR_TEST);
        APPEND_STR_IF(level > PR_TEST, ")");
        return 0;
    }
    case IfExp_kind:
        APPEND_STR_IF(level > PR_TEST, "(");
        APPEND_EXPR(e->v.IfExp.body, PR_TEST + 1);
        APPEND_STR(" if ");
        APPEND_EXPR(e->v.IfExp.test, PR_TEST + 1);
        APPEND_STR(" else ");
        APPEND_EXPR(e->v.IfExp.orelse, PR_TEST);
        APPEND_STR_IF(level > PR_TEST, ")");
        return 0;
    case Dict_kind:
        APPEND_STR("{");
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
            APPEND_STR_IF(i > 0, ", ");
            expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
            if (k) {
                APPEND_EXPR(k, PR_TEST);
                APPEND_STR(": ");
                APPEND_EXPR(asdl_seq_GET(e->v.Dict.values, i), PR_TEST);
            }
            else {
                APPEND_STR("**");
                APPEND_EXPR(asdl_seq_GET(e->v.Dict.values, i), PR_EXPR);
            }
        }
        APPEND_STR("}");
        return 0;
    case Set_kind:
        if (asdl_seq_LEN(e->v.Set.elts) == 0)
            return ap_str(u, "{*()}");
        APPEND_STR("{");
        if (ap_seq(u, e->v.Set.elts, ", ", PR_TEST) < 0)
            return -1;
        APPEND_STR("}");
        return 0;
    case ListComp_kind:
        APPEND_STR("[");
        APPEND_EXPR(e->v.ListComp.elt, PR_TEST);
        if (ap_comprehensions(u, e->v.ListComp.generators) < 0)
            return -1;
        APPEND_STR("]");
        return 0;
    case SetComp_kind:
        APPEND_STR("{");
        APPEND_EXPR(e->v.SetComp.elt, PR_TEST);
        if (ap_comprehensions(u, e->v.SetComp.generators) < 0)
            return -1;
        APPEND_STR("}");
        return 0;
    case DictComp_kind:
        APPEND_STR("{");
        APPEND_EXPR(e->v.DictComp.key, PR_TEST);
        APPEND_STR(": ");
        APPEND_EXPR(e->v.DictComp.value, PR_TEST);
        if (ap_comprehensions(u, e->v.DictComp.generators) < 0)
            return -1;
        APPEND_STR("}");
        return 0;
    case GeneratorExp_kind:
        APPEND_STR("(");
        APPEND_EXPR(e->v.GeneratorExp.elt, PR_TEST);
        if (ap_comprehensions(u, e->v.GeneratorExp.generators) < 0)
            return -1;
        APPEND_STR(")");
        return 0;
    case Await_kind:
        APPEND_STR_IF(level > PR_AWAIT, "(");
        APPEND_STR("await ");
        APPEND_EXPR(e->v.Await.value, PR_ATOM);
        APPEND_STR_IF(level > PR_AWAIT, ")");
        return 0;
    case Yield_kind:
        APPEND_STR_IF(level > PR_ATOM, "(");
        APPEND_STR("yield");
        if (e->v.Yield.value) {
            APPEND_STR(" ");
            APPEND_EXPR(e->v.Yield.value, PR_TEST);
        }
        APPEND_STR_IF(level > PR_ATOM, ")");
        return 0;
    case YieldFrom_kind:
        APPEND_STR_IF(level > PR_ATOM, "(");
        APPEND_STR("yield from ");
        APPEND_EXPR(e->v.YieldFrom.value, PR_TEST);
        APPEND_STR_IF(level > PR_ATOM, ")");
        return 0;
    case Compare_kind:
        APPEND_STR_IF(level > PR_CMP, "(");
        APPEND_EXPR(e->v.Compare.left, PR_CMP + 1);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
            APPEND_STR(cmpop_str(e->v.Compare.ops->elements[i]));
            APPEND_EXPR(asdl_seq_GET(e->v.Compare.comparators, i), PR_CMP + 1);
        }
        APPEND_STR_IF(level > PR_CMP, ")");
        return 0;
    case Call_kind: {
        APPEND_EXPR(e->v.Call.func, PR_ATOM);
        Py_ssize_t nargs = asdl_seq_LEN(e->v.Call.args), nkw = asdl_seq_LEN(e->v.Call.keywords);
        if (nargs == 1 && nkw == 0) {
            expr_ty only = asdl_seq_GET(e->v.Call.args, 0);
            if (only->kind == GeneratorExp_kind)
                return ap_expr(u, only, PR_TEST);
        }
        APPEND_STR("(");
        int first = 1;
        for (Py_ssize_t i = 0; i < nargs; i++) {
            APPEND_STR_IF(!first, ", ");
            first = 0;
            APPEND_EXPR(asdl_seq_GET(e->v.Call.args, i), PR_TEST);
        }
        for (Py_ssize_t i = 0; i < nkw; i++) {
            keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
            APPEND_STR_IF(!first, ", ");
            first = 0;
            if (k->arg) {
                if (ap_obj(u, k->arg) < 0)
                    return -1;
                APPEND_STR("=");
                APPEND_EXPR(k->value, PR_TEST);
            }
            else {
                APPEND_STR("**");
                APPEND_EXPR(k->value, PR_EXPR);
            }
        }
        APPEND_STR(")");
        return 0;
    }
    case FormattedValue_kind:
    case JoinedStr_kind:
        return ap_joinedstr(u, e);
    case Constant_kind:
        if (e->v.Constant.kind && PyUnicode_Check(e->v.Constant.value))
            APPEND_STR("u");
        return ap_repr(u, e->v.Constant.value);
    case Attribute_kind: {
        APPEND_EXPR(e->v.Attribute.value, PR_ATOM);
        expr_ty v = e->v.Attribute.value;
        /* 1 .real: an int literal needs a space before the dot */
        if (v->kind == Constant_kind && PyLong_CheckExact(v->v.Constant.value))
            APPEND_STR(" ");
        APPEND_STR(".");
        return ap_obj(u, e->v.Attribute.attr);
    }
    case Subscript_kind: {
        APPEND_EXPR(e->v.Subscript.value, PR_ATOM);
        APPEND_STR("[");
        expr_ty sl = e->v.Subscript.slice;
        if (sl->kind == Tuple_kind && asdl_seq_LEN(sl->v.Tuple.elts) > 0) {
            Py_ssize_t n = asdl_seq_LEN(sl->v.Tuple.elts);
            for (Py_ssize_t i = 0; i < n; i++) {
                APPEND_STR_IF(i > 0, ", ");
                APPEND_EXPR(asdl_seq_GET(sl->v.Tuple.elts, i), PR_TEST);
            }
            APPEND_STR_IF(n == 1, ",");
        }
        else
            APPEND_EXPR(sl, PR_TUPLE);
        APPEND_STR("]");
        return 0;
    }
    case Starred_kind:
        APPEND_STR("*");
        return ap_expr(u, e->v.Starred.value, PR_EXPR);
    case Name_kind:
        return ap_obj(u, e->v.Name.id);
    case List_kind:
        APPEND_STR("[");
        if (ap_seq(u, e->v.List.elts, ", ", PR_TEST) < 0)
            return -1;
        APPEND_STR("]");
        return 0;
    case Tuple_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        if (n == 0)
            return ap_str(u, "()");
        APPEND_STR_IF(level > PR_TUPLE, "(");
        if (ap_seq(u, e->v.Tuple.elts, ", ", PR_TEST) < 0)
            return -1;
        APPEND_STR_IF(n == 1, ",");
        APPEND_STR_IF(level > PR_TUPLE, ")");
        return 0;
    }
    case Slice_kind:
        if (e->v.Slice.lower)
            APPEND_EXPR(e->v.Slice.lower, PR_TEST);
        APPEND_STR(":");
        if (e->v.Slice.upper)
            APPEND_EXPR(e->v.Slice.upper, PR_TEST);
        if (e->v.Slice.step) {
            APPEND_STR(":");
            APPEND_EXPR(e->v.Slice.step, PR_TEST);
        }
        return 0;
    case NamedExpr_kind:
        APPEND_STR_IF(level > PR_TUPLE, "(");
        APPEND_EXPR(e->v.NamedExpr.target, PR_ATOM);
        APPEND_STR(" := ");
        APPEND_EXPR(e->v.NamedExpr.value, PR_ATOM);
        APPEND_STR_IF(level > PR_TUPLE, ")");
        return 0;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind in annotation");
        return -1;
    }
}

static int
ap_expr(unparser *u, expr_ty e, int level)
{
    if (Py_EnterRecursiveCall(" during compilation"))
        return -1;
    int r = ap_expr1(u, e, level);
    Py_LeaveRecursiveCall();
    return r;
}

PyObject *
_PyAST_ExprAsUnicode(expr_ty e)
{
    unparser u;
    _PyUnicodeWriter_Init(&u.w);
    u.w.overallocate = 1;
    if (ap_expr(&u, e, PR_TEST) < 0) {
        _PyUnicodeWriter_Dealloc(&u.w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&u.w);
}
