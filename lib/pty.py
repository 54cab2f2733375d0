"""Pseudo-terminal helpers: open a pty pair, fork a child onto one, or run a program
on one while relaying its I/O to our own stdin/stdout."""

from select import select
import os
import sys
import tty

from os import close, waitpid
from tty import setraw, tcgetattr, tcsetattr

__all__ = ["openpty", "fork", "spawn"]

STDIN_FILENO = 0
STDOUT_FILENO = 1
STDERR_FILENO = 2

CHILD = 0


def openpty():
    """Return a new (master_fd, slave_fd) pseudo-terminal pair."""
    return os.openpty()


def master_open():
    """Deprecated: return (master_fd, slave_name) for a new pty."""
    import warnings
    warnings.warn("Use pty.openpty() instead.", DeprecationWarning, stacklevel=2)
    master_fd, slave_fd = os.openpty()
    try:
        name = os.ttyname(slave_fd)
    finally:
        os.close(slave_fd)
    return master_fd, name


def _open_terminal():
    # Only reached on systems without os.openpty(); Linux always has it.
    raise OSError("out of pty devices")


def slave_open(tty_name):
    """Deprecated: open the slave side of a pty by device name."""
    import warnings
    warnings.warn("Use pty.openpty() instead.", DeprecationWarning, stacklevel=2)
    return os.open(tty_name, os.O_RDWR)


def fork():
    """Fork with the child's stdin/stdout/stderr on a new pty and the pty as its
    controlling terminal. Returns (pid, master_fd); pid is 0 and master_fd invalid
    in the child."""
    try:
        pid, fd = os.forkpty()
    except (AttributeError, OSError):
        pass
    else:
        return pid, fd
    master_fd, slave_fd = openpty()
    pid = os.fork()
    if pid == CHILD:
        os.close(master_fd)
        os.login_tty(slave_fd)
    else:
        os.close(slave_fd)
    return pid, master_fd


def _read(fd):
    return os.read(fd, 1024)


def _copy(master_fd, master_read=_read, stdin_read=_read):
    """Relay stdin -> master_fd and master_fd -> stdout until the child side closes.
    Each direction is buffered up to a limit so that a slow reader on one side
    cannot stall the other."""
    if os.get_blocking(master_fd):
        # Writes to the master must not block while stdout still needs draining.
        os.set_blocking(master_fd, False)
        try:
            _copy(master_fd, master_read, stdin_read)
        finally:
            os.set_blocking(master_fd, True)
        return

    limit = 4096
    use_stdin = master_fd != STDIN_FILENO
    use_stdout = master_fd != STDOUT_FILENO
    to_child = b""
    to_stdout = b""
    while True:
        readers = []
        writers = []
        if use_stdin and len(to_child) < limit:
            readers.append(STDIN_FILENO)
        if use_stdout and len(to_stdout) < limit:
            readers.append(master_fd)
        if use_stdout and to_stdout:
            writers.append(STDOUT_FILENO)
        if to_child:
            writers.append(master_fd)
        readers, writers, _ = select(readers, writers, [])

        if STDOUT_FILENO in writers:
            try:
                written = os.write(STDOUT_FILENO, to_stdout)
                to_stdout = to_stdout[written:]
            except OSError:
                use_stdout = False

        if master_fd in readers:
            try:
                data = master_read(master_fd)
            except OSError:
                # Linux reports EIO once the slave side is closed.
                data = b""
            if not data:
                # The child is gone; hand over what it wrote before leaving.
                while use_stdout and to_stdout:
                    try:
                        to_stdout = to_stdout[os.write(STDOUT_FILENO, to_stdout):]
                    except BlockingIOError:
                        select([], [STDOUT_FILENO], [])
                    except OSError:
                        break
                return
            to_stdout += data

        if master_fd in writers:
            written = os.write(master_fd, to_child)
            to_child = to_child[written:]

        if use_stdin and STDIN_FILENO in readers:
            data = stdin_read(STDIN_FILENO)
            if not data:
                use_stdin = False
            else:
                to_child += data


def spawn(argv, master_read=_read, stdin_read=_read):
    """Run argv on a new pty, relaying our terminal to it; return its wait status."""
    if isinstance(argv, str):
        argv = (argv,)
    sys.audit("pty.spawn", argv)

    pid, master_fd = fork()
    if pid == CHILD:
        os.execlp(argv[0], *argv)

    try:
        saved = tcgetattr(STDIN_FILENO)
        setraw(STDIN_FILENO)
        restore = True
    except tty.error:
        # stdin is not a terminal: nothing to switch or restore.
        restore = False

    try:
        _copy(master_fd, master_read, stdin_read)
    finally:
        if restore:
            tcsetattr(STDIN_FILENO, tty.TCSAFLUSH, saved)

    close(master_fd)
    return waitpid(pid, 0)[1]
