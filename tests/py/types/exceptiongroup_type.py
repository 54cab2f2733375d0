# ExceptionGroup's heap-type shape (__module__, __weakref__, weak references) and memoryview._from_flags
import array
import gc
import weakref

print(sorted(set(dir(ExceptionGroup)) - set(dir(BaseExceptionGroup))))
print(sorted(set(dir(BaseExceptionGroup)) - set(dir(ExceptionGroup))))
print(ExceptionGroup.__module__, list(ExceptionGroup.__dict__), ExceptionGroup.__doc__)
print(ExceptionGroup.__dict__['__module__'], ExceptionGroup.__dict__['__weakref__'])
print(ExceptionGroup.__dict__['__weakref__'].__doc__)
print(ExceptionGroup.__bases__, ExceptionGroup.__mro__)
for name in ('__init__', '__new__', '__str__', '__repr__', 'split', 'subgroup', 'derive',
             '__class_getitem__'):
    print(name, getattr(ExceptionGroup, name) == getattr(BaseExceptionGroup, name))

eg = ExceptionGroup('msg', [ValueError(1), TypeError(2)])
print(eg.__weakref__)
r = weakref.ref(eg)
print(r() is eg, eg.__weakref__ is r, weakref.getweakrefcount(eg))
p = weakref.proxy(eg)
print(p.message, len(p.exceptions))
called = []
r2 = weakref.ref(eg, lambda ref: called.append('callback'))
del eg, p
gc.collect()
print(r(), r2(), called)

# BaseExceptionGroup turns into ExceptionGroup for plain Exceptions, which then takes weak refs
g = BaseExceptionGroup('m', [KeyError('k')])
print(type(g).__name__, weakref.ref(g)() is g)
bg = BaseExceptionGroup('m', [KeyboardInterrupt()])
try:
    weakref.ref(bg)
except TypeError as e:
    print('TypeError', e)
print(hasattr(bg, '__weakref__'))

# subclasses inherit the slot rather than adding one
class MyGroup(ExceptionGroup):
    pass


print(list(MyGroup.__dict__))
mg = MyGroup('mine', [OSError()])
wr = weakref.ref(mg)
print(wr() is mg, mg.__weakref__ is wr)
del mg
gc.collect()
print(wr())


class Both(BaseExceptionGroup, Exception):
    pass


print('__weakref__' in Both.__dict__, weakref.ref(Both('b', [ValueError()])) is not None)

# splitting keeps working with weakly referenced groups
eg = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b')])])
keep = weakref.ref(eg)
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
try:
    raise eg
except* ValueError as e:
    print('caught', repr(e), type(e).__name__)
except* TypeError as e:
    print('caught', repr(e), weakref.ref(e)() is e)
del eg, match, rest
gc.collect()
print(keep())

# memoryview._from_flags
f = memoryview._from_flags
print(type(memoryview.__dict__['_from_flags']).__name__, f.__doc__, f.__name__, f.__qualname__)
print(f.__text_signature__)
for obj in (b'abc', bytearray(b'xyz'), array.array('i', [1, 2]),
            memoryview(b'abcd').cast('B', (2, 2))):
    for flags in (0, 1, 4, 8, 0x18, 0x1c, 0x3c, 0x11c, 0x11d):
        try:
            m = f(obj, flags)
        except Exception as e:
            print(type(obj).__name__, hex(flags), type(e).__name__, e)
        else:
            print(type(obj).__name__, hex(flags), m.format, m.ndim, m.shape, m.strides,
                  m.readonly, m.itemsize, m.nbytes, m.tolist(), m.c_contiguous)
for args in ((), (b'x',), (b'x', 'a'), (1, 0), (b'x', 0, 1)):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(f(object=b'kw', flags=0).tobytes(), type(f(b'ab', 0)).__name__)
ba = bytearray(b'rw')
m = f(ba, 1)
m[0] = ord('R')
print(ba)
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
m.release()
ba.append(33)
print(ba)
