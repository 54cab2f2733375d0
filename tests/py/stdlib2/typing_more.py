# Checks more typing behaviour: TypeVar errors, type aliases, generic protocols, ParamSpec generics, subscription errors.
import typing
from typing import *
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)
T = TypeVar("T"); U = TypeVar("U"); P = ParamSpec("P"); Ts = TypeVarTuple("Ts")
show("a1", lambda: TypeVar("X", bound=3))
show("a2", lambda: TypeVar("X", int, bound=str))

show("a4", lambda: (TypeVar("X", bound="Fwd").__bound__, TypeVar("X", int, "str").__constraints__))
show("a5", lambda: (repr(TypeVar("X", covariant=True)), repr(TypeVar("X", contravariant=True)), repr(TypeVar("X", infer_variance=True))))
show("a6", lambda: T.__module__)
show("a7", lambda: (ParamSpec("Q", bound=int).__bound__, ParamSpec("Q", default=[int]).__default__, TypeVarTuple("V", default=Unpack[Ts]).__default__))
show("a8", lambda: (P.args, P.kwargs, type(P.args).__name__, P.args == P.args, P.args == P.kwargs))
show("a9", lambda: Union[T, int][str])
show("a10", lambda: Optional[T][int])
show("a11", lambda: Dict[T, U][int])
show("a12", lambda: Tuple[T, ...][int])
show("a13", lambda: Callable[[T], U][int, str])
show("a14", lambda: Callable[..., T][int])
show("a15", lambda: List[int][str])
show("a16", lambda: Union[int, str][int])
class G(Generic[P]):
    pass
show("b1", lambda: G[[int, str]])
show("b2", lambda: G[int, str])
show("b3", lambda: G[...])
show("b4", lambda: G.__parameters__)
class GT(Generic[T, P]): pass
show("b5", lambda: GT[int, [str]])
@runtime_checkable
class SupportsClose(Protocol[T]):
    def close(self) -> T: ...
class F:
    def close(self): return 1
show("b6", lambda: (isinstance(F(), SupportsClose), SupportsClose[int], SupportsClose.__parameters__))
show("b7", lambda: issubclass(F, SupportsClose))
show("b8", lambda: isinstance(F(), SupportsClose[int]))
def p695():
    type A = int
    type B[T] = dict[str, T]
    type C[T: (int, str)] = list[T]
    type R = list[R]
    print("c1", A, repr(A), A.__name__, A.__module__, A.__type_params__, A.__value__)
    print("c2", B[int], B.__type_params__, B.__value__, get_args(B[int]), B[int].__value__ if hasattr(B[int], "__value__") else "")
    print("c3", C.__type_params__[0].__constraints__, R.__value__)
    try:
        A.__value__ = 1
    except Exception as e:
        print("c4", type(e).__name__, e)
    try:
        A[int]
    except Exception as e:
        print("c5", type(e).__name__, e)
    print("c6", A | None, type(A | None))
    def g[**Q, *Us](): pass
    print("c7", g.__type_params__, type(g.__type_params__[0]).__name__)
    class M[T]:
        def meth[S](self, x: S) -> T: ...
    print("c8", M.meth.__type_params__, M.__type_params__)
    t = TypeAliasType("Z", list[int])
    print("c9", t, t.__value__, t.__name__, TypeAliasType("Y", int, type_params=()))
p695()
show("d1", lambda: get_type_hints(lambda: None))
def h(a: Annotated[int, "m"], b: "Optional[int]" = None) -> None: pass
show("d2", lambda: get_type_hints(h))
show("d3", lambda: get_type_hints(h, include_extras=True))
show("d4", lambda: h.__annotations__)
class WithHints:
    x: "List[int]"
    y: Final = 3
    z: ClassVar["int"]
show("d5", lambda: get_type_hints(WithHints))
show("d6", lambda: get_type_hints(WithHints, localns={"int": str}))
import types
mod = types.ModuleType("m"); mod.__annotations__ = {"v": "int"}
show("d7", lambda: get_type_hints(mod))
show("e1", lambda: Literal[1] | None)
show("e2", lambda: Union[Literal[1], Literal[2]])
show("e3", lambda: get_args(Final[int]))
show("e4", lambda: get_origin(ClassVar[int]))
show("e5", lambda: get_origin(Required[int]) is Required)
show("e6", lambda: (get_origin(P.args), get_origin(Concatenate[int, P]), get_args(Concatenate[int, P])))
show("e7", lambda: Concatenate[int])
show("e8", lambda: Concatenate[int, ...])
show("e9", lambda: Union[int, Any])
show("e10", lambda: list[int] | None)
show("e11", lambda: int | list[int] | Optional[str])
show("e12", lambda: isinstance(3, Union[int, str]))
show("e13", lambda: issubclass(bool, Optional[int]))
show("e14", lambda: isinstance([], Union[list[int], str]))
show("e15", lambda: Union[int, str].__args__)
show("e16", lambda: Union[int, str] == int | str)
show("e17", lambda: Type[int] | None)
show("e18", lambda: NoReturn[int])
show("e19", lambda: ClassVar[int, str])
show("e20", lambda: Union[3])
class NT(NamedTuple):
    a: int
    b: str = "x"
show("f1", lambda: (NT.__doc__, NT._field_defaults, NT.__match_args__, NT(1) == (1, "x"), issubclass(NT, tuple)))
show("f2", lambda: NamedTuple("E", []))

class TD(TypedDict, total=False):
    a: int
show("f4", lambda: (TD.__total__, [b.__name__ for b in TD.__orig_bases__], TD.__module__, TD.__name__))
class GTD(TypedDict, Generic[T]):
    v: T
show("f5", lambda: (GTD[int], GTD.__parameters__))
show("f6", lambda: TypedDict("Bad", {"a": int}, foo=1))
show("f7", lambda: type("X", (TD, dict), {}))
