"""Process-based parallelism with the fork start method.

Processes are forked children (process.py); pipes carry pickled messages (connection.py);
locks, semaphores and conditions are pipe-backed so every forked child shares them
(synchronize.py); Value/Array live in a shared file (sharedctypes.py); queues and the pool
build on those. Managers and the spawn/forkserver start methods are not provided."""

import os

from .context_errors import ProcessError, BufferTooShort, TimeoutError, AuthenticationError
from .process import Process, current_process, active_children, parent_process
from .connection import Pipe
from .synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from .queues import Queue, SimpleQueue, JoinableQueue
from .sharedctypes import Value, Array, RawValue, RawArray
from .pool import Pool

__all__ = ['Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
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


def freeze_support():
    pass


def set_executable(executable):
    pass


def set_forkserver_preload(module_names):
    pass


def allow_connection_pickling():
    pass


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')


def log_to_stderr(level=None):
    import logging
    logger = get_logger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter('[%(levelname)s/%(processName)s] %(message)s'))
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return logger


def get_all_start_methods():
    return ['fork']


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
    if method != 'fork':
        raise ValueError('cannot find context for %r' % method)
    _start_method[0] = method


class _ForkContext:
    """What get_context('fork') returns: the module's API under a context object."""

    _name = 'fork'

    def __init__(self):
        g = globals()
        for name in __all__:
            if name in g and name not in ('get_context',):
                setattr(self, name, g[name])

    def get_context(self, method=None):
        return get_context(method)

    def get_start_method(self, allow_none=False):
        return self._name

    def __repr__(self):
        return f'<multiprocessing.context.ForkContext object at {id(self):#x}>'


def get_context(method=None):
    if method not in (None, 'fork'):
        raise ValueError('cannot find context for %r' % method)
    return _ForkContext()
