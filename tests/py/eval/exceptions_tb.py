# Exceptions: handlers, finally, chaining (__context__/__cause__), re-raise, tracebacks as tb_lineno chains.
import sys

def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

def f():
    return 1 / 0
def g():
    f()
try:
    g()
except ZeroDivisionError as e:
    print(tb_lines(e))

def chain():
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError("converted") from e
try:
    chain()
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    print(tb_lines(e))

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
try:
    implicit()
except IndexError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

def from_none():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('k') from None
try:
    from_none()
except KeyError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

def reraise():
    try:
        raise TypeError("orig")
    except TypeError:
        raise
try:
    reraise()
except TypeError as e:
    print(tb_lines(e))

def finally_order():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append('f%d' % i)
    try:
        return out
    finally:
        out.append('ret')
print(finally_order())

def finally_override():
    try:
        return 1
    finally:
        return 2
print(finally_override())

def nested():
    try:
        try:
            raise ValueError(1)
        finally:
            print("inner finally", sys.exc_info()[0].__name__)
    except ValueError as e:
        print("outer caught", e, sys.exc_info()[1] is e)
    print("after", sys.exc_info())
nested()

try:
    raise
except RuntimeError as e:
    print(e)

class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
try:
    raise MyErr(1, 2)
except MyErr as e:
    print(e.args, e.a, str(e))

try:
    raise ValueError
except (TypeError, ValueError) as e:
    print("tuple match", type(e).__name__)
try:
    e
except NameError as ex:
    print(ex)

def gen_exc():
    try:
        yield 1
    except GeneratorExit:
        raise
    finally:
        print("gen finally")
gg = gen_exc(); next(gg); del gg

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("caught values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("caught types", [str(x) for x in eg.exceptions])

try:
    raise ExceptionGroup("eg2", [KeyError('a')])
except* LookupError as eg:
    print(type(eg).__name__, eg.exceptions)

try:
    try:
        raise ValueError("x")
    except* ValueError:
        raise KeyError("in handler")
except ExceptionGroup as eg:
    print("regrouped", repr(eg.exceptions[0]))
except KeyError as k:
    print("keyerror", repr(k))

def assertion():
    assert 1 == 2, "one is not two"
try:
    assertion()
except AssertionError as e:
    print("assert", e)

with_log = []
class CM:
    def __enter__(self):
        with_log.append('enter')
        return 'val'
    def __exit__(self, t, v, tb):
        with_log.append(('exit', t.__name__ if t else None))
        return t is KeyError
with CM() as v:
    with_log.append(v)
with CM():
    raise KeyError
try:
    with CM():
        raise IndexError
except IndexError:
    with_log.append('propagated')
print(with_log)
print(sys.exc_info())
