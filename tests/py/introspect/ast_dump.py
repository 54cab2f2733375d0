# ast.parse + ast.dump (annotate_fields, include_attributes, indent, show_empty) over many constructs; positions in UTF-8 bytes
import ast

SOURCES = [
    "x = 1",
    "a, *b = c = d[1:2, ::3]",
    "def f(a, /, b: int = 2, *c, d, e=3, **f) -> None:\n    '''doc'''\n    return a",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        pass",
    "class C(B, metaclass=M):\n    @dec\n    def m(self): ...",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a, b",
    "try:\n    pass\nexcept* E:\n    pass",
    "with open(f) as (a, b): pass",
    "for i in range(3):\n    if i: break\n    elif j: continue\n    else: pass\nelse:\n    x += 1",
    "while x < 3 <= y: x -= 1",
    "lambda x, *a, k=1, **kw: (x, a)",
    "[x for x in y if x for z in x]; {k: v for k, v in d}; {s for s in t}; (g for g in h)",
    "f(a, *b, c=1, **d)",
    "x = f'{a!r:>{w}} and {b=}' 'tail'",
    "x = b'bytes' + 'str' + u'uni'",
    "x = 1 if y else -2; z = not a and b or c",
    "import os.path as p, sys\nfrom ..mod import a as b, c\nfrom . import d",
    "global g\nnonlocal_ = 1",
    "assert x, 'msg'",
    "match p:\n    case [1, 2, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=_) | None: pass\n    case str() as s if s: pass\n    case -1 | 1+2j | True: pass",
    "type T[X: int, *Ts, **P] = list[X]",
    "def f[T](x: T) -> T: return x",
    "x: int = 5\n(y): str",
    "a @ b // c ** -d >> e | f ^ g & h % i",
    "x = {**a, 'b': 1}",
    "yield_ = lambda: (yield)",
    "café = 'π'; s = 'é' + café",
    "x = ...",
    "print((yield from g))",
    "a[b] = c.d = e := 1" if False else "(a := 1)",
]
for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
print(ast.dump(ast.parse(SOURCES[2]), include_attributes=True))
print(ast.dump(ast.parse(SOURCES[26]), include_attributes=True))
print(ast.dump(ast.parse(SOURCES[3]), indent=2))
print(ast.dump(ast.parse(SOURCES[0]), indent="--", annotate_fields=False))
print(ast.dump(ast.parse("def f(): pass"), show_empty=True))
print(ast.dump(ast.parse("f(x)", mode="eval")))
print(ast.dump(ast.parse("x = 1\n", mode="single")))
print(ast.dump(ast.parse("(int, str) -> list", mode="func_type")))
print(ast.dump(compile("a + b", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(ast.Name("x")), ast.dump(ast.Constant(None)), ast.dump(ast.List()))
try:
    ast.dump("x")
except TypeError as e:
    print("TypeError:", e)
try:
    ast.parse("x = = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
