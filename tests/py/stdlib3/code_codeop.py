# codeop.compile_command (complete/incomplete/invalid input) and code.InteractiveConsole/InteractiveInterpreter
import codeop, code, sys, io
cases = ['x = 1', 'if x:', 'if x:\n  y = 2', 'if x:\n  y = 2\n', 'def f():\n  return 1\n', 'x = (1,', '[1, 2,\n 3]', 'x = 1 +',
         '"""abc', '"""abc\n"""', 'x = \\', '# just a comment', '', '   ', 'print(1)', 'for i in range(3):\n  pass\n',
         'x = )', '1 2', 'class C:', 'class C:\n  pass\n\n', 'lambda: (', '@dec', 'try:\n  pass\nexcept:\n  pass\n', "'abc"]
for src in cases:
    try:
        r = codeop.compile_command(src)
        print(repr(src), 'incomplete' if r is None else type(r).__name__)
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
try:
    codeop.compile_command('1 +', symbol='eval')
except SyntaxError as e:
    print('SyntaxError', e.msg)
print(type(codeop.compile_command('1 + 2', symbol='eval')).__name__, codeop.compile_command('(1 +', symbol='eval'))
cc = codeop.CommandCompiler()
print(type(cc('x = 1')).__name__, cc('while True:'))
err = io.StringIO()
class Console(code.InteractiveConsole):
    def write(self, data):
        err.write(data)
ns = {}
con = Console(ns)
for line in ['a = 5', 'def f(n):', '    return n * a', '', 'print(f(3))', 'for i in range(2):', '  print(i)', '', '1/0', 'b = [', '1,', '2]', 'print(b)', 'x = )']:
    print(repr(line), con.push(line))
print(sorted(k for k in ns if not k.startswith('__')), ns['b'])
print('ZeroDivisionError: division by zero' in err.getvalue(), 'SyntaxError' in err.getvalue(), 'File "<console>"' in err.getvalue())
it = code.InteractiveInterpreter({'z': 2})
print(it.runsource('print(z * 21)'), it.runsource('if z:'), it.locals['z'])
lines = iter(['q = 3', 'print(q + 1)'])
def reader(prompt):
    try:
        return next(lines)
    except StopIteration:
        raise EOFError
old = sys.stderr
sys.stderr = io.StringIO()
code.interact(banner='hi', readfunc=reader, local={}, exitmsg='bye')
captured = sys.stderr.getvalue()
sys.stderr = old
print(repr(captured))
print(repr(code.Quitter('exit')), code.compile_command is codeop.compile_command, code.__all__)
