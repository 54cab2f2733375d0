"""The selector event loop's network side: sock_* coroutines, socket transports, servers and
create_connection/create_server."""

__all__ = ('SelectorEventLoop', 'Server')

import collections
import errno
import os
import socket

from . import events
from . import futures
from . import exceptions
from . import protocols
from . import transports
from . import tasks
from . import coroutines

_ACCEPT_ERRNOS = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
_MAX_READ = 256 * 1024


def _set_nodelay(sock):
    if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
            and sock.proto == socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _check_ssl(ssl):
    if ssl:
        raise RuntimeError('SSL is not supported')


def _is_numeric(host, family):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode('idna')
    for af in (socket.AF_INET, socket.AF_INET6):
        if family not in (0, af):
            continue
        try:
            socket.inet_pton(af, host.partition('%')[0])
            return True
        except (OSError, ValueError):
            pass
    return False


class Server:
    """A listening server returned by loop.create_server() and asyncio.start_server()."""

    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._clients = set()
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self, transport):
        self._active_count += 1
        self._clients.add(transport)

    def _detach(self, transport):
        self._active_count -= 1
        self._clients.discard(transport)
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    def close_clients(self):
        for transport in list(self._clients):
            transport.close()

    def abort_clients(self):
        for transport in list(self._clients):
            transport.abort()

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class _SelectorSocketTransport(transports._FlowControlMixin, transports.Transport):
    __slots__ = ('_sock', '_sock_fd', '_protocol', '_server', '_buffer', '_conn_lost',
                 '_closing', '_paused', '_eof', '_empty_waiter', '__weakref__')

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = sock
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._server = server
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._eof = False
        self._empty_waiter = None
        if server is not None:
            server._attach(self)
        _set_nodelay(sock)
        loop._transports[self._sock_fd] = self
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        return '<{}>'.format(' '.join(info))

    def _add_reader(self, fd, callback, *args):
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback, *args)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def abort(self):
        self._force_close(None)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message, 'exception': exc, 'transport': self,
                'protocol': self._protocol})
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            if self._sock is not None:
                self._loop._transports.pop(self._sock_fd, None)
                self._sock.close()
                self._sock = None
            self._protocol = None
            server = self._server
            if server is not None:
                server._detach(self)
                self._server = None

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(_MAX_READ)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            self._loop._remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            data = memoryview(data)[n:]
            if not data:
                return
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._buffer += data
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._remove_writer(self._sock_fd)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
            if self._empty_waiter is not None:
                self._empty_waiter.set_exception(exc)
            return
        if n:
            del self._buffer[:n]
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._sock_fd)
            if self._empty_waiter is not None:
                self._empty_waiter.set_result(None)
            if self._closing:
                self._call_connection_lost(None)
            elif self._eof:
                self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):
        return True


class _SelectorDatagramTransport(transports._FlowControlMixin, transports.DatagramTransport):
    __slots__ = ('_sock', '_sock_fd', '_protocol', '_address', '_buffer', '_conn_lost',
                 '_closing', '_server', '__weakref__')

    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(extra, loop)
        self._extra['socket'] = sock
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._address = address
        self._buffer = collections.deque()
        self._conn_lost = 0
        self._closing = False
        self._server = None
        loop._transports[self._sock_fd] = self
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._loop._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def get_write_buffer_size(self):
        return sum(len(data) for data, _ in self._buffer)

    def is_closing(self):
        return self._closing

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    _force_close = _SelectorSocketTransport._force_close
    _call_connection_lost = _SelectorSocketTransport._call_connection_lost

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message, 'exception': exc, 'transport': self,
                'protocol': self._protocol})
        self._force_close(exc)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(_MAX_READ)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop._add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._maybe_pause_protocol()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)


class SelectorEventLoop(events.BaseEventLoop):
    """Event loop over the selectors module, with sockets, transports and servers."""

    def __init__(self, selector=None):
        self._transports = {}
        super().__init__()
        if selector is not None:
            self._selector.close()
            self._selector = selector
            self._registered = set()
            self._update_selector(self._ssock.fileno())

    # -- internal reader/writer helpers used by transports ---------------------------------

    def _add_reader(self, fd, callback, *args):
        events.BaseEventLoop.add_reader(self, fd, callback, *args)

    def _remove_reader(self, fd):
        return events.BaseEventLoop.remove_reader(self, fd)

    def _add_writer(self, fd, callback, *args):
        events.BaseEventLoop.add_writer(self, fd, callback, *args)

    def _remove_writer(self, fd):
        return events.BaseEventLoop.remove_writer(self, fd)

    def _ensure_fd_no_transport(self, fd):
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f"Invalid file object: {fd!r}") from None
        transport = self._transports.get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(f'File descriptor {fd!r} is used by transport {transport!r}')

    def add_reader(self, fd, callback, *args):
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    # -- sock_* coroutines -----------------------------------------------------------------

    def _check_sock(self, sock):
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')

    async def sock_recv(self, sock, n):
        self._check_sock(sock)
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def on_ready():
            if fut.done():
                return
            try:
                data = sock.recv(n)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(data)

        self._add_reader(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_reader(fd)

    async def sock_recv_into(self, sock, buf):
        self._check_sock(sock)
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def on_ready():
            if fut.done():
                return
            try:
                nbytes = sock.recv_into(buf)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(nbytes)

        self._add_reader(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_reader(fd)

    async def sock_recvfrom(self, sock, bufsize):
        self._check_sock(sock)
        try:
            return sock.recvfrom(bufsize)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()

        def on_ready():
            if fut.done():
                return
            try:
                result = sock.recvfrom(bufsize)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(result)

        self._add_reader(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_reader(fd)

    async def sock_sendall(self, sock, data):
        self._check_sock(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        view = memoryview(data)
        pos = [n]

        def on_ready():
            if fut.done():
                return
            start = pos[0]
            try:
                sent = sock.send(view[start:])
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
                return
            start += sent
            if start == len(view):
                fut.set_result(None)
            else:
                pos[0] = start

        self._add_writer(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_writer(fd)

    async def sock_sendto(self, sock, data, address):
        self._check_sock(sock)
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()

        def on_ready():
            if fut.done():
                return
            try:
                n = sock.sendto(data, address)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(n)

        self._add_writer(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_writer(fd)

    async def sock_connect(self, sock, address):
        self._check_sock(sock)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            resolved = await self._ensure_resolved(address, family=sock.family,
                                                   type=sock.type, proto=sock.proto)
            _, _, _, _, address = resolved[0]
        fut = self.create_future()
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            pass
        else:
            return
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def on_ready():
            if fut.done():
                return
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                fut.set_exception(OSError(err, f'Connect call failed {address}'))
            else:
                fut.set_result(None)

        self._add_writer(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_writer(fd)

    async def sock_accept(self, sock):
        self._check_sock(sock)
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def on_ready():
            if fut.done():
                return
            try:
                conn, address = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result((conn, address))

        self._add_reader(fd, on_ready)
        try:
            return await fut
        finally:
            self._remove_reader(fd)

    # -- name resolution -------------------------------------------------------------------

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        if _is_numeric(host, family):
            return socket.getaddrinfo(host, port, family, type, proto, flags)
        return await self.run_in_executor(None, socket.getaddrinfo, host, port, family,
                                          type, proto, flags)

    async def getnameinfo(self, sockaddr, flags=0):
        return await self.run_in_executor(None, socket.getnameinfo, sockaddr, flags)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM, proto=0,
                               flags=0):
        host, port = address[:2]
        infos = await self.getaddrinfo(host, port, family=family, type=type, proto=proto,
                                       flags=flags)
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        if len(address) > 2 and infos[0][0] == socket.AF_INET6:
            infos = [(f, t, p, c, (sa[0], sa[1]) + tuple(address[2:])) for f, t, p, c, sa in infos]
        return infos

    # -- connections -----------------------------------------------------------------------

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None,
                                family=0, proto=0, flags=0, sock=None, local_addr=None,
                                server_hostname=None, ssl_handshake_timeout=None,
                                ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                                interleave=None, all_errors=False):
        _check_ssl(ssl)
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved((host, port), family=family,
                                                type=socket.SOCK_STREAM, proto=proto,
                                                flags=flags)
            laddr_infos = None
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(local_addr, family=family,
                                                          type=socket.SOCK_STREAM,
                                                          proto=proto, flags=flags)
            exceptions_ = []
            for af, socktype, prot, _, address in infos:
                sock = None
                try:
                    sock = socket.socket(family=af, type=socktype, proto=prot)
                    sock.setblocking(False)
                    if laddr_infos is not None:
                        for _, _, _, _, laddr in laddr_infos:
                            try:
                                sock.bind(laddr)
                                break
                            except OSError as exc:
                                msg = (f'error while attempting to bind on address '
                                       f'{laddr!r}: {str(exc.strerror).lower()}')
                                exceptions_.append(OSError(exc.errno, msg))
                        else:
                            sock.close()
                            sock = None
                            continue
                    await self.sock_connect(sock, address)
                    break
                except OSError as exc:
                    exceptions_.append(exc)
                    if sock is not None:
                        sock.close()
                    sock = None
                except BaseException:
                    if sock is not None:
                        sock.close()
                    raise
            if sock is None:
                if all_errors:
                    raise ExceptionGroup("create_connection failed", exceptions_)
                if len(exceptions_) == 1:
                    raise exceptions_[0]
                model = str(exceptions_[0])
                if all(str(exc) == model for exc in exceptions_):
                    raise exceptions_[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in exceptions_)))
        else:
            if sock is None:
                raise ValueError('host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        return await self._create_connection_transport(sock, protocol_factory)

    async def _create_connection_transport(self, sock, protocol_factory, server=None):
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = _SelectorSocketTransport(self, sock, protocol, waiter, server=server)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                      ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        _check_ssl(ssl)
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        return await self._create_connection_transport(sock, protocol_factory)

    async def create_unix_connection(self, protocol_factory, path=None, *, ssl=None, sock=None,
                                     server_hostname=None, ssl_handshake_timeout=None,
                                     ssl_shutdown_timeout=None):
        _check_ssl(ssl)
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        return await self._create_connection_transport(sock, protocol_factory)

    # -- servers ---------------------------------------------------------------------------

    def _start_serving(self, protocol_factory, sock, server, backlog=100):
        self._add_reader(sock.fileno(), self._accept_connection, protocol_factory, sock,
                         server, backlog)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, server, backlog):
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in _ACCEPT_ERRNOS:
                    self.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc, 'socket': sock})
                    self._remove_reader(sock.fileno())
                    self.call_later(1.0, self._start_serving, protocol_factory, sock,
                                    server, backlog)
                else:
                    raise
            else:
                self._accept_connection2(protocol_factory, conn, {'peername': addr}, server)

    def _accept_connection2(self, protocol_factory, conn, extra, server):
        try:
            protocol = protocol_factory()
            _SelectorSocketTransport(self, conn, protocol, None, extra=extra, server=server)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            conn.close()
            self.call_exception_handler({
                'message': 'Error on transport creation for incoming connection',
                'exception': exc})

    async def create_server(self, protocol_factory, host=None, port=None, *,
                            family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None,
                            backlog=100, ssl=None, reuse_address=None, reuse_port=None,
                            keep_alive=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, start_serving=True):
        _check_ssl(ssl)
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            if reuse_address is None:
                reuse_address = True
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or not hasattr(host, '__iter__'):
                hosts = [host]
            else:
                hosts = list(host)
            infos = []
            for h in hosts:
                infos.extend(await self.getaddrinfo(h, port, family=family,
                                                    type=socket.SOCK_STREAM, flags=flags))
            seen = set()
            sockets = []
            completed = False
            try:
                for af, socktype, proto, canonname, sa in infos:
                    key = (af, socktype, proto, sa)
                    if key in seen:
                        continue
                    seen.add(key)
                    try:
                        s = socket.socket(af, socktype, proto)
                    except OSError:
                        continue
                    sockets.append(s)
                    if reuse_address:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    if reuse_port:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                    if keep_alive:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
                    if af == socket.AF_INET6:
                        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                    try:
                        s.bind(sa)
                    except OSError as err:
                        msg = ('error while attempting to bind on address %r: %s'
                               % (sa, str(err.strerror).lower()))
                        raise OSError(err.errno, msg) from None
                completed = True
            finally:
                if not completed:
                    for s in sockets:
                        s.close()
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
            sockets = [sock]
        for s in sockets:
            s.setblocking(False)
        server = Server(self, sockets, protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100,
                                 ssl=None, ssl_handshake_timeout=None,
                                 ssl_shutdown_timeout=None, start_serving=True, cleanup_socket=True):
        _check_ssl(ssl)
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == errno.EADDRINUSE:
                    raise OSError(errno.EADDRINUSE, f'Address {path!r} is already in use') from None
                raise
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('path was not specified, and no sock specified')
        sock.setblocking(False)
        server = Server(self, [sock], protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    async def create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                       remote_addr=None, *, family=0, proto=0, flags=0,
                                       reuse_port=None, allow_broadcast=None, sock=None):
        if sock is None:
            addr = local_addr or remote_addr
            if addr is None:
                if family == 0:
                    raise ValueError('unexpected address family')
                sock = socket.socket(family, socket.SOCK_DGRAM, proto)
            else:
                infos = await self._ensure_resolved(addr, family=family, type=socket.SOCK_DGRAM,
                                                    proto=proto, flags=flags)
                af, _, prot, _, _ = infos[0]
                sock = socket.socket(af, socket.SOCK_DGRAM, prot)
            try:
                sock.setblocking(False)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                if local_addr:
                    infos = await self._ensure_resolved(local_addr, family=sock.family,
                                                        type=socket.SOCK_DGRAM)
                    sock.bind(infos[0][4])
                if remote_addr:
                    infos = await self._ensure_resolved(remote_addr, family=sock.family,
                                                        type=socket.SOCK_DGRAM)
                    remote_addr = infos[0][4]
                    await self.sock_connect(sock, remote_addr)
            except:
                sock.close()
                raise
        else:
            sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = _SelectorDatagramTransport(self, sock, protocol, remote_addr, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        for transport in list(self._transports.values()):
            if not transport.is_closing():
                transport.close()
        super().close()
