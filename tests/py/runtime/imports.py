# Imports: packages, relative imports, sys.modules caching, errors, importlib.
import sys
import importlib
import rt_support.pkg as pkg
from rt_support.pkg import sub
from rt_support.pkg.sub import helper
print(pkg.__name__, pkg.__package__, pkg.VALUE, sub.__name__, helper.NAME)
print(pkg.__spec__.name, pkg.__spec__.parent, pkg.__file__.endswith("__init__.py"))
print(helper.__spec__.parent, helper.from_parent)
print("rt_support.pkg.sub.helper" in sys.modules)
m = importlib.import_module(".sub.helper", "rt_support.pkg")
print(m is helper)
try:
    import rt_support.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from rt_support.pkg import nothing_here
except ImportError as e:
    print(str(e).split(" (")[0], e.name)
try:
    import rt_support.pkg.sub.helper.deeper
except ModuleNotFoundError as e:
    print(e)
try:
    import rt_support.broken
except ZeroDivisionError as e:
    print("broken:", e, "rt_support.broken" in sys.modules)
from rt_support.starmod import *
print(sorted(k for k in dir() if k.startswith("pub")))
print(importlib.reload(helper) is helper, helper.loads)
try:
    __import__("x", level=-1)
except ValueError as e:
    print(e)
try:
    exec("from . import x", {"__name__": "top", "__package__": None, "__spec__": None})
except ImportError as e:
    print(e)
