"""Connections between processes: pickled messages framed by a 4-byte length over a socket
pair (duplex), a pipe (one-way) or a socket from a Listener/Client (AF_UNIX or AF_INET),
the latter optionally authenticated by an HMAC challenge in both directions."""

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

import hmac
import itertools
import os
import select
import socket
import struct
import tempfile
import time

from . import util
from . import reduction
from .context_errors import AuthenticationError, BufferTooShort

_ForkingPickler = reduction.ForkingPickler

BUFSIZE = 8192
# Seconds a Client keeps retrying a refused connection (the listener may still be starting).
CONNECTION_TIMEOUT = 20.

_mmap_counter = itertools.count()

default_family = 'AF_UNIX'
families = ['AF_INET', 'AF_UNIX']


def _init_timeout(timeout=CONNECTION_TIMEOUT):
    return time.monotonic() + timeout


def _check_timeout(t):
    return time.monotonic() > t


def arbitrary_address(family):
    """Return an arbitrary free address for the given family."""
    if family == 'AF_INET':
        return ('localhost', 0)
    elif family == 'AF_UNIX':
        return tempfile.mktemp(prefix='listener-', dir=util.get_temp_dir())
    else:
        raise ValueError('unrecognized family')


def _validate_family(family):
    if family == 'AF_PIPE':
        raise ValueError('Family %s is not recognized.' % family)


def address_type(address):
    """Return the family name of an address: a tuple is AF_INET, a str AF_UNIX."""
    if type(address) == tuple:
        return 'AF_INET'
    elif type(address) is str and address.startswith('\\\\'):
        return 'AF_PIPE'
    elif type(address) is str or util.is_abstract_socket_namespace(address):
        return 'AF_UNIX'
    else:
        raise ValueError('address type of %r unrecognized' % address)


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

    def __reduce__(self):
        # A spawned child keeps the fd open under the same number (see popen_spawn_posix).
        from .context import get_spawning_popen
        popen = get_spawning_popen()
        if popen is not None:
            popen.duplicate_for_child(self._fd)
        return (_rebuild_connection, (self._fd, self._readable, self._writable))

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
        data = bytes(_ForkingPickler.dumps(obj))
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
            raise BufferTooShort(data)
        m.cast('B')[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object."""
        return _ForkingPickler.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read (waits up to timeout seconds)."""
        self._check_closed()
        self._check_readable()
        return _wait_fd(self._fd, timeout)


def _rebuild_connection(fd, readable, writable):
    return Connection(fd, readable, writable)


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


class Listener(object):
    """A listening socket whose accept() returns authenticated Connections."""

    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        _validate_family(family)
        self._listener = SocketListener(address, family, backlog)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError('authkey should be a byte string')
        self._authkey = authkey

    def accept(self):
        """Accept a connection on the bound socket or named pipe of `self`."""
        if self._listener is None:
            raise OSError('listener is closed')
        c = self._listener.accept()
        if self._authkey is not None:
            deliver_challenge(c, self._authkey)
            answer_challenge(c, self._authkey)
        return c

    def close(self):
        """Close the bound socket or named pipe of `self`."""
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()

    @property
    def address(self):
        return self._listener._address

    @property
    def last_accepted(self):
        return self._listener._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address, family=None, authkey=None):
    """Returns a connection to the address of a `Listener`."""
    family = family or address_type(address)
    _validate_family(family)
    c = SocketClient(address)
    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError('authkey should be a byte string')
    if authkey is not None:
        answer_challenge(c, authkey)
        deliver_challenge(c, authkey)
    return c


class SocketListener(object):
    """A bound, listening socket; accept() wraps each peer in a Connection."""

    def __init__(self, address, family, backlog=1):
        self._socket = socket.socket(getattr(socket, family))
        try:
            if os.name == 'posix':
                self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.setblocking(True)
            self._socket.bind(address)
            self._socket.listen(backlog)
            self._address = self._socket.getsockname()
        except OSError:
            self._socket.close()
            raise
        self._family = family
        self._last_accepted = None
        if family == 'AF_UNIX' and not util.is_abstract_socket_namespace(address):
            # The socket file outlives the socket: remove it when the listener goes.
            self._unlink = util.Finalize(self, os.unlink, args=(address,), exitpriority=0)
        else:
            self._unlink = None

    def accept(self):
        s, self._last_accepted = self._socket.accept()
        s.setblocking(True)
        return Connection(s.detach())

    def close(self):
        try:
            self._socket.close()
        finally:
            unlink = self._unlink
            if unlink is not None:
                self._unlink = None
                unlink()


def SocketClient(address):
    """Return a connection object connected to the socket given by `address`."""
    family = address_type(address)
    with socket.socket(getattr(socket, family)) as s:
        s.setblocking(True)
        s.connect(address)
        return Connection(s.detach())


# Authentication: each side proves it knows the key by returning an HMAC of a random
# challenge. A challenge starts with "{digest}" naming the hash; a bare 20-byte challenge
# and a bare response mean legacy MD5.
MESSAGE_LENGTH = 40
_CHALLENGE = b'#CHALLENGE#'
_WELCOME = b'#WELCOME#'
_FAILURE = b'#FAILURE#'
_ALLOWED_DIGESTS = frozenset({b'md5', b'sha256', b'sha384', b'sha3_256', b'sha3_384'})
_MAX_DIGEST_LEN = max(len(d) for d in _ALLOWED_DIGESTS)
_MD5ONLY_MESSAGE_LENGTH = 20
_MD5_DIGEST_LEN = 16
_LEGACY_LENGTHS = (_MD5ONLY_MESSAGE_LENGTH, _MD5_DIGEST_LEN)


def _get_digest_name_and_payload(message):
    """Split "{digest}payload" into (digest, payload); ('', message) for legacy MD5."""
    if len(message) in _LEGACY_LENGTHS:
        return '', message
    if message.startswith(b'{'):
        end = message.find(b'}', 1, _MAX_DIGEST_LEN + 2)
        if end > 0:
            digest = message[1:end]
            if digest in _ALLOWED_DIGESTS:
                return digest.decode('ascii'), message[end + 1:]
    raise AuthenticationError(
        'unsupported message length, missing digest prefix, '
        f'or unsupported digest: {message=}')


def _create_response(authkey, message):
    """The answer to a challenge: an HMAC with the digest the challenge names."""
    digest_name = _get_digest_name_and_payload(message)[0]
    if not digest_name:
        return hmac.new(authkey, message, 'md5').digest()
    try:
        response = hmac.new(authkey, message, digest_name).digest()
    except ValueError:
        raise AuthenticationError(f'{digest_name=} unsupported') from None
    return b'{%s}%s' % (digest_name.encode('ascii'), response)


def _verify_challenge(authkey, message, response):
    """Raise AuthenticationError unless response is the HMAC of message under authkey."""
    response_digest, response_mac = _get_digest_name_and_payload(response)
    response_digest = response_digest or 'md5'
    try:
        expected = hmac.new(authkey, message, response_digest).digest()
    except ValueError:
        raise AuthenticationError(f'{response_digest=} unsupported') from None
    if len(expected) != len(response_mac):
        raise AuthenticationError(
            f'expected {response_digest!r} of length {len(expected)} '
            f'got {len(response_mac)}')
    if not hmac.compare_digest(expected, response_mac):
        raise AuthenticationError('digest received was wrong')


def deliver_challenge(connection, authkey, digest_name='sha256'):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = os.urandom(MESSAGE_LENGTH)
    message = b'{%s}%s' % (digest_name.encode('ascii'), message)
    connection.send_bytes(_CHALLENGE + message)
    response = connection.recv_bytes(256)
    try:
        _verify_challenge(authkey, message, response)
    except AuthenticationError:
        connection.send_bytes(_FAILURE)
        raise
    else:
        connection.send_bytes(_WELCOME)


def answer_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)
    if not message.startswith(_CHALLENGE):
        raise AuthenticationError(f'Protocol error, expected challenge: {message=}')
    message = message[len(_CHALLENGE):]
    if len(message) < _MD5ONLY_MESSAGE_LENGTH:
        raise AuthenticationError(f'challenge too short: {len(message)} bytes')
    digest = _create_response(authkey, message)
    connection.send_bytes(digest)
    response = connection.recv_bytes(256)
    if response != _WELCOME:
        raise AuthenticationError('digest sent was rejected')
