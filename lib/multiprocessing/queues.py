"""Process-shared queues over pipes. Queue hands items to a feeder thread so put() never
blocks on a full pipe; SimpleQueue writes directly."""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import collections
import os
import threading
import time
import weakref
from queue import Empty, Full

from . import connection
from . import synchronize
from . import sharedctypes
from . import process
from . import util
from .reduction import ForkingPickler as _ForkingPickler


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = synchronize.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()
        self._sem = synchronize.Semaphore(maxsize)
        self._size = sharedctypes.Value('i', 0)
        self._closed = False
        self._reset()

    def __getstate__(self):
        from .context import assert_spawning
        assert_spawning(self)
        return (self._maxsize, self._reader, self._writer, self._rlock, self._wlock,
                self._sem, self._size, self._closed)

    def __setstate__(self, state):
        (self._maxsize, self._reader, self._writer, self._rlock, self._wlock,
         self._sem, self._size, self._closed) = state
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._buffer = collections.deque()
        self._notempty = threading.Condition(threading.Lock())
        self._thread = None
        self._joincancelled = False

    def _check_pid(self):
        if self._pid != os.getpid():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        self._check_pid()
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._size.get_lock():
            self._size.value += 1
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(bytes(_ForkingPickler.dumps(obj)))
            self._notempty.notify()

    def _start_thread(self):
        self._thread = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=True)
        self._thread.start()
        # Flush the buffer at exit before children are joined (they may wait for it).
        util.Finalize(None, self._finalize_feeder, exitpriority=10)

    def _feed(self):
        while True:
            with self._notempty:
                while not self._buffer:
                    self._notempty.wait()
                data = self._buffer.popleft()
            if data is None:
                return
            with self._wlock:
                self._writer.send_bytes(data)

    def _finalize_feeder(self):
        if self._thread is not None and self._pid == os.getpid() and not self._joincancelled:
            with self._notempty:
                self._buffer.append(None)
                self._notempty.notify()
            self._thread.join()
            self._thread = None

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                data = self._reader.recv_bytes()
        else:
            deadline = time.monotonic() + (timeout or 0)
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                left = max(0.0, deadline - time.monotonic()) if block else 0.0
                if not self._reader.poll(left):
                    raise Empty
                data = self._reader.recv_bytes()
            finally:
                self._rlock.release()
        with self._size.get_lock():
            self._size.value -= 1
        self._sem.release()
        return _ForkingPickler.loads(data)

    def qsize(self):
        return self._size.value

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self.qsize() >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        self._reader.close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        self._finalize_feeder()

    def cancel_join_thread(self):
        self._joincancelled = True

    def __repr__(self):
        return f'<multiprocessing.queues.Queue object at {id(self):#x}>'


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        super().__init__(maxsize)
        self._unfinished_tasks = synchronize.Semaphore(0)
        self._cond = synchronize.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        with self._cond:
            super().put(obj, block, timeout)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._is_zero():
                self._cond.wait()


class SimpleQueue:
    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()
        self._closed = False

    def close(self):
        self._reader.close()
        self._writer.close()
        self._closed = True

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return _ForkingPickler.loads(data)

    def put(self, obj):
        data = bytes(_ForkingPickler.dumps(obj))
        with self._wlock:
            self._writer.send_bytes(data)

    def __repr__(self):
        return f'<multiprocessing.queues.SimpleQueue object at {id(self):#x}>'
