# ast helpers: literal_eval (and its errors), walk, iter_fields, iter_child_nodes, get_docstring, get_source_segment, NodeVisitor/NodeTransformer, copy_location, fix_missing_locations, increment_lineno
import ast

for s in ["1", "-2.5", "1+2j", "-1-2j", "'a' 'b'", "b'x'", "(1, [2, {3: 4}], {5})", "set()",
          "None", "True", "...", " \t{'a': (1,)}", "[1, -2, +3]"]:
    print(repr(ast.literal_eval(s)))
for s in ["x", "1 + x", "f()", "[1, y]", "{1: z}", "2 * 3", "-'a'", "1 + 'a'", "set([1])"]:
    try:
        ast.literal_eval(s)
    except ValueError as e:
        print("ValueError:", str(e).split(" at 0x")[0])
try:
    ast.literal_eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))

src = '''\
def f(a, b):
    """Doc string.

        Indented.
    """
    return a + b  # comment

class C:
    "class doc"
    x = f(1,
          2)
'''
tree = ast.parse(src)
print(sorted(type(n).__name__ for n in ast.walk(tree)))
print([name for name, value in ast.iter_fields(tree.body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[0])])
print(repr(ast.get_docstring(tree.body[0])))
print(repr(ast.get_docstring(tree.body[0], clean=False)))
print(repr(ast.get_docstring(tree.body[1])), ast.get_docstring(tree))
try:
    ast.get_docstring(tree.body[0].body[1])
except TypeError as e:
    print("TypeError:", e)
ret = tree.body[0].body[1]
print(repr(ast.get_source_segment(src, ret)))
print(repr(ast.get_source_segment(src, ret.value)))
call = tree.body[1].body[1].value
print(repr(ast.get_source_segment(src, call)))
print(repr(ast.get_source_segment(src, call, padded=True)))
print(ast.get_source_segment(src, ast.Name("x")))
u = ast.parse("é = 'ü' + x")
print([(n.col_offset, n.end_col_offset) for n in ast.walk(u) if hasattr(n, "col_offset")])
print(ast.get_source_segment("é = 'ü' + x", u.body[0].value))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)


v = Counter()
v.visit(tree)
print(v.names)


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.copy_location(ast.Name(node.id.upper(), node.ctx), node)

    def visit_Return(self, node):
        self.generic_visit(node)
        return [ast.Expr(ast.Constant("before")), node]

    def visit_ClassDef(self, node):
        return None


t2 = Renamer().visit(ast.parse(src))
t2 = ast.fix_missing_locations(t2)
print(ast.dump(t2))
print(ast.unparse(t2))
ns = {}
exec(compile(t2, "<t2>", "exec"), ns)
print(sorted(k for k in ns if not k.startswith("__")))

e = ast.Expression(ast.BinOp(ast.Constant(2), ast.Mult(), ast.Constant(21)))
ast.fix_missing_locations(e)
print(e.body.lineno, e.body.col_offset, e.body.end_lineno, e.body.end_col_offset)
print(eval(compile(e, "<e>", "eval")))
t3 = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t3, 10)
print([(n.lineno, n.end_lineno) for n in t3.body])
new = ast.copy_location(ast.Pass(), t3.body[1])
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
