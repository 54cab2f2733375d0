"""The pickler multiprocessing sends objects with: the standard one plus reducers that
only make sense between cooperating processes (registered with register())."""

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register', 'dump', 'sendfds',
           'recvfds']

import array
import copyreg
import io
import os
import pickle
import socket

HAVE_SEND_HANDLE = hasattr(socket, 'SCM_RIGHTS') if hasattr(socket, 'CMSG_LEN') else False


class ForkingPickler(pickle.Pickler):
    """Pickler whose dispatch table adds the reducers registered on the class."""

    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwds):
        super().__init__(*args, **kwds)
        self.dispatch_table = self._copyreg_dispatch_table.copy()
        self.dispatch_table.update(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        """Register a reduce function for a type."""
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getbuffer()

    loads = pickle.loads


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    """Replacement for pickle.dump() using ForkingPickler."""
    ForkingPickler(file, protocol).dump(obj)


def sendfds(sock, fds):
    """Send an array of fds over an AF_UNIX socket."""
    fds = array.array('i', fds)
    msg = bytes([len(fds) % 256])
    sock.sendmsg([msg], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])


def recvfds(sock, size):
    """Receive an array of fds over an AF_UNIX socket."""
    a = array.array('i')
    bytes_size = a.itemsize * size
    msg, ancdata, flags, addr = sock.recvmsg(1, socket.CMSG_SPACE(bytes_size))
    if not msg and not ancdata:
        raise EOFError
    cmsg_level, cmsg_type, cmsg_data = ancdata[0]
    a.frombytes(cmsg_data[:len(cmsg_data) - (len(cmsg_data) % a.itemsize)])
    return list(a)


def send_handle(conn, handle, destination_pid):
    """Send a handle over a local connection."""
    with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as s:
        sendfds(s, [handle])


def recv_handle(conn):
    """Receive a handle over a local connection."""
    with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as s:
        return recvfds(s, 1)[0]


# Bound and unbound methods pickle by name so Pool tasks can be methods.
class _C:
    def f(self):
        pass


def _reduce_method(m):
    if m.__self__ is None:
        return getattr, (m.__class__, m.__func__.__name__)
    else:
        return getattr, (m.__self__, m.__func__.__name__)


register(type(_C().f), _reduce_method)


def _reduce_method_descriptor(m):
    return getattr, (m.__objclass__, m.__name__)


register(type(list.append), _reduce_method_descriptor)
register(type(int.__add__), _reduce_method_descriptor)
