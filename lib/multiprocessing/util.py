"""Helpers shared by the multiprocessing package: logging, finalizers that run at exit in
priority order, callbacks run in a freshly started child, fork-aware locks and
thread-locals, and the per-process temporary directory for socket files."""

__all__ = ['sub_debug', 'debug', 'info', 'sub_warning', 'get_logger', 'log_to_stderr',
           'get_temp_dir', 'register_after_fork', 'is_exiting', 'Finalize',
           'ForkAwareThreadLock', 'ForkAwareLocal', 'close_all_fds_except',
           'SUBDEBUG', 'SUBWARNING']

import itertools
import os
import sys
import threading
import weakref

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

# Mutable module state lives in one object so a forked child can reset it in one place.
class _State:
    logger = None
    log_to_stderr = False
    exiting = False


_state = _State()


def _log(level, msg, args):
    logger = _state.logger
    if logger:
        logger.log(level, msg, *args, stacklevel=3)


def sub_debug(msg, *args):
    _log(SUBDEBUG, msg, args)


def debug(msg, *args):
    _log(DEBUG, msg, args)


def info(msg, *args):
    _log(INFO, msg, args)


def sub_warning(msg, *args):
    _log(SUBWARNING, msg, args)


def get_logger():
    """Returns the logger used by multiprocessing, creating it on first use."""
    import logging
    if _state.logger is None:
        logger = logging.getLogger(LOGGER_NAME)
        logger.propagate = 0
        logging.addLevelName(SUBDEBUG, 'SUBDEBUG')
        logging.addLevelName(SUBWARNING, 'SUBWARNING')
        _state.logger = logger
    return _state.logger


def log_to_stderr(level=None):
    """Turn on logging and add a handler which prints to stderr."""
    import logging
    logger = get_logger()
    formatter = logging.Formatter(DEFAULT_LOGGING_FORMAT)
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    _state.log_to_stderr = True
    return logger


def _remove_temp_dir(rmtree, tempdir):
    rmtree(tempdir)
    from . import process
    current = process.current_process()
    if current is not None:
        current._config['tempdir'] = None


def get_temp_dir():
    """A temporary directory owned by this process, removed when it exits."""
    from . import process
    tempdir = process.current_process()._config.get('tempdir')
    if tempdir is None:
        import shutil
        import tempfile
        tempdir = tempfile.mkdtemp(prefix='pymp-')
        info('created temp directory %s', tempdir)
        # shutil.rmtree is bound now: module globals may be gone by exit time.
        Finalize(None, _remove_temp_dir, args=(shutil.rmtree, tempdir), exitpriority=-100)
        process.current_process()._config['tempdir'] = tempdir
    return tempdir


# Callbacks a freshly started child runs on objects it inherited (keyed so they run in
# registration order; the values are weak so dead objects drop out).
_afterfork_registry = weakref.WeakValueDictionary()
_afterfork_counter = itertools.count()


def _run_after_forkers():
    items = list(_afterfork_registry.items())
    items.sort()
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


def register_after_fork(obj, func):
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj


_finalizer_registry = {}
_finalizer_counter = itertools.count()


class Finalize(object):
    """Calls callback(*args, **kwargs) once: when obj is collected, when called, or at exit
    if exitpriority is not None (higher priorities first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError("Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = weakref.ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None, _finalizer_registry=_finalizer_registry, sub_debug=sub_debug,
                 getpid=os.getpid):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            sub_debug('finalizer no longer registered')
            res = None
        else:
            if self._pid != getpid():
                # A forked child must not run its parent's clean-ups.
                sub_debug('finalizer ignored because different process')
                res = None
            else:
                sub_debug('finalizer calling %s with args %s and kwargs %s',
                          self._callback, self._args, self._kwargs)
                res = self._callback(*self._args, **self._kwargs)
            self._weakref = self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        """Cancel finalization of the object."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._weakref = self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        """Return whether this finalizer is still waiting to invoke callback."""
        return self._key in _finalizer_registry

    def __repr__(self):
        try:
            obj = self._weakref()
        except (AttributeError, TypeError):
            obj = None
        if obj is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (
            self.__class__.__name__, getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Run finalizers with an exit priority >= minpriority (all prioritised ones if None),
    highest priority first, newest first within a priority."""
    if _finalizer_registry is None:
        return
    if minpriority is None:
        wanted = lambda key: key[0] is not None
    else:
        wanted = lambda key: key[0] is not None and key[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if wanted(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            sub_debug('calling %s', finalizer)
            try:
                finalizer()
            except Exception:
                import traceback
                traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


def is_exiting():
    """Returns true if the process is shutting down."""
    return _state.exiting or _state.exiting is None


def _exit_function():
    # Clean-ups with a priority >= 0 (managers, queue feeders) run before children are
    # joined, so a server process is told to stop before we wait for it.
    if _state.exiting:
        return
    _state.exiting = True
    from . import process
    info('process shutting down')
    debug('running all "atexit" finalizers with priority >= 0')
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                info('calling terminate() for daemon %s', p.name)
                p.terminate()
        for p in process.active_children():
            info('calling join() for process %s', p.name)
            p.join()
    debug('running the remaining "atexit" finalizers')
    _run_finalizers()


def _reset_in_child():
    """Called first thing in a forked child: forget the parent's clean-ups."""
    _finalizer_registry.clear()
    _state.exiting = False


class ForkAwareThreadLock(object):
    """A threading.Lock that a started child replaces with a fresh, unlocked one."""

    def __init__(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        register_after_fork(self, ForkAwareThreadLock._at_fork_reinit)

    def _at_fork_reinit(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(object):
    """Per-thread attributes that a started child sees empty (so it never reuses a
    parent's socket)."""

    def __init__(self):
        object.__setattr__(self, '_per_thread', {})
        register_after_fork(self, lambda obj: obj._per_thread.clear())

    def _slot(self, create):
        ident = threading.get_ident()
        slot = self._per_thread.get(ident)
        if slot is None and create:
            slot = self._per_thread[ident] = {}
        return slot

    def __getattr__(self, name):
        slot = self._slot(False)
        if slot is None or name not in slot:
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        return slot[name]

    def __setattr__(self, name, value):
        self._slot(True)[name] = value

    def __delattr__(self, name):
        slot = self._slot(False)
        if slot is None or name not in slot:
            raise AttributeError(name)
        del slot[name]

    def __reduce__(self):
        return type(self), ()


def is_abstract_socket_namespace(address):
    if not address:
        return False
    if isinstance(address, bytes):
        return address[0] == 0
    elif isinstance(address, str):
        return address[0] == "\0"
    raise TypeError(f'address type of {address!r} unrecognized')


abstract_sockets_supported = True


def close_all_fds_except(fds):
    fds = list(fds) + [-1, os.sysconf('SC_OPEN_MAX') if hasattr(os, 'sysconf') else 1024]
    fds.sort()
    for i in range(len(fds) - 1):
        os.closerange(fds[i] + 1, fds[i + 1])


def _cleanup_tests():
    """Cleanup multiprocessing resources when multiprocessing tests completed."""
    _run_finalizers()


def _args_from_interpreter_flags():
    """The interpreter options a child interpreter should be started with."""
    import subprocess
    return subprocess._args_from_interpreter_flags()


def spawnv_passfds(path, args, passfds):
    """Start path with argv args, keeping only passfds (same numbers) open; return pid."""
    import _posixsubprocess
    import subprocess
    passfds = tuple(sorted(map(int, passfds)))
    errpipe_read, errpipe_write = os.pipe()
    try:
        pid = _posixsubprocess.fork_exec(
            args, [os.fsencode(path)], True, passfds, None, None,
            -1, -1, -1, -1, -1, -1, errpipe_read, errpipe_write,
            False, False, -1, None, None, None, -1, None)
    finally:
        os.close(errpipe_write)
    try:
        # The error pipe closes on a successful exec; otherwise the child says why not.
        data = os.read(errpipe_read, 50000)
    finally:
        os.close(errpipe_read)
    if data:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        exc_name, _, rest = data.partition(b':')
        hex_errno, _, msg = rest.partition(b':')
        errno_num = int(hex_errno, 16) if hex_errno else 0
        if errno_num:
            raise OSError(errno_num, os.strerror(errno_num), path)
        raise subprocess.SubprocessError(msg.decode(errors='replace'))
    return pid
