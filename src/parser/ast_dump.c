/* Renders an AST in the exact text form of CPython 3.13's ast.dump() (annotated fields,
 * None values and empty lists omitted except for Constant/MatchSingleton values). Used by
 * the _kr_parser test module to compare our parser with CPython's node for node. */
#include <stdlib.h>
#include <string.h>
#include "parser.h"

typedef struct {
    char *b;
    size_t n, cap;
    int attrs;
    int err;
} Out;

static void
put_n(Out *o, const char *s, size_t n)
{
    if (o->err)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 1024;
        while (nc < o->n + n + 1)
            nc *= 2;
        char *nb = realloc(o->b, nc);
        if (nb == NULL) {
            o->err = 1;
            PyErr_NoMemory();
            return;
        }
        o->b = nb;
        o->cap = nc;
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void put(Out *o, const char *s) { put_n(o, s, strlen(s)); }

static void
put_int(Out *o, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    put(o, buf);
}

static void
put_repr(Out *o, PyObject *v)
{
    if (o->err)
        return;
    PyObject *r = PyObject_Repr(v);
    if (r == NULL) {
        o->err = 1;
        return;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(r, &n);
    if (s == NULL)
        o->err = 1;
    else
        put_n(o, s, (size_t)n);
    Py_DECREF(r);
}

/* Field separator: each node tracks whether a field was written yet. */
static void
field(Out *o, int *first, const char *name)
{
    if (!*first)
        put(o, ", ");
    *first = 0;
    put(o, name);
    put(o, "=");
}

static void dump_expr(Out *o, expr_ty e);
static void dump_stmt(Out *o, stmt_ty s);
static void dump_pattern(Out *o, pattern_ty p);

typedef void (*dump_fn)(Out *, void *);

static void
dump_seq(Out *o, int *first, const char *name, asdl_seq *s, dump_fn fn)
{
    if (asdl_seq_LEN(s) == 0)
        return;
    field(o, first, name);
    put(o, "[");
    for (Py_ssize_t i = 0; i < s->size; i++) {
        if (i)
            put(o, ", ");
        if (s->elements[i] == NULL)
            put(o, "None");
        else
            fn(o, s->elements[i]);
    }
    put(o, "]");
}

static void d_expr(Out *o, void *x) { dump_expr(o, x); }
static void d_stmt(Out *o, void *x) { dump_stmt(o, x); }
static void d_pattern(Out *o, void *x) { dump_pattern(o, x); }
static void d_repr(Out *o, void *x) { put_repr(o, x); }

#define F_EXPR(name, e) do { if (e) { field(o, &first, name); dump_expr(o, e); } } while (0)
#define F_EXPRS(name, s) dump_seq(o, &first, name, (asdl_seq *)(s), d_expr)
#define F_STMTS(name, s) dump_seq(o, &first, name, (asdl_seq *)(s), d_stmt)
#define F_PATS(name, s) dump_seq(o, &first, name, (asdl_seq *)(s), d_pattern)
#define F_IDS(name, s) dump_seq(o, &first, name, (asdl_seq *)(s), d_repr)
#define F_ID(name, v) do { if (v) { field(o, &first, name); put_repr(o, v); } } while (0)
#define F_INT(name, v) do { field(o, &first, name); put_int(o, (long)(v)); } while (0)
#define F_RAW(name, str) do { field(o, &first, name); put(o, str); } while (0)
#define F_SEQ(name, s, fn) dump_seq(o, &first, name, (asdl_seq *)(s), fn)

static void
attrs(Out *o, int *pfirst, int l, int c, int el, int ec)
{
    if (!o->attrs)
        return;
    int first = *pfirst;
    F_INT("lineno", l);
    F_INT("col_offset", c);
    F_INT("end_lineno", el);
    F_INT("end_col_offset", ec);
    *pfirst = first;
}
#define ATTRS(n) attrs(o, &first, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)

static const char *
ctx_name(expr_context_ty c)
{
    return c == Store ? "Store()" : c == Del ? "Del()" : "Load()";
}

static const char *const op_names[] = {"", "Add()", "Sub()", "Mult()", "MatMult()", "Div()",
                                       "Mod()", "Pow()", "LShift()", "RShift()", "BitOr()",
                                       "BitXor()", "BitAnd()", "FloorDiv()"};
static const char *const cmp_names[] = {"", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()",
                                        "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};
static const char *const unary_names[] = {"", "Invert()", "Not()", "UAdd()", "USub()"};

static void
d_comprehension(Out *o, void *x)
{
    comprehension_ty c = x;
    int first = 1;
    put(o, "comprehension(");
    F_EXPR("target", c->target);
    F_EXPR("iter", c->iter);
    F_EXPRS("ifs", c->ifs);
    F_INT("is_async", c->is_async);
    put(o, ")");
}

static void
d_arg(Out *o, void *x)
{
    arg_ty a = x;
    int first = 1;
    put(o, "arg(");
    F_ID("arg", a->arg);
    F_EXPR("annotation", a->annotation);
    F_ID("type_comment", a->type_comment);
    ATTRS(a);
    put(o, ")");
}

static void
d_arguments(Out *o, arguments_ty a)
{
    int first = 1;
    put(o, "arguments(");
    F_SEQ("posonlyargs", a->posonlyargs, d_arg);
    F_SEQ("args", a->args, d_arg);
    if (a->vararg) {
        field(o, &first, "vararg");
        d_arg(o, a->vararg);
    }
    F_SEQ("kwonlyargs", a->kwonlyargs, d_arg);
    F_EXPRS("kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        field(o, &first, "kwarg");
        d_arg(o, a->kwarg);
    }
    F_EXPRS("defaults", a->defaults);
    put(o, ")");
}

static void
d_keyword(Out *o, void *x)
{
    keyword_ty k = x;
    int first = 1;
    put(o, "keyword(");
    F_ID("arg", k->arg);
    F_EXPR("value", k->value);
    ATTRS(k);
    put(o, ")");
}

static void
d_alias(Out *o, void *x)
{
    alias_ty a = x;
    int first = 1;
    put(o, "alias(");
    F_ID("name", a->name);
    F_ID("asname", a->asname);
    ATTRS(a);
    put(o, ")");
}

static void
d_withitem(Out *o, void *x)
{
    withitem_ty w = x;
    int first = 1;
    put(o, "withitem(");
    F_EXPR("context_expr", w->context_expr);
    F_EXPR("optional_vars", w->optional_vars);
    put(o, ")");
}

static void
d_handler(Out *o, void *x)
{
    excepthandler_ty h = x;
    int first = 1;
    put(o, "ExceptHandler(");
    F_EXPR("type", h->v.ExceptHandler.type);
    F_ID("name", h->v.ExceptHandler.name);
    F_STMTS("body", h->v.ExceptHandler.body);
    ATTRS(h);
    put(o, ")");
}

static void
d_match_case(Out *o, void *x)
{
    match_case_ty m = x;
    int first = 1;
    put(o, "match_case(");
    field(o, &first, "pattern");
    dump_pattern(o, m->pattern);
    F_EXPR("guard", m->guard);
    F_STMTS("body", m->body);
    put(o, ")");
}

static void
d_type_param(Out *o, void *x)
{
    type_param_ty t = x;
    int first = 1;
    switch (t->kind) {
    case TypeVar_kind:
        put(o, "TypeVar(");
        F_ID("name", t->v.TypeVar.name);
        F_EXPR("bound", t->v.TypeVar.bound);
        F_EXPR("default_value", t->v.TypeVar.default_value);
        break;
    case ParamSpec_kind:
        put(o, "ParamSpec(");
        F_ID("name", t->v.ParamSpec.name);
        F_EXPR("default_value", t->v.ParamSpec.default_value);
        break;
    default:
        put(o, "TypeVarTuple(");
        F_ID("name", t->v.TypeVarTuple.name);
        F_EXPR("default_value", t->v.TypeVarTuple.default_value);
        break;
    }
    ATTRS(t);
    put(o, ")");
}

static void
dump_expr(Out *o, expr_ty e)
{
    int first = 1;
    switch (e->kind) {
    case BoolOp_kind:
        put(o, "BoolOp(");
        F_RAW("op", e->v.BoolOp.op == And ? "And()" : "Or()");
        F_EXPRS("values", e->v.BoolOp.values);
        break;
    case NamedExpr_kind:
        put(o, "NamedExpr(");
        F_EXPR("target", e->v.NamedExpr.target);
        F_EXPR("value", e->v.NamedExpr.value);
        break;
    case BinOp_kind:
        put(o, "BinOp(");
        F_EXPR("left", e->v.BinOp.left);
        F_RAW("op", op_names[e->v.BinOp.op]);
        F_EXPR("right", e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        put(o, "UnaryOp(");
        F_RAW("op", unary_names[e->v.UnaryOp.op]);
        F_EXPR("operand", e->v.UnaryOp.operand);
        break;
    case Lambda_kind:
        put(o, "Lambda(");
        field(o, &first, "args");
        d_arguments(o, e->v.Lambda.args);
        F_EXPR("body", e->v.Lambda.body);
        break;
    case IfExp_kind:
        put(o, "IfExp(");
        F_EXPR("test", e->v.IfExp.test);
        F_EXPR("body", e->v.IfExp.body);
        F_EXPR("orelse", e->v.IfExp.orelse);
        break;
    case Dict_kind:
        put(o, "Dict(");
        F_EXPRS("keys", e->v.Dict.keys);
        F_EXPRS("values", e->v.Dict.values);
        break;
    case Set_kind:
        put(o, "Set(");
        F_EXPRS("elts", e->v.Set.elts);
        break;
    case ListComp_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
        put(o, e->kind == ListComp_kind ? "ListComp(" : e->kind == SetComp_kind ? "SetComp(" :
                                                                              "GeneratorExp(");
        F_EXPR("elt", e->v.ListComp.elt);
        F_SEQ("generators", e->v.ListComp.generators, d_comprehension);
        break;
    case DictComp_kind:
        put(o, "DictComp(");
        F_EXPR("key", e->v.DictComp.key);
        F_EXPR("value", e->v.DictComp.value);
        F_SEQ("generators", e->v.DictComp.generators, d_comprehension);
        break;
    case Await_kind:
        put(o, "Await(");
        F_EXPR("value", e->v.Await.value);
        break;
    case Yield_kind:
        put(o, "Yield(");
        F_EXPR("value", e->v.Yield.value);
        break;
    case YieldFrom_kind:
        put(o, "YieldFrom(");
        F_EXPR("value", e->v.YieldFrom.value);
        break;
    case Compare_kind:
        put(o, "Compare(");
        F_EXPR("left", e->v.Compare.left);
        field(o, &first, "ops");
        put(o, "[");
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.ops); i++) {
            if (i)
                put(o, ", ");
            put(o, cmp_names[e->v.Compare.ops->elements[i]]);
        }
        put(o, "]");
        F_EXPRS("comparators", e->v.Compare.comparators);
        break;
    case Call_kind:
        put(o, "Call(");
        F_EXPR("func", e->v.Call.func);
        F_EXPRS("args", e->v.Call.args);
        F_SEQ("keywords", e->v.Call.keywords, d_keyword);
        break;
    case FormattedValue_kind:
        put(o, "FormattedValue(");
        F_EXPR("value", e->v.FormattedValue.value);
        F_INT("conversion", e->v.FormattedValue.conversion);
        F_EXPR("format_spec", e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        put(o, "JoinedStr(");
        F_EXPRS("values", e->v.JoinedStr.values);
        break;
    case Constant_kind:
        put(o, "Constant(");
        field(o, &first, "value");
        put_repr(o, e->v.Constant.value);
        F_ID("kind", e->v.Constant.kind);
        break;
    case Attribute_kind:
        put(o, "Attribute(");
        F_EXPR("value", e->v.Attribute.value);
        F_ID("attr", e->v.Attribute.attr);
        F_RAW("ctx", ctx_name(e->v.Attribute.ctx));
        break;
    case Subscript_kind:
        put(o, "Subscript(");
        F_EXPR("value", e->v.Subscript.value);
        F_EXPR("slice", e->v.Subscript.slice);
        F_RAW("ctx", ctx_name(e->v.Subscript.ctx));
        break;
    case Starred_kind:
        put(o, "Starred(");
        F_EXPR("value", e->v.Starred.value);
        F_RAW("ctx", ctx_name(e->v.Starred.ctx));
        break;
    case Name_kind:
        put(o, "Name(");
        F_ID("id", e->v.Name.id);
        F_RAW("ctx", ctx_name(e->v.Name.ctx));
        break;
    case List_kind:
    case Tuple_kind:
        put(o, e->kind == List_kind ? "List(" : "Tuple(");
        F_EXPRS("elts", e->v.List.elts);
        F_RAW("ctx", ctx_name(e->kind == List_kind ? e->v.List.ctx : e->v.Tuple.ctx));
        break;
    case Slice_kind:
        put(o, "Slice(");
        F_EXPR("lower", e->v.Slice.lower);
        F_EXPR("upper", e->v.Slice.upper);
        F_EXPR("step", e->v.Slice.step);
        break;
    default:
        put(o, "?(");
    }
    ATTRS(e);
    put(o, ")");
}

static void
dump_pattern(Out *o, pattern_ty p)
{
    int first = 1;
    switch (p->kind) {
    case MatchValue_kind:
        put(o, "MatchValue(");
        F_EXPR("value", p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        put(o, "MatchSingleton(");
        field(o, &first, "value");
        put_repr(o, p->v.MatchSingleton.value);
        break;
    case MatchSequence_kind:
        put(o, "MatchSequence(");
        F_PATS("patterns", p->v.MatchSequence.patterns);
        break;
    case MatchMapping_kind:
        put(o, "MatchMapping(");
        F_EXPRS("keys", p->v.MatchMapping.keys);
        F_PATS("patterns", p->v.MatchMapping.patterns);
        F_ID("rest", p->v.MatchMapping.rest);
        break;
    case MatchClass_kind:
        put(o, "MatchClass(");
        F_EXPR("cls", p->v.MatchClass.cls);
        F_PATS("patterns", p->v.MatchClass.patterns);
        F_IDS("kwd_attrs", p->v.MatchClass.kwd_attrs);
        F_PATS("kwd_patterns", p->v.MatchClass.kwd_patterns);
        break;
    case MatchStar_kind:
        put(o, "MatchStar(");
        F_ID("name", p->v.MatchStar.name);
        break;
    case MatchAs_kind:
        put(o, "MatchAs(");
        if (p->v.MatchAs.pattern) {
            field(o, &first, "pattern");
            dump_pattern(o, p->v.MatchAs.pattern);
        }
        F_ID("name", p->v.MatchAs.name);
        break;
    case MatchOr_kind:
        put(o, "MatchOr(");
        F_PATS("patterns", p->v.MatchOr.patterns);
        break;
    default:
        put(o, "?(");
    }
    ATTRS(p);
    put(o, ")");
}

static void
dump_stmt(Out *o, stmt_ty s)
{
    int first = 1;
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        put(o, s->kind == FunctionDef_kind ? "FunctionDef(" : "AsyncFunctionDef(");
        F_ID("name", s->v.FunctionDef.name);
        field(o, &first, "args");
        d_arguments(o, s->v.FunctionDef.args);
        F_STMTS("body", s->v.FunctionDef.body);
        F_EXPRS("decorator_list", s->v.FunctionDef.decorator_list);
        F_EXPR("returns", s->v.FunctionDef.returns);
        F_ID("type_comment", s->v.FunctionDef.type_comment);
        F_SEQ("type_params", s->v.FunctionDef.type_params, d_type_param);
        break;
    case ClassDef_kind:
        put(o, "ClassDef(");
        F_ID("name", s->v.ClassDef.name);
        F_EXPRS("bases", s->v.ClassDef.bases);
        F_SEQ("keywords", s->v.ClassDef.keywords, d_keyword);
        F_STMTS("body", s->v.ClassDef.body);
        F_EXPRS("decorator_list", s->v.ClassDef.decorator_list);
        F_SEQ("type_params", s->v.ClassDef.type_params, d_type_param);
        break;
    case Return_kind:
        put(o, "Return(");
        F_EXPR("value", s->v.Return.value);
        break;
    case Delete_kind:
        put(o, "Delete(");
        F_EXPRS("targets", s->v.Delete.targets);
        break;
    case Assign_kind:
        put(o, "Assign(");
        F_EXPRS("targets", s->v.Assign.targets);
        F_EXPR("value", s->v.Assign.value);
        F_ID("type_comment", s->v.Assign.type_comment);
        break;
    case TypeAlias_kind:
        put(o, "TypeAlias(");
        F_EXPR("name", s->v.TypeAlias.name);
        F_SEQ("type_params", s->v.TypeAlias.type_params, d_type_param);
        F_EXPR("value", s->v.TypeAlias.value);
        break;
    case AugAssign_kind:
        put(o, "AugAssign(");
        F_EXPR("target", s->v.AugAssign.target);
        F_RAW("op", op_names[s->v.AugAssign.op]);
        F_EXPR("value", s->v.AugAssign.value);
        break;
    case AnnAssign_kind:
        put(o, "AnnAssign(");
        F_EXPR("target", s->v.AnnAssign.target);
        F_EXPR("annotation", s->v.AnnAssign.annotation);
        F_EXPR("value", s->v.AnnAssign.value);
        F_INT("simple", s->v.AnnAssign.simple);
        break;
    case For_kind:
    case AsyncFor_kind:
        put(o, s->kind == For_kind ? "For(" : "AsyncFor(");
        F_EXPR("target", s->v.For.target);
        F_EXPR("iter", s->v.For.iter);
        F_STMTS("body", s->v.For.body);
        F_STMTS("orelse", s->v.For.orelse);
        F_ID("type_comment", s->v.For.type_comment);
        break;
    case While_kind:
        put(o, "While(");
        F_EXPR("test", s->v.While.test);
        F_STMTS("body", s->v.While.body);
        F_STMTS("orelse", s->v.While.orelse);
        break;
    case If_kind:
        put(o, "If(");
        F_EXPR("test", s->v.If.test);
        F_STMTS("body", s->v.If.body);
        F_STMTS("orelse", s->v.If.orelse);
        break;
    case With_kind:
    case AsyncWith_kind:
        put(o, s->kind == With_kind ? "With(" : "AsyncWith(");
        F_SEQ("items", s->v.With.items, d_withitem);
        F_STMTS("body", s->v.With.body);
        F_ID("type_comment", s->v.With.type_comment);
        break;
    case Match_kind:
        put(o, "Match(");
        F_EXPR("subject", s->v.Match.subject);
        F_SEQ("cases", s->v.Match.cases, d_match_case);
        break;
    case Raise_kind:
        put(o, "Raise(");
        F_EXPR("exc", s->v.Raise.exc);
        F_EXPR("cause", s->v.Raise.cause);
        break;
    case Try_kind:
    case TryStar_kind:
        put(o, s->kind == Try_kind ? "Try(" : "TryStar(");
        F_STMTS("body", s->v.Try.body);
        F_SEQ("handlers", s->v.Try.handlers, d_handler);
        F_STMTS("orelse", s->v.Try.orelse);
        F_STMTS("finalbody", s->v.Try.finalbody);
        break;
    case Assert_kind:
        put(o, "Assert(");
        F_EXPR("test", s->v.Assert.test);
        F_EXPR("msg", s->v.Assert.msg);
        break;
    case Import_kind:
        put(o, "Import(");
        F_SEQ("names", s->v.Import.names, d_alias);
        break;
    case ImportFrom_kind:
        put(o, "ImportFrom(");
        F_ID("module", s->v.ImportFrom.module);
        F_SEQ("names", s->v.ImportFrom.names, d_alias);
        F_INT("level", s->v.ImportFrom.level);
        break;
    case Global_kind:
        put(o, "Global(");
        F_IDS("names", s->v.Global.names);
        break;
    case Nonlocal_kind:
        put(o, "Nonlocal(");
        F_IDS("names", s->v.Nonlocal.names);
        break;
    case Expr_kind:
        put(o, "Expr(");
        F_EXPR("value", s->v.Expr.value);
        break;
    case Pass_kind: put(o, "Pass("); break;
    case Break_kind: put(o, "Break("); break;
    case Continue_kind: put(o, "Continue("); break;
    default: put(o, "?(");
    }
    ATTRS(s);
    put(o, ")");
}

/* Returns a new str with the dump of `mod`. */
PyObject *
_KrAST_Dump(mod_ty mod, int include_attributes)
{
    Out out = {0};
    Out *o = &out;
    o->attrs = include_attributes;
    int first = 1;
    switch (mod->kind) {
    case Module_kind:
        put(o, "Module(");
        F_STMTS("body", mod->v.Module.body);
        break;
    case Interactive_kind:
        put(o, "Interactive(");
        F_STMTS("body", mod->v.Interactive.body);
        break;
    case Expression_kind:
        put(o, "Expression(");
        F_EXPR("body", mod->v.Expression.body);
        break;
    case FunctionType_kind:
        put(o, "FunctionType(");
        F_EXPRS("argtypes", mod->v.FunctionType.argtypes);
        F_EXPR("returns", mod->v.FunctionType.returns);
        break;
    }
    put(o, ")");
    PyObject *r = NULL;
    if (!o->err)
        r = PyUnicode_DecodeUTF8(o->b, (Py_ssize_t)o->n, NULL);
    free(o->b);
    return r;
}
