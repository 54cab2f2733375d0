# Checks PEP 695 annotation scopes: generic functions/classes, type aliases, bounds/constraints/defaults evaluated lazily.
type Alias = list[int]
print(Alias.__name__, Alias.__value__, Alias.__type_params__)
type Pair[T] = tuple[T, T]
print(Pair.__type_params__, Pair.__value__)
def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]), first.__type_params__, first.__annotations__)
class Box[T, *Ts, **P]:
    def get(self) -> T:
        return self.v
print(Box.__type_params__, Box.__mro__[1:][0].__name__, Box.__qualname__, Box.get.__qualname__)
def bounded[T: (int, str), U: float = 1.0]():
    return T, U
T, U = bounded()
print(T.__constraints__, U.__bound__, U.__default__)
class Outer:
    x = int
    type A = x
    def m[S](self, s: S) -> S:
        return s
print(Outer.A.__value__, Outer().m(5), Outer.m.__type_params__)
type Lazy = Undefined
try:
    Lazy.__value__
except NameError as e:
    print("NameError", e)
