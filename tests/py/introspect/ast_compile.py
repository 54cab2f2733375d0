# compile() of AST objects: exec/eval/single, validation errors with CPython messages, PyCF_ONLY_AST round trip
import ast
def L(n, **k): return ast.fix_missing_locations(n)
cases = [
 ast.Module([ast.Expr(ast.Name("x", ast.Store()))], []),
 ast.Module([ast.Assign([ast.Name("x", ast.Load())], ast.Constant(1))], []),
 ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(1))], []),
 ast.Module([ast.Delete([ast.Name("x", ast.Store())])], []),
 ast.Module([ast.FunctionDef("f", ast.arguments(), [], [])], []),
 ast.Module([ast.Expr(ast.Compare(ast.Constant(1), [], []))], []),
 ast.Module([ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1)]))], []),
 ast.Module([ast.Expr(ast.NamedExpr(ast.Attribute(ast.Name("a"), "b", ast.Store()), ast.Constant(1)))], []),
 ast.Module([ast.Assign([ast.Tuple([ast.Name("a", ast.Load())], ast.Store())], ast.Constant(1))], []),
 ast.Module([ast.For(ast.Name("i", ast.Store()), ast.Name("r"), [ast.Pass()], [])], []),
 ast.Module([ast.If(ast.Name("i"), [], [])], []),
 ast.Module([ast.Expr(ast.Dict([ast.Constant(1)], []))], []),
 ast.Module([ast.Expr(ast.Constant([1]))], []),
 ast.Module([ast.Expr(ast.Name(1))], []),
 ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))], []),
 ast.Expression(ast.Constant(1)),
]
for m in cases:
    L(m)
    for mode in ("exec", "eval"):
        try:
            co = compile(m, "<v>", mode)
            print("ok", mode)
        except Exception as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
tree = compile("def f(x):\n    return [i * x for i in range(3)]\nprint(f(2))\n", "<t>", "exec", ast.PyCF_ONLY_AST)
exec(compile(tree, "<t>", "exec"))
tree.body[0].body[0].value.elt.op = ast.Add()
exec(compile(tree, "<t>", "exec"))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
single = ast.parse("x = 5\n", mode="single")
ns = {}
exec(compile(single, "<s>", "single"), ns)
print(ns["x"], type(single).__name__)
print(compile(tree, "<t>", "exec", ast.PyCF_ONLY_AST) is tree)
try:
    compile(ast.Module([ast.Expr(ast.Name("x", ast.Load()))], []), "<m>", "exec")
except TypeError as e:
    print("TypeError:", e)
try:
    compile(ast.Module(ast.Pass(), []), "<m>", "exec")
except TypeError as e:
    print("TypeError:", e)
m = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("from ast")], []))], [])
ast.fix_missing_locations(m)
exec(compile(m, "<m>", "exec"))
co = compile(ast.parse("def g():\n  'doc'\n  return 42"), "<g>", "exec")
ns = {}
exec(co, ns)
print(ns["g"](), ns["g"].__doc__)
