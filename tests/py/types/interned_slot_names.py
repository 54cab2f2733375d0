# Names of built-in slot wrappers, methods, members and getsets are interned strings, shared between types, and type dicts hold what CPython's do.
import sys

def fresh(s):
    # A new, equal, non-interned str object.
    return ''.join(list(s))

def is_interned(s):
    return sys.intern(fresh(s)) is s

types_ = [object, int, float, str, bytes, list, tuple, dict, set, frozenset, type,
          complex, bool, range, slice, memoryview, bytearray, BaseException, ValueError,
          OSError, StopIteration, property, staticmethod, classmethod, super]
bad = []
for t in types_:
    for k in t.__dict__:
        if not is_interned(k):
            bad.append((t.__name__, k))
print("non-interned dict keys:", bad)

# Descriptor names are the same object as the dict key.
for t in types_:
    for k, v in t.__dict__.items():
        n = getattr(v, '__name__', None)
        if isinstance(n, str) and type(v).__name__ in (
                'wrapper_descriptor', 'method_descriptor', 'member_descriptor',
                'getset_descriptor', 'classmethod_descriptor'):
            if n != k or not is_interned(n):
                bad.append((t.__name__, k, n))
print("descriptor names:", bad)

# The same slot name is one object across types.
print(int.__add__.__name__ is float.__add__.__name__ is list.__add__.__name__)
print(object.__repr__.__name__ is dict.__repr__.__name__)
print(list.append.__name__ is bytearray.append.__name__)

# Slot wrappers and methods resolve as in CPython.
print(int.__dict__['__add__'], type(int.__dict__['__add__']).__name__)
print(object.__dict__['__hash__'], list.__dict__['__hash__'])
print(dict.__dict__['__getitem__'], list.__dict__['__getitem__'])
print(type(str.__dict__['maketrans']).__name__, dict.__dict__['fromkeys'])
for t in (object, int, list, dict, tuple, bytes, set, range, type):
    print(t.__name__, len(t.__dict__), sorted(t.__dict__) == sorted(set(t.__dict__)))
print(sorted(k for k in int.__dict__ if k.startswith('__r')))
print(sorted(list.__dict__))
print(sorted(dict.__dict__))

# Strings made at run time intern to the same objects.
x = fresh('__getitem__')
print(x is not dict.__getitem__.__name__, sys.intern(x) is dict.__getitem__.__name__)
print({fresh('keys'): 1}.keys().__class__.__name__, hash(fresh('keys')) == hash('keys'))
s = {fresh('append'), fresh('extend'), fresh('pop'), fresh('insert')}
print(sorted(s), 'append' in s)
print(len(set(dir(list)) ^ {'__add__', '__class__', '__class_getitem__', '__contains__',
      '__delattr__', '__delitem__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__',
      '__getattribute__', '__getitem__', '__getstate__', '__gt__', '__hash__', '__iadd__',
      '__imul__', '__init__', '__init_subclass__', '__iter__', '__le__', '__len__', '__lt__',
      '__mul__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__',
      '__reversed__', '__rmul__', '__setattr__', '__setitem__', '__sizeof__', '__str__',
      '__subclasshook__', 'append', 'clear', 'copy', 'count', 'extend', 'index', 'insert',
      'pop', 'remove', 'reverse', 'sort'}))
