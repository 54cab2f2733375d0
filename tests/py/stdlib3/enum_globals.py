# enum: global_enum and its repr/str helpers, pickle_by_*_name, show_flag_values, verify, FlagBoundary
import enum
import pickle
import sys
from enum import (Enum, IntEnum, StrEnum, Flag, IntFlag, global_enum, global_enum_repr,
                  global_flag_repr, global_str, pickle_by_enum_name, pickle_by_global_name,
                  show_flag_values, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, FlagBoundary,
                  STRICT, CONFORM, EJECT, KEEP, auto)

print(sorted(enum.__all__))
for name in ('global_enum_repr', 'global_flag_repr', 'global_str', 'pickle_by_enum_name',
             'pickle_by_global_name', 'show_flag_values'):
    print(name, callable(getattr(enum, name)))


@global_enum
class Colour(Enum):
    RED = 1
    GREEN = 2


print(repr(RED), str(RED), format(RED), RED is Colour.RED, repr(GREEN))
print(Colour.__repr__ is global_enum_repr, Colour.__str__ is global_str)


@global_enum
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(repr(R), repr(R | W), repr(Perm(0)), str(R | X), str(Perm(0)), repr(RWX))
print(Perm.__repr__ is global_flag_repr)


@global_enum
class Mode(IntFlag):
    A = 1
    B = 2


print(repr(A), repr(A | B), repr(Mode(9)), str(A | B), str(Mode(9)), format(A | B))


@global_enum
class Level(IntEnum):
    LOW = 10
    HIGH = 20


print(repr(LOW), str(LOW), format(HIGH))


class Level2(IntEnum):
    MID = 15


global_enum(Level2, update_str=True)
print(repr(MID), str(MID))


class Size(StrEnum):
    SMALL = auto()


global_enum(Size)
print(repr(SMALL), str(SMALL))


# direct use of the helpers on ordinary members
class Plain(Enum):
    ONE = 1


print(global_enum_repr(Plain.ONE), global_str(Plain.ONE))


class F(Flag):
    P = 1
    Q = 2


print(global_flag_repr(F.P), global_flag_repr(F.P | F.Q), global_flag_repr(F(0)))
print(global_str(F.P | F.Q), global_str(F(0)))


class K(IntFlag, boundary=KEEP):
    P = 1
    Q = 2


print(global_flag_repr(K(1 | 2 | 8)), global_flag_repr(K(8)))


# pickling by name
class ByGlobal(Enum):
    __reduce_ex__ = pickle_by_global_name
    U = 1
    V = 2


U, V = ByGlobal.U, ByGlobal.V
print(ByGlobal.U.__reduce_ex__(4))
print(pickle.loads(pickle.dumps(ByGlobal.V)) is ByGlobal.V)


class ByEnum(Enum):
    __reduce_ex__ = pickle_by_enum_name
    S = 1
    T = 2


r = ByEnum.T.__reduce_ex__(2)
print(r[0] is getattr, r[1][0] is ByEnum, r[1][1])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(ByEnum.S, proto)) is ByEnum.S)
print(enum._reduce_ex_by_global_name is pickle_by_global_name)

# show_flag_values
for v in (0, 1, 6, 0b1011, 2 ** 70 + 1):
    print(v, show_flag_values(v))
try:
    show_flag_values(-1)
except ValueError as e:
    print('ValueError', e)

# verify


def attempt(make):
    try:
        cls = make()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', list(cls))


def unique_bad():
    @verify(UNIQUE)
    class C(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
    return C


def continuous_enum():
    @verify(CONTINUOUS)
    class C(Enum):
        A = 1
        B = 3
        C = 6
    return C


def continuous_flag():
    @verify(CONTINUOUS)
    class C(Flag):
        A = 1
        B = 8
    return C


def continuous_ok():
    @verify(CONTINUOUS, UNIQUE)
    class C(IntEnum):
        A = 3
        B = 4
        C = 5
    return C


def named_one():
    @verify(NAMED_FLAGS)
    class C(Flag):
        A = 1
        B = 2
        AB = 7
    return C


def named_many():
    @verify(NAMED_FLAGS)
    class C(Flag):
        A = 1
        B = 2
        X = 9
        Y = 17
    return C


def named_ok():
    @verify(NAMED_FLAGS)
    class C(Flag):
        A = 1
        B = 2
        AB = 3
    return C


def verify_not_enum():
    @verify(UNIQUE)
    class C:
        pass
    return C


for make in (unique_bad, continuous_enum, continuous_flag, continuous_ok, named_one,
             named_many, named_ok, verify_not_enum):
    attempt(make)

# FlagBoundary
print(list(FlagBoundary), repr(STRICT), str(CONFORM), FlagBoundary('eject'))


class SF(Flag, boundary=STRICT):
    A = 1
    B = 2


class CF(Flag, boundary=CONFORM):
    A = 1
    B = 2


class EF(Flag, boundary=EJECT):
    A = 1
    B = 2


class KF(Flag, boundary=KEEP):
    A = 1
    B = 2


for cls in (SF, CF, EF, KF):
    print(cls.__name__, cls._boundary_)
    for v in (0, 3, 4, 7, -1, -3):
        try:
            r = cls(v)
        except ValueError as e:
            print('  ', v, 'ValueError', e)
        else:
            print('  ', v, repr(r), type(r).__name__)
    try:
        print('   invert', repr(~cls.A), repr(~cls(0)))
    except Exception as e:
        print('   invert', type(e).__name__, e)
print(IntFlag._boundary_, Flag._boundary_, enum.IntFlag(5) if False else None)
