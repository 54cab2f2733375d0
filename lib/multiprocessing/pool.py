"""Pool of forked worker processes: tasks go out on one pipe queue, results come back on
another and a handler thread in the parent hands them to the waiting result objects."""

__all__ = ['Pool', 'ThreadPool', 'AsyncResult', 'ApplyResult', 'MapResult']

import collections
import itertools
import os
import threading

from . import process
from . import queues
from .context_errors import TimeoutError
from .reduction import ForkingPickler as _ForkingPickler

RUN, CLOSE, TERMINATE = 0, 1, 2
_job_counter = itertools.count()


def _mapstar(args):
    return list(map(*args))


def _starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class _ExceptionWrapper(Exception):
    """Carries an unpicklable worker exception back as text."""


def _worker(inqueue, outqueue, initializer, initargs, maxtasks):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, _ExceptionWrapper(repr(e)))))
        completed += 1


class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(_job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator:
    def __init__(self, pool, ordered=True):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(_job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._unsorted = {}
        self._index = 0
        self._length = None
        self._ordered = ordered
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._items:
                    success, value = self._items.popleft()
                    break
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                if not self._cond.wait(timeout):
                    if self._items:
                        continue
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if not self._ordered:
                self._items.append(obj)
                self._index += 1
            elif self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
            else:
                self._unsorted[i] = obj
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class _ChunkedIMapIterator(IMapIterator):
    """imap over chunks: each result is a list to flatten."""

    def __init__(self, pool, ordered):
        super().__init__(pool, ordered)
        self._pending = collections.deque()

    def next(self, timeout=None):
        while not self._pending:
            chunk = IMapIterator.next(self, timeout)
            self._pending.extend(chunk)
        return self._pending.popleft()

    __next__ = next


class Pool:
    """A pool of worker processes running submitted tasks."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = RUN
        self._cache = {}
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._inqueue = queues.SimpleQueue()
        self._outqueue = queues.SimpleQueue()
        self._pool = []
        self._lock = threading.Lock()
        for _ in range(processes):
            self._add_worker()
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True,
                                                name='Pool-result-handler')
        self._result_handler.start()

    def _add_worker(self):
        w = process.Process(target=_worker, args=(self._inqueue, self._outqueue,
                                                  self._initializer, self._initargs,
                                                  self._maxtasksperchild))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        self._pool.append(w)

    def _handle_results(self):
        while True:
            try:
                task = self._outqueue.get()
            except (OSError, EOFError):
                return
            if task is None:
                return
            job, i, obj = task
            try:
                self._cache[job]._set(i, obj)
            except KeyError:
                pass
            if self._maxtasksperchild is not None and self._state == RUN:
                self._maintain()

    def _maintain(self):
        with self._lock:
            alive = []
            for w in self._pool:
                if w.exitcode is None:
                    alive.append(w)
                else:
                    w.join()
            self._pool = alive
            while len(self._pool) < self._processes and self._state == RUN:
                self._add_worker()

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def __repr__(self):
        state = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return f'<{self.__class__.__module__}.{self.__class__.__qualname__} state={state} pool_size={len(self._pool)}>'

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._inqueue.put((result._job, 0, func, args, kwds))
        return result

    def _chunks(self, iterable, chunksize):
        it = iter(iterable)
        while True:
            chunk = tuple(itertools.islice(it, chunksize))
            if not chunk:
                return
            yield chunk

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        if chunksize:
            for i, chunk in enumerate(self._chunks(iterable, chunksize)):
                self._inqueue.put((result._job, i, mapper, ((func, chunk),), {}))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        if chunksize == 1:
            result = IMapIterator(self, ordered)
            n = 0
            for i, x in enumerate(iterable):
                self._inqueue.put((result._job, i, func, (x,), {}))
                n += 1
            result._set_length(n)
            return result
        result = _ChunkedIMapIterator(self, ordered)
        n = 0
        for i, chunk in enumerate(self._chunks(iterable, chunksize)):
            self._inqueue.put((result._job, i, _mapstar, ((func, chunk),), {}))
            n += 1
        result._set_length(n)
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._stop_handler(workers_killed=True)

    def _stop_handler(self, workers_killed=False):
        if self._result_handler is not None and self._result_handler.is_alive():
            if workers_killed:
                # A worker killed between sending its last result and releasing the
                # queue's write lock leaves it held forever; no worker is left to write.
                self._outqueue._writer.send_bytes(bytes(_ForkingPickler.dumps(None)))
            else:
                self._outqueue.put(None)
            self._result_handler.join()
        self._result_handler = None

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for w in self._pool:
            w.join()
        self._stop_handler()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def ThreadPool(processes=None, initializer=None, initargs=()):
    raise NotImplementedError('multiprocessing.pool.ThreadPool is not available')
