# Checks operator: every function and dunder alias, itemgetter/attrgetter/methodcaller reprs and errors, in-place ops, length_hint, call.
import operator as op
def tryit(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.abs(-3), op.add(1, 2), op.and_(6, 3), op.floordiv(7, 2), op.index(5), op.inv(5), op.invert(5), op.lshift(1, 3), op.mod(7, 3), op.mul(3, 4), op.matmul.__name__)
print(op.neg(4), op.or_(4, 1), op.pos(-1), op.pow(2, 10), op.rshift(16, 2), op.sub(5, 3), op.truediv(7, 2), op.xor(6, 3), op.concat([1], [2]), op.contains("abc", "b"))
print(op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), tryit(lambda: op.indexOf([1], 9)), tryit(lambda: op.concat(1, 2)), tryit(lambda: op.index(1.5)))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1), op.getitem("abc", slice(1, None)))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7), tryit(lambda: op.length_hint(object(), "x")))
class LH:
    def __length_hint__(self): return -1
print(tryit(lambda: op.length_hint(LH())))
class LH2:
    def __length_hint__(self): return NotImplemented
print(op.length_hint(LH2(), 4))
print(op.call(pow, 2, 3), op.call(dict, a=1))
x = [1]; print(op.iadd(x, [2]), x, op.iconcat(x, [3]), op.isub(5, 2), op.imul(2, 3), op.ifloordiv(7, 2), op.imod(7, 2), op.ipow(2, 3), op.ilshift(1, 2))
print(op.irshift(8, 1), op.iand(6, 3), op.ior(4, 1), op.ixor(6, 3), op.itruediv(1, 4), tryit(lambda: op.iconcat(1, [1])))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__not__(1), op.__getitem__([1], 0), op.__iadd__(1, 1), op.__abs__(-1), op.__inv__(0), op.__call__(len, "ab"))
g = op.itemgetter(1); g2 = op.itemgetter(0, -1); g3 = op.itemgetter("k")
print(g("abc"), g2("abc"), g3({"k": 5}), repr(g), repr(g2), repr(g3), tryit(lambda: g("")), tryit(lambda: op.itemgetter()))
a = op.attrgetter("real"); a2 = op.attrgetter("real", "imag"); a3 = op.attrgetter("__class__.__name__")
print(a(3), a2(3 + 4j), a3(1), repr(a), repr(a2), repr(a3), tryit(lambda: a("s")), tryit(lambda: op.attrgetter(1)), tryit(lambda: op.attrgetter()))
m = op.methodcaller("split", ","); m2 = op.methodcaller("replace", "a", "b"); m3 = op.methodcaller("to_bytes", 2, byteorder="big")
print(m("a,b"), m2("aa"), m3(5), repr(m), repr(m2), repr(m3), tryit(lambda: op.methodcaller()), tryit(lambda: op.methodcaller(1)), tryit(lambda: m(1)))
import pickle, copy
print(pickle.loads(pickle.dumps(g2))("xyz"), pickle.loads(pickle.dumps(a3))(1.0), pickle.loads(pickle.dumps(m3))(1), copy.copy(g)("ab"))
print(tryit(lambda: op.lt(1, "a")), tryit(lambda: op.neg("a")), tryit(lambda: op.truediv(1, 0)))
print(sorted(op.__all__))
print(op.itemgetter(slice(1, 3))("abcd"), sorted([(1, "b"), (0, "c")], key=op.itemgetter(1)), list(map(op.attrgetter("imag"), [1j, 2])))
print(type(g).__name__, op.itemgetter.__module__, op.attrgetter.__qualname__, op.methodcaller.__name__)
print(tryit(lambda: op.setitem((), 0, 1)), tryit(lambda: op.delitem({}, 1)), tryit(lambda: op.getitem(1, 1)))
print(tryit(lambda: type(g)()), tryit(lambda: op.itemgetter(1, x=2)), tryit(lambda: op.attrgetter("a", x=1)))
