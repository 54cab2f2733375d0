"""Connections between processes: pickled messages framed by a 4-byte length over a socket
pair (duplex) or a pipe (one-way)."""

__all__ = ['Connection', 'Pipe', 'wait']

import os
import pickle
import select
import socket
import struct
import time


class Connection:
    """One end of a Pipe(): send/recv pickled objects, send_bytes/recv_bytes raw messages."""

    def __init__(self, fd, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._fd = fd
        self._readable = readable
        self._writable = writable

    def __repr__(self):
        return f'<multiprocessing.connection.Connection fd={self._fd}>'

    def _check_closed(self):
        if self._fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._fd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._fd

    def close(self):
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self, _close=os.close):
        if getattr(self, '_fd', None) is not None:
            try:
                _close(self._fd)
            except OSError:
                pass
            self._fd = None

    def _send(self, buf):
        view = memoryview(buf)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]

    def _recv(self, size):
        chunks = []
        remaining = size
        while remaining > 0:
            chunk = os.read(self._fd, remaining)
            if not chunk:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b''.join(chunks)

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object."""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast('B')
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send(struct.pack("!i", size) + bytes(m[offset:offset + size]))

    def send(self, obj):
        """Send a (picklable) object."""
        self._check_closed()
        self._check_writable()
        data = pickle.dumps(obj)
        self._send(struct.pack("!i", len(data)) + data)

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        size, = struct.unpack("!i", self._recv(4))
        if maxlength is not None and size > maxlength:
            raise OSError("bad message length")
        return self._recv(size)

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        data = self.recv_bytes()
        m = memoryview(buf)
        if offset < 0 or offset > m.nbytes:
            raise ValueError("offset out of bounds")
        if len(data) + offset > m.nbytes:
            from . import BufferTooShort
            raise BufferTooShort(data)
        m.cast('B')[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object."""
        return pickle.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read (waits up to timeout seconds)."""
        self._check_closed()
        self._check_readable()
        return _wait_fd(self._fd, timeout)


def _wait_fd(fd, timeout):
    p = select.poll()
    p.register(fd, select.POLLIN)
    ms = None if timeout is None else max(0, int(timeout * 1000 + 0.999))
    return bool(p.poll(ms))


def Pipe(duplex=True):
    """Return a pair of connected Connection objects."""
    if duplex:
        s1, s2 = socket.socketpair()
        c1 = Connection(s1.detach())
        c2 = Connection(s2.detach())
    else:
        r, w = os.pipe()
        c1 = Connection(r, writable=False)
        c2 = Connection(w, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """Wait till an object in object_list is ready; return the list of ready ones."""
    p = select.poll()
    fds = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        fds.setdefault(fd, []).append(obj)
        p.register(fd, select.POLLIN)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ms = None if deadline is None else max(0, int((deadline - time.monotonic()) * 1000))
        ready = p.poll(ms)
        if ready or deadline is not None:
            break
    result = []
    for fd, _ in ready:
        result.extend(fds.get(fd, ()))
    return result
