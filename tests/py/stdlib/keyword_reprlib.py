# keyword lists and predicates; reprlib.Repr limits, recursive_repr and the aRepr helpers
import keyword, reprlib
print(keyword.kwlist)
print(keyword.softkwlist)
print([keyword.iskeyword(w) for w in ('if', 'match', 'print', 'None', 'async')])
print([keyword.issoftkeyword(w) for w in ('match', 'case', '_', 'type', 'if')])
r = reprlib.Repr()
print(r.repr(list(range(100))), r.repr('x' * 100), r.repr({i: i for i in range(20)}))
print(r.repr(set(range(30))), r.repr(frozenset(range(30))), r.repr(tuple(range(30))))
print(r.repr([[[[[[1]]]]]]), r.repr(10 ** 50), r.repr(b'y' * 60))
r2 = reprlib.Repr(maxlist=2, maxstring=10, maxlevel=2, fillvalue='~', indent=2)
print(r2.repr([1, [2, [3, [4]]], 5]))
print(reprlib.repr(list(range(1000))), reprlib.aRepr.maxlist)
class Node:
    def __init__(self):
        self.children = [self]
    @reprlib.recursive_repr('<...>')
    def __repr__(self):
        return f'Node({self.children!r})'
print(repr(Node()))
class Big:
    def __repr__(self):
        return 'B' * 100
print(r.repr(Big()), r.repr([Big()]))
