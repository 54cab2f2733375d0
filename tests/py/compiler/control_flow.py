# Checks try/except/else/finally flow, break/continue/return through finally and with, exception cleanup of `as` names, except*.
def f1():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(f1())
def f2():
    try:
        return "try"
    finally:
        print("cleanup")
print(f2())
def f3():
    try:
        return "try"
    finally:
        return "finally wins"
print(f3())
def f4():
    try:
        raise ValueError("v")
    except TypeError:
        return "type"
    except ValueError as e:
        return "value " + str(e)
    else:
        return "else"
print(f4())
def f5():
    try:
        x = 1
    except Exception:
        pass
    else:
        x = 2
    finally:
        x += 10
    return x
print(f5())
def f6():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    try:
        return e
    except NameError as n:
        return "deleted"
print(f6())
class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name); return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None); return self.suppress
def f7():
    with CM("a") as a, CM("b") as b:
        print("inside", a, b)
        return "ret"
print(f7())
def f8():
    with CM("s", True):
        raise RuntimeError("boom")
    return "after"
print(f8())
def f9():
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                break
    return i
print(f9())
def f10():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
f10()
def f11():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as eg:
        print("V", eg.exceptions)
    except* TypeError as eg:
        print("T", eg.exceptions)
    except* KeyError:
        print("K")
f11()
def f12():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
        except* ValueError:
            print("handled V")
    except* OSError as rest:
        print("rest", rest.exceptions)
f12()
def f13():
    i = 0
    while True:
        i += 1
        if i > 3:
            break
    else:
        print("no")
    while i < 6:
        i += 1
    else:
        print("else", i)
f13()
def f14():
    try:
        1/0
    except ZeroDivisionError:
        try:
            raise KeyError("x")
        except KeyError as k:
            print(repr(k.__context__))
f14()
def f15():
    x = 0
    try:
        pass
    finally:
        x = 5
    assert x == 5, "no"
    try:
        assert x == 4, f"x is {x}"
    except AssertionError as e:
        print("assert", e)
f15()
def f16():
    try:
        raise ValueError from KeyError("cause")
    except ValueError as e:
        print(repr(e.__cause__), e.__suppress_context__)
f16()
import sys
def f17():
    try:
        raise ValueError("a")
    except ValueError:
        print(sys.exception())
    print(sys.exception())
f17()
