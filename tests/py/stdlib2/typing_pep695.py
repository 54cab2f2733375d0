# Checks PEP 695 generic classes, aliases and functions without importing typing first.
class Box[T]:
    def __init__(self, v: T): self.v = v
print(Box[int], Box.__parameters__, Box[int](3).v, Box.__mro__)
class Sub[U](Box[U]): pass
print(Sub[str], Sub.__orig_bases__, Sub.__parameters__)
type L[X] = list[X]
print(L[int], L.__value__)
def f[T](x: T) -> T: return x
print(f(1), f.__type_params__)
try:
    Box[int, str]
except TypeError as e:
    print(e)
class P[S, T = int]: pass
print(P[str], P[str, bytes], P.__parameters__)
