# sys.getsizeof of range, slice, weakrefs, views and every container iterator type
import sys, weakref
class A: pass
a = A()
objs = [range(5), slice(1, 2), weakref.ref(a), weakref.proxy(a), iter([]), iter(()), iter(range(3)), iter(range(2**70)), enumerate([]), reversed([]), reversed("ab"), zip(), map(len, []), filter(None, []), {}.keys(), {}.values(), {}.items(), iter({}), iter(set()), iter(lambda: 1, 2), iter("ab"), iter({}.items()), reversed({})]
print([(type(o).__name__, sys.getsizeof(o)) for o in objs])
