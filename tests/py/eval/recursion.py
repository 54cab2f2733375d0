# Recursion limit: RecursionError message, depth reached, setrecursionlimit, recovery.
import sys
print(sys.getrecursionlimit())
def depth(n=1):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth())
def r():
    r()
try:
    r()
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), depth())
sys.setrecursionlimit(1000)
class A:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    A().foo
except RecursionError as e:
    print("getattr recursion:", e)
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual ok")
def deep_gen(n):
    if n:
        yield from deep_gen(n - 1)
    else:
        yield 'bottom'
print(list(deep_gen(50)))
print(depth() > 900)
