# Checks graphlib.TopologicalSorter: add, prepare, get_ready, done, is_active, static_order, CycleError and errors.
import graphlib
from graphlib import TopologicalSorter, CycleError
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e} {e.args!r}"
g = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
print(list(TopologicalSorter(g).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.add(2, 0)
print(list(ts.static_order()))
ts = TopologicalSorter({"b": ["a"], "c": ["a"], "d": ["b", "c"]})
ts.prepare()
print(ts.is_active(), bool(ts))
order = []
while ts.is_active():
    ready = ts.get_ready()
    order.append(sorted(ready))
    ts.done(*ready)
print(order, ts.is_active(), ts.get_ready())
ts = TopologicalSorter({1: [2], 2: [3], 3: [1]})
print(tryit(ts.prepare))
ts = TopologicalSorter({1: [1]})
print(tryit(lambda: list(ts.static_order())))
print(issubclass(CycleError, ValueError))
ts = TopologicalSorter()
print(tryit(ts.get_ready), tryit(ts.is_active), tryit(lambda: ts.done(1)))
ts.add("a")
ts.prepare()
print(tryit(ts.prepare), tryit(lambda: ts.add("b")))
print(tryit(lambda: ts.done("zz")))
print(tryit(lambda: ts.done("a")))
r = ts.get_ready(); print(r)
print(tryit(lambda: ts.done("a")), tryit(lambda: ts.done("a")))
print(ts.is_active())
ts = TopologicalSorter({"x": ["y"]}); ts.prepare()
print(tryit(lambda: ts.done("x")))
print(TopologicalSorter[int], list(TopologicalSorter({}).static_order()))
ts = TopologicalSorter(); ts.add(1); ts.add(1, 2); ts.add(1, 2)
print(list(ts.static_order()))
print(tryit(lambda: TopologicalSorter({[1]: []})))
