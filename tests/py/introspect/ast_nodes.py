# ast node classes: _fields/_attributes/__match_args__, constructor defaults and errors, isinstance hierarchy, __reduce__/copy
import ast
import copy
import warnings

print(ast.Name._fields, ast.Name._attributes, ast.Name.__match_args__)
print(ast.expr._attributes, ast.expr._fields, ast.AST._fields, ast.mod._attributes)
print(ast.arguments._fields, ast.arg._attributes, ast.withitem._attributes)
print(ast.comprehension._fields, ast.keyword._fields, ast.alias._fields)
print(ast.MatchAs._fields, ast.TypeVar._fields, ast.TypeIgnore._fields)
print(ast.Name.__mro__)
print(ast.Add.__mro__, ast.Load.__bases__, ast.Module.__bases__)
print(ast.Name.__doc__)
print(ast.FunctionDef.__doc__)
print(ast.arguments.__doc__)
print(ast.cmpop.__doc__)
print(ast.Name.__module__, ast.AST.__module__, ast.AST.__name__)
print(ast.Return.value, ast.Name.end_lineno, ast.arg.end_col_offset)
n = ast.Name("x", ast.Store(), lineno=3, col_offset=4)
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset, n.end_lineno)
print(ast.dump(ast.Return()), ast.Return().value, ast.List().elts, type(ast.List().ctx).__name__)
print(ast.dump(ast.FunctionDef("f", ast.arguments())))
print(ast.dump(ast.arguments()))
b = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))
print(ast.dump(b))
try:
    ast.Name("a", ast.Load(), "extra")
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Name("a", id="b")
except TypeError as e:
    print("TypeError:", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ast.Name(foo=1)
    ast.Pass()
    for item in w:
        print(item.category.__name__, item.message)
print(ast.Pass().__reduce__(), ast.Constant(1).__reduce__()[1:])
c = copy.deepcopy(ast.parse("x = [1, 2]"))
print(ast.dump(c))
c2 = copy.copy(ast.Name("q"))
print(c2.id)
t = ast.parse("x")
print(t.body[0].value.ctx is ast.parse("y").body[0].value.ctx)
print(isinstance(ast.Constant(1), ast.expr), isinstance(ast.Pass(), ast.stmt),
      issubclass(ast.Mult, ast.operator), isinstance(ast.Eq(), ast.cmpop))


class MyName(ast.Name):
    pass


print(ast.dump(MyName("z")))
node = ast.Constant(value=3, kind=None)
node.custom = "attr"
print(node.custom, sorted(vars(node)))
del node.custom
print(hasattr(node, "custom"))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.FunctionDef._field_types)
print(ast.Constant._field_types, ast.ImportFrom._field_types, ast.Compare._field_types)
print(ast.Name.__annotations__, ast.Load._field_types, hasattr(ast.AST, "_field_types"))
print(ast.arguments._field_types)
