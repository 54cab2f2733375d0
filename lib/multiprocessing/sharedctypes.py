"""Value and Array in memory shared by forked processes.

The storage is an unlinked temporary file inherited across fork(); every access seeks and
reads or writes it under the object's process-shared lock, so all processes see one value."""

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'Synchronized', 'SynchronizedArray']

import os
import struct
import tempfile

from . import synchronize

_typecode_aliases = {
    'c_int': 'i', 'c_long': 'l', 'c_double': 'd', 'c_float': 'f', 'c_char': 'c',
    'c_bool': '?', 'c_byte': 'b', 'c_ubyte': 'B', 'c_short': 'h', 'c_ushort': 'H',
    'c_uint': 'I', 'c_ulong': 'L', 'c_longlong': 'q', 'c_ulonglong': 'Q',
}


def _code(typecode_or_type):
    if isinstance(typecode_or_type, str):
        return typecode_or_type
    name = getattr(typecode_or_type, '__name__', None)
    if name in _typecode_aliases:
        return _typecode_aliases[name]
    raise TypeError(f'unsupported type {typecode_or_type!r}')


class _Storage:
    def __init__(self, size):
        f = tempfile.TemporaryFile()
        self._fd = os.dup(f.fileno())
        f.close()
        os.write(self._fd, bytes(max(size, 1)))
        self.size = size

    def __getstate__(self):
        from .context import assert_spawning, get_spawning_popen
        assert_spawning(self)
        get_spawning_popen().duplicate_for_child(self._fd)
        return self.__dict__.copy()

    # pread/pwrite: the file offset is shared by every process, so seeking then reading
    # would race with another process's access.
    def read(self, offset, n):
        data = b''
        while len(data) < n:
            chunk = os.pread(self._fd, n - len(data), offset + len(data))
            if not chunk:
                break
            data += chunk
        return data

    def write(self, offset, data):
        view = memoryview(data)
        while view:
            written = os.pwrite(self._fd, view, offset)
            offset += written
            view = view[written:]


def _pack_item(code, value):
    if code == 'c':
        if not isinstance(value, bytes) or len(value) != 1:
            raise TypeError('one character bytes, bytearray or integer expected')
        return value
    return struct.pack(code, value)


def _unpack_item(code, data):
    if code == 'c':
        return data
    return struct.unpack(code, data)[0]


class RawValue:
    """A single value of the given type code in shared memory, without a lock."""

    def __init__(self, typecode_or_type, *args):
        self._code = _code(typecode_or_type)
        self._itemsize = struct.calcsize(self._code)
        self._store = _Storage(self._itemsize)
        self.value = args[0] if args else (b'\x00' if self._code == 'c' else 0)

    @property
    def value(self):
        return _unpack_item(self._code, self._store.read(0, self._itemsize))

    @value.setter
    def value(self, v):
        self._store.write(0, _pack_item(self._code, v))

    def __repr__(self):
        return f'{_ctype_name(self._code)}({self.value!r})'


class RawArray:
    """A fixed-size array of the given type code in shared memory, without a lock."""

    def __init__(self, typecode_or_type, size_or_initializer):
        self._code = _code(typecode_or_type)
        self._itemsize = struct.calcsize(self._code)
        if isinstance(size_or_initializer, int):
            self._length = size_or_initializer
            init = None
        else:
            init = list(size_or_initializer) if not isinstance(size_or_initializer, bytes) \
                else [size_or_initializer[i:i + 1] for i in range(len(size_or_initializer))]
            self._length = len(init)
        self._store = _Storage(self._length * self._itemsize)
        if init:
            self[:] = init

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._length)
            if step == 1:
                if stop <= start:
                    return b'' if self._code == 'c' else []
                data = self._store.read(start * self._itemsize, (stop - start) * self._itemsize)
                if self._code == 'c':
                    return data
                return list(struct.unpack(f'{stop - start}{self._code}', data))
            items = [self[k] for k in range(start, stop, step)]
            return b''.join(items) if self._code == 'c' else items
        i = self._index(i)
        return _unpack_item(self._code, self._store.read(i * self._itemsize, self._itemsize))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._length)
            idx = list(range(start, stop, step))
            values = list(value) if not isinstance(value, bytes) else [value[k:k + 1] for k in range(len(value))]
            if len(values) != len(idx):
                raise ValueError('Can only assign sequence of same size')
            if step == 1 and idx:
                data = b''.join(_pack_item(self._code, v) for v in values)
                self._store.write(start * self._itemsize, data)
            else:
                for k, v in zip(idx, values):
                    self[k] = v
            return
        i = self._index(i)
        self._store.write(i * self._itemsize, _pack_item(self._code, value))

    def __iter__(self):
        return iter(self[:])

    @property
    def value(self):
        data = self[:]
        return data.split(b'\x00', 1)[0] if self._code == 'c' else data

    @value.setter
    def value(self, v):
        if self._code == 'c':
            if len(v) > self._length:
                raise ValueError('byte string too long')
            self[:len(v)] = v
            if len(v) < self._length:
                self[len(v)] = b'\x00'
        else:
            self[:] = v

    @property
    def raw(self):
        return self._store.read(0, self._length * self._itemsize)

    def __repr__(self):
        return f'<{_ctype_name(self._code)}_Array_{self._length} object>'


def _ctype_name(code):
    for name, c in _typecode_aliases.items():
        if c == code:
            return name
    return code


class Synchronized:
    """A shared value guarded by a process-shared lock (get_lock())."""

    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock if lock is not None else synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<Synchronized wrapper for %r>' % self._obj


class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        return iter(self[:])

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """Return a synchronized shared value."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """Return a synchronized shared array."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    return SynchronizedArray(obj, lock)
