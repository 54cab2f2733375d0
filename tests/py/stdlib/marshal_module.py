# marshal: byte-exact dumps for every supported type and version, FLAG_REF back-references, round trips, error messages, dump/load on files
import marshal
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
vals = [None, True, False, 1, -1, 0, 2**31, -2**31, 2**31-1, 2**40, -2**70, 10**100, 1.5, -0.0, float('inf'), 1j, 'abc', 'é', '\udc80', b'xy', (1,2), [1,2], {'a':1, 'b': [2]}, {1}, frozenset([2]), ..., StopIteration, ('a','a'), [[]]*2, 'x'*300, (1,)*300, slice(1,2,None), bytearray(b'ab'), (), [], {}, 'a'*255, 'a'*256]
for v in vals:
    t(lambda: marshal.dumps(v))
    t(lambda: marshal.loads(marshal.dumps(v)) == v or repr(marshal.loads(marshal.dumps(v))))
for ver in range(6):
    t(lambda: marshal.dumps(('ab', 1.5, 2**40, [b'x']), ver))
t(lambda: marshal.dumps(object()))
t(lambda: marshal.dumps(lambda: 0))
t(lambda: marshal.loads(b''))
t(lambda: marshal.loads(b'i\x01'))
t(lambda: marshal.loads(b'?'))
t(lambda: marshal.loads(b'r\x05\x00\x00\x00'))
a = []; a.append(a)
r = marshal.loads(marshal.dumps(a)); print(r[0] is r)
t(lambda: marshal.version)
import io
f = io.BytesIO(); marshal.dump([1, 'x'], f); marshal.dump(2.5, f); f.seek(0)
t(lambda: (marshal.load(f), marshal.load(f)))
t(lambda: marshal.load(f))
