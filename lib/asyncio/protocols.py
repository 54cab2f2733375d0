"""Protocol base classes: the callbacks a transport makes into user code."""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'SubprocessProtocol',
           'BufferedProtocol')


class BaseProtocol:
    """Connection callbacks shared by every kind of protocol."""

    __slots__ = ()

    def connection_made(self, transport):
        """Called when a connection is made."""

    def connection_lost(self, exc):
        """Called when the connection is lost or closed (exc is None on a clean EOF)."""

    def pause_writing(self):
        """Called when the transport's buffer goes over the high-water mark."""

    def resume_writing(self):
        """Called when the transport's buffer drains below the low-water mark."""


class Protocol(BaseProtocol):
    """Interface for stream protocols."""

    __slots__ = ()

    def data_received(self, data):
        """Called when some data is received."""

    def eof_received(self):
        """Called when the other end calls write_eof(); a true result keeps the transport open."""


class BufferedProtocol(BaseProtocol):
    """Stream protocol that receives into its own buffer."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        """Return a writable buffer for the next receive."""

    def buffer_updated(self, nbytes):
        """Called when the buffer was updated with nbytes of data."""

    def eof_received(self):
        """Called when the other end calls write_eof()."""


class DatagramProtocol(BaseProtocol):
    """Interface for datagram protocols."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called when some datagram is received."""

    def error_received(self, exc):
        """Called when a send or receive operation raises an OSError."""


class SubprocessProtocol(BaseProtocol):
    """Interface for protocols of subprocess pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Called when the subprocess writes data to stdout/stderr."""

    def pipe_connection_lost(self, fd, exc):
        """Called when a file descriptor of the subprocess is closed."""

    def process_exited(self):
        """Called when the subprocess has exited."""
