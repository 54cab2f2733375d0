# PEP 695 type parameters: TypeVar/ParamSpec/TypeVarTuple objects, lazy bounds, type aliases.
def f[T, *Ts, **P](x: T) -> T:
    return x
T, Ts, P = f.__type_params__
print(repr(T), repr(Ts), repr(P), T.__name__, T.__bound__, T.__constraints__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__, T.__default__)
print(type(T).__name__, type(Ts).__name__, type(P).__name__, type(T).__module__)
print(P.args, P.kwargs, P.args == P.args, f(5))
def g[B: int, C: (int, str) = str]():
    pass
B, C = g.__type_params__
print(B.__bound__, C.__constraints__, C.__default__, C.has_default(), B.has_default())
type Alias[X] = list[X]
print(repr(Alias), Alias.__name__, Alias.__value__, Alias.__type_params__, type(Alias).__name__)
type Plain = int
print(Plain.__value__, Plain.__type_params__)
try:
    Plain[int]
except TypeError as e:
    print(e)
class Box[V]:
    def __init__(self, v: V):
        self.v = v
print(Box.__type_params__, Box(3).v)
TypeVar, ParamSpec, TypeVarTuple = type(T), type(P), type(Ts)
U = TypeVar("U", covariant=True)
W = TypeVar("W", contravariant=True)
print(repr(U), repr(W), repr(TypeVar("Z")))
for args, kw in [(("X", int), {}), (("X", int, str), {'bound': int})]:
    try:
        TypeVar(*args, **kw)
    except TypeError as e:
        print(e)
try:
    TypeVar("X", covariant=True, contravariant=True)
except ValueError as e:
    print(e)
try:
    class Bad(T): pass
except TypeError as e:
    print(e)
print(T.__reduce__(), repr(ParamSpec("Q")), repr(TypeVarTuple("Vs")))
