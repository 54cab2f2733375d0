"""Subprocesses with pipes as streams: create_subprocess_exec/create_subprocess_shell.

The child is started with subprocess.Popen; its pipes are made non-blocking and watched
by the event loop (stdout/stderr feed StreamReaders, stdin is a StreamWriter). wait()
reaps the child in the default executor so the loop never blocks."""

__all__ = ('create_subprocess_exec', 'create_subprocess_shell', 'Process')

import os

from . import events
from . import streams
from . import transports

# subprocess's values, repeated so that importing asyncio does not import subprocess.
PIPE = -1
STDOUT = -2
DEVNULL = -3


class _PipeWriteTransport(transports._FlowControlMixin, transports.WriteTransport):
    __slots__ = ('_fileobj', '_fd', '_protocol', '_buffer', '_closing', '_closed')

    def __init__(self, loop, fileobj, protocol):
        super().__init__({'pipe': fileobj}, loop)
        self._fileobj = fileobj
        self._fd = fileobj.fileno()
        os.set_blocking(self._fd, False)
        self._protocol = protocol
        self._buffer = bytearray()
        self._closing = False
        self._closed = False

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closing

    def get_write_buffer_size(self):
        return len(self._buffer)

    def write(self, data):
        if self._closing:
            return
        if not self._buffer:
            try:
                n = os.write(self._fd, data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fatal(exc)
                return
            data = memoryview(data)[n:]
            if not data:
                return
            self._loop._add_writer(self._fd, self._write_ready)
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        try:
            n = os.write(self._fd, self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._buffer.clear()
            self._loop._remove_writer(self._fd)
            self._fatal(exc)
            return
        del self._buffer[:n]
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._fd)
            if self._closing:
                self._finish(None)

    def _fatal(self, exc):
        self._closing = True
        self._finish(exc)

    def _finish(self, exc):
        if self._closed:
            return
        self._closed = True
        try:
            self._fileobj.close()
        except OSError:
            pass
        self._protocol.connection_lost(exc)

    def can_write_eof(self):
        return True

    def write_eof(self):
        self.close()

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._loop.call_soon(self._finish, None)

    def abort(self):
        self._buffer.clear()
        self._loop._remove_writer(self._fd)
        self._closing = True
        self._finish(None)


class _StdinProtocol(streams.FlowControlMixin):
    def __init__(self, loop):
        super().__init__(loop=loop)
        self._closed = loop.create_future()

    def connection_lost(self, exc):
        super().connection_lost(exc)
        if not self._closed.done():
            self._closed.set_result(None)

    def _get_close_waiter(self, stream):
        return self._closed


def _watch_reader(loop, fileobj, reader):
    fd = fileobj.fileno()
    os.set_blocking(fd, False)

    def on_ready():
        try:
            data = os.read(fd, 65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            loop._remove_reader(fd)
            fileobj.close()
            reader.set_exception(exc)
            return
        if data:
            reader.feed_data(data)
        else:
            loop._remove_reader(fd)
            fileobj.close()
            reader.feed_eof()

    loop._add_reader(fd, on_ready)


class Process:
    def __init__(self, popen, loop, limit):
        self._popen = popen
        self._loop = loop
        self.pid = popen.pid
        self.stdin = self.stdout = self.stderr = None
        if popen.stdin is not None:
            protocol = _StdinProtocol(loop)
            transport = _PipeWriteTransport(loop, popen.stdin, protocol)
            self.stdin = streams.StreamWriter(transport, protocol, None, loop)
        if popen.stdout is not None:
            self.stdout = streams.StreamReader(limit=limit, loop=loop)
            _watch_reader(loop, popen.stdout, self.stdout)
        if popen.stderr is not None:
            self.stderr = streams.StreamReader(limit=limit, loop=loop)
            _watch_reader(loop, popen.stderr, self.stderr)

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._popen.poll()

    async def wait(self):
        """Wait until the process exits and return its exit code."""
        if self._popen.returncode is not None:
            return self._popen.returncode
        return await self._loop.run_in_executor(None, self._popen.wait)

    def send_signal(self, signal):
        self._popen.send_signal(signal)

    def terminate(self):
        self._popen.terminate()

    def kill(self):
        self._popen.kill()

    async def _feed_stdin(self, input):
        try:
            if input is not None:
                self.stdin.write(input)
                await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, stream):
        return await stream.read()

    async def communicate(self, input=None):
        """Send input, read stdout and stderr to EOF, wait for the exit; (stdout, stderr)."""
        from . import tasks
        stdin = self._feed_stdin(input) if self.stdin is not None else self._noop()
        stdout = self._read_stream(self.stdout) if self.stdout is not None else self._noop()
        stderr = self._read_stream(self.stderr) if self.stderr is not None else self._noop()
        stdin, stdout, stderr = await tasks.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=streams._DEFAULT_LIMIT, **kwds):
    import subprocess
    loop = events.get_running_loop()
    popen = subprocess.Popen(cmd, shell=True, stdin=stdin, stdout=stdout, stderr=stderr,
                             bufsize=0, **kwds)
    return Process(popen, loop, limit)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=streams._DEFAULT_LIMIT, **kwds):
    import subprocess
    loop = events.get_running_loop()
    popen = subprocess.Popen((program,) + args, shell=False, stdin=stdin, stdout=stdout,
                             stderr=stderr, bufsize=0, **kwds)
    return Process(popen, loop, limit)
