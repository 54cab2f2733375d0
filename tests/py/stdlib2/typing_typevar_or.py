# TypeVar/ParamSpec | X builds typing.Union through typing (either side); TypeVarTuple takes no part in unions; TypeAliasType unions
from typing import TypeVar, ParamSpec, TypeVarTuple
T = TypeVar('T'); P = ParamSpec('P'); Ts = TypeVarTuple('Ts')
print(T | int, int | T, T | None, None | T, T | T, T | str | int)
print(P | int, int | P)
for f in (lambda: Ts | int, lambda: int | Ts, lambda: T | 3):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
type A = int
print(A | str, str | A)
print((T | int).__args__, T | "x", list[T] | None)
