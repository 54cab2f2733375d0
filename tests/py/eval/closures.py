# Closures, cells, nonlocal, class scopes and free variables, __closure__ contents.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(10), c.__closure__[0].cell_contents, len(c.__closure__))
print(c.__code__.co_freevars, counter.__code__.co_cellvars)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
a, b = make_adders()
print([f(10) for f in a], [f(10) for f in b])

def outer():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        y = x
    return C().m(), C.y
print(outer())

def unbound():
    def inner():
        return q
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    q = 5
    return inner()
print(unbound())

def deleter():
    x = 1
    def get(): return x
    del x
    try:
        get()
    except NameError as e:
        print(e)
deleter()

def local_unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(e)
    y = 2
local_unbound()

def arg_cell(a, b):
    def f():
        return a + b
    a = a * 10
    return f()
print(arg_cell(1, 2))

x = 'global'
def shadow():
    x = 'local'
    def f():
        global x
        return x
    return f()
print(shadow())
gen_cells = [(lambda: j) for j in range(3)]
print([g() for g in gen_cells])
print([(lambda: k)() for k in range(3)])
import types
cell = types.CellType(5)
print(cell.cell_contents, types.CellType() == types.CellType(), types.CellType(1) < types.CellType(2))
cell.cell_contents = 7
print(cell.cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print(e)
