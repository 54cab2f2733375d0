# ast.unparse output for many constructs (precedence, strings and f-strings, docstrings, decorators, match, type params) and round trips
import ast

SOURCES = [
    "x = 1",
    "a, *b = c = d[1:2, ::3]",
    "def f(a, /, b: int = 2, *c, d, e=3, **f) -> None:\n    '''doc'''\n    return a",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        pass",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    'doc'\n    def m(self): ...",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    del a, b",
    "try:\n    pass\nexcept* E:\n    pass",
    "with open(f) as (a, b): pass",
    "for i in range(3):\n    if i: break\n    elif j: continue\n    else: pass\nelse:\n    x += 1",
    "while x < 3 <= y: x -= 1",
    "f = lambda x, *a, k=1, **kw: (x, a)",
    "[x for x in y if x for z in x]; {k: v for k, v in d}; {s for s in t}; (g for g in h); [i async for i in a]",
    "f(a, *b, c=1, **d)",
    "x = f'{a!r:>{w}} and {b=}' 'tail'",
    "x = f\"{'q'}\" + f'{x:{y}.{z}f}' + f'{{}}' + f'{ {1: 2}[1] }'",
    "x = b'bytes' + 'str' + u'uni' + 'it''s' + \"q\\\"\" + '\\n\\t\\x00'",
    "x = 1 if y else -2; z = not a and b or c; w = (a or b) and c",
    "import os.path as p, sys\nfrom ..mod import a as b, c\nfrom . import d",
    "global g\nnonlocal h",
    "assert x, 'msg'",
    "match p:\n    case [1, 2, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(1, x=0, y=_) | None: pass\n    case str() as s if s: pass\n    case -1 | 1+2j | True: pass\n    case (a, b) as c: pass\n    case {**r}: pass",
    "type T[X: int, *Ts, **P] = list[X]",
    "def f[T: (int, str) = int](x: T) -> T: return x",
    "class K[T]: pass",
    "x: int = 5\n(y): str",
    "a @ b // c ** -d >> e | f ^ g & h % i",
    "(a + b) * c - (d - e) - f ** (g ** h) ** i",
    "x = {**a, 'b': 1}; y = {*a, *b}; z = set()",
    "def g():\n    x = yield\n    y = yield 1\n    z = yield from g()\n    await (yield)",
    "(a := 1); print((b := 2)); [y := f(x), y ** 2]",
    "x = ...; y = a[...]; z = a[1:2, 3]; w = a[()]; v = a[(1, 2)]; u = a[*b]",
    "1 .real; (1.5).real; x = -(-1); y = +(~z); not not a",
    "x = 1e309; y = -1e309j; z = (1e309 - 1e309)",
    "print(*args, sep='', **kw)",
    "del a[0], b.c",
    "return_ = lambda: (yield)",
    "if a:\n    pass\nelse:\n    if b:\n        pass\n    x = 1",
    "x = a if b else (c if d else e); y = (lambda: 1) if t else 2",
    "x = (1,); y = (); z = 1, 2; (a, b), c = d",
    "f(x for x in y)",
    "f((x for x in y), z)",
    "x = 'a' 'b' f'{c}'",
    "def f(a, b=1, /, c=2): pass\ndef g(*, a): pass\ndef h(a, /): pass",
    "raise",
    "x = 'éπ\\u2028'",
    "async def f():\n    return [await x async for x in y]",
    "x = f'''{a}\\n{b!s}'''",
    "a[b:c:d] = e[:]",
    "@property\ndef p(self): return 1",
]
for src in SOURCES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    again = ast.unparse(ast.parse(out))
    if again != out:
        print("NOT STABLE:", again)
    print("---")
print(ast.unparse(ast.parse("x + 1", mode="eval")))
print(ast.unparse(ast.parse("(int, str) -> list", mode="func_type")))
print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.BinOp(ast.Constant(2), ast.Mult(), ast.Constant(3)))))
print(ast.unparse(ast.Constant((1, 2.5, 'x'))), ast.unparse(ast.Constant((1,))))
print(ast.unparse(ast.Set([])), ast.unparse(ast.Tuple([])))
print(ast.unparse(ast.Constant(float("inf"))), ast.unparse(ast.Constant(complex(0, float("nan")))))
