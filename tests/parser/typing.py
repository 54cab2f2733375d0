# parser: PEP 695/696 type parameters, type aliases and annotations
type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Bounded[T: int] = list[T]
type Constrained[T: (int, str)] = T
type Variadic[*Ts] = tuple[*Ts]
type Spec[**P] = Callable[P, int]
type WithDefaults[T = int, *Ts = *tuple[int], **P = [int, str]] = None
def generic[T](x: T) -> T:
    return x
def many[T, U: str, *Ts, **P](*args: *Ts, **kwargs: P.kwargs) -> tuple[T, U]: ...
class Box[T]:
    def get[S](self) -> T | S: ...
class Multi[K, V](dict[K, V], metaclass=Meta): pass
async def agen[T](x: T) -> AsyncIterator[T]:
    yield x
def annotated(a: int, b: "str" = "x", *args: tuple, c: list[int] = [], **kw: dict) -> None: pass
x: int
y: "forward" = None
z: list[tuple[int, ...]] = []
type = 1
type.attr = 2
type(x)
print(type)
