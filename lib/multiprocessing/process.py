"""Process objects, started with the fork start method."""

__all__ = ['BaseProcess', 'Process', 'current_process', 'active_children', 'parent_process',
           'AuthenticationString']

import itertools
import os
import signal
import sys
import threading
import time


class BaseProcess:
    """A process running target(*args, **kwargs) in a forked child."""

    _counter = itertools.count(1)

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(BaseProcess._counter)
        parent = _current_process
        self._identity = parent._identity + (count,)
        self._parent_pid = os.getpid()
        self._popen_pid = None
        self._returncode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs else {}
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._daemonic = parent._daemonic if daemon is None else daemon
        self._sentinel = None
        self._config = parent._config.copy()

    def run(self):
        """Method to be run in the child process."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen_pid is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._daemonic, 'daemonic processes are not allowed to have children'
        _cleanup()
        method = self._start_method
        if method is None:
            from . import get_start_method
            method = get_start_method()
        if method == 'spawn':
            from .popen_spawn_posix import Popen
            popen = Popen(self)
            self._popen_pid = popen.pid
            self._sentinel = popen.sentinel
            _children.add(self)
            return
        r, w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            code = 1
            try:
                code = self._bootstrap()
            finally:
                os._exit(code)
        os.close(w)
        self._popen_pid = pid
        self._sentinel = r
        _children.add(self)

    def _bootstrap_spawned(self):
        return self._bootstrap(forked=False)

    def _bootstrap(self, forked=True):
        global _current_process, _parent_process, _children
        from . import util
        if forked and not hasattr(os, 'register_at_fork'):
            # threading registers its own fork hook where os supports it.
            threading._after_fork()
        _children = set()
        _parent_process = _ParentProcess(self._parent_pid)
        _current_process = self
        self._popen_pid = None
        try:
            try:
                util._reset_in_child()
                util._run_after_forkers()
                self.run()
                exitcode = 0
            finally:
                _run_finalizers()
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
            except (AttributeError, ValueError, OSError):
                pass
            try:
                sys.stderr.flush()
            except (AttributeError, ValueError, OSError):
                pass
        return exitcode

    def _poll(self, block):
        if self._returncode is not None or self._popen_pid is None:
            return self._returncode
        flag = 0 if block else os.WNOHANG
        while True:
            try:
                pid, status = os.waitpid(self._popen_pid, flag)
            except ChildProcessError:
                return self._returncode
            except InterruptedError:
                continue
            break
        if pid == self._popen_pid:
            if os.WIFSIGNALED(status):
                self._returncode = -os.WTERMSIG(status)
            else:
                self._returncode = os.WEXITSTATUS(status)
        return self._returncode

    def join(self, timeout=None):
        """Wait until the child process terminates."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen_pid is not None, 'can only join a started process'
        if timeout is None:
            self._poll(True)
        else:
            from .connection import _wait_fd
            if _wait_fd(self._sentinel, timeout):
                self._poll(True)
            else:
                self._poll(False)
        if self._returncode is not None:
            _children.discard(self)

    def is_alive(self):
        """Return whether the process is alive."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen_pid is None:
            return False
        if self._poll(False) is None:
            return True
        _children.discard(self)
        return False

    def _send_signal(self, sig):
        self._check_closed()
        if self._popen_pid is not None and self._returncode is None:
            try:
                os.kill(self._popen_pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        """Terminate the process with SIGTERM."""
        self._send_signal(signal.SIGTERM)

    def kill(self):
        """Terminate the process with SIGKILL."""
        self._send_signal(signal.SIGKILL)

    def close(self):
        """Release the resources of a finished process object."""
        if self._closed:
            return
        if self._popen_pid is not None:
            if self._poll(False) is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
        if self._sentinel is not None:
            os.close(self._sentinel)
            self._sentinel = None
        _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen_pid is None, 'process has already started'
        self._daemonic = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        """Set authorization key of process."""
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """Return exit code of process or None if it has yet to stop."""
        self._check_closed()
        if self._popen_pid is None:
            return None
        return self._poll(False)

    @property
    def ident(self):
        """Return identifier (PID) of process or None if it has yet to start."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen_pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._sentinel is None:
            raise ValueError('process not started')
        return self._sentinel

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen_pid is None:
            status = 'initial'
        else:
            exitcode = self._poll(False)
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen_pid is not None:
            info.append('pid=%s' % self._popen_pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


class Process(BaseProcess):
    # None: the start method chosen by set_start_method() (fork by default).
    _start_method = None


class ForkProcess(BaseProcess):
    _start_method = 'fork'


class SpawnProcess(BaseProcess):
    _start_method = 'spawn'


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen_pid = None
        self._returncode = None
        self._closed = False
        self._daemonic = False
        self._sentinel = None
        # The authentication key every child inherits; managers and Listeners default to it.
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}
        self._target = None

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, pid):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen_pid = None
        self._returncode = None
        self._closed = False
        self._daemonic = False
        self._sentinel = None
        self._pid = pid
        self._config = {}

    @property
    def ident(self):
        return self._pid

    pid = ident

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except OSError:
            return False
        return True


class AuthenticationString(bytes):
    """bytes that refuse to be pickled except while a spawned child is being prepared."""

    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError(
                'Pickling an AuthenticationString object is '
                'disallowed for security reasons'
            )
        return AuthenticationString, (bytes(self),)


_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if _name[:3] == 'SIG' and '_' not in _name and isinstance(_signum, int):
        _exitcode_to_name[-_signum] = f'-{_name}'
del _name, _signum

ORIGINAL_DIR = None
try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    pass

_current_process = _MainProcess()
_parent_process = None
_children = set()
_finalizers = []


def _run_finalizers():
    while _finalizers:
        func = _finalizers.pop()
        try:
            func()
        except Exception:
            pass


def _cleanup():
    for p in list(_children):
        if p._poll(False) is not None:
            _children.discard(p)


def current_process():
    """Return the process object representing the current process."""
    return _current_process


def parent_process():
    """Return the process object of the parent, or None in the main process."""
    return _parent_process


def active_children():
    """Return the list of child processes that are still running."""
    _cleanup()
    return list(_children)


def _exit_function():
    for p in list(_children):
        if p.daemon and p._poll(False) is None:
            p.terminate()
    for p in list(_children):
        if p._parent_pid == os.getpid():
            p.join()


def _atexit_hook():
    from . import util
    util._exit_function()
    _exit_function()


import atexit as _atexit
_atexit.register(_atexit_hook)
del _atexit
