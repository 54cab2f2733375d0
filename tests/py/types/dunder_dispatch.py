# Dunder dispatch: binary/reflected/in-place operators, NotImplemented fallback, unary, truth, len, index, contains.
class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, int): return V(o + self.x + 1000)
        return NotImplemented
    def __iadd__(self, o):
        self.x += 100 * (o.x if isinstance(o, V) else o)
        return self
    def __mul__(self, o): return V(self.x * o)
    def __rmul__(self, o): return V(-self.x * o)
    def __neg__(self): return V(-self.x)
    def __pos__(self): return self
    def __abs__(self): return V(abs(self.x))
    def __invert__(self): return V(~self.x)
    def __pow__(self, o, m=None): return ("pow", self.x, o, m)
    def __rpow__(self, o): return ("rpow", o, self.x)
    def __matmul__(self, o): return "matmul"
    def __truediv__(self, o): return "div"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __mod__(self, o): return "mod"
    def __divmod__(self, o): return "divmod"
    def __lshift__(self, o): return "lshift"
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __bool__(self): return self.x != 0
    def __index__(self): return self.x
    def __int__(self): return 7
    def __float__(self): return 2.5

a, b = V(1), V(2)
print(a + b, a + 5, 5 + a, a * 3, 3 * a, -a, +a, abs(V(-4)), ~a)
print(a ** 2, pow(a, 2, 5), 2 ** a, a @ b, a / 1, 1 // a, a % 1, divmod(a, 1), a << 1, a & 1, a | 1, a ^ 1)
c = V(1)
c += 2
print(c)
c += V(1)
print(c)
print(bool(V(0)), bool(V(3)), [10, 20, 30][V(1)], int(a), float(a), hex(V(255)), V(3).__index__())
try:
    a + "s"
except TypeError as e:
    print(e)
try:
    "s" + a
except TypeError as e:
    print(e)
try:
    a - 1
except TypeError as e:
    print(e)

class Sub(V):
    def __radd__(self, o): return "Sub.radd wins"
print(V(1) + Sub(2))

class Base:
    def __eq__(self, o): return "Base.eq"
class Derived(Base):
    def __eq__(self, o): return "Derived.eq"
print(Base() == Derived(), Derived() == Base())

class C:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __contains__(self, x): return x == "magic"
c = C([1, 2, 3])
print(len(c), c[0], c[-1], c[1:], list(c), "magic" in c, 1 in c, bool(C([])))

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(OnlyGetitem()), 20 in OnlyGetitem(), 25 in OnlyGetitem())

class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(e)

class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)

class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)

class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Cmp({self.v})"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) > Cmp(0))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(1))

class InplaceOnly:
    def __init__(self): self.n = 0
    def __iadd__(self, o):
        self.n += o
        return self
x = InplaceOnly()
x += 5
print(x.n)
try:
    x + 5
except TypeError as e:
    print(e)
y = [1]
y += (2, 3)
print(y)
