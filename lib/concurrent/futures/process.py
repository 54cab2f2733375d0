"""ProcessPoolExecutor: a concurrent.futures executor over a multiprocessing pool of forked
workers."""

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

import os
import threading

from concurrent.futures import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly."""


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._pool = None
        self._shutdown = False
        self._lock = threading.Lock()
        self._pending = set()

    def _ensure_pool(self):
        if self._pool is None:
            from multiprocessing.pool import Pool
            self._pool = Pool(self._max_workers, self._initializer, self._initargs,
                              self._max_tasks_per_child)
        return self._pool

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            pool = self._ensure_pool()
            f = _base.Future()
            f.set_running_or_notify_cancel()
            self._pending.add(f)

            def done(value, f=f):
                self._pending.discard(f)
                if not f.done():
                    f.set_result(value)

            def failed(exc, f=f):
                self._pending.discard(f)
                if not f.done():
                    f.set_exception(exc)

            pool.apply_async(fn, args, kwargs, callback=done, error_callback=failed)
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            pool = self._pool
        if pool is None:
            return
        if cancel_futures:
            for f in list(self._pending):
                f.cancel()
        if wait:
            pool.close()
            pool.join()
            self._pool = None
        else:
            pool.close()
