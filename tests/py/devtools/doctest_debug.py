# doctest: DebugRunner, DocTestFailure/UnexpectedException, testsource, debug_src/debug_script/debug with scripted pdb input, pdb.set_trace inside an example
import doctest
import io
import sys
import types

mod = types.ModuleType('dbgmod')
mod.__file__ = 'dbgmod.py'
sys.modules['dbgmod'] = mod
exec('''
def add(a, b):
    """Add two numbers.

    >>> x = add(1, 2)
    >>> x
    3
    >>> add('a', 'b')
    'ab'
    """
    return a + b


def fails():
    """
    >>> y = 10
    >>> y // 0
    """
''', mod.__dict__)
mod.add.__module__ = mod.fails.__module__ = 'dbgmod'

print('== testsource')
print(doctest.testsource(mod, 'dbgmod.add'), end='')
print(doctest.testsource('dbgmod', 'dbgmod.fails'), end='')
try:
    doctest.testsource(mod, 'dbgmod.nothing')
except ValueError as exc:
    print('ValueError', exc.args)

print('== DebugRunner')
parser = doctest.DocTestParser()
test = parser.get_doctest('>>> a = 5\n>>> a\n6\n>>> print("after")\nafter\n',
                          {}, 'dr', 'dr.py', 0)
runner = doctest.DebugRunner(verbose=False)
try:
    runner.run(test)
except doctest.DocTestFailure as f:
    print(type(f).__name__, f.test is test, repr(f.example.source),
          repr(f.example.want), repr(f.got))
    print(f)
print(test.globs.get('a'))
test = parser.get_doctest('>>> b = 2\n>>> raise IndexError(b)\n', {}, 'dr2',
                          'dr.py', 0)
try:
    runner.run(test)
except doctest.UnexpectedException as u:
    print(type(u).__name__, u.test is test, repr(u.example.source),
          u.exc_info[0].__name__, repr(u.exc_info[1]))
    print(u)
print(test.globs.get('b'))
test = parser.get_doctest('>>> c = 3\n>>> c\n3\n', {}, 'dr3', 'dr.py', 0)
print(runner.run(test), test.globs)
test = parser.get_doctest('>>> c = 3\n>>> c\n3\n', {}, 'dr4', 'dr.py', 0)
print(runner.run(test, clear_globs=False), sorted(test.globs))


def with_input(lines, func, *args, **kwargs):
    saved = sys.stdin
    sys.stdin = io.StringIO(''.join(line + '\n' for line in lines))
    try:
        func(*args, **kwargs)
    except Exception as exc:
        print('raised', type(exc).__name__)
    finally:
        sys.stdin = saved
    print()


print('== debug_src')
with_input(['p 1 + 1', 'c'], doctest.debug_src, '>>> z = 7\n>>> print(z)\n7\n')
print('== debug_script post-mortem')
with_input(['p w', 'q'], doctest.debug_script,
           'w = 41\nw += 1\nraise ValueError(w)\n', pm=True)
print('== debug')
with_input(['c'], doctest.debug, mod, 'dbgmod.add')

print('== pdb.set_trace inside an example')
import pdb
saved_set_trace = pdb.set_trace
test = parser.get_doctest('''
>>> import pdb
>>> v = 'value'
>>> pdb.set_trace()
>>> print(v)
value
''', {}, 'settrace', 'st.py', 0)
with_input(['p v', 'continue'], doctest.DocTestRunner(verbose=False).run, test)
print(pdb.set_trace is saved_set_trace)
