# sys.unraisablehook for exceptions in __del__, and atexit callbacks.
import sys
sys.stderr = sys.stdout

class Noisy:
    def __del__(self):
        raise ValueError("from __del__")

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.object is not None))
sys.unraisablehook = hook
n = Noisy()
del n
print(seen)
sys.unraisablehook = sys.__unraisablehook__
import atexit
def bye():
    print("atexit ran")
atexit.register(bye)
print(atexit._ncallbacks())
