# Checks unwinding with return values through finally/with/async with, class-level global/except, nested comprehension cells, walrus defaults.
class A:
    global gx
    gx = 5
    try:
        raise KeyError
    except KeyError as e:
        pass
    print("e" in dir())
print(gx)
class B:
    def m(self):
        return [super().__class__.__name__ for _ in range(1)]
    def n(self):
        def inner():
            return __class__
        return inner()
print(B().m(), B().n().__name__)
def gen():
    try:
        yield 1
    finally:
        yield 2
print(list(gen()))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): print("exit"); return False
def r():
    for i in range(3):
        with CM():
            try:
                return i
            finally:
                print("fin")
print(r())
class ACM:
    async def __aenter__(self): print("aenter"); return 1
    async def __aexit__(self, *a): print("aexit"); return False
async def ar():
    async with ACM() as v:
        return v + 1
c = ar()
try:
    c.send(None)
except StopIteration as e:
    print("ret", e.value)
x = 10
def dflt(a=(x := 3)):
    return a
print(dflt(), x)
def loop_else():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            pass
    else:
        return "else"
    return "broke"
print(loop_else())
print([(lambda: k)() for k in range(2)])
def nested_comp_cells():
    return [[lambda: (i, j) for j in range(2)] for i in range(2)][1][0]()
print(nested_comp_cells())
def del_in_except():
    e = 1
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "unbound"
print(del_in_except())
a = b = c = 7
a, b = b, a
print(a, b, c)
(a, b), c = [1, 2], 3
print(a, b, c)
i = 0
while (i := i + 1) < 3: pass
print(i)
print(*[1, 2], sep="-")
print(f"{'nested {x}'}", f"{x:{'>'}{5}}")
