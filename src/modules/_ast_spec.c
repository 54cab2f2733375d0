/* The node tables of the _ast module: Python 3.13's ASDL, one row per node class, each
 * field located in the C structs of pycore_ast.h by offset. Sum-type nodes are listed
 * in the order of their C kind enums; enum nodes carry their C enum value. */
#include "_ast_internal.h"

const KrAstCategory _KrAst_Categories[KR_NCATS] = {
    [KR_CAT_MOD] = {"mod", 0, sizeof(struct _mod), -1, 0},
    [KR_CAT_STMT] = {"stmt", 0, sizeof(struct _stmt), offsetof(struct _stmt, lineno), 1},
    [KR_CAT_EXPR] = {"expr", 0, sizeof(struct _expr), offsetof(struct _expr, lineno), 1},
    [KR_CAT_CTX] = {"expr_context", 2, 0, -1, 0},
    [KR_CAT_BOOLOP] = {"boolop", 2, 0, -1, 0},
    [KR_CAT_OPERATOR] = {"operator", 2, 0, -1, 0},
    [KR_CAT_UNARYOP] = {"unaryop", 2, 0, -1, 0},
    [KR_CAT_CMPOP] = {"cmpop", 2, 0, -1, 0},
    [KR_CAT_COMPREHENSION] = {"comprehension", 1, sizeof(struct _comprehension), -1, 0},
    [KR_CAT_EXCEPTHANDLER] = {"excepthandler", 0, sizeof(struct _excepthandler),
                              offsetof(struct _excepthandler, lineno), 1},
    [KR_CAT_ARGUMENTS] = {"arguments", 1, sizeof(struct _arguments), -1, 0},
    [KR_CAT_ARG] = {"arg", 1, sizeof(struct _arg), offsetof(struct _arg, lineno), 1},
    [KR_CAT_KEYWORD] = {"keyword", 1, sizeof(struct _keyword), offsetof(struct _keyword, lineno), 1},
    [KR_CAT_ALIAS] = {"alias", 1, sizeof(struct _alias), offsetof(struct _alias, lineno), 1},
    [KR_CAT_WITHITEM] = {"withitem", 1, sizeof(struct _withitem), -1, 0},
    [KR_CAT_MATCH_CASE] = {"match_case", 1, sizeof(struct _match_case), -1, 0},
    [KR_CAT_PATTERN] = {"pattern", 0, sizeof(struct _pattern), offsetof(struct _pattern, lineno), 0},
    [KR_CAT_TYPE_IGNORE] = {"type_ignore", 0, sizeof(struct _type_ignore), -1, 0},
    [KR_CAT_TYPE_PARAM] = {"type_param", 0, sizeof(struct _type_param),
                           offsetof(struct _type_param, lineno), 0},
};

static const KrAstField F_Module[] = {
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _mod, v.Module.body)},
    {"type_ignores", KR_SEQ, KR_CAT_TYPE_IGNORE, offsetof(struct _mod, v.Module.type_ignores)},
};
static const KrAstField F_Interactive[] = {
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _mod, v.Interactive.body)},
};
static const KrAstField F_Expression[] = {
    {"body", KR_ONE, KR_CAT_EXPR, offsetof(struct _mod, v.Expression.body)},
};
static const KrAstField F_FunctionType[] = {
    {"argtypes", KR_SEQ, KR_CAT_EXPR, offsetof(struct _mod, v.FunctionType.argtypes)},
    {"returns", KR_ONE, KR_CAT_EXPR, offsetof(struct _mod, v.FunctionType.returns)},
};
static const KrAstField F_FunctionDef[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _stmt, v.FunctionDef.name)},
    {"args", KR_ONE, KR_CAT_ARGUMENTS, offsetof(struct _stmt, v.FunctionDef.args)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.FunctionDef.body)},
    {"decorator_list", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.FunctionDef.decorator_list)},
    {"returns", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.FunctionDef.returns)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.FunctionDef.type_comment)},
    {"type_params", KR_SEQ, KR_CAT_TYPE_PARAM, offsetof(struct _stmt, v.FunctionDef.type_params)},
};
static const KrAstField F_AsyncFunctionDef[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _stmt, v.AsyncFunctionDef.name)},
    {"args", KR_ONE, KR_CAT_ARGUMENTS, offsetof(struct _stmt, v.AsyncFunctionDef.args)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.AsyncFunctionDef.body)},
    {"decorator_list", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.AsyncFunctionDef.decorator_list)},
    {"returns", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.AsyncFunctionDef.returns)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.AsyncFunctionDef.type_comment)},
    {"type_params", KR_SEQ, KR_CAT_TYPE_PARAM, offsetof(struct _stmt, v.AsyncFunctionDef.type_params)},
};
static const KrAstField F_ClassDef[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _stmt, v.ClassDef.name)},
    {"bases", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.ClassDef.bases)},
    {"keywords", KR_SEQ, KR_CAT_KEYWORD, offsetof(struct _stmt, v.ClassDef.keywords)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.ClassDef.body)},
    {"decorator_list", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.ClassDef.decorator_list)},
    {"type_params", KR_SEQ, KR_CAT_TYPE_PARAM, offsetof(struct _stmt, v.ClassDef.type_params)},
};
static const KrAstField F_Return[] = {
    {"value", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.Return.value)},
};
static const KrAstField F_Delete[] = {
    {"targets", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.Delete.targets)},
};
static const KrAstField F_Assign[] = {
    {"targets", KR_SEQ, KR_CAT_EXPR, offsetof(struct _stmt, v.Assign.targets)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.Assign.value)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.Assign.type_comment)},
};
static const KrAstField F_TypeAlias[] = {
    {"name", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.TypeAlias.name)},
    {"type_params", KR_SEQ, KR_CAT_TYPE_PARAM, offsetof(struct _stmt, v.TypeAlias.type_params)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.TypeAlias.value)},
};
static const KrAstField F_AugAssign[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AugAssign.target)},
    {"op", KR_ONE, KR_CAT_OPERATOR, offsetof(struct _stmt, v.AugAssign.op)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AugAssign.value)},
};
static const KrAstField F_AnnAssign[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AnnAssign.target)},
    {"annotation", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AnnAssign.annotation)},
    {"value", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.AnnAssign.value)},
    {"simple", KR_ONE, KR_T_INT, offsetof(struct _stmt, v.AnnAssign.simple)},
};
static const KrAstField F_For[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.For.target)},
    {"iter", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.For.iter)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.For.body)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.For.orelse)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.For.type_comment)},
};
static const KrAstField F_AsyncFor[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AsyncFor.target)},
    {"iter", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.AsyncFor.iter)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.AsyncFor.body)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.AsyncFor.orelse)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.AsyncFor.type_comment)},
};
static const KrAstField F_While[] = {
    {"test", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.While.test)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.While.body)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.While.orelse)},
};
static const KrAstField F_If[] = {
    {"test", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.If.test)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.If.body)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.If.orelse)},
};
static const KrAstField F_With[] = {
    {"items", KR_SEQ, KR_CAT_WITHITEM, offsetof(struct _stmt, v.With.items)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.With.body)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.With.type_comment)},
};
static const KrAstField F_AsyncWith[] = {
    {"items", KR_SEQ, KR_CAT_WITHITEM, offsetof(struct _stmt, v.AsyncWith.items)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.AsyncWith.body)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _stmt, v.AsyncWith.type_comment)},
};
static const KrAstField F_Match[] = {
    {"subject", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.Match.subject)},
    {"cases", KR_SEQ, KR_CAT_MATCH_CASE, offsetof(struct _stmt, v.Match.cases)},
};
static const KrAstField F_Raise[] = {
    {"exc", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.Raise.exc)},
    {"cause", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.Raise.cause)},
};
static const KrAstField F_Try[] = {
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.Try.body)},
    {"handlers", KR_SEQ, KR_CAT_EXCEPTHANDLER, offsetof(struct _stmt, v.Try.handlers)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.Try.orelse)},
    {"finalbody", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.Try.finalbody)},
};
static const KrAstField F_TryStar[] = {
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.TryStar.body)},
    {"handlers", KR_SEQ, KR_CAT_EXCEPTHANDLER, offsetof(struct _stmt, v.TryStar.handlers)},
    {"orelse", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.TryStar.orelse)},
    {"finalbody", KR_SEQ, KR_CAT_STMT, offsetof(struct _stmt, v.TryStar.finalbody)},
};
static const KrAstField F_Assert[] = {
    {"test", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.Assert.test)},
    {"msg", KR_OPT, KR_CAT_EXPR, offsetof(struct _stmt, v.Assert.msg)},
};
static const KrAstField F_Import[] = {
    {"names", KR_SEQ, KR_CAT_ALIAS, offsetof(struct _stmt, v.Import.names)},
};
static const KrAstField F_ImportFrom[] = {
    {"module", KR_OPT, KR_T_IDENT, offsetof(struct _stmt, v.ImportFrom.module)},
    {"names", KR_SEQ, KR_CAT_ALIAS, offsetof(struct _stmt, v.ImportFrom.names)},
    {"level", KR_OPT, KR_T_INT, offsetof(struct _stmt, v.ImportFrom.level)},
};
static const KrAstField F_Global[] = {
    {"names", KR_SEQ, KR_T_IDENT, offsetof(struct _stmt, v.Global.names)},
};
static const KrAstField F_Nonlocal[] = {
    {"names", KR_SEQ, KR_T_IDENT, offsetof(struct _stmt, v.Nonlocal.names)},
};
static const KrAstField F_Expr[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _stmt, v.Expr.value)},
};
static const KrAstField F_BoolOp[] = {
    {"op", KR_ONE, KR_CAT_BOOLOP, offsetof(struct _expr, v.BoolOp.op)},
    {"values", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.BoolOp.values)},
};
static const KrAstField F_NamedExpr[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.NamedExpr.target)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.NamedExpr.value)},
};
static const KrAstField F_BinOp[] = {
    {"left", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.BinOp.left)},
    {"op", KR_ONE, KR_CAT_OPERATOR, offsetof(struct _expr, v.BinOp.op)},
    {"right", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.BinOp.right)},
};
static const KrAstField F_UnaryOp[] = {
    {"op", KR_ONE, KR_CAT_UNARYOP, offsetof(struct _expr, v.UnaryOp.op)},
    {"operand", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.UnaryOp.operand)},
};
static const KrAstField F_Lambda[] = {
    {"args", KR_ONE, KR_CAT_ARGUMENTS, offsetof(struct _expr, v.Lambda.args)},
    {"body", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Lambda.body)},
};
static const KrAstField F_IfExp[] = {
    {"test", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.IfExp.test)},
    {"body", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.IfExp.body)},
    {"orelse", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.IfExp.orelse)},
};
static const KrAstField F_Dict[] = {
    {"keys", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Dict.keys)},
    {"values", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Dict.values)},
};
static const KrAstField F_Set[] = {
    {"elts", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Set.elts)},
};
static const KrAstField F_ListComp[] = {
    {"elt", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.ListComp.elt)},
    {"generators", KR_SEQ, KR_CAT_COMPREHENSION, offsetof(struct _expr, v.ListComp.generators)},
};
static const KrAstField F_SetComp[] = {
    {"elt", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.SetComp.elt)},
    {"generators", KR_SEQ, KR_CAT_COMPREHENSION, offsetof(struct _expr, v.SetComp.generators)},
};
static const KrAstField F_DictComp[] = {
    {"key", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.DictComp.key)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.DictComp.value)},
    {"generators", KR_SEQ, KR_CAT_COMPREHENSION, offsetof(struct _expr, v.DictComp.generators)},
};
static const KrAstField F_GeneratorExp[] = {
    {"elt", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.GeneratorExp.elt)},
    {"generators", KR_SEQ, KR_CAT_COMPREHENSION, offsetof(struct _expr, v.GeneratorExp.generators)},
};
static const KrAstField F_Await[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Await.value)},
};
static const KrAstField F_Yield[] = {
    {"value", KR_OPT, KR_CAT_EXPR, offsetof(struct _expr, v.Yield.value)},
};
static const KrAstField F_YieldFrom[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.YieldFrom.value)},
};
static const KrAstField F_Compare[] = {
    {"left", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Compare.left)},
    {"ops", KR_SEQ, KR_CAT_CMPOP, offsetof(struct _expr, v.Compare.ops)},
    {"comparators", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Compare.comparators)},
};
static const KrAstField F_Call[] = {
    {"func", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Call.func)},
    {"args", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Call.args)},
    {"keywords", KR_SEQ, KR_CAT_KEYWORD, offsetof(struct _expr, v.Call.keywords)},
};
static const KrAstField F_FormattedValue[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.FormattedValue.value)},
    {"conversion", KR_ONE, KR_T_INT, offsetof(struct _expr, v.FormattedValue.conversion)},
    {"format_spec", KR_OPT, KR_CAT_EXPR, offsetof(struct _expr, v.FormattedValue.format_spec)},
};
static const KrAstField F_JoinedStr[] = {
    {"values", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.JoinedStr.values)},
};
static const KrAstField F_Constant[] = {
    {"value", KR_ONE, KR_T_CONST, offsetof(struct _expr, v.Constant.value)},
    {"kind", KR_OPT, KR_T_STRING, offsetof(struct _expr, v.Constant.kind)},
};
static const KrAstField F_Attribute[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Attribute.value)},
    {"attr", KR_ONE, KR_T_IDENT, offsetof(struct _expr, v.Attribute.attr)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.Attribute.ctx)},
};
static const KrAstField F_Subscript[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Subscript.value)},
    {"slice", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Subscript.slice)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.Subscript.ctx)},
};
static const KrAstField F_Starred[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _expr, v.Starred.value)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.Starred.ctx)},
};
static const KrAstField F_Name[] = {
    {"id", KR_ONE, KR_T_IDENT, offsetof(struct _expr, v.Name.id)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.Name.ctx)},
};
static const KrAstField F_List[] = {
    {"elts", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.List.elts)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.List.ctx)},
};
static const KrAstField F_Tuple[] = {
    {"elts", KR_SEQ, KR_CAT_EXPR, offsetof(struct _expr, v.Tuple.elts)},
    {"ctx", KR_ONE, KR_CAT_CTX, offsetof(struct _expr, v.Tuple.ctx)},
};
static const KrAstField F_Slice[] = {
    {"lower", KR_OPT, KR_CAT_EXPR, offsetof(struct _expr, v.Slice.lower)},
    {"upper", KR_OPT, KR_CAT_EXPR, offsetof(struct _expr, v.Slice.upper)},
    {"step", KR_OPT, KR_CAT_EXPR, offsetof(struct _expr, v.Slice.step)},
};
static const KrAstField F_comprehension[] = {
    {"target", KR_ONE, KR_CAT_EXPR, offsetof(struct _comprehension, target)},
    {"iter", KR_ONE, KR_CAT_EXPR, offsetof(struct _comprehension, iter)},
    {"ifs", KR_SEQ, KR_CAT_EXPR, offsetof(struct _comprehension, ifs)},
    {"is_async", KR_ONE, KR_T_INT, offsetof(struct _comprehension, is_async)},
};
static const KrAstField F_ExceptHandler[] = {
    {"type", KR_OPT, KR_CAT_EXPR, offsetof(struct _excepthandler, v.ExceptHandler.type)},
    {"name", KR_OPT, KR_T_IDENT, offsetof(struct _excepthandler, v.ExceptHandler.name)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _excepthandler, v.ExceptHandler.body)},
};
static const KrAstField F_arguments[] = {
    {"posonlyargs", KR_SEQ, KR_CAT_ARG, offsetof(struct _arguments, posonlyargs)},
    {"args", KR_SEQ, KR_CAT_ARG, offsetof(struct _arguments, args)},
    {"vararg", KR_OPT, KR_CAT_ARG, offsetof(struct _arguments, vararg)},
    {"kwonlyargs", KR_SEQ, KR_CAT_ARG, offsetof(struct _arguments, kwonlyargs)},
    {"kw_defaults", KR_SEQ, KR_CAT_EXPR, offsetof(struct _arguments, kw_defaults)},
    {"kwarg", KR_OPT, KR_CAT_ARG, offsetof(struct _arguments, kwarg)},
    {"defaults", KR_SEQ, KR_CAT_EXPR, offsetof(struct _arguments, defaults)},
};
static const KrAstField F_arg[] = {
    {"arg", KR_ONE, KR_T_IDENT, offsetof(struct _arg, arg)},
    {"annotation", KR_OPT, KR_CAT_EXPR, offsetof(struct _arg, annotation)},
    {"type_comment", KR_OPT, KR_T_STRING, offsetof(struct _arg, type_comment)},
};
static const KrAstField F_keyword[] = {
    {"arg", KR_OPT, KR_T_IDENT, offsetof(struct _keyword, arg)},
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _keyword, value)},
};
static const KrAstField F_alias[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _alias, name)},
    {"asname", KR_OPT, KR_T_IDENT, offsetof(struct _alias, asname)},
};
static const KrAstField F_withitem[] = {
    {"context_expr", KR_ONE, KR_CAT_EXPR, offsetof(struct _withitem, context_expr)},
    {"optional_vars", KR_OPT, KR_CAT_EXPR, offsetof(struct _withitem, optional_vars)},
};
static const KrAstField F_match_case[] = {
    {"pattern", KR_ONE, KR_CAT_PATTERN, offsetof(struct _match_case, pattern)},
    {"guard", KR_OPT, KR_CAT_EXPR, offsetof(struct _match_case, guard)},
    {"body", KR_SEQ, KR_CAT_STMT, offsetof(struct _match_case, body)},
};
static const KrAstField F_MatchValue[] = {
    {"value", KR_ONE, KR_CAT_EXPR, offsetof(struct _pattern, v.MatchValue.value)},
};
static const KrAstField F_MatchSingleton[] = {
    {"value", KR_ONE, KR_T_CONST, offsetof(struct _pattern, v.MatchSingleton.value)},
};
static const KrAstField F_MatchSequence[] = {
    {"patterns", KR_SEQ, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchSequence.patterns)},
};
static const KrAstField F_MatchMapping[] = {
    {"keys", KR_SEQ, KR_CAT_EXPR, offsetof(struct _pattern, v.MatchMapping.keys)},
    {"patterns", KR_SEQ, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchMapping.patterns)},
    {"rest", KR_OPT, KR_T_IDENT, offsetof(struct _pattern, v.MatchMapping.rest)},
};
static const KrAstField F_MatchClass[] = {
    {"cls", KR_ONE, KR_CAT_EXPR, offsetof(struct _pattern, v.MatchClass.cls)},
    {"patterns", KR_SEQ, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchClass.patterns)},
    {"kwd_attrs", KR_SEQ, KR_T_IDENT, offsetof(struct _pattern, v.MatchClass.kwd_attrs)},
    {"kwd_patterns", KR_SEQ, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchClass.kwd_patterns)},
};
static const KrAstField F_MatchStar[] = {
    {"name", KR_OPT, KR_T_IDENT, offsetof(struct _pattern, v.MatchStar.name)},
};
static const KrAstField F_MatchAs[] = {
    {"pattern", KR_OPT, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchAs.pattern)},
    {"name", KR_OPT, KR_T_IDENT, offsetof(struct _pattern, v.MatchAs.name)},
};
static const KrAstField F_MatchOr[] = {
    {"patterns", KR_SEQ, KR_CAT_PATTERN, offsetof(struct _pattern, v.MatchOr.patterns)},
};
static const KrAstField F_TypeIgnore[] = {
    {"lineno", KR_ONE, KR_T_INT, offsetof(struct _type_ignore, v.TypeIgnore.lineno)},
    {"tag", KR_ONE, KR_T_STRING, offsetof(struct _type_ignore, v.TypeIgnore.tag)},
};
static const KrAstField F_TypeVar[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _type_param, v.TypeVar.name)},
    {"bound", KR_OPT, KR_CAT_EXPR, offsetof(struct _type_param, v.TypeVar.bound)},
    {"default_value", KR_OPT, KR_CAT_EXPR, offsetof(struct _type_param, v.TypeVar.default_value)},
};
static const KrAstField F_ParamSpec[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _type_param, v.ParamSpec.name)},
    {"default_value", KR_OPT, KR_CAT_EXPR, offsetof(struct _type_param, v.ParamSpec.default_value)},
};
static const KrAstField F_TypeVarTuple[] = {
    {"name", KR_ONE, KR_T_IDENT, offsetof(struct _type_param, v.TypeVarTuple.name)},
    {"default_value", KR_OPT, KR_CAT_EXPR, offsetof(struct _type_param, v.TypeVarTuple.default_value)},
};

const KrAstNode _KrAst_Nodes[] = {
    {"Module", KR_CAT_MOD, Module_kind, F_Module, 2},
    {"Interactive", KR_CAT_MOD, Interactive_kind, F_Interactive, 1},
    {"Expression", KR_CAT_MOD, Expression_kind, F_Expression, 1},
    {"FunctionType", KR_CAT_MOD, FunctionType_kind, F_FunctionType, 2},
    {"FunctionDef", KR_CAT_STMT, FunctionDef_kind, F_FunctionDef, 7},
    {"AsyncFunctionDef", KR_CAT_STMT, AsyncFunctionDef_kind, F_AsyncFunctionDef, 7},
    {"ClassDef", KR_CAT_STMT, ClassDef_kind, F_ClassDef, 6},
    {"Return", KR_CAT_STMT, Return_kind, F_Return, 1},
    {"Delete", KR_CAT_STMT, Delete_kind, F_Delete, 1},
    {"Assign", KR_CAT_STMT, Assign_kind, F_Assign, 3},
    {"TypeAlias", KR_CAT_STMT, TypeAlias_kind, F_TypeAlias, 3},
    {"AugAssign", KR_CAT_STMT, AugAssign_kind, F_AugAssign, 3},
    {"AnnAssign", KR_CAT_STMT, AnnAssign_kind, F_AnnAssign, 4},
    {"For", KR_CAT_STMT, For_kind, F_For, 5},
    {"AsyncFor", KR_CAT_STMT, AsyncFor_kind, F_AsyncFor, 5},
    {"While", KR_CAT_STMT, While_kind, F_While, 3},
    {"If", KR_CAT_STMT, If_kind, F_If, 3},
    {"With", KR_CAT_STMT, With_kind, F_With, 3},
    {"AsyncWith", KR_CAT_STMT, AsyncWith_kind, F_AsyncWith, 3},
    {"Match", KR_CAT_STMT, Match_kind, F_Match, 2},
    {"Raise", KR_CAT_STMT, Raise_kind, F_Raise, 2},
    {"Try", KR_CAT_STMT, Try_kind, F_Try, 4},
    {"TryStar", KR_CAT_STMT, TryStar_kind, F_TryStar, 4},
    {"Assert", KR_CAT_STMT, Assert_kind, F_Assert, 2},
    {"Import", KR_CAT_STMT, Import_kind, F_Import, 1},
    {"ImportFrom", KR_CAT_STMT, ImportFrom_kind, F_ImportFrom, 3},
    {"Global", KR_CAT_STMT, Global_kind, F_Global, 1},
    {"Nonlocal", KR_CAT_STMT, Nonlocal_kind, F_Nonlocal, 1},
    {"Expr", KR_CAT_STMT, Expr_kind, F_Expr, 1},
    {"Pass", KR_CAT_STMT, Pass_kind, NULL, 0},
    {"Break", KR_CAT_STMT, Break_kind, NULL, 0},
    {"Continue", KR_CAT_STMT, Continue_kind, NULL, 0},
    {"BoolOp", KR_CAT_EXPR, BoolOp_kind, F_BoolOp, 2},
    {"NamedExpr", KR_CAT_EXPR, NamedExpr_kind, F_NamedExpr, 2},
    {"BinOp", KR_CAT_EXPR, BinOp_kind, F_BinOp, 3},
    {"UnaryOp", KR_CAT_EXPR, UnaryOp_kind, F_UnaryOp, 2},
    {"Lambda", KR_CAT_EXPR, Lambda_kind, F_Lambda, 2},
    {"IfExp", KR_CAT_EXPR, IfExp_kind, F_IfExp, 3},
    {"Dict", KR_CAT_EXPR, Dict_kind, F_Dict, 2},
    {"Set", KR_CAT_EXPR, Set_kind, F_Set, 1},
    {"ListComp", KR_CAT_EXPR, ListComp_kind, F_ListComp, 2},
    {"SetComp", KR_CAT_EXPR, SetComp_kind, F_SetComp, 2},
    {"DictComp", KR_CAT_EXPR, DictComp_kind, F_DictComp, 3},
    {"GeneratorExp", KR_CAT_EXPR, GeneratorExp_kind, F_GeneratorExp, 2},
    {"Await", KR_CAT_EXPR, Await_kind, F_Await, 1},
    {"Yield", KR_CAT_EXPR, Yield_kind, F_Yield, 1},
    {"YieldFrom", KR_CAT_EXPR, YieldFrom_kind, F_YieldFrom, 1},
    {"Compare", KR_CAT_EXPR, Compare_kind, F_Compare, 3},
    {"Call", KR_CAT_EXPR, Call_kind, F_Call, 3},
    {"FormattedValue", KR_CAT_EXPR, FormattedValue_kind, F_FormattedValue, 3},
    {"JoinedStr", KR_CAT_EXPR, JoinedStr_kind, F_JoinedStr, 1},
    {"Constant", KR_CAT_EXPR, Constant_kind, F_Constant, 2},
    {"Attribute", KR_CAT_EXPR, Attribute_kind, F_Attribute, 3},
    {"Subscript", KR_CAT_EXPR, Subscript_kind, F_Subscript, 3},
    {"Starred", KR_CAT_EXPR, Starred_kind, F_Starred, 2},
    {"Name", KR_CAT_EXPR, Name_kind, F_Name, 2},
    {"List", KR_CAT_EXPR, List_kind, F_List, 2},
    {"Tuple", KR_CAT_EXPR, Tuple_kind, F_Tuple, 2},
    {"Slice", KR_CAT_EXPR, Slice_kind, F_Slice, 3},
    {"Load", KR_CAT_CTX, 1, NULL, 0},
    {"Store", KR_CAT_CTX, 2, NULL, 0},
    {"Del", KR_CAT_CTX, 3, NULL, 0},
    {"And", KR_CAT_BOOLOP, 1, NULL, 0},
    {"Or", KR_CAT_BOOLOP, 2, NULL, 0},
    {"Add", KR_CAT_OPERATOR, 1, NULL, 0},
    {"Sub", KR_CAT_OPERATOR, 2, NULL, 0},
    {"Mult", KR_CAT_OPERATOR, 3, NULL, 0},
    {"MatMult", KR_CAT_OPERATOR, 4, NULL, 0},
    {"Div", KR_CAT_OPERATOR, 5, NULL, 0},
    {"Mod", KR_CAT_OPERATOR, 6, NULL, 0},
    {"Pow", KR_CAT_OPERATOR, 7, NULL, 0},
    {"LShift", KR_CAT_OPERATOR, 8, NULL, 0},
    {"RShift", KR_CAT_OPERATOR, 9, NULL, 0},
    {"BitOr", KR_CAT_OPERATOR, 10, NULL, 0},
    {"BitXor", KR_CAT_OPERATOR, 11, NULL, 0},
    {"BitAnd", KR_CAT_OPERATOR, 12, NULL, 0},
    {"FloorDiv", KR_CAT_OPERATOR, 13, NULL, 0},
    {"Invert", KR_CAT_UNARYOP, 1, NULL, 0},
    {"Not", KR_CAT_UNARYOP, 2, NULL, 0},
    {"UAdd", KR_CAT_UNARYOP, 3, NULL, 0},
    {"USub", KR_CAT_UNARYOP, 4, NULL, 0},
    {"Eq", KR_CAT_CMPOP, 1, NULL, 0},
    {"NotEq", KR_CAT_CMPOP, 2, NULL, 0},
    {"Lt", KR_CAT_CMPOP, 3, NULL, 0},
    {"LtE", KR_CAT_CMPOP, 4, NULL, 0},
    {"Gt", KR_CAT_CMPOP, 5, NULL, 0},
    {"GtE", KR_CAT_CMPOP, 6, NULL, 0},
    {"Is", KR_CAT_CMPOP, 7, NULL, 0},
    {"IsNot", KR_CAT_CMPOP, 8, NULL, 0},
    {"In", KR_CAT_CMPOP, 9, NULL, 0},
    {"NotIn", KR_CAT_CMPOP, 10, NULL, 0},
    {"comprehension", KR_CAT_COMPREHENSION, 0, F_comprehension, 4},
    {"ExceptHandler", KR_CAT_EXCEPTHANDLER, ExceptHandler_kind, F_ExceptHandler, 3},
    {"arguments", KR_CAT_ARGUMENTS, 0, F_arguments, 7},
    {"arg", KR_CAT_ARG, 0, F_arg, 3},
    {"keyword", KR_CAT_KEYWORD, 0, F_keyword, 2},
    {"alias", KR_CAT_ALIAS, 0, F_alias, 2},
    {"withitem", KR_CAT_WITHITEM, 0, F_withitem, 2},
    {"match_case", KR_CAT_MATCH_CASE, 0, F_match_case, 3},
    {"MatchValue", KR_CAT_PATTERN, MatchValue_kind, F_MatchValue, 1},
    {"MatchSingleton", KR_CAT_PATTERN, MatchSingleton_kind, F_MatchSingleton, 1},
    {"MatchSequence", KR_CAT_PATTERN, MatchSequence_kind, F_MatchSequence, 1},
    {"MatchMapping", KR_CAT_PATTERN, MatchMapping_kind, F_MatchMapping, 3},
    {"MatchClass", KR_CAT_PATTERN, MatchClass_kind, F_MatchClass, 4},
    {"MatchStar", KR_CAT_PATTERN, MatchStar_kind, F_MatchStar, 1},
    {"MatchAs", KR_CAT_PATTERN, MatchAs_kind, F_MatchAs, 2},
    {"MatchOr", KR_CAT_PATTERN, MatchOr_kind, F_MatchOr, 1},
    {"TypeIgnore", KR_CAT_TYPE_IGNORE, TypeIgnore_kind, F_TypeIgnore, 2},
    {"TypeVar", KR_CAT_TYPE_PARAM, TypeVar_kind, F_TypeVar, 3},
    {"ParamSpec", KR_CAT_TYPE_PARAM, ParamSpec_kind, F_ParamSpec, 2},
    {"TypeVarTuple", KR_CAT_TYPE_PARAM, TypeVarTuple_kind, F_TypeVarTuple, 2},
};

const int _KrAst_NumNodes = (int)(sizeof _KrAst_Nodes / sizeof _KrAst_Nodes[0]);
