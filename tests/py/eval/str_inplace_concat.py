# s += t and s = s + t on local variables may grow the string in place: aliases, interned and one-character strings, strings held by containers or closures, wider characters and unbound locals must all behave as with plain concatenation
import sys


def grow(n, piece):
    s = ""
    snapshots = []
    for i in range(n):
        s += piece
        if i % 7 == 0:
            snapshots.append(s)
        s = s + str(i % 10)
    return s, snapshots


s, snaps = grow(60, "ab")
print(len(s), s[:20], [len(x) for x in snaps][:5], snaps[1])


def aliases():
    s = "start"
    t = s
    s += "-more"
    u = s
    s += "!"
    lst = [s]
    s += "?"
    return s, t, u, lst


print(aliases())


def interned():
    a = "x"
    b = sys.intern("hello")
    a += "y"
    b += "world"
    return a, b, sys.intern("hello"), "x"


print(interned())


def widening():
    s = "abc"
    for piece in ["é", "€", "😀", "z"] * 3:
        s += piece
    return s, len(s)


print(widening())


def closure():
    s = "a"

    def peek():
        return s

    for _ in range(3):
        s += "b"
    return s, peek()


print(closure())


def not_str():
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print("TypeError:", e)
    return s


print(not_str())


class S(str):
    pass


def subclass():
    s = S("sub")
    s += "x"
    t = "base"
    t += S("y")
    return type(s).__name__, s, type(t).__name__, t


print(subclass())


def other_local():
    s = "a"
    t = "b"
    for _ in range(5):
        t = s + "c"
        s += t
    return s, t


print(other_local())


def in_generator():
    s = ""
    for c in "abc":
        s += c
        yield s


print(list(in_generator()))
g = "global"
for _ in range(3):
    g += "+"
print(g)
