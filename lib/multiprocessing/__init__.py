"""Process-based parallelism with the fork start method.

Processes are forked children (process.py); pipes carry pickled messages (connection.py);
locks, semaphores and conditions are pipe-backed so every forked child shares them
(synchronize.py); Value/Array live in a shared file (sharedctypes.py); queues and the pool
build on those. A Manager (managers.py) runs a server process that owns shared objects
other processes reach through proxies over authenticated connections."""

import os

from .context_errors import ProcessError, BufferTooShort, TimeoutError, AuthenticationError
from . import process
from .process import Process, current_process, active_children, parent_process
from .connection import Pipe
from .synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from .queues import Queue, SimpleQueue, JoinableQueue
from .sharedctypes import Value, Array, RawValue, RawArray
from .pool import Pool

__all__ = ['Array', 'AuthenticationError', 'Manager', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
           'Condition', 'Event', 'JoinableQueue', 'Lock', 'Pipe', 'Pool', 'Process',
           'ProcessError', 'Queue', 'RLock', 'RawArray', 'RawValue', 'Semaphore',
           'SimpleQueue', 'TimeoutError', 'Value', 'active_children', 'cpu_count',
           'current_process', 'freeze_support', 'get_all_start_methods', 'get_context',
           'get_start_method', 'parent_process', 'set_start_method', 'set_executable',
           'set_forkserver_preload', 'get_logger', 'log_to_stderr', 'allow_connection_pickling']

_start_method = [None]


def cpu_count():
    """Returns the number of CPUs in the system."""
    num = os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


def Manager():
    """Returns a started SyncManager whose methods create shared objects and return
    proxies to them."""
    from .managers import SyncManager
    m = SyncManager(ctx=get_context())
    m.start()
    return m


def freeze_support():
    from . import spawn
    spawn.freeze_support()


def set_executable(executable):
    from . import spawn
    spawn.set_executable(executable)


def set_forkserver_preload(module_names):
    pass


def allow_connection_pickling():
    pass


def get_logger():
    from . import util
    return util.get_logger()


def log_to_stderr(level=None):
    from . import util
    return util.log_to_stderr(level)


def get_all_start_methods():
    return ['fork', 'spawn']


def get_start_method(allow_none=False):
    if _start_method[0] is None:
        if allow_none:
            return None
        _start_method[0] = 'fork'
    return _start_method[0]


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _start_method[0] = None
        return
    if method not in _context_classes:
        raise ValueError('cannot find context for %r' % method)
    _start_method[0] = method


class _BaseContext:
    """What get_context() returns: the module's API with Process bound to one start
    method. (Pool workers are always forked.)"""

    _name = None

    def __init__(self):
        g = globals()
        for name in __all__:
            if name in g and name not in ('get_context', 'get_start_method', 'Manager',
                                          'Process'):
                setattr(self, name, g[name])

    def get_context(self, method=None):
        return get_context(method)

    def get_start_method(self, allow_none=False):
        return self._name

    def Manager(self):
        from .managers import SyncManager
        m = SyncManager(ctx=self)
        m.start()
        return m

    def __repr__(self):
        return f'<multiprocessing.context.{type(self).__name__} object at {id(self):#x}>'


class ForkContext(_BaseContext):
    _name = 'fork'
    Process = process.ForkProcess


class SpawnContext(_BaseContext):
    _name = 'spawn'
    Process = process.SpawnProcess


_context_classes = {'fork': ForkContext, 'spawn': SpawnContext}
_ForkContext = ForkContext


def get_context(method=None):
    if method is None:
        method = get_start_method()
    try:
        return _context_classes[method]()
    except KeyError:
        raise ValueError('cannot find context for %r' % method) from None
