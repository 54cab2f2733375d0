# Built-in functions: results and CPython's error messages.
def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)

for e in ["abs(-3)", "abs('a')", "all([1, 0])", "any([0, 2])", "ascii('é')", "bin(10)", "oct(8)",
          "hex(255)", "chr(65)", "chr(-1)", "ord('a')", "ord('ab')", "ord(1)", "divmod(7, 2)",
          "divmod(1, 0)", "getattr(1, 'x')", "getattr(1, 'x', 5)", "getattr(1, 2)", "hasattr([], 'append')",
          "hash(1)", "hash([])", "isinstance(1, (str, int))", "isinstance(1, 2)", "issubclass(bool, int)",
          "len([1, 2])", "len(5)", "max([3, 1, 2])", "max([], default=0)", "max([])", "max(1, 2, key=lambda x: -x)",
          "min('bca')", "min()", "next(iter([]), 'd')", "pow(2, 10)", "pow(2, 10, 7)", "pow(2, 3, 0)",
          "round(2.675, 2)", "round(5)", "round('a')", "sorted([3, 1, 2], reverse=True)", "sorted(1)",
          "sum([1, 2, 3])", "sum([0.1] * 10)", "sum(['a'], '')", "sum([[1], [2]], [])", "repr('x')",
          "format(3.14159, '.2f')", "format(1, 2)", "vars(1)", "callable(len)", "iter(1)", "next(1)",
          "list(map(abs, [-1, -2]))", "list(zip('ab', [1, 2]))", "list(filter(None, [0, 1, 2]))",
          "list(enumerate('ab', 1))", "list(reversed([1, 2]))", "int('12')", "float('1.5')",
          "type(None).__name__", "eval('1 + 2')", "eval('x', {'x': 5})", "eval('1', 1)",
          "compile('1', 'f', 'bad')", "dir(1, 2)", "id(1) == id(1)", "pow()", "round(1, 2, 3)",
          "sum()", "__import__('')", "print(sep=1)"]:
    show(e)
ns = {}
exec("y = 2 * 21", ns)
print(ns['y'], '__builtins__' in ns)
print(sorted(k for k in dir() if not k.startswith('_')))
print(sum(range(10**6)), sum([1.5, 2.5]), sum([1, 2.5]))
