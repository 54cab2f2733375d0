# Checks further typing details: pickling/copying aliases, dir/attrs of aliases, Generic MRO, __orig_class__, overload registry, Self/LiteralString use.
import typing, pickle, copy
from typing import *
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)
T = TypeVar("T")
for i, obj in enumerate([List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str], Tuple[int, ...], Literal[1, 2], Annotated[int, "x"], List, Any, T, ClassVar[int], Final[int]]):
    show(f"pk{i}", lambda: (pickle.loads(pickle.dumps(obj)) == obj, copy.copy(obj) == obj, copy.deepcopy(obj) == obj))
show("at1", lambda: (List[int].__origin__, List[int]._name if hasattr(List[int], "_name") else "", List[int].__args__, List.__origin__))
show("at2", lambda: (Dict.__doc__ is not None, List[int].__module__, hash(List[int]) == hash(List[int])))
show("at3", lambda: List[int].append)
class Box(Generic[T]):
    def get(self) -> T: ...
class IntBox(Box[int]): pass
class Both(Box[T], list): pass
show("mro1", lambda: [c.__name__ for c in Box.__mro__])
show("mro2", lambda: [c.__name__ for c in IntBox.__mro__])
show("mro3", lambda: ([c.__name__ for c in Both.__mro__], Both.__parameters__, Both[int]))
show("mro4", lambda: Box[int]().__orig_class__)
show("mro5", lambda: type(Box[int]()).__name__)
show("mro6", lambda: Box[int].get.__qualname__)
show("mro7", lambda: isinstance(Box[int](), Box))
show("mro8", lambda: isinstance(Box(), Box[int]))
show("mro9", lambda: issubclass(IntBox, Box))
def bad_generic():
    class X(Generic[T], Generic[T]): pass

def bad_generic2():
    S = TypeVar("S")
    class X(Box[T], Generic[S]): pass
show("err2", bad_generic2)
def bad_generic3():
    class X(Generic): pass
show("err3", bad_generic3)
def bad_union():
    class X(Union[int, str]): pass
show("err4", bad_union)
def bad_any():
    class X(Any): pass
    return X.__mro__[1]
show("err5", bad_any)
def bad_lit():
    class X(Literal[1]): pass
show("err6", bad_lit)
show("err7", lambda: Generic[()])
show("err8", lambda: Protocol[int])
class Shape:
    def set_scale(self, scale: float) -> Self:
        return self
show("self1", lambda: get_type_hints(Shape.set_scale))
show("ls", lambda: get_type_hints(lambda: None))
show("nt", lambda: typing.NoDefault.__class__.__name__)
show("sp", lambda: (typing.Pattern[str], typing.Match, typing.IO[str], typing.TextIO, typing.BinaryIO.__mro__[1].__name__))
show("ctx", lambda: (typing.ContextManager[int], typing.AsyncContextManager[int]))
show("abc", lambda: (typing.AbstractSet[int], typing.ChainMap[str, int], typing.OrderedDict[str, int], typing.Deque[int], typing.FrozenSet[int], typing.Set[int]))
show("abc2", lambda: (typing.AsyncGenerator[int], typing.Coroutine[int, int, int], typing.Awaitable[int], typing.AsyncIterator[int]))
show("sup", lambda: (isinstance(3.0, typing.SupportsFloat), isinstance(3, typing.SupportsAbs), isinstance("s", typing.SupportsRound), isinstance(b"", typing.SupportsBytes), isinstance(1j, typing.SupportsComplex)))
show("cv", lambda: typing.get_type_hints(type("K", (), {"__annotations__": {"a": "ClassVar[int]"}})))
show("ovl", lambda: typing.overload(lambda: 1)())
show("ftr", lambda: typing.final(lambda: 1).__final__)

show("dt", lambda: typing.dataclass_transform()(int) is int)
show("rt", lambda: typing.reveal_type.__module__)
show("tvrep", lambda: (repr(TypeVar("T_co", covariant=True)), str(T), T.__name__, T.__qualname__ if hasattr(T, "__qualname__") else "-"))
