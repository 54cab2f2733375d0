# Checks typing runtime behaviour and reprs: unions, aliases, TypeVar, generics, protocols, NamedTuple, TypedDict, helpers.
import typing
from typing import (Any, Union, Optional, List, Dict, Tuple, Callable, TypeVar, Generic,
                    ParamSpec, TypeVarTuple, Protocol, runtime_checkable, NamedTuple, TypedDict,
                    Required, NotRequired, Literal, Final, ClassVar, Annotated, Self, Never,
                    NewType, overload, get_overloads, cast, assert_type, get_type_hints,
                    get_origin, get_args, dataclass_transform, reveal_type, override, Unpack,
                    Concatenate, TypeAlias, LiteralString, NoReturn, Iterable, Sequence)
import collections.abc

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)

# Unions
show("u1", lambda: Union[int, str])
show("u2", lambda: Union[int, int])
show("u3", lambda: Union[int])
show("u4", lambda: Optional[int])
show("u5", lambda: Union[int, None, str])
show("u6", lambda: int | str)
show("u7", lambda: int | None)
show("u8", lambda: Union[int, str] == Union[str, int])
show("u9", lambda: get_args(Union[int, str, None]))
show("u10", lambda: get_origin(Union[int, str]))
show("u11", lambda: get_origin(int | str))
show("u12", lambda: Union[int, Union[str, float]])
show("u13", lambda: Optional[Union[int, str]])
show("u14", lambda: Union[()])
show("u15", lambda: Union[int, "str"])
show("u16", lambda: isinstance(3, int | str))
show("u17", lambda: List[int] | None)
# generic aliases
show("g1", lambda: List[int])
show("g2", lambda: Dict[str, List[int]])
show("g3", lambda: Tuple[int, ...])
show("g4", lambda: Tuple[()])
show("g5", lambda: Callable[[int, str], bool])
show("g6", lambda: Callable[..., int])
show("g7", lambda: list[int])
show("g8", lambda: get_origin(List[int]))
show("g9", lambda: get_args(Dict[str, int]))
show("g10", lambda: get_args(Callable[[int], str]))
show("g11", lambda: get_origin(Callable[[int], str]))
show("g12", lambda: List)
show("g13", lambda: typing.Dict)
show("g14", lambda: List[int] == List[int])
show("g15", lambda: Sequence[int])
show("g16", lambda: get_origin(Annotated[int, "x"]))
show("g17", lambda: get_args(Annotated[int, "x", 3]))
show("g18", lambda: Annotated[int, "meta"])
show("g19", lambda: Annotated[Annotated[int, 1], 2])
show("g20", lambda: List[int, str])
show("g21", lambda: isinstance([], List[int]))
show("g22", lambda: Callable[[], None])
show("g23", lambda: typing.Type[int])
show("g24", lambda: get_origin(list[int]))
show("g25", lambda: get_args(int))
show("g26", lambda: get_origin(int))
show("g27", lambda: get_origin(Generic))
# TypeVar
T = TypeVar("T")
B = TypeVar("B", bound=int)
C = TypeVar("C", int, str)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
D = TypeVar("D", default=int)
show("t1", lambda: (T, B, C, Co, Contra, D))
show("t2", lambda: (T.__name__, B.__bound__, C.__constraints__, Co.__covariant__, Contra.__contravariant__))
show("t3", lambda: (D.__default__, T.__default__ is typing.NoDefault, D.has_default(), T.has_default()))
show("t4", lambda: TypeVar("X", int))
show("t5", lambda: TypeVar("X", covariant=True, contravariant=True))
show("t6", lambda: List[T][int])
show("t7", lambda: Dict[T, C][str, int])
show("t8", lambda: List[T].__parameters__)
show("t9", lambda: Dict[str, T][int, int])
show("t10", lambda: T.__infer_variance__)
show("t11", lambda: typing.NoDefault)
show("t12", lambda: Union[T, int])
# PEP 695
def f695():
    class Box[X]:
        pass
    def ident[Y: int](y: Y) -> Y: return y
    type Alias[Z] = list[Z]
    type Plain = int | str
    print("p1", Box.__type_params__, ident.__type_params__, Alias.__type_params__)
    print("p2", Alias, Alias[int], Plain, Plain.__value__, type(Plain).__name__)
    print("p3", Alias.__name__, get_origin(Alias[int]) is Alias, get_args(Alias[int]))
    print("p4", Box[int], Box.__parameters__, Generic in Box.__mro__)
    X = Box.__type_params__[0]
    print("p5", X.__name__, ident.__type_params__[0].__bound__)
    class K[*Ts, **P]: pass
    print("p6", K.__type_params__)
    class Dflt[T = int]: pass
    print("p7", Dflt.__type_params__[0].__default__)
f695()
# ParamSpec / TypeVarTuple
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")
show("ps1", lambda: (P, P.args, P.kwargs, Ts, P.__name__))
show("ps2", lambda: Callable[P, int])
show("ps3", lambda: Callable[P, int][[str, bytes], ])
show("ps4", lambda: Callable[Concatenate[int, P], str])
show("ps5", lambda: Tuple[*Ts])
show("ps6", lambda: Tuple[Unpack[Ts]])
show("ps7", lambda: Tuple[int, *Ts])
show("ps8", lambda: list(Ts))
show("ps9", lambda: (P.args.__origin__ is P, P.kwargs.__origin__ is P))
# Generic subclassing
class Stack(Generic[T]):
    def __init__(self): self.items = []
show("gen1", lambda: Stack[int])
show("gen2", lambda: Stack.__parameters__)
show("gen3", lambda: Stack[int]().items)
show("gen4", lambda: Stack[int, str])
show("gen5", lambda: Generic[int])
show("gen6", lambda: Generic[T, T])
show("gen7", lambda: Stack.__orig_bases__)
class Pair(Generic[T, C]): pass
show("gen8", lambda: Pair[int, str])
show("gen9", lambda: Pair[int])
class IntStack(Stack[int]): pass
show("gen10", lambda: (IntStack.__orig_bases__, IntStack.__parameters__))
show("gen11", lambda: get_origin(Stack[int]) is Stack)
show("gen12", lambda: type(Generic()).__name__)
s = Stack[int]()
show("gen13", lambda: s.__orig_class__)
show("gen14", lambda: Stack[T][str])
# Protocol
@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...
class Closeable(Protocol):
    def close(self) -> None: ...
show("pr1", lambda: (isinstance([], HasLen), isinstance(3, HasLen), issubclass(str, HasLen)))
show("pr2", lambda: isinstance([], Closeable))
show("pr3", lambda: Closeable())
@runtime_checkable
class HasX(Protocol):
    x: int
class WithX:
    x = 1
show("pr4", lambda: (isinstance(WithX(), HasX), isinstance(3, HasX)))
show("pr5", lambda: issubclass(WithX, HasX))
show("pr6", lambda: (isinstance(3, typing.SupportsInt), isinstance("a", typing.SupportsInt), isinstance(2.0, typing.SupportsIndex)))
show("pr7", lambda: (HasLen._is_protocol, typing.get_protocol_members(HasX)))
show("pr8", lambda: (typing.is_protocol(HasLen), typing.is_protocol(int)))
class Impl(Closeable):
    def close(self): return "closed"
show("pr9", lambda: Impl().close())
show("pr10", lambda: runtime_checkable(int))
# NamedTuple
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
show("nt1", lambda: (Pt(1), Pt(1, 2).norm(), Pt._fields, Pt._field_defaults, Pt.__annotations__))
Pt2 = NamedTuple("Pt2", [("a", int), ("b", str)])
show("nt2", lambda: (Pt2(1, "x"), Pt2.__annotations__))
show("nt3", lambda: Pt(1)._replace(y=5)._asdict())
def badnt():
    class Bad(NamedTuple):
        x: int = 0
        y: int
show("nt4", badnt)
def badnt2():
    class Bad(NamedTuple):
        _x: int
show("nt5", badnt2)
class GNT(NamedTuple, Generic[T]):
    v: T
show("nt6", lambda: (GNT[int], GNT(3)))
# TypedDict
class Movie(TypedDict):
    name: str
    year: int
class Movie2(TypedDict, total=False):
    name: Required[str]
    rating: float
class Movie3(Movie):
    extra: NotRequired[bool]
show("td1", lambda: Movie(name="x", year=1))
show("td2", lambda: (sorted(Movie.__required_keys__), Movie.__optional_keys__, Movie.__total__))
show("td3", lambda: (sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__total__))
show("td4", lambda: (sorted(Movie3.__required_keys__), sorted(Movie3.__optional_keys__)))
show("td5", lambda: Movie3.__annotations__)
TD = TypedDict("TD", {"a": int, "b": str}, total=False)
show("td6", lambda: (TD.__optional_keys__ == {"a", "b"}, TD(a=1)))
show("td7", lambda: isinstance({}, Movie))
show("td8", lambda: typing.is_typeddict(Movie), )
show("td9", lambda: (typing.is_typeddict(dict), type(Movie(name="a", year=2))))
class RO(TypedDict):
    a: typing.ReadOnly[int]
show("td10", lambda: (RO.__readonly_keys__, RO.__mutable_keys__))
# Literal / Final / ClassVar / misc special forms
show("l1", lambda: Literal[1, "a", None])
show("l2", lambda: Literal[1, 1, 2])
show("l3", lambda: Literal[1] == Literal[1])
show("l4", lambda: Literal[True] == Literal[1])
show("l5", lambda: get_args(Literal[Literal[1, 2], 3]))
show("f1", lambda: (Final[int], ClassVar[int], Final, ClassVar))
show("f2", lambda: Final[int, str])
show("f3", lambda: (Self, Never, NoReturn, Any, LiteralString, TypeAlias))
show("f4", lambda: isinstance(3, Any))
show("f5", lambda: Any())
show("f6", lambda: Union)
show("f7", lambda: Optional[int, str])
show("f8", lambda: Annotated[int])
show("f9", lambda: Annotated[int, "a"].__metadata__)
show("f10", lambda: typing.TypeGuard[int])
show("f11", lambda: typing.TypeIs[int])
show("f12", lambda: Unpack[Ts])
show("f13", lambda: ClassVar[Final[int]])
show("f14", lambda: Self[int])
# NewType
UserId = NewType("UserId", int)
show("n1", lambda: (UserId, UserId(5), UserId.__supertype__, UserId.__name__))
show("n2", lambda: UserId | None)
def class_sub2():
    class X(UserId): pass
show("n3", lambda: class_sub2())
# overload
@overload
def ov(x: int) -> int: ...
@overload
def ov(x: str) -> str: ...
def ov(x): return x
show("o1", lambda: (len(get_overloads(ov)), ov(3)))
show("o2", lambda: get_overloads(len))
typing.clear_overloads()
show("o3", lambda: get_overloads(ov))
@overload
def only(x: int) -> int: ...
show("o4", lambda: only(1))
# cast / assert_type / reveal_type
show("c1", lambda: cast(int, "x"))
show("c2", lambda: cast("List[int]", 5))
show("c3", lambda: assert_type(5, str))
import sys, io
old = sys.stderr
sys.stderr = io.StringIO()
r = reveal_type([1])
msg = sys.stderr.getvalue()
sys.stderr = old
print("c4", r, repr(msg))
show("c5", lambda: typing.assert_never.__name__)
show("c6", lambda: typing.assert_never(3))
# get_type_hints
class HC:
    a: int
    b: "str"
    c: Annotated[int, "meta"]
    d: ClassVar[int] = 3
    e: Optional["HC"] = None
def fn(x: "int", y: List["str"] = None) -> "HC": pass
show("h1", lambda: get_type_hints(HC))
show("h2", lambda: get_type_hints(HC, include_extras=True))
show("h3", lambda: get_type_hints(fn))
def fn2(x: "undefined_name"): pass
show("h4", lambda: get_type_hints(fn2))
show("h5", lambda: get_type_hints(3))
class HSub(HC):
    f: bytes
show("h6", lambda: list(get_type_hints(HSub)))
show("h7", lambda: typing.ForwardRef("int"))
show("h8", lambda: typing.ForwardRef("1 +"))
# dataclass_transform / override / final / no_type_check
@dataclass_transform(kw_only_default=True)
def deco(cls): return cls
show("d1", lambda: deco.__dataclass_transform__)
class Base:
    def m(self): pass
class Der(Base):
    @override
    def m(self): pass
show("d2", lambda: Der.m.__override__)
@typing.final
class Fin: pass
show("d3", lambda: Fin.__final__)
show("d4", lambda: typing.no_type_check(fn).__no_type_check__)
show("d5", lambda: typing.get_args(Callable[Concatenate[int, P], str]))
# Text / misc
show("m1", lambda: (typing.Text, typing.AnyStr, typing.TYPE_CHECKING))
show("m2", lambda: typing.Hashable is collections.abc.Hashable)
show("m3", lambda: (typing.Iterable[int], typing.Awaitable, typing.Pattern, typing.Match[str]))
show("m4", lambda: issubclass(list, typing.Sequence))
show("m5", lambda: isinstance([], typing.List))
show("m6", lambda: typing.List())
show("m7", lambda: typing.TYPE_CHECKING)
show("m8", lambda: typing.DefaultDict[str, int])
show("m9", lambda: typing.Counter[str])
show("m10", lambda: typing.Generator[int, None, None])
show("m11", lambda: typing.Optional)
show("m12", lambda: type(Union[int, str]))
show("m13", lambda: type(int | str))
show("m14", lambda: hash(Union[int, str]) == hash(Union[str, int]))
show("m15", lambda: typing.TypeAliasType("A", int))
show("m16", lambda: typing.TypeAliasType("A", list[T], type_params=(T,))[int])
