# array: every typecode's conversions and range errors, sizes and growth, slicing, methods, comparisons, buffer protocol, pickling
from array import array
import sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for tc in 'bBhHiIlLqQ':
    t(lambda: array(tc, [-1]))
    t(lambda: array(tc, [2**64]))
    t(lambda: array(tc, [-2**64]))
    t(lambda: array(tc, ['a']))
    t(lambda: array(tc, [1.5]))
t(lambda: array('f', ['a']))
t(lambda: array('d', [1, 2.5, True]))
t(lambda: array('x'))
t(lambda: array('ii'))
t(lambda: array(3))
t(lambda: array('w', 'abc'))
t(lambda: array('w', ['ab']))
t(lambda: array('b', 'abc'))
t(lambda: array('b', b'abc'))
t(lambda: array('i', b'abcd'))
t(lambda: array('i', b'abc'))
for n in range(0, 12):
    a = array('i', range(n)); print(n, sys.getsizeof(a), end=' ')
    b = array('i'); [b.append(0) for _ in range(n)]; print(sys.getsizeof(b))
t(lambda: array('i').pop())
t(lambda: array('i', [1]).pop(5))
t(lambda: array('i', [1]).index(3))
t(lambda: array('i', [1]).remove(3))
t(lambda: array('i', [1]) + array('d', [1]))
t(lambda: array('i', [1]) + [1])
t(lambda: array('i', [1])[5])
t(lambda: array('i', [1,2,3]) < array('i', [1,2,4]))
t(lambda: array('i', [1,2,3]) == array('d', [1,2,3]))
t(lambda: array('u', 'abc'))
t(lambda: array('i', [1,2,3,4,5])[::2])
def sl():
    a = array('i', range(10)); a[::2] = array('i', [0]*5); a[1:3] = array('i'); return a
t(sl)
def sl2():
    a = array('i', range(10)); a[::2] = array('i', [0]*4); return a
t(sl2)
def sl3():
    a = array('i', range(10)); a[1:2] = [5]; return a
t(sl3)
t(lambda: array('i', [1,2]).tobytes())
t(lambda: array('d', [1.5]).tolist())
t(lambda: array('i', [1,2]).buffer_info()[1])
t(lambda: array('i', [1,2]) * 3)
t(lambda: 2 * array('i', [1,2]))
t(lambda: array('i', [1,2]).itemsize)
t(lambda: array.typecodes if hasattr(array,'typecodes') else __import__('array').typecodes)
t(lambda: array('i', [3,1,2]).__reduce_ex__(3))
t(lambda: memoryview(array('i', [1,2])).format)
t(lambda: array('w', 'héllo').tounicode())
t(lambda: array('i').tounicode())
t(lambda: array('i', [1]).fromunicode('a'))
t(lambda: array('b', [1, 2]).frombytes(b'\x03'))
def fb():
    a = array('h'); a.frombytes(b'\x01\x00\x02\x00'); a.byteswap(); return a
t(fb)
t(lambda: array('i', [1]).extend(array('d',[1])))
t(lambda: array('i', [1]).extend(3))
t(lambda: (array('i', [1,2,3]).count(2), 2 in array('i', [1,2,3])))
t(lambda: array('i', range(5)).index(3, 1, 4))
t(lambda: array('i', [1,2,3]).reverse())
t(lambda: hash(array('i')))
t(lambda: array('q', [2**63-1, -2**63]))
t(lambda: array('Q', [2**64-1]))
t(lambda: array('f', [1e300]))
t(lambda: array('f', [0.1]))
t(lambda: array('I', [1]).__class__.__module__)
import array as am; print(am.ArrayType is array, type(iter(array('i'))))
import pickle, copy
a = array('d', [1.5, -2.25, 3.0])
t(lambda: pickle.loads(pickle.dumps(a)))
t(lambda: copy.deepcopy(array('i', [1, 2])))
class Sub(array):
    pass
s = Sub('h', [1, 2]); s.tag = 'x'
t(lambda: (s, type(pickle.loads(pickle.dumps(s))).__name__, pickle.loads(pickle.dumps(s)).tag))
def dels():
    a = array('i', range(12)); del a[::3]; del a[1]; del a[-2:]; return a
t(dels)
def negstep():
    a = array('i', range(8)); a[::-2] = array('i', [9, 9, 9, 9]); return a, a[::-1], a[-3:]
t(negstep)
def mv():
    a = array('i', [1, 2, 3]); m = memoryview(a); m[0] = 42
    try:
        a.append(4)
    except BufferError as e:
        r = str(e)
    m.release(); a.append(5); return a, r, m.itemsize if False else None
t(mv)
t(lambda: bytes(array('H', [1, 258])))
t(lambda: list(iter(array('b', [5, -5]))))
t(lambda: (array('i', [1, 2]) * 0, array('i') * 5))
def inplace():
    a = array('i', [1, 2]); a += array('i', [3]); a *= 2; return a
t(inplace)
def fromlist():
    a = array('i', [1]); 
    try: a.fromlist([2, 'x'])
    except TypeError as e: return a, str(e)
t(fromlist)
import io
def files():
    f = io.BytesIO(); array('i', [7, 8, 9]).tofile(f); f.seek(0)
    b = array('i'); b.fromfile(f, 2)
    try: b.fromfile(f, 5)
    except EOFError as e: return b, str(e)
t(files)
t(lambda: array('i', [1,2,3]).index(3, -1))
t(lambda: sorted(array('d', [3, 1, 2])))
t(lambda: array('B', range(5)) >= array('B', range(4)))
