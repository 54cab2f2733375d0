# Checks typing forward references, Unpack of TypedDict kwargs, TypeVarTuple generics and ParamSpec class substitution.
import typing
from typing import *
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)
T = TypeVar("T"); P = ParamSpec("P"); Ts = TypeVarTuple("Ts")
show("fr1", lambda: (ForwardRef("int") == ForwardRef("int"), ForwardRef("int") == ForwardRef("str"), hash(ForwardRef("a")) == hash(ForwardRef("a"))))
show("fr2", lambda: ForwardRef("int", module="builtins"))
show("fr3", lambda: ForwardRef(3))
show("fr4", lambda: List["int"])
show("fr5", lambda: Union["int", None])
show("fr6", lambda: Optional["X"] == Optional["X"])
show("fr7", lambda: ForwardRef("int").__forward_arg__)
show("fr8", lambda: "int" | ForwardRef("str") if False else ForwardRef("a") | None)
class Movie(TypedDict):
    name: str
    year: int
def kw(**kwargs: Unpack[Movie]): pass
show("up1", lambda: kw.__annotations__)
show("up2", lambda: get_type_hints(kw))
show("up3", lambda: Unpack[Movie])
class Arr(Generic[*Ts]): pass
show("tvt1", lambda: (Arr[int, str], Arr[()], Arr[int], Arr.__parameters__))
class Arr2(Generic[T, *Ts]): pass
show("tvt2", lambda: (Arr2[int], Arr2[int, str, bytes]))
show("tvt3", lambda: Arr2[()])
show("tvt4", lambda: Tuple[int, Unpack[Ts]].__parameters__)

show("tvt6", lambda: (Ts.__name__, repr(Ts), Unpack[Ts].__args__, get_origin(Unpack[Ts]) is Unpack))
class Fn(Generic[P, T]): pass
show("ps1", lambda: (Fn[[int], str], Fn[..., int], Fn[P, T], Fn[Concatenate[int, P], str]))
show("ps2", lambda: Fn[int, str])
class Fn1(Generic[P]): pass
show("ps3", lambda: (Fn1[int], Fn1[int, str], Fn1[[]], Fn1[()]))
show("ps4", lambda: Callable[Concatenate[int, P], str][[bytes]])
show("ps5", lambda: Callable[Concatenate[int, P], str][...])
show("ps6", lambda: get_args(Callable[P, int]))
show("ps7", lambda: ParamSpecArgs(P) == P.args if hasattr(typing, "ParamSpecArgs") else "")
show("misc1", lambda: (typing.Protocol, typing.Generic, typing.NamedTuple.__name__, typing.TypedDict.__name__))
show("misc2", lambda: (typing.Text, typing.ByteString, typing.Sized, typing.Hashable))
show("misc3", lambda: typing.Optional[typing.Any])
show("misc4", lambda: typing.Union[typing.Never, int])
show("misc5", lambda: typing.get_type_hints(typing.NamedTuple("Q", [("a", "int")])))
