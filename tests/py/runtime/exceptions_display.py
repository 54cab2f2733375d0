# Uncaught-exception display via sys.excepthook (chains, notes, groups, suggestions).
import os as _os, sys as _sys


class _PathFilter:
    # Tracebacks show absolute paths; keep the expected output independent of the checkout.
    def __init__(self, out, d):
        self.out, self.d = out, d

    def write(self, s):
        return self.out.write(s.replace(self.d, '<dir>'))

    def flush(self):
        self.out.flush()


_sys.stdout = _PathFilter(_sys.stdout, _os.path.dirname(_os.path.abspath(__file__)))
import sys
sys.stderr = sys.stdout

def hook(exc):
    sys.excepthook(type(exc), exc, exc.__traceback__)

class AppError(Exception):
    pass

try:
    try:
        {}["k"]
    except KeyError as e:
        raise AppError("wrapped") from e
except AppError as e:
    e.add_note("a note")
    hook(e)

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    hook(e)

try:
    try:
        raise ValueError("hidden")
    except ValueError:
        raise RuntimeError("shown") from None
except RuntimeError as e:
    hook(e)

hook(ExceptionGroup("group", [ValueError("v"), ExceptionGroup("inner", [KeyError("k")])]))
hook(ExceptionGroup("many", [ValueError(i) for i in range(17)]))

spam_value = 1
try:
    spam_valeu
except NameError as e:
    hook(e)

class Point:
    def __init__(self):
        self.x = 1
try:
    Point().y
except AttributeError as e:
    hook(e)
try:
    Point().xx
except AttributeError as e:
    hook(e)
try:
    compile("a = (1,\n", "snippet.py", "exec")
except SyntaxError as e:
    hook(e)
try:
    compile("x = 1 +* 2\n", "snippet.py", "exec")
except SyntaxError as e:
    hook(e)
hook(ValueError())
hook(KeyError("key"))
class Bad(Exception):
    def __str__(self):
        raise RuntimeError
hook(Bad())
