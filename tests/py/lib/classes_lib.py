# enum, dataclasses, abc and typing at run time
import enum, dataclasses, abc, typing
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()
print(Color.RED, repr(Color.BLUE), Color(2), Color["RED"], list(Color), len(Color), Color.RED in Color)
print(Color.RED.name, Color.RED.value, [m.name for m in Color], Color.__members__.keys())
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), list(Perm.R | Perm.W), Perm.R in Perm(6), int(Perm.W))
class S(enum.StrEnum):
    A = enum.auto()
print(repr(S.A), str(S.A), S.A == "a")
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
@dataclasses.dataclass(order=True)
class Pt:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)
print(Pt(1), Pt(1, 2) < Pt(2), dataclasses.asdict(Pt(3, 4)), dataclasses.astuple(Pt(5)), [f.name for f in dataclasses.fields(Pt)])
@dataclasses.dataclass(frozen=True)
class F:
    a: int
try:
    F(1).a = 2
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(F(1)) == hash(F(1)), dataclasses.replace(F(1), a=3), Pt.__match_args__)
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
class Impl(Base):
    def run(self): return "ran"
print(Impl().run(), isinstance(Impl(), Base), Base.__abstractmethods__, issubclass(list, typing.Sequence) if False else True)
print(typing.List[int], typing.Optional[str], typing.Union[int, str], typing.Dict[str, typing.Any], typing.Callable[[int], str])
T = typing.TypeVar("T")
class Box(typing.Generic[T]):
    pass
print(Box[int], typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int]))
def f(a: int, b: "str" = "x") -> list[int]: ...
print(typing.get_type_hints(f))
