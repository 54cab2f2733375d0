# pickle.PickleBuffer and protocol 5 out-of-band buffers (buffer_callback/buffers, NEXT_BUFFER/READONLY_BUFFER)
import array
import gc
import io
import pickle
import weakref
from pickle import PickleBuffer

print(PickleBuffer, PickleBuffer.__module__, PickleBuffer.__doc__, 'PickleBuffer' in pickle.__all__)
print(pickle.NEXT_BUFFER, pickle.READONLY_BUFFER)

# construction errors
for args, kwargs in [((), {}), ((1,), {}), ((b'x', b'y'), {}), ((), {'buffer': b'x'}),
                     (('text',), {})]:
    try:
        PickleBuffer(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)

# raw() and the buffer protocol
pb = PickleBuffer(b'abcdef')
m = memoryview(pb)
print(m.readonly, m.format, m.shape, bytes(m))
r = pb.raw()
print(type(r).__name__, r.readonly, r.format, r.shape, r.itemsize, r.tobytes())
ba = bytearray(b'hello')
pw = PickleBuffer(ba)
rw = pw.raw()
print(rw.readonly)
rw[0] = ord('J')
print(ba)
rw.release()
arr = array.array('i', [1, 2, 3])
pa = PickleBuffer(arr)
ra = pa.raw()
print(ra.format, ra.shape, ra.nbytes, memoryview(pa).format)
ra.release()
m2 = memoryview(bytearray(range(12))).cast('B', (3, 4))
p2 = PickleBuffer(m2)
print(p2.raw().shape, memoryview(p2).shape)
nc = PickleBuffer(memoryview(b'abcdefgh')[::2])
try:
    nc.raw()
except BufferError as e:
    print('BufferError', e)
try:
    pickle.dumps(nc, protocol=5)
except pickle.PicklingError as e:
    print('PicklingError', e)

# release()
pr = PickleBuffer(b'data')
keep = memoryview(pr)
pr.release()
pr.release()
print(bytes(keep))
for op in (lambda: pr.raw(), lambda: memoryview(pr), lambda: pickle.dumps(pr, protocol=5)):
    try:
        op()
    except ValueError as e:
        print('ValueError', e)

# weak references
w = PickleBuffer(b'w')
ref = weakref.ref(w)
print(ref() is w)
del w
gc.collect()
print(ref())

# protocols below 5 refuse PickleBuffer
for proto in range(5):
    try:
        pickle.dumps(PickleBuffer(b'x'), protocol=proto)
    except pickle.PicklingError as e:
        print(proto, 'PicklingError', e)
try:
    pickle.dumps(1, protocol=4, buffer_callback=print)
except ValueError as e:
    print('ValueError', e)

# in-band: readonly -> bytes, writable -> bytearray; the PickleBuffer is memoized
for obj in (PickleBuffer(b'abc'), PickleBuffer(bytearray(b'abc'))):
    data = pickle.dumps(obj, protocol=5)
    print(data)
    print(repr(pickle.loads(data)))
same = PickleBuffer(b'xy')
data = pickle.dumps([same, same], protocol=5)
print(data)
out = pickle.loads(data)
print(out, out[0] is out[1])

# out-of-band
bufs = []
payload = {'ro': PickleBuffer(b'readonly'), 'rw': PickleBuffer(bytearray(b'writable'))}
data = pickle.dumps(payload, protocol=5, buffer_callback=bufs.append)
print(data)
print(len(bufs), [type(b).__name__ for b in bufs])
print(b'readonly' in data, b'writable' in data)
back = pickle.loads(data, buffers=bufs)
print(sorted(back), type(back['ro']).__name__, type(back['rw']).__name__)
print(bytes(back['ro']), bytes(back['rw']), memoryview(back['ro']).readonly,
      memoryview(back['rw']).readonly)
print(back['rw'] is bufs[1])
# a readonly out-of-band buffer handed back as a writable object becomes a readonly view
data = pickle.dumps(PickleBuffer(b'RO'), protocol=5, buffer_callback=lambda b: False)
print(data)
got = pickle.loads(data, buffers=[bytearray(b'RO')])
print(type(got).__name__, got.readonly, bytes(got))
got = pickle.loads(data, buffers=[b'RO'])
print(type(got).__name__, got)
# the callback's truth value decides: true keeps the data in band
seen = []
data = pickle.dumps([PickleBuffer(b'a'), PickleBuffer(b'b')], protocol=5,
                    buffer_callback=lambda b: seen.append(bytes(b)) or bytes(b) == b'a')
print(data, seen)
print(pickle.loads(data, buffers=[b'B']))
# errors on load
data = pickle.dumps(PickleBuffer(b'z'), protocol=5, buffer_callback=lambda b: None)
for kwargs in ({}, {'buffers': []}, {'buffers': None}):
    try:
        pickle.loads(data, **kwargs)
    except pickle.UnpicklingError as e:
        print('UnpicklingError', e)
try:
    pickle.loads(data, buffers=5)
except TypeError as e:
    print('TypeError', e)
# the callback raising propagates
def boom(b):
    raise RuntimeError('no buffers today')
try:
    pickle.dumps(PickleBuffer(b'q'), protocol=5, buffer_callback=boom)
except RuntimeError as e:
    print('RuntimeError', e)
# Pickler/Unpickler classes and dump/load with files
f = io.BytesIO()
bl = []
pickle.Pickler(f, 5, buffer_callback=bl.append).dump([PickleBuffer(b'file')])
f.seek(0)
res = pickle.Unpickler(f, buffers=bl).load()
print(type(res[0]).__name__, res[0] is bl[0], bytes(res[0]))
f = io.BytesIO()
pickle.dump(PickleBuffer(b'dl'), f, protocol=5)
f.seek(0)
print(pickle.load(f))
# large in-band buffers bypass the frame
big = pickle.dumps(PickleBuffer(bytearray(70000)), protocol=5)
print(len(big), big[:12], pickle.loads(big) == bytearray(70000))
big = pickle.dumps(PickleBuffer(bytes(70000)), protocol=5)
print(len(big), big[:8], pickle.loads(big) == bytes(70000))
# the Python-level buffer protocol
print([n for n in dir(PickleBuffer) if 'buffer' in n])
pb = PickleBuffer(bytearray(b'abc'))
m = pb.__buffer__(0)
print(bytes(m), m.readonly)
for a in ('x', 2 ** 40, 2 ** 70, m, 1, -2 ** 40):
    for meth in (pb.__release_buffer__, pb.__buffer__):
        try:
            res = meth(a)
        except Exception as e:
            print(type(e).__name__, e)
        else:
            print(type(res).__name__)
