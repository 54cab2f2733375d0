# parser: SyntaxError messages and positions reported by compile()
cases = [
    "x = (1,\n2", "x = 1 +", "if x:\npass", "  x", "if x:\n  a\n b", "if x:\n\ta\n        b",
    "print 'x'", "f(a=1, b)", "f() = 1", "1 = 1", "if x = 1: pass", "x = 'abc",
    'x = """abc\n\n', "1_000_", "0777", "a \u20ac", "f'{a'", "try:\n  pass\nx=1", "a b",
    "[1 2]", "(]", ")", "x = 1e", "9abc", "def f(:\n pass", "for x in y\n  pass",
    "x = [1, 2", "f(**a, *b)", "f(x for x in y, 1)", "def f(a=1, b): pass",
    "lambda a=1, b: 0", "from x import a,", "x = a if b", "class C:\npass",
    "x = {1: 2, 3}", "f'{}'", "f'{a!x}'", "import", "del f()", "for 1 in x: pass",
    "(a, f()) = 1", "a + 1 += 2", "match x:\n case 1:\n pass", "(x := 1 := 2)",
    "x = '\\N{NOPE}'", "b'\u00e9'", "u'x' b'y'", "def f(*): pass", "'('*1000",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
